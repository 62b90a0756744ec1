#!/usr/bin/env bash
# Linux amd64 build: the tar.xz (program, .desktop, icons, install.sh) and
# the .deb of scripts/dist.sh. Same as `make dist-linux`.
exec bash "$(dirname "$0")/dist.sh" linux

#!/usr/bin/env bash
# Windows build: the zip of scripts/dist.sh (zhengxie.exe without a console
# window, zhengxie-cli.exe for the command line, both with icon and version
# details; 使用说明.txt). Same as `make dist-windows`.
exec bash "$(dirname "$0")/dist.sh" windows

# Release packages: see scripts/dist.sh and docs/distribution.md.
.PHONY: dist dist-windows dist-linux dist-arm64 test

dist:
	bash scripts/dist.sh windows linux

dist-windows:
	bash scripts/dist.sh windows

dist-linux:
	bash scripts/dist.sh linux

dist-arm64:
	bash scripts/dist.sh arm64

test:
	bash scripts/test.sh

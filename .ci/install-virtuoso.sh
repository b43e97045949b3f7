#!/usr/bin/env bash
# Virtuoso (Debian package virtuoso-opensource) for the second real SPARQL store in tests/test_sparql_server.py.
# Idempotent; only as root with apt-get; never fails the run: without it the Virtuoso tests skip and say why.
if command -v virtuoso-t >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "note: not root or no apt-get; the Virtuoso tests will skip" >&2
    exit 0
fi
timeout 900 sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq virtuoso-opensource' >/dev/null 2>&1 \
    || echo "note: could not install virtuoso-opensource; the Virtuoso tests will skip" >&2
# the package may start its own service on the default ports; the tests start their own server on free ports
exit 0

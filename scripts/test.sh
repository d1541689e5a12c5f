#!/usr/bin/env bash
# Builds fmasim with its tests (installing missing Debian packages first) and runs
# the whole test suite. Warnings are errors when CI is set.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
build="${FMASIM_BUILD_DIR:-$root/build}"
werror=OFF
if [[ -n "${CI:-}" ]]; then werror=ON; fi
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DFMASIM_WERROR=$werror >/dev/null
cmake --build "$build"
cd "$build"
ctest --output-on-failure -j "$(nproc)"

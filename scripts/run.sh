#!/usr/bin/env bash
# Builds fmasim (installing missing Debian packages first) and runs it.
# With no arguments it runs the built-in default job; otherwise the arguments go to fmasim.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
build="${FMASIM_BUILD_DIR:-$root/build}"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" --target fmasim >&2  # build messages on stderr: stdout is the report
if (($# == 0)); then set -- run; fi
exec "$build/fmasim" "$@"

# `sh rtl_progress.sh FMASIM CONFIG LIBRARY`: fmasim verify draws a progress line on
# stderr only when stderr is a terminal (here a pseudo-terminal from script(1)), and
# erases it at the end: the last bytes are a carriage return, blanks, a carriage return.
FMASIM=$1 CONFIG=$2 LIBRARY=$3
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
run="'$FMASIM' verify '$CONFIG' --rtl-lib '$LIBRARY' --vectors exhaustive --states 12"
script -qec "$run >/dev/null" /dev/null >"$dir/tty" || { echo "FAIL: verify on a terminal failed"; exit 1; }
grep -q "verify: [0-9.]*% ([0-9]* of 786432 steps)" "$dir/tty" || { echo "FAIL: no progress line on a terminal"; exit 1; }
tail -c 3 "$dir/tty" | od -An -c | grep -q '     \\r' || { echo "FAIL: the progress line is not erased"; od -c "$dir/tty" | tail -3; exit 1; }
sh -c "$run" >/dev/null 2>"$dir/err" || { echo "FAIL: verify failed"; exit 1; }
if grep -q "verify:" "$dir/err"; then
  echo "FAIL: a progress line on stderr that is not a terminal"
  exit 1
fi

# Helpers for the CLI tests: run fmasim on given stdin and compare. Sourced by the
# test scripts, which CTest runs as `sh SCRIPT FMASIM`; every failed check is printed
# and the script exits 1 at the end if any failed.
FMASIM=$1
failures=0
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT

fail() {
  echo "FAIL: $1"
  failures=$((failures + 1))
}

# expect_output "ARGS" "INPUT" "EXPECTED STDOUT": exit 0, exact stdout (every line ending
# in \n), empty stderr.
expect_output() {
  printf '%b' "$2" | "$FMASIM" vectors $1 >"$out" 2>"$err"
  rc=$?
  [ "$rc" -eq 0 ] || fail "vectors $1 <<< '$2': exit $rc, stderr: $(cat "$err")"
  [ -s "$err" ] && fail "vectors $1 <<< '$2': unexpected stderr: $(cat "$err")"
  expected=$(printf '%b' "$3")
  [ "$(cat "$out")" = "$expected" ] || fail "vectors $1 <<< '$2': got '$(cat "$out")', expected '$expected'"
  [ -z "$(tail -c 1 "$out")" ] || fail "vectors $1 <<< '$2': the last line lacks its newline"
}

# expect_error "ARGS" "INPUT" "STDERR FRAGMENT" ["STDOUT"]: exit 2, one error on stderr
# containing the fragment (CLI11 adds a "--help" hint line to its own errors), and
# stdout equal to STDOUT (default empty): lines before a bad line are still written.
expect_error() {
  printf '%b' "$2" | "$FMASIM" vectors $1 >"$out" 2>"$err"
  rc=$?
  [ "$rc" -eq 2 ] || fail "vectors $1 <<< '$2': exit $rc, expected 2"
  grep -qF -- "$3" "$err" || fail "vectors $1 <<< '$2': stderr '$(cat "$err")' lacks '$3'"
  lines=$(grep -c '' "$err")
  [ "$lines" -le 2 ] || fail "vectors $1 <<< '$2': $lines stderr lines, expected one error"
  expected=$(printf '%b' "${4:-}")
  [ "$(cat "$out")" = "$expected" ] || fail "vectors $1 <<< '$2': stdout '$(cat "$out")', expected '$expected'"
}

finish() {
  [ "$failures" -eq 0 ] && echo "all checks passed" && exit 0
  echo "$failures check(s) failed"
  exit 1
}

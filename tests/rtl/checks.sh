# Sourced by the rtl_*.sh tests: a scratch directory $dir (removed on exit), `fail
# MESSAGE` (counted in $failures, `finish` exits with it) and the lock-step's mismatch
# report checks.
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
failures=0
fail() {
  echo "FAIL: $1"
  failures=$((failures + 1))
}

# expect_mismatch FMASIM CONFIG LIBRARY VECTORS PARAMETER: `fmasim verify CONFIG` against
# LIBRARY, a model built with other parameters, must exit 1 with the mismatch report:
# the cycle, both sides as hex and number, the differing parameter named (PARAMETER, a
# grep pattern), a VCD ($dir/m.vcd) and the failure line. Its output is in $dir/out.
expect_mismatch() {
  "$1" verify "$2" --rtl-lib "$3" --vectors "$4" --vcd "$dir/m.vcd" >"$dir/out" 2>&1
  rc=$?
  [ "$rc" -eq 1 ] || fail "verify with a model of other parameters: exit $rc, expected 1"
  grep -q "^MISMATCH at cycle [0-9]*:" "$dir/out" || fail "no mismatch report"
  grep -q "$5" "$dir/out" || fail "the differing parameter is not named ('$5')"
  grep -q "^  systemc .*out_result=0x[0-9a-f]* (" "$dir/out" || fail "the SystemC side is not printed as hex and number"
  grep -q "^  rtl .*out_result=0x[0-9a-f]* (" "$dir/out" || fail "the RTL side is not printed as hex and number"
  grep -q '^\$enddefinitions' "$dir/m.vcd" || fail "no VCD written"
  grep -q "^FAIL: 1 mismatching cycle" "$dir/out" || fail "no failure line"
}

# The exit status: 0 when nothing failed; else the last command's output is shown.
finish() {
  [ "$failures" -eq 0 ] || cat "$dir/out"
  [ "$failures" -eq 0 ]
}

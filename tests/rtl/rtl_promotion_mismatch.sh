# `sh rtl_promotion_mismatch.sh FMASIM CONFIG_RDN CONFIG_12 LIBRARY`: the lock-step
# fails on a wrong promotion. The promoted dot4 config with its promotion rounded
# downward, and with an interval of 12 products instead of 8, each checked against the
# model built for rounding upward every 8, must report a mismatch (the differing
# -GPR_ROUNDING or -GPROMOTION_STEPS named, both sides as FP32 hex and number) and exit 1.
FMASIM=$1 RDN=$2 INTERVAL12=$3 LIBRARY=$4
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
failures=0
fail() {
  echo "FAIL: $1"
  failures=$((failures + 1))
}

# expect_mismatch CONFIG PARAMETER_LINE
expect_mismatch() {
  "$FMASIM" verify "$1" --rtl-lib "$LIBRARY" --vectors 6000 --vcd "$dir/m.vcd" >"$dir/out" 2>&1
  rc=$?
  [ "$rc" -eq 1 ] || fail "$1: exit $rc, expected 1"
  grep -q "^MISMATCH at cycle [0-9]*:" "$dir/out" || fail "$1: no mismatch report"
  grep -q "$2" "$dir/out" || fail "$1: the differing parameter is not named ($2)"
  # out_result carries the promoted FP32 code (8 hex digits for a non-zero normal result)
  grep -q "^  systemc .*out_result=0x[0-9a-f]\{8\} (" "$dir/out" || fail "$1: the SystemC side is not an FP32 code and number"
  grep -q "^  rtl .*out_result=0x[0-9a-f]\{8\} (" "$dir/out" || fail "$1: the RTL side is not an FP32 code and number"
  grep -q "^FAIL: 1 mismatching cycle" "$dir/out" || fail "$1: no failure line"
  [ "$failures" -eq 0 ] || cat "$dir/out"
}
expect_mismatch "$RDN" "library -GPR_ROUNDING=2 *config -GPR_ROUNDING=3"
expect_mismatch "$INTERVAL12" "library -GPROMOTION_STEPS=2 *config -GPROMOTION_STEPS=3"
[ "$failures" -eq 0 ]

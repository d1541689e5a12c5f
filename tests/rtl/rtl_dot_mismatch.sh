# `sh rtl_dot_mismatch.sh FMASIM CONFIG LIBRARY [DIFFERENCE]`: the lock-step fails on
# a four-lane dot datapath. A config checked against a model built from a config that
# differs in one parameter must report a mismatch (its lanes, both sides as hex and
# number, the differing parameter named as the grep pattern DIFFERENCE says, a VCD)
# and exit 1. By default the dot4 config with a 20-bit alignment window against the model
# built with 24 bits; promotion's tests pass a wrong promotion rounding or interval.
FMASIM=$1 CONFIG=$2 LIBRARY=$3
DIFFERENCE=${4:-"library -GALIGN_FRAC_BITS=24 *config -GALIGN_FRAC_BITS=20"}
. "$(dirname "$0")/checks.sh"

expect_mismatch "$FMASIM" "$CONFIG" "$LIBRARY" 2000 "$DIFFERENCE"
grep -q "^MISMATCH at cycle [0-9]*: .* a=\[0x[0-9a-f]* 0x[0-9a-f]* 0x[0-9a-f]* 0x[0-9a-f]*\] b=\[" "$dir/out" ||
  fail "no mismatch report with the four lanes of a and b"
grep -q '^\$var wire 32 % in_a \$end' "$dir/m.vcd" || fail "the VCD lacks the 32-bit in_a of four lanes"

finish

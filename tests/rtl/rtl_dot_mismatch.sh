# `sh rtl_dot_mismatch.sh FMASIM CONFIG_F20 LIBRARY_DOT4`: the lock-step fails on a
# dot datapath. The dot4 config with a 20-bit alignment window checked against the
# model built with 24 bits must report a mismatch (its lanes, both sides as hex and
# number, the differing -GALIGN_FRAC_BITS named, a VCD) and exit 1.
FMASIM=$1 CONFIG=$2 LIBRARY=$3
. "$(dirname "$0")/checks.sh"

expect_mismatch "$FMASIM" "$CONFIG" "$LIBRARY" 2000 "library -GALIGN_FRAC_BITS=24 *config -GALIGN_FRAC_BITS=20"
grep -q "^MISMATCH at cycle [0-9]*: .* a=\[0x[0-9a-f]* 0x[0-9a-f]* 0x[0-9a-f]* 0x[0-9a-f]*\] b=\[" "$dir/out" ||
  fail "no mismatch report with the four lanes of a and b"
grep -q '^\$var wire 32 % in_a \$end' "$dir/m.vcd" || fail "the VCD lacks the 32-bit in_a of four lanes"

finish

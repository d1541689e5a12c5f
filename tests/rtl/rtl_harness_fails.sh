# `sh rtl_harness_fails.sh FMASIM CONFIG_RTZ LIBRARY_RNE CONFIGS_DIR`: the lock-step
# can fail. The RTZ config checked against a model built for RNE must report a mismatch
# (cycle, both outputs, a VCD) and exit 1; configs the RTL does not build yet are
# refused with exit 2 and the field named.
FMASIM=$1 RTZ=$2 LIBRARY=$3 CONFIGS=$4
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
failures=0
fail() {
  echo "FAIL: $1"
  failures=$((failures + 1))
}

"$FMASIM" verify "$RTZ" --rtl-lib "$LIBRARY" --vectors 5000 --vcd "$dir/m.vcd" >"$dir/out" 2>&1
rc=$?
[ "$rc" -eq 1 ] || fail "verify with a model of another rounding: exit $rc, expected 1"
grep -q "^MISMATCH at cycle [0-9]*:" "$dir/out" || fail "no mismatch report"
grep -q "library -GROUNDING=0 *config -GROUNDING=1" "$dir/out" || fail "the differing parameter is not named"
grep -q "^  systemc .*out_result=0x[0-9a-f]* (" "$dir/out" || fail "the SystemC side is not printed as hex and number"
grep -q "^  rtl .*out_result=0x[0-9a-f]* (" "$dir/out" || fail "the RTL side is not printed as hex and number"
grep -q '^\$enddefinitions' "$dir/m.vcd" || fail "no VCD written"
grep -q "^FAIL: 1 mismatching cycle" "$dir/out" || fail "no failure line"

"$FMASIM" verify "$RTZ" --rtl-lib "$LIBRARY" --vectors 5000 --max-mismatches 3 --vcd "$dir/m3.vcd" >"$dir/out3" 2>&1
[ "$(grep -c '^MISMATCH' "$dir/out3")" -eq 3 ] || fail "--max-mismatches 3 did not count on to 3"

# expect_unsupported CONFIG FRAGMENT: exit 2, the config and the fragment on stderr.
expect_unsupported() {
  "$FMASIM" rtl-params "$CONFIGS/$1" >"$dir/p" 2>"$dir/e"
  rc=$?
  [ "$rc" -eq 2 ] || fail "rtl-params $1: exit $rc, expected 2"
  grep -qF "$1: $2" "$dir/e" || fail "rtl-params $1: stderr '$(cat "$dir/e")' lacks '$2'"
}
# The exact (Kulisch) dot reference: a dot with a fixed-point accumulator.
expect_unsupported tensorcores/fp8_e4m3_exact_dot32.json \
  "/datapath/accumulator/format: the RTL's dot and cma datapaths support float and integer accumulators so far"
# A fixed-point accumulator that cuts products (8 fraction bits; E4M3 products have 18).
printf '%s' '{"name": "cut", "datapath": {"kind": "mac", "a": "fp8_e4m3",
  "accumulator": {"format": "fixed", "width": 40, "fraction_bits": 8}}}' >"$dir/cut.json"
"$FMASIM" rtl-params "$dir/cut.json" >"$dir/p" 2>"$dir/e"
rc=$?
[ "$rc" -eq 2 ] && grep -qF "cut.json: /datapath/accumulator/fraction_bits: the RTL's fixed-point accumulators hold every product bit so far: at least 18" "$dir/e" ||
  fail "fixed point with 8 fraction bits: exit $rc, $(cat "$dir/e")"
# A dot datapath with interleaved partial accumulators.
printf '%s' '{"name": "dot_interleave", "datapath": {"kind": "dot", "a": "fp8_e4m3", "lanes": 4,
  "accumulator": {"format": "fp32"}, "feedback": "interleave"}}' >"$dir/dot_interleave.json"
"$FMASIM" rtl-params "$dir/dot_interleave.json" >"$dir/p" 2>"$dir/e"
rc=$?
[ "$rc" -eq 2 ] && grep -qF "dot_interleave.json: /datapath/feedback: the RTL's dot and cma datapaths support \"stall\" so far" "$dir/e" ||
  fail "dot with interleave: exit $rc, $(cat "$dir/e")"
"$FMASIM" verify "$RTZ" --rtl-lib "$dir/none.so" >"$dir/o" 2>"$dir/e"
rc=$?
[ "$rc" -eq 2 ] && grep -q -- "--rtl-lib: .*none.so: cannot load" "$dir/e" || fail "missing library: exit $rc, $(cat "$dir/e")"

[ "$failures" -eq 0 ] || cat "$dir/out"
[ "$failures" -eq 0 ]

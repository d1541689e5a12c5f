# `sh rtl_harness_fails.sh FMASIM CONFIG_RTZ LIBRARY_RNE`: the lock-step
# can fail. The RTZ config checked against a model built for RNE must report a mismatch
# (cycle, both outputs, a VCD) and exit 1; configs the RTL does not build yet are
# refused with exit 2 and the field named.
FMASIM=$1 RTZ=$2 LIBRARY=$3
. "$(dirname "$0")/checks.sh"

expect_mismatch "$FMASIM" "$RTZ" "$LIBRARY" 5000 "library -GROUNDING=0 *config -GROUNDING=1"
"$FMASIM" verify "$RTZ" --rtl-lib "$LIBRARY" --vectors 5000 --max-mismatches 3 --vcd "$dir/m3.vcd" >"$dir/out3" 2>&1
[ "$(grep -c '^MISMATCH' "$dir/out3")" -eq 3 ] || fail "--max-mismatches 3 did not count on to 3"

# Configs the RTL does not build: exit 2, the config and the field on stderr.
# An accumulator format without infinities (OCP FP8 E4M3).
printf '%s' '{"name": "e4acc", "datapath": {"kind": "mac", "a": "fp8_e4m3",
  "accumulator": {"format": "fp8_e4m3"}}}' >"$dir/e4acc.json"
"$FMASIM" rtl-params "$dir/e4acc.json" >"$dir/p" 2>"$dir/e"
rc=$?
[ "$rc" -eq 2 ] && grep -qF "e4acc.json: /datapath/accumulator/format: fp8_e4m3: the RTL's float accumulators are IEEE-style formats" "$dir/e" ||
  fail "an FP8 E4M3 accumulator: exit $rc, $(cat "$dir/e")"
# More lanes than the operand ports carry (32 x FP32 = 1024 bits).
printf '%s' '{"name": "wide", "datapath": {"kind": "dot", "a": "fp32", "lanes": 32,
  "alignment": {"fraction_bits": 30}, "accumulator": {"format": "fp32"}}}' >"$dir/wide.json"
"$FMASIM" rtl-params "$dir/wide.json" >"$dir/p" 2>"$dir/e"
rc=$?
[ "$rc" -eq 2 ] && grep -qF "wide.json: /datapath/lanes: the RTL's operand ports carry at most 512 bits" "$dir/e" ||
  fail "32 FP32 lanes: exit $rc, $(cat "$dir/e")"
"$FMASIM" verify "$RTZ" --rtl-lib "$dir/none.so" >"$dir/o" 2>"$dir/e"
rc=$?
[ "$rc" -eq 2 ] && grep -q -- "--rtl-lib: .*none.so: cannot load" "$dir/e" || fail "missing library: exit $rc, $(cat "$dir/e")"

finish

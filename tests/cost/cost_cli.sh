#!/bin/sh
# fmasim cost: the default report (area and energy), JSON and CSV output, area only,
# errors for a bad technology or energy prefix, and the cost table of fmasim run;
# fmasim synth: an unsupported config, the units apart, --whole.
fmasim="$1"
configs="$2"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() {
  echo "FAIL: $1"
  failures=$((failures + 1))
}

"$fmasim" cost >"$tmp/out" 2>"$tmp/err" || fail "fmasim cost exited $?: $(cat "$tmp/err")"
for name in int8_int32 fp8_e4m3_fp32 fp8_e4m3_fp16 fp8_e4m3_kulisch; do
  grep -q "^$name " "$tmp/out" || fail "no $name in: $(cat "$tmp/out")"
done
[ "$(grep -c '^  total ' "$tmp/out")" = 4 ] || fail "expected 4 totals in: $(cat "$tmp/out")"
[ "$(grep -c 'pJ/op' "$tmp/out")" = 4 ] || fail "expected an energy column per config in: $(cat "$tmp/out")"
[ "$(grep -c '^  energy: .* pJ per MAC, .* pJ per dot product of 4096 (.*); toggles counted over the first 65536 MACs of the workload in the functional engine' "$tmp/out")" = 4 ] \
  || fail "expected an energy line per config in: $(cat "$tmp/out")"
# fp8_e4m3_fp32 interleaves four partials: three final reductions per dot product
grep -q 'pJ per dot product of 4096 (4096 steps, 3 final reductions, 0 promotion adds)' "$tmp/out" \
  || fail "expected the interleaved config's reductions in: $(cat "$tmp/out")"

"$fmasim" cost "$configs/fp8_e4m3_dot4.json" --tech sky130 --json "$tmp/cost.json" --csv "$tmp/cost.csv" --quiet \
  || fail "cost --json exited $?"
grep -q '"name": "sky130"' "$tmp/cost.json" || fail "no technology in the JSON report"
[ "$(grep -c '^fp8_e4m3_dot4,sky130,' "$tmp/cost.csv")" = 5 ] || fail "expected 5 unit rows: $(cat "$tmp/cost.csv")"
grep -q '"pj_per_op"' "$tmp/cost.json" || fail "no pj_per_op in the JSON report"
grep -q '"energy_macs_counted": 65536' "$tmp/cost.json" || fail "no energy prefix in the JSON report"
# promotion every 128 products of a 32-lane dot: 32 adds per dot product of 4096
"$fmasim" cost "$configs/tensorcores/h100_fp8_fp32_promoted.json" --json "$tmp/promoted.json" --quiet \
  || fail "cost --json of a promoted config exited $?"
grep -q '"promotions_per_dot": 32' "$tmp/promoted.json" || fail "no promotions_per_dot in: $(cat "$tmp/promoted.json")"
grep -q '"reductions_per_dot": 0' "$tmp/promoted.json" || fail "no reductions_per_dot in the JSON report"
head -1 "$tmp/cost.csv" | grep -q ',pj_per_op,energy_percent$' || fail "CSV header: $(head -1 "$tmp/cost.csv")"
grep '^fp8_e4m3_dot4,sky130,multiplier,' "$tmp/cost.csv" | grep -Eq ',[0-9.e-]+,[0-9.]+$' || fail "no energy in the CSV rows"

"$fmasim" cost "$configs/int8_int32.json" --energy-macs 0 >"$tmp/area" || fail "--energy-macs 0 exited $?"
grep -q 'pJ' "$tmp/area" && fail "--energy-macs 0 must print area only: $(cat "$tmp/area")"
"$fmasim" cost "$configs/int8_int32.json" --energy-macs 100 >"$tmp/prefix" || fail "--energy-macs 100 exited $?"
grep -q 'over the first 100 MACs' "$tmp/prefix" || fail "prefix not reported: $(cat "$tmp/prefix")"
"$fmasim" cost "$configs/int8_int32.json" --energy-macs -5 >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] || fail "a negative --energy-macs must exit 2"
grep -q "energy-macs: Value -5 not in range 0 to" "$tmp/err" || fail "bad --energy-macs message: $(cat "$tmp/err")"

"$fmasim" run "$configs/int8_int32.json" --csv "$tmp/run.csv" >"$tmp/run" || fail "fmasim run exited $?"
grep -q '^  energy: .* pJ per MAC' "$tmp/run" || fail "fmasim run has no cost table: $(cat "$tmp/run")"
head -1 "$tmp/run.csv" | grep -q ',total_ge,pj_per_mac,pj_per_dot$' || fail "run CSV header: $(head -1 "$tmp/run.csv")"
# run prices with the same choices as cost: the same table for the same technology and prefix
"$fmasim" run "$configs/int8_int32.json" --tech n7 --energy-macs 4096 >"$tmp/run_n7" || fail "fmasim run --tech n7 exited $?"
"$fmasim" cost "$configs/int8_int32.json" --tech n7 --energy-macs 4096 >"$tmp/cost_n7" || fail "fmasim cost --tech n7 exited $?"
sed -n "/^int8_int32  (/,\$p" "$tmp/run_n7" | cmp -s - "$tmp/cost_n7" || fail "run --tech n7 table differs from cost: $(cat "$tmp/run_n7")"
grep -q "^int8_int32  (n7," "$tmp/run_n7" || fail "run --tech n7 does not price in n7: $(cat "$tmp/run_n7")"

printf '{"name": "x"}' >"$tmp/bad.json"
"$fmasim" cost --tech "$tmp/bad.json" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] || fail "a bad technology file must exit 2"
grep -q "bad.json: /node_nm: missing" "$tmp/err" || fail "bad technology message: $(cat "$tmp/err")"
"$fmasim" cost --tech nosuchnode >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] || fail "an unknown technology must exit 2"
grep -q "allowed: a .json file or one of nangate45" "$tmp/err" || fail "unknown technology message: $(cat "$tmp/err")"

# fmasim synth: a config the RTL does not build (an accumulator format without
# infinities) is refused naming the field (no yosys run).
printf '%s' '{"name": "e4acc", "datapath": {"kind": "mac", "a": "fp8_e4m3",
  "accumulator": {"format": "fp8_e4m3"}}}' >"$tmp/e4acc.json"
"$fmasim" synth "$tmp/e4acc.json" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] || fail "synth of an FP8 E4M3 accumulator must exit 2"
grep -q "e4acc.json: /datapath/accumulator/format: fp8_e4m3: the RTL's float accumulators are IEEE-style" "$tmp/err" ||
  fail "synth message: $(cat "$tmp/err")"
"$fmasim" synth "$tmp/e4acc.json" --skip-unsupported >"$tmp/out" 2>"$tmp/err"
[ $? -eq 0 ] || fail "synth --skip-unsupported must exit 0"
grep -q "e4acc.json: skipped: /datapath/accumulator/format" "$tmp/err" || fail "skip message: $(cat "$tmp/err")"

# fmasim synth: the units apart and their total; the whole mac flattened only with --whole.
"$fmasim" synth "$configs/int8_int32.json" --json "$tmp/units.json" >"$tmp/out" 2>"$tmp/err" ||
  fail "synth exited $?: $(cat "$tmp/err")"
grep -q '^  total ' "$tmp/out" || fail "synth: no total in: $(cat "$tmp/out")"
! grep -q 'whole' "$tmp/out" "$tmp/units.json" || fail "synth without --whole synthesized the whole mac"
"$fmasim" synth "$configs/int8_int32.json" --whole --json "$tmp/whole.json" >"$tmp/out" 2>"$tmp/err" ||
  fail "synth --whole exited $?: $(cat "$tmp/err")"
grep -q '^  whole mac ' "$tmp/out" || fail "synth --whole: no whole mac in: $(cat "$tmp/out")"
grep -q '"whole_mac"' "$tmp/whole.json" || fail "synth --whole: no whole_mac in the JSON"

[ "$failures" -eq 0 ] && echo "all checks passed" && exit 0
echo "$failures check(s) failed"
exit 1

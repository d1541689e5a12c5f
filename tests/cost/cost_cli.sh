#!/bin/sh
# fmasim cost: the default report, JSON and CSV output, and errors for a bad technology.
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

"$fmasim" cost "$configs/fp8_e4m3_dot4.json" --tech sky130 --json "$tmp/cost.json" --csv "$tmp/cost.csv" --quiet \
  || fail "cost --json exited $?"
grep -q '"name": "sky130"' "$tmp/cost.json" || fail "no technology in the JSON report"
[ "$(grep -c '^fp8_e4m3_dot4,sky130,' "$tmp/cost.csv")" = 5 ] || fail "expected 5 unit rows: $(cat "$tmp/cost.csv")"

printf '{"name": "x"}' >"$tmp/bad.json"
"$fmasim" cost --tech "$tmp/bad.json" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] || fail "a bad technology file must exit 2"
grep -q "bad.json: /node_nm: missing" "$tmp/err" || fail "bad technology message: $(cat "$tmp/err")"
"$fmasim" cost --tech nosuchnode >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] || fail "an unknown technology must exit 2"
grep -q "allowed: a .json file or one of nangate45" "$tmp/err" || fail "unknown technology message: $(cat "$tmp/err")"

# fmasim synth: a config the RTL does not build is refused naming the field (no yosys run).
"$fmasim" synth "$configs/fp8_e4m3_dot4.json" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] || fail "synth of a dot config must exit 2"
grep -q "fp8_e4m3_dot4.json: /datapath/kind: the RTL builds mac and fma" "$tmp/err" || fail "synth message: $(cat "$tmp/err")"
"$fmasim" synth "$configs/fp8_e4m3_dot4.json" --skip-unsupported >"$tmp/out" 2>"$tmp/err"
[ $? -eq 0 ] || fail "synth --skip-unsupported must exit 0"
grep -q "fp8_e4m3_dot4.json: skipped: /datapath/kind" "$tmp/err" || fail "skip message: $(cat "$tmp/err")"

[ "$failures" -eq 0 ] && echo "all checks passed" && exit 0
echo "$failures check(s) failed"
exit 1

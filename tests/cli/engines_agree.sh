# Three engines, one answer: for every config in configs/ and configs/tensorcores/,
# `fmasim run --engine functional` and `--engine systemc` report the same numbers
# (values, errors, flags, and cycles: stated by the functional engine, measured by
# the SystemC model; a config's `compare` configs included).
# Only the timing fields may differ. Also: a broken config gives exit 2, and the
# JSON/CSV reports are written. Usage: sh engines_agree.sh FMASIM CONFIGS_DIR
FMASIM=$1
CONFIGS=$2
failures=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() {
  echo "FAIL: $1"
  failures=$((failures + 1))
}
count=0
for config in "$CONFIGS"/*.json "$CONFIGS"/tensorcores/*.json; do
  [ "$(basename "$config")" = schema.json ] && continue
  count=$((count + 1))
  for engine in functional systemc; do
    "$FMASIM" run "$config" --engine $engine --quiet --json "$tmp/$engine.json" --csv "$tmp/$engine.csv" 2>"$tmp/err" ||
      fail "$config --engine $engine: exit $?: $(cat "$tmp/err")"
    grep -v -e '"seconds"' -e '"macs_per_second"' "$tmp/$engine.json" >"$tmp/$engine.numbers"
  done
  grep -q '"cycles_per_dot"' "$tmp/functional.numbers" || fail "$config: no cycles_per_dot in the JSON report"
  cmp -s "$tmp/functional.numbers" "$tmp/systemc.numbers" ||
    fail "$config: engines disagree: $(diff "$tmp/functional.numbers" "$tmp/systemc.numbers" | head -5)"
  rows=$(($(sed -n '/"compare"/,/]/p' "$config" | grep -c '\.json"') + 1))  # itself and each compared config
  [ "$(wc -l <"$tmp/systemc.csv")" -eq $((rows + 1)) ] || fail "$config: the CSV report should have a header and $rows rows"
done
[ "$count" -ge 19 ] || fail "only $count configs found in $CONFIGS and $CONFIGS/tensorcores"
printf '{"datapath": {"kind": "mac", "a": "fp8_e4m3", "accumulator": {"format": "fp32"}}, "workload": {"lenght": 5}}' >"$tmp/bad.json"
"$FMASIM" run "$tmp/bad.json" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 2 ] || fail "a broken config exits $rc, expected 2"
grep -qF "bad.json: /workload/lenght: unknown field" "$tmp/err" || fail "broken config error: $(cat "$tmp/err")"
[ -s "$tmp/out" ] && fail "a broken config printed a report"
printf '{"compare": ["missing.json"], "datapath": {"kind": "mac", "a": "fp16", "accumulator": {"format": "fp32"}}}' >"$tmp/cmp.json"
"$FMASIM" run "$tmp/cmp.json" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 2 ] || fail "a missing compare config exits $rc, expected 2"
grep -qF "missing.json: cannot open the file" "$tmp/err" || fail "missing compare config error: $(cat "$tmp/err")"
echo "$count configs: $((count * 2 - failures)) engine runs agree, $failures failed"
[ "$failures" -eq 0 ]

# The table of `fmasim run` shows each config's utilization (accepted steps per
# cycle), equal to ceil(length / lanes) / cycles_per_dot from the JSON report, and
# for a long dot product near 1 / initiation_interval: below 1 for a MAC that stalls
# on its accumulate loop, 1 for interleaved partial accumulators.
# Usage: sh run_table.sh FMASIM
. "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp" "$out" "$err"' EXIT
# check HAZARD: an FP8 MAC whose accumulate loop spans several registered units
check() {
  config="$tmp/$1.json"
  printf '{"name": "%s", "datapath": {"kind": "mac", "a": "fp8_e4m3", "accumulator": {"format": "fp32"},
    "pipeline": {"multiplier": 1, "aligner": 1, "adder": 1, "normalizer": 1, "accumulator": 0}, "feedback": "%s"},
    "workload": {"length": 3000, "count": 2}}' "$1" "$1" >"$config"
  "$FMASIM" run "$config" --json "$tmp/$1.report.json" >"$tmp/$1.table" 2>"$err" ||
    fail "$1: exit $?: $(cat "$err")"
  shown=$(awk -v name="$1" '$1 == "config" { for (i = 1; i <= NF; i++) if ($i == "util") col = i }
                            $1 == name && col { print $col }' "$tmp/$1.table")
  [ -n "$shown" ] || fail "$1: no util column in the table: $(cat "$tmp/$1.table")"
  length=$(sed -n 's/.*"length": \([0-9]*\).*/\1/p' "$tmp/$1.report.json")
  lanes=$(sed -n 's/.*"lanes": \([0-9]*\).*/\1/p' "$tmp/$1.report.json")
  cycles=$(sed -n 's/.*"cycles_per_dot": \([0-9]*\).*/\1/p' "$tmp/$1.report.json")
  ii=$(sed -n 's/.*"initiation_interval": \([0-9]*\).*/\1/p' "$tmp/$1.report.json")
  awk -v shown="$shown" -v k="$length" -v lanes="$lanes" -v cycles="$cycles" -v ii="$ii" -v hazard="$1" 'BEGIN {
    want = int((k + lanes - 1) / lanes) / cycles
    if (sprintf("%.2f", want) != shown) { print "util " shown ", expected " want; exit 1 }
    if (want < 0.99 / ii || want > 1.01 / ii) { print "util " want ", expected about 1/" ii; exit 1 }
    if ((hazard == "stall") != (ii > 1)) { print "initiation interval " ii " with " hazard; exit 1 } }' >"$tmp/why" ||
    fail "$1: $(cat "$tmp/why")"
}
check stall
check interleave
echo "run table: $failures failed"
[ "$failures" -eq 0 ]

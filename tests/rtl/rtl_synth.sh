# `sh rtl_synth.sh FMASIM CONFIG RTL_DIR YOSYS`: yosys reads rtl/ with the config's
# parameters and synthesizes it with no latch, no warning (undriven or multiply
# driven nets among them) and a clean `check`.
FMASIM=$1 CONFIG=$2 RTL=$3 YOSYS=$4
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$FMASIM" rtl-params --format yosys "$CONFIG" -o "$dir/params.ys" || exit 1
{
  echo "read_verilog -sv $(echo "$RTL"/*.sv)"
  cat "$dir/params.ys"
  echo "hierarchy -check -top mac"
  echo "proc"
  echo "select -assert-none t:\$dlatch t:\$adlatch t:\$dlatchsr t:\$sr"
  echo "synth -top mac"
  echo "check -assert"
  echo "tee -o $dir/stat.txt stat"
} >"$dir/synth.ys"
"$YOSYS" -q -l "$dir/log.txt" "$dir/synth.ys" >/dev/null 2>&1
rc=$?
if [ "$rc" -ne 0 ] || grep -qi "warning" "$dir/log.txt"; then
  grep -i -B2 -A2 "warning\|error" "$dir/log.txt" | head -40
  echo "FAIL: yosys exit $rc or warnings for $CONFIG"
  exit 1
fi
grep -E "Number of cells" "$dir/stat.txt" | tail -1

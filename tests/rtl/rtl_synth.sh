# `sh rtl_synth.sh FMASIM CONFIG RTL_DIR YOSYS [synth|check]`: yosys reads rtl/ with the
# config's parameters (read_verilog -sv) with no latch, no warning and a clean
# `check -assert` (no undriven, multiply driven or looping net).
#   synth (the default): then the whole `synth`, checked again, its cell count printed.
#   check: the checks on the netlist `proc` leaves, which already has every net, driver
#   and latch; synth's later passes only optimize and map it (docs/RTL.md, Tests).
FMASIM=$1 CONFIG=$2 RTL=$3 YOSYS=$4 MODE=${5:-synth}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
case $MODE in
  synth) steps="synth -top mac; check -assert" ;;
  check) steps="" ;;
  *) echo "rtl_synth.sh: mode '$MODE': allowed synth or check"; exit 2 ;;
esac
"$FMASIM" rtl-params --format yosys "$CONFIG" -o "$dir/params.ys" || exit 1
if grep -qv '^chparam -set [A-Z0-9_]* [^ ]* mac$' "$dir/params.ys"; then
  echo "FAIL: unexpected line in rtl-params --format yosys: $(grep -v '^chparam' "$dir/params.ys" | head -1)"
  exit 1
fi
{
  echo "read_verilog -sv $(echo "$RTL"/*.sv)"
  # One chparam for all parameters: each chparam re-derives mac (a second per config).
  echo "chparam $(sed 's/^chparam \(.*\) mac$/\1/' "$dir/params.ys" | tr '\n' ' ') mac"
  echo "hierarchy -check -top mac"
  echo "proc"
  echo "select -assert-none t:\$dlatch t:\$adlatch t:\$dlatchsr t:\$sr"
  echo "check -assert"
  echo "hierarchy -check"
  echo "$steps"
  echo "tee -o $dir/stat.txt stat"
} >"$dir/synth.ys"
"$YOSYS" -q -l "$dir/log.txt" "$dir/synth.ys" >/dev/null 2>&1
rc=$?
if [ "$rc" -ne 0 ] || grep -qi "warning" "$dir/log.txt"; then
  grep -i -B2 -A2 "warning\|error" "$dir/log.txt" | head -40
  echo "FAIL: yosys exit $rc or warnings for $CONFIG"
  exit 1
fi
# Generic gate cells only after the whole synth (before it they are word-level cells).
if [ "$MODE" = synth ]; then
  grep -E "Number of cells" "$dir/stat.txt" | tail -1
fi

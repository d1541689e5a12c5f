# `sh rtl_lint.sh FMASIM CONFIG RTL_DIR VERILATOR`: rtl/ with the config's parameters
# (fmasim rtl-params) is clean under verilator --lint-only -Wall.
FMASIM=$1 CONFIG=$2 RTL=$3 VERILATOR=$4
params=$(mktemp)
trap 'rm -f "$params"' EXIT
"$FMASIM" rtl-params "$CONFIG" -o "$params" || exit 1
"$VERILATOR" --lint-only -Wall --top-module mac -f "$params" "$RTL"/*.sv

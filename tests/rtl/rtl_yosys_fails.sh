# `sh rtl_yosys_fails.sh FMASIM CONFIG RTL_DIR YOSYS`: rtl_synth.sh's check mode, which
# CI runs on every config, fails on each fault the issue names. A copy of rtl/ passes;
# with one line added to mac.sv (a second driver, an output tied to a constant, a read
# of an undriven net, a latch) it must fail and name the fault.
FMASIM=$1 CONFIG=$2 RTL=$3 YOSYS=$4
here=$(dirname "$0")
. "$here/checks.sh"

# expect_check LINE FRAGMENT: mac.sv with LINE before its endmodule fails the check
# naming FRAGMENT (an empty LINE: passes).
expect_check() {
  cp "$RTL"/*.sv "$dir/"
  head -n -1 "$RTL/mac.sv" >"$dir/mac.sv"
  printf '%s\nendmodule\n' "$1" >>"$dir/mac.sv"
  sh "$here/rtl_synth.sh" "$FMASIM" "$CONFIG" "$dir" "$YOSYS" check >"$dir/out" 2>&1
  rc=$?
  if [ -z "$1" ]; then
    [ "$rc" -eq 0 ] || fail "the unchanged RTL: exit $rc: $(cat "$dir/out")"
  elif [ "$rc" -eq 0 ] || ! grep -qF "$2" "$dir/out"; then
    fail "'$1': exit $rc, expected a failure naming '$2': $(cat "$dir/out")"
  fi
}

expect_check "" ""
expect_check "  assign out_valid = in_valid;" "multiple conflicting drivers"
expect_check "  assign out_valid = 1'b0;" "is connected to constants"
expect_check "  (* keep *) logic undriven, reader; assign reader = undriven & in_valid;" "is used but has no driver"
expect_check "  (* keep *) logic latched; always @* if (in_valid) latched = in_finish;" "Assertion failed: selection is not empty"

finish

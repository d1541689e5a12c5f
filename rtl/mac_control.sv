// The pipeline's control, cycle for cycle as models/systemc/PipelineController: accepts
// a step when in_valid and in_ready, then holds in_ready low for II - 1 cycles (the
// accumulate loop's latency, feedback "stall"), counts the steps in flight, and after
// in_finish raises out_valid once the last write has landed. in_ready and out_valid
// are registers.
//
// With PARTIALS > 1 (feedback "interleave") each accepted step goes to the next
// partial accumulator, round robin (issue_partial; load_valid points it back at p0),
// and after in_finish the reductions p0 + p1, p0 + p2, ... over the partials a step
// wrote are issued one at a time, each once nothing is in flight (reduce_valid and
// reduce_with are registers, like the SystemC controller's reduction token).
module mac_control #(
    parameter int II = 1,
    parameter int LATENCY = 1,
    parameter int PARTIALS = 1,
    parameter int PB = 1  // bits of a partial's index
) (
    input  logic          clk,
    input  logic          rst,
    input  logic          in_valid,
    input  logic          in_finish,
    input  logic          write_valid,  // the accumulator register takes a result at this edge
    input  logic          load_valid,   // the verification load: the round robin restarts at p0
    output logic          accept,
    output logic          in_ready,
    output logic          out_valid,
    output logic [PB-1:0] issue_partial,
    output logic          reduce_valid,
    output logic [PB-1:0] reduce_with
);
  localparam int COUNT_BITS = $clog2(LATENCY + 2);
  localparam int COOLDOWN_BITS = $clog2(II + 1);
  localparam int USED_BITS = $clog2(PARTIALS + 1);

  logic [COUNT_BITS-1:0]    in_flight_q, in_flight_next, in_flight_after;
  logic [COOLDOWN_BITS-1:0] cooldown_q, cooldown_next;
  logic                     finishing_q, finishing_next;
  logic [USED_BITS-1:0]     used_q, used_next, left_q, left_next, left_after;  // partials written; reductions to go
  logic                     issue;

  assign accept = in_valid && in_ready;

  always_comb begin
    in_flight_next = in_flight_q - COUNT_BITS'(write_valid) + COUNT_BITS'(accept);
    if (accept) cooldown_next = COOLDOWN_BITS'(II - 1);
    else if (cooldown_q != '0) cooldown_next = cooldown_q - 1'b1;
    else cooldown_next = '0;
    finishing_next = finishing_q || (in_finish && (accept || !in_valid));
    used_next = accept && used_q != USED_BITS'(PARTIALS) ? used_q + 1'b1 : used_q;
    // Set when the finish arrives: one reduction for each written partial but p0.
    if (finishing_next && !finishing_q) left_next = used_next == '0 ? '0 : used_next - 1'b1;
    else left_next = left_q;
    issue = PARTIALS > 1 && finishing_next && left_next != '0 && in_flight_next == '0;
    left_after = left_next - USED_BITS'(issue);
    in_flight_after = in_flight_next + COUNT_BITS'(issue);
  end

  always_ff @(posedge clk) begin
    if (rst) begin
      in_flight_q <= '0;
      cooldown_q <= '0;
      finishing_q <= 1'b0;
      used_q <= '0;
      left_q <= '0;
      in_ready <= 1'b1;
      out_valid <= 1'b0;
      issue_partial <= '0;
      reduce_valid <= 1'b0;
      reduce_with <= '0;
    end else begin
      in_flight_q <= in_flight_after;
      cooldown_q <= cooldown_next;
      finishing_q <= finishing_next;
      used_q <= used_next;
      left_q <= left_after;
      in_ready <= !finishing_next && cooldown_next == '0;
      out_valid <= finishing_next && left_after == '0 && in_flight_after == '0;
      if (load_valid || (accept && 32'(issue_partial) == PARTIALS - 1)) issue_partial <= '0;
      else if (accept) issue_partial <= issue_partial + 1'b1;
      reduce_valid <= issue;
      reduce_with <= PB'(used_next - left_next);
    end
  end
endmodule

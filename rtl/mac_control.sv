// The pipeline's control, cycle for cycle as models/systemc/PipelineController: accepts
// a step when in_valid and in_ready, then holds in_ready low for II - 1 cycles (the
// accumulate loop's latency, feedback "stall"), counts the steps in flight, and after
// in_finish raises out_valid once the last write has landed. in_ready and out_valid
// are registers.
module mac_control #(
    parameter int II = 1,
    parameter int LATENCY = 1
) (
    input  logic clk,
    input  logic rst,
    input  logic in_valid,
    input  logic in_finish,
    input  logic write_valid,  // the accumulator register takes a result at this edge
    output logic accept,
    output logic in_ready,
    output logic out_valid
);
  localparam int COUNT_BITS = $clog2(LATENCY + 2);
  localparam int COOLDOWN_BITS = $clog2(II + 1);

  logic [COUNT_BITS-1:0]    in_flight_q, in_flight_next;
  logic [COOLDOWN_BITS-1:0] cooldown_q, cooldown_next;
  logic                     finishing_q, finishing_next;

  assign accept = in_valid && in_ready;

  always_comb begin
    in_flight_next = in_flight_q - COUNT_BITS'(write_valid) + COUNT_BITS'(accept);
    if (accept) cooldown_next = COOLDOWN_BITS'(II - 1);
    else if (cooldown_q != '0) cooldown_next = cooldown_q - 1'b1;
    else cooldown_next = '0;
    finishing_next = finishing_q || (in_finish && (accept || !in_valid));
  end

  always_ff @(posedge clk) begin
    if (rst) begin
      in_flight_q <= '0;
      cooldown_q <= '0;
      finishing_q <= 1'b0;
      in_ready <= 1'b1;
      out_valid <= 1'b0;
    end else begin
      in_flight_q <= in_flight_next;
      cooldown_q <= cooldown_next;
      finishing_q <= finishing_next;
      in_ready <= !finishing_next && cooldown_next == '0;
      out_valid <= finishing_next && in_flight_next == '0;
    end
  end
endmodule

// The stochastic-rounding source: the 32-bit Galois LFSR of models/format/Lfsr.hpp
// (taps 0x80200003, a zero seed replaced by all ones). `draw` is the next BITS output
// bits, first one in the MSB; `take` advances the register past them at the edge.
module mac_lfsr #(
    parameter int          BITS = 8,
    parameter logic [31:0] SEED = 32'd1
) (
    input  logic            clk,
    input  logic            rst,
    input  logic            take,
    output logic [BITS-1:0] draw
);
  localparam logic [31:0] TAPS = 32'h8020_0003;
  localparam logic [31:0] RESET_STATE = SEED == 32'd0 ? 32'hFFFF_FFFF : SEED;

  logic [31:0] state_q, state_next;

  // BITS steps unrolled: the network hardware builds for one draw per cycle.
  always_comb begin
    state_next = state_q;
    draw = '0;
    for (int i = 0; i < BITS; i++) begin
      draw[BITS-1-i] = state_next[0];
      state_next = (state_next >> 1) ^ (state_next[0] ? TAPS : 32'd0);
    end
  end

  always_ff @(posedge clk) begin
    if (rst) state_q <= RESET_STATE;
    else if (take) state_q <= state_next;
  end
endmodule

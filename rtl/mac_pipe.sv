// DEPTH pipeline registers on a valid-qualified payload: a unit's stages in the
// DatapathSpec. DEPTH 0 is a wire (the unit merges into the next one's cycle).
// Reset clears the valid bits only; a bubble's payload is don't-care.
module mac_pipe #(
    parameter int WIDTH = 1,
    parameter int DEPTH = 1
) (
    input  logic             clk,
    input  logic             rst,
    input  logic             in_valid,
    input  logic [WIDTH-1:0] in_data,
    output logic             out_valid,
    output logic [WIDTH-1:0] out_data
);
  if (DEPTH == 0) begin : g_wire
    assign out_valid = in_valid;
    assign out_data  = in_data;
    logic unused_clock;
    assign unused_clock = clk ^ rst;
  end else begin : g_regs
    logic [DEPTH-1:0]            valid_q;
    logic [DEPTH*WIDTH-1:0] data_q;  // stage i at [i*WIDTH +: WIDTH]
    always_ff @(posedge clk) begin
      valid_q[0] <= rst ? 1'b0 : in_valid;
      data_q[0+:WIDTH] <= in_data;
      for (int i = 1; i < DEPTH; i++) begin
        valid_q[i] <= rst ? 1'b0 : valid_q[i-1];
        data_q[i*WIDTH+:WIDTH] <= data_q[(i-1)*WIDTH+:WIDTH];
      end
    end
    assign out_valid = valid_q[DEPTH-1];
    assign out_data  = data_q[(DEPTH-1)*WIDTH+:WIDTH];
  end
endmodule

// Calibration block: a W-bit carry-propagate adder (the cost model's full adder).
module cal_adder #(parameter int W = 32) (
  input  logic [W-1:0] a,
  input  logic [W-1:0] b,
  output logic [W:0]   s
);
  assign s = {1'b0, a} + {1'b0, b};
endmodule

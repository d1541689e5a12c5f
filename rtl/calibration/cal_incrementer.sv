// Calibration block: a W-bit incrementer (the cost model's half adder).
module cal_incrementer #(parameter int W = 32) (
  input  logic [W-1:0] a,
  input  logic         inc,
  output logic [W:0]   s
);
  assign s = {1'b0, a} + {{W{1'b0}}, inc};
endmodule

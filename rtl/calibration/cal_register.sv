// Calibration block: a W-bit register (the cost model's flip-flop).
module cal_register #(parameter int W = 32) (
  input  logic         clk,
  input  logic [W-1:0] d,
  output logic [W-1:0] q
);
  always_ff @(posedge clk) q <= d;
endmodule

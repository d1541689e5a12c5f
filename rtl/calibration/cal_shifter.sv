// Calibration block: a logarithmic right shifter of W bits by 0..2^S-1 (the cost
// model's 2:1 multiplexer: S stages of W muxes).
module cal_shifter #(parameter int W = 32, parameter int S = 5) (
  input  logic [W-1:0] a,
  input  logic [S-1:0] amount,
  output logic [W-1:0] y
);
  assign y = a >> amount;
endmodule

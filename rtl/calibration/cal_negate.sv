// Calibration block: W bits inverted under one control (the cost model's XOR).
module cal_negate #(parameter int W = 32) (
  input  logic [W-1:0] a,
  input  logic         neg,
  output logic [W-1:0] y
);
  assign y = a ^ {W{neg}};
endmodule

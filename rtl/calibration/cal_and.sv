// Calibration block: W independent 2-input gates (the cost model's 2-input gate).
module cal_and #(parameter int W = 32) (
  input  logic [W-1:0] a,
  input  logic [W-1:0] b,
  output logic [W-1:0] y
);
  assign y = a & b;
endmodule

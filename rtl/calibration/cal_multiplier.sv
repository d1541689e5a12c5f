// Calibration block: an unsigned M x N significand multiplier.
module cal_multiplier #(parameter int M = 8, parameter int N = 8) (
  input  logic [M-1:0]   a,
  input  logic [N-1:0]   b,
  output logic [M+N-1:0] p
);
  assign p = {{N{1'b0}}, a} * {{M{1'b0}}, b};
endmodule

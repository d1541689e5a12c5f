// Calibration block: W inverters.
module cal_inverter #(parameter int W = 32) (
  input  logic [W-1:0] a,
  output logic [W-1:0] y
);
  assign y = ~a;
endmodule

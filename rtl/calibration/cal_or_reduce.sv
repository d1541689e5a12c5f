// Check block (not fitted): the OR of W bits, a tree of W-1 2-input gates in the model.
module cal_or_reduce #(parameter int W = 32) (
  input  logic [W-1:0] a,
  output logic         y
);
  assign y = |a;
endmodule

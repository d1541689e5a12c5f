// Check block (not fitted): a leading-zero counter of W bits, to test the model's
// formula for a block built from several primitives.
module cal_lzc #(parameter int W = 32, parameter int C = $clog2(W + 1)) (
  input  logic [W-1:0] a,
  output logic [C-1:0] count
);
  always_comb begin
    count = C'(W);
    for (int i = 0; i < W; i++)
      if (a[i]) count = C'(W - 1 - i);
  end
endmodule

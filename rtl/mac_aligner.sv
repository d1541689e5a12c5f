// Aligner: turns the product into a two's complement term at the step's lowest kept
// weight (fmasim::stepLsb / alignTerm). Exact alignment of one product keeps it whole:
// the term is the signed product at its own weight (a zero product sits at the
// lowest product weight). Integer and fixed-point accumulators take it at their own
// binary point (weight 2^-ACC_FRAC_BITS): shifted left by its weight above that
// (rtl-params takes only accumulators that hold every product bit, so nothing is cut).
// A fused float accumulator is read here, on the feedback loop: an infinite or NaN
// accumulator sends the step to the special path.
module mac_aligner #(
    parameter int FLOAT_ACC = 1,
    parameter int PROD_SIG_BITS = 8,
    parameter int PROD_LSB_EXP_MIN = -18,
    parameter int WINDOW_BITS = 36,
    parameter int ROUND_DOWN = 0,  // a zero sum of mixed signs is -0 when rounding down
    parameter int ACC_BITS = 32,
    parameter int ACC_EXP_BITS = 8,
    parameter int ACC_MAN_BITS = 23,
    parameter int ACC_FRAC_BITS = 0,
    parameter int EXP_W = 12
) (
    input  logic                          p_sign,
    input  logic [PROD_SIG_BITS-1:0]      p_sig,
    input  logic signed [EXP_W-1:0]       p_lsb,
    input  logic [ACC_BITS-1:0]           acc_code,
    output logic signed [WINDOW_BITS-1:0] term,
    output logic signed [EXP_W-1:0]       lsb,
    output logic                          zero_sign,
    output logic                          acc_nonfinite
);
  logic [WINDOW_BITS-1:0] magnitude;
  logic                   product_zero;
  assign product_zero = p_sig == '0;
  assign term = p_sign ? -magnitude : magnitude;
  assign zero_sign = product_zero ? p_sign : ROUND_DOWN != 0;

  if (FLOAT_ACC != 0) begin : g_float
    assign magnitude = WINDOW_BITS'(p_sig);
    assign lsb = product_zero ? EXP_W'(PROD_LSB_EXP_MIN) : p_lsb;
    // IEEE accumulators only (rtl-params checks): all-ones exponent is inf or NaN.
    assign acc_nonfinite = &acc_code[ACC_MAN_BITS+:ACC_EXP_BITS];
    logic unused_acc;  // the sign and mantissa travel on to the normalizer
    assign unused_acc = ^{acc_code[ACC_BITS-1], acc_code[ACC_MAN_BITS-1:0]};
  end else begin : g_fixed
    assign magnitude = WINDOW_BITS'(p_sig) << (p_lsb + EXP_W'(ACC_FRAC_BITS));
    assign lsb = p_lsb;
    assign acc_nonfinite = 1'b0;
    logic unused_acc;
    assign unused_acc = ^acc_code;
  end
endmodule

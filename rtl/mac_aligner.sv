// Aligner: turns the product into a two's complement term at the step's lowest kept
// weight (fmasim::stepLsb / alignTerm). Exact alignment of one product keeps it whole:
// the term is the signed product at its own weight (a zero product sits at the
// lowest product weight). Integer and fixed-point accumulators take it at their own
// binary point (weight 2^-ACC_FRAC_BITS): shifted by its weight above that; with
// FIXED_CUT (fewer fraction bits than the product has) the bits below the binary point
// are cut toward zero or to nearest even (TERM_RNE) and raise inexact (alignTerm).
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
    parameter int FIXED_CUT = 0,
    parameter int PROD_FRAC_BITS = 6,
    parameter int PROD_EXP_MAX = 16,
    parameter int TERM_RNE = 0,
    parameter int EXP_W = 12
) (
    input  logic                          p_sign,
    input  logic [PROD_SIG_BITS-1:0]      p_sig,
    input  logic signed [EXP_W-1:0]       p_lsb,
    input  logic [ACC_BITS-1:0]           acc_code,
    output logic signed [WINDOW_BITS-1:0] term,
    output logic signed [EXP_W-1:0]       lsb,
    output logic                          zero_sign,
    output logic                          acc_nonfinite,
    output logic                          inexact
);
  logic product_zero;
  assign product_zero = p_sig == '0;
  assign zero_sign = product_zero ? p_sign : ROUND_DOWN != 0;

  if (FLOAT_ACC != 0) begin : g_float
    logic [WINDOW_BITS-1:0] magnitude;
    assign magnitude = WINDOW_BITS'(p_sig);
    assign term = p_sign ? -magnitude : magnitude;
    assign inexact = 1'b0;
    assign lsb = product_zero ? EXP_W'(PROD_LSB_EXP_MIN) : p_lsb;
    // IEEE accumulators only (rtl-params checks): all-ones exponent is inf or NaN.
    assign acc_nonfinite = &acc_code[ACC_MAN_BITS+:ACC_EXP_BITS];
    logic unused_acc;  // the sign and mantissa travel on to the normalizer
    assign unused_acc = ^{acc_code[ACC_BITS-1], acc_code[ACC_MAN_BITS-1:0]};
  end else begin : g_fixed
    mac_term_place #(
        .SIG_BITS(PROD_SIG_BITS), .FRAC_BITS(PROD_FRAC_BITS), .PLACE_LSB(-ACC_FRAC_BITS), .CUT(FIXED_CUT),
        .EXP_MAX(PROD_EXP_MAX), .WINDOW_BITS(WINDOW_BITS), .TERM_RNE(TERM_RNE), .EXP_W(EXP_W)
    ) u_place (
        .sign(p_sign), .sig(p_sig), .lsb(p_lsb), .term, .inexact
    );
    assign lsb = p_lsb;
    assign acc_nonfinite = 1'b0;
    logic unused_acc;
    assign unused_acc = ^acc_code;
  end
endmodule

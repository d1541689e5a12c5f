// Multiplier of a cma datapath (fmasim::detail::multiplyCascaded): the exact product
// of mac_multiplier rounded into the product format P_* (an IEEE-style float) with
// its own rounding (mac_normalizer with no addend: mulAdd(a, b, none)), raising that
// rounding's flags even on the special path, then read back as the term the aligner
// takes. NaN or infinite operands give a NaN or infinite product first (IEEE rules);
// such a product, not the operands, is what the special path then sees: it is never
// signaling and inf * 0 has already become the default NaN.
module mac_cascaded_multiplier #(
    parameter int A_BITS = 8, A_FLOAT = 1, A_SIGNED = 1, A_EXP_BITS = 4, A_MAN_BITS = 3, A_BIAS = 7,
    parameter int A_EMIN = -6, A_MIN_NORMAL_FIELD = 1, A_NAN_STYLE = 1, A_SUBNORMALS = 1, A_FRAC_BITS = 0,
    parameter int A_SIG_BITS = 4,
    parameter int B_BITS = 8, B_FLOAT = 1, B_SIGNED = 1, B_EXP_BITS = 4, B_MAN_BITS = 3, B_BIAS = 7,
    parameter int B_EMIN = -6, B_MIN_NORMAL_FIELD = 1, B_NAN_STYLE = 1, B_SUBNORMALS = 1, B_FRAC_BITS = 0,
    parameter int B_SIG_BITS = 4,
    // the product format and its rounding
    parameter int P_BITS = 16, P_EXP_BITS = 5, P_MAN_BITS = 10, P_BIAS = 15, P_EMIN = -14, P_EMAX = 15,
    parameter int P_MAX_FIELD = 30, P_MAX_MANT = 1023,
    parameter int P_ROUNDING = 0, P_TININESS_BEFORE = 0, P_OVERFLOW_SATURATE = 0,
    parameter int P_WINDOW_BITS = 16,  // the rounder's exact window (mac_normalizer)
    parameter int PROD_SIG_BITS = 11,  // the rounded product's significand: P_MAN_BITS + 1
    parameter int NAN_LOW_BITS = 22,   // accumulator mantissa bits below the quiet bit
    parameter int EXP_W = 12
) (
    input  logic [A_BITS-1:0]         a,
    input  logic [B_BITS-1:0]         b,
    output logic                      p_sign,
    output logic [PROD_SIG_BITS-1:0]  p_sig,
    output logic signed [EXP_W-1:0]   p_lsb,
    output logic                      special,
    output logic                      sp_nan,
    output logic                      sp_nan_sign,
    output logic [NAN_LOW_BITS-1:0]   sp_nan_low,
    output logic                      sp_snan,
    output logic                      sp_inf_zero,
    output logic                      sp_inf,
    output logic                      invalid,
    output logic [4:0]                flags       // the product rounding's
);
  localparam int EXACT_BITS = A_SIG_BITS + B_SIG_BITS;

  logic                        e_sign, e_special, e_nan, e_nan_sign, e_snan, e_inf_zero, e_inf, e_invalid;
  logic [EXACT_BITS-1:0]       e_sig;
  logic signed [EXP_W-1:0]     e_lsb;
  logic [P_MAN_BITS-2:0]       e_nan_low;
  mac_multiplier #(
      .A_BITS(A_BITS), .A_FLOAT(A_FLOAT), .A_SIGNED(A_SIGNED), .A_EXP_BITS(A_EXP_BITS), .A_MAN_BITS(A_MAN_BITS),
      .A_BIAS(A_BIAS), .A_EMIN(A_EMIN), .A_MIN_NORMAL_FIELD(A_MIN_NORMAL_FIELD), .A_NAN_STYLE(A_NAN_STYLE),
      .A_SUBNORMALS(A_SUBNORMALS), .A_FRAC_BITS(A_FRAC_BITS), .A_SIG_BITS(A_SIG_BITS),
      .B_BITS(B_BITS), .B_FLOAT(B_FLOAT), .B_SIGNED(B_SIGNED), .B_EXP_BITS(B_EXP_BITS), .B_MAN_BITS(B_MAN_BITS),
      .B_BIAS(B_BIAS), .B_EMIN(B_EMIN), .B_MIN_NORMAL_FIELD(B_MIN_NORMAL_FIELD), .B_NAN_STYLE(B_NAN_STYLE),
      .B_SUBNORMALS(B_SUBNORMALS), .B_FRAC_BITS(B_FRAC_BITS), .B_SIG_BITS(B_SIG_BITS),
      .PROD_SIG_BITS(EXACT_BITS), .NAN_LOW_BITS(P_MAN_BITS - 1), .FLOAT_ACC(1), .EXP_W(EXP_W)
  ) u_exact (
      .a, .b, .p_sign(e_sign), .p_sig(e_sig), .p_lsb(e_lsb), .special(e_special), .sp_nan(e_nan),
      .sp_nan_sign(e_nan_sign), .sp_nan_low(e_nan_low), .sp_snan(e_snan), .sp_inf_zero(e_inf_zero), .sp_inf(e_inf),
      .invalid(e_invalid)
  );

  logic [P_BITS-1:0] code;
  logic signed [EXACT_BITS:0] unsigned_product, signed_product;
  assign unsigned_product = {1'b0, e_sig};
  assign signed_product = e_sign ? -unsigned_product : unsigned_product;
  mac_normalizer #(
      .SUM_BITS(EXACT_BITS + 1), .WINDOW_BITS(P_WINDOW_BITS), .ACC_BITS(P_BITS), .ACC_EXP_BITS(P_EXP_BITS),
      .ACC_MAN_BITS(P_MAN_BITS), .ACC_BIAS(P_BIAS), .ACC_EMIN(P_EMIN), .ACC_EMAX(P_EMAX), .ACC_MAX_FIELD(P_MAX_FIELD),
      .OUT_FRAC_BITS(P_MAN_BITS), .OUT_MAX_MANT(P_MAX_MANT), .ROUNDING(P_ROUNDING),
      .TININESS_BEFORE(P_TININESS_BEFORE), .OVERFLOW_SATURATE(P_OVERFLOW_SATURATE), .RANDOM_BITS(1), .EXP_W(EXP_W),
      .ADDS_ACC(0), .LSB_MIN((A_FLOAT != 0 ? A_EMIN - A_MAN_BITS : -A_FRAC_BITS) + (B_FLOAT != 0 ? B_EMIN - B_MAN_BITS : -B_FRAC_BITS))
  ) u_round (
      .valid(1'b1), .sum(signed_product), .lsb(e_lsb), .zero_sign(e_sign), .acc_code('0), .random(1'b0), .special(e_special),
      .sp_nan(e_nan), .sp_nan_sign(e_nan_sign), .sp_nan_low(e_nan_low), .sp_snan(e_snan), .sp_inf_zero(e_inf_zero),
      .sp_pos_inf(e_inf && !e_sign), .sp_neg_inf(e_inf && e_sign), .cut_inexact(1'b0), .result(code), .flags
  );

  logic        zero, nan, snan;
  logic [63:0] payload;
  mac_decode #(
      .BITS(P_BITS), .IS_FLOAT(1), .IS_SIGNED(1), .EXP_BITS(P_EXP_BITS), .MAN_BITS(P_MAN_BITS), .BIAS(P_BIAS),
      .EMIN(P_EMIN), .MIN_NORMAL_FIELD(1), .NAN_STYLE(0), .SUBNORMALS(1), .FRAC_BITS(0), .SIG_BITS(PROD_SIG_BITS),
      .EXP_W(EXP_W)
  ) u_decode (
      .code, .sign(p_sign), .is_zero(zero), .is_inf(sp_inf), .is_nan(nan), .is_snan(snan), .sig(p_sig), .exp(p_lsb),
      .nan_payload(payload)
  );
  assign special = sp_inf || nan;
  assign sp_nan = nan;
  assign sp_nan_sign = p_sign;
  assign sp_nan_low = NAN_LOW_BITS'(payload >> (64 - NAN_LOW_BITS));
  assign sp_snan = 1'b0;
  assign sp_inf_zero = 1'b0;
  assign invalid = 1'b0;
  logic unused;
  assign unused = ^{zero, snan, e_invalid};
endmodule

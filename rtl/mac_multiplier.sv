// Multiplier: decodes a and b and forms the exact product (sign, the unnormalized
// significand product, the weight of its lowest bit), as fmasim::multiply. A step
// with an infinite or NaN operand leaves for the special path: the multiplier sums
// up what specialSum needs from the operands (the first NaN with its payload cut to
// the accumulator's mantissa, any signaling NaN, inf * 0, an infinite product and
// its sign); the normalizer adds the accumulator's part. An integer or fixed-point
// accumulator has no NaN: such a product is dropped and raises invalid.
module mac_multiplier #(
    parameter int A_BITS = 8, A_FLOAT = 1, A_SIGNED = 1, A_EXP_BITS = 4, A_MAN_BITS = 3, A_BIAS = 7,
    parameter int A_EMIN = -6, A_MIN_NORMAL_FIELD = 1, A_NAN_STYLE = 1, A_SUBNORMALS = 1, A_FRAC_BITS = 0,
    parameter int A_SIG_BITS = 4,
    parameter int B_BITS = 8, B_FLOAT = 1, B_SIGNED = 1, B_EXP_BITS = 4, B_MAN_BITS = 3, B_BIAS = 7,
    parameter int B_EMIN = -6, B_MIN_NORMAL_FIELD = 1, B_NAN_STYLE = 1, B_SUBNORMALS = 1, B_FRAC_BITS = 0,
    parameter int B_SIG_BITS = 4,
    parameter int PROD_SIG_BITS = 8,
    parameter int NAN_LOW_BITS = 22,  // accumulator mantissa bits below the quiet bit
    parameter int FLOAT_ACC = 1,
    parameter int EXP_W = 12
) (
    input  logic [A_BITS-1:0]            a,
    input  logic [B_BITS-1:0]            b,
    output logic                         p_sign,
    output logic [PROD_SIG_BITS-1:0]     p_sig,
    output logic signed [EXP_W-1:0]      p_lsb,
    output logic                         special,       // float accumulator: a NaN or infinite operand
    output logic                         sp_nan,        // an operand is NaN
    output logic                         sp_nan_sign,   // the first NaN's sign (a before b)
    output logic [NAN_LOW_BITS-1:0]      sp_nan_low,    // ... and its payload in the accumulator's mantissa
    output logic                         sp_snan,       // an operand is a signaling NaN
    output logic                         sp_inf_zero,   // inf * 0
    output logic                         sp_inf,        // the product is infinite
    output logic                         invalid        // integer/fixed accumulator: product dropped
);
  logic                          a_sign, a_zero, a_inf, a_nan, a_snan;
  logic                          b_sign, b_zero, b_inf, b_nan, b_snan;
  logic [A_SIG_BITS-1:0]         a_sig;
  logic [B_SIG_BITS-1:0]         b_sig;
  logic signed [EXP_W-1:0]       a_exp, b_exp;
  logic [63:0]                   a_payload, b_payload, first_payload;

  mac_decode #(
      .BITS(A_BITS), .IS_FLOAT(A_FLOAT), .IS_SIGNED(A_SIGNED), .EXP_BITS(A_EXP_BITS), .MAN_BITS(A_MAN_BITS),
      .BIAS(A_BIAS), .EMIN(A_EMIN), .MIN_NORMAL_FIELD(A_MIN_NORMAL_FIELD), .NAN_STYLE(A_NAN_STYLE),
      .SUBNORMALS(A_SUBNORMALS), .FRAC_BITS(A_FRAC_BITS), .SIG_BITS(A_SIG_BITS), .EXP_W(EXP_W)
  ) u_decode_a (
      .code(a), .sign(a_sign), .is_zero(a_zero), .is_inf(a_inf), .is_nan(a_nan), .is_snan(a_snan),
      .sig(a_sig), .exp(a_exp), .nan_payload(a_payload)
  );
  mac_decode #(
      .BITS(B_BITS), .IS_FLOAT(B_FLOAT), .IS_SIGNED(B_SIGNED), .EXP_BITS(B_EXP_BITS), .MAN_BITS(B_MAN_BITS),
      .BIAS(B_BIAS), .EMIN(B_EMIN), .MIN_NORMAL_FIELD(B_MIN_NORMAL_FIELD), .NAN_STYLE(B_NAN_STYLE),
      .SUBNORMALS(B_SUBNORMALS), .FRAC_BITS(B_FRAC_BITS), .SIG_BITS(B_SIG_BITS), .EXP_W(EXP_W)
  ) u_decode_b (
      .code(b), .sign(b_sign), .is_zero(b_zero), .is_inf(b_inf), .is_nan(b_nan), .is_snan(b_snan),
      .sig(b_sig), .exp(b_exp), .nan_payload(b_payload)
  );

  logic nonfinite;
  assign nonfinite = a_inf || a_nan || b_inf || b_nan;
  assign p_sign = a_sign ^ b_sign;
  assign p_sig = nonfinite ? '0 : PROD_SIG_BITS'(a_sig) * PROD_SIG_BITS'(b_sig);
  assign p_lsb = a_exp + b_exp;

  assign special = FLOAT_ACC != 0 && nonfinite;
  assign invalid = FLOAT_ACC == 0 && nonfinite;
  assign sp_nan = a_nan || b_nan;
  assign sp_nan_sign = a_nan ? a_sign : b_sign;
  assign first_payload = a_nan ? a_payload : b_payload;
  assign sp_nan_low = NAN_LOW_BITS'(first_payload >> (64 - NAN_LOW_BITS));
  assign sp_snan = a_snan || b_snan;
  assign sp_inf_zero = ((a_inf || b_inf) && (a_zero || b_zero));
  assign sp_inf = a_inf || b_inf;
endmodule

// One add of promotion (PromotedAccumulator::add): a code of the unit's accumulator
// format (ACC_*) added exactly to the promoted accumulator (a code of the promotion
// format PR_*) and rounded once into PR_* with PR_ROUNDING: mulAdd(word, 1, promoted)
// with the nanResult rule. The word is decoded into the sum a mac_normalizer of the
// promotion format takes, the promoted code is its accumulator; a NaN or infinite word
// is the special path's "product" (its NaN first, as mulAdd's a before c).
module mac_promotion_add #(
    parameter int ACC_BITS = 32, ACC_EXP_BITS = 8, ACC_MAN_BITS = 23, ACC_BIAS = 127, ACC_EMIN = -126,
    parameter int PR_BITS = 32, PR_EXP_BITS = 8, PR_MAN_BITS = 23, PR_BIAS = 127, PR_EMIN = -126, PR_EMAX = 127,
    parameter int PR_MAX_FIELD = 254, PR_MAX_MANT = 8388607,
    parameter int PR_ROUNDING = 0, PR_TININESS_BEFORE = 0, PR_OVERFLOW_SATURATE = 0,
    parameter int PR_WINDOW_BITS = 40,  // the add's exact window (mac_normalizer)
    parameter int NAN_CANONICAL = 0,
    parameter int EXP_W = 12
) (
    input  logic                valid,  // an add is wanted (else the result is don't-care)
    input  logic [ACC_BITS-1:0] word,
    input  logic [PR_BITS-1:0]  promoted,
    output logic [PR_BITS-1:0]  result,
    output logic [4:0]          flags
);
  localparam int SUM_BITS = ACC_MAN_BITS + 2;  // the word's significand, signed

  logic                    sign, zero, inf, nan, snan;
  logic [ACC_MAN_BITS:0]   sig;
  logic signed [EXP_W-1:0] lsb;
  logic [63:0]             payload;
  mac_decode #(
      .BITS(ACC_BITS), .IS_FLOAT(1), .IS_SIGNED(1), .EXP_BITS(ACC_EXP_BITS), .MAN_BITS(ACC_MAN_BITS),
      .BIAS(ACC_BIAS), .EMIN(ACC_EMIN), .MIN_NORMAL_FIELD(1), .NAN_STYLE(0), .SUBNORMALS(1), .FRAC_BITS(0),
      .SIG_BITS(ACC_MAN_BITS + 1), .EXP_W(EXP_W)
  ) u_decode (
      .code(word), .sign, .is_zero(zero), .is_inf(inf), .is_nan(nan), .is_snan(snan), .sig, .exp(lsb),
      .nan_payload(payload)
  );

  logic signed [SUM_BITS-1:0] magnitude, sum;
  assign magnitude = {1'b0, sig};
  assign sum = sign ? -magnitude : magnitude;
  mac_normalizer #(
      .SUM_BITS(SUM_BITS), .WINDOW_BITS(PR_WINDOW_BITS), .ACC_BITS(PR_BITS), .ACC_EXP_BITS(PR_EXP_BITS),
      .ACC_MAN_BITS(PR_MAN_BITS), .ACC_BIAS(PR_BIAS), .ACC_EMIN(PR_EMIN), .ACC_EMAX(PR_EMAX),
      .ACC_MAX_FIELD(PR_MAX_FIELD), .OUT_FRAC_BITS(PR_MAN_BITS), .OUT_MAX_MANT(PR_MAX_MANT), .ROUNDING(PR_ROUNDING),
      .TININESS_BEFORE(PR_TININESS_BEFORE), .OVERFLOW_SATURATE(PR_OVERFLOW_SATURATE), .RANDOM_BITS(1),
      .EXP_W(EXP_W), .ADDS_ACC(1), .NAN_CANONICAL(NAN_CANONICAL), .OVERFLOW_INFINITY(0)
  ) u_add (
      .valid, .sum, .lsb, .zero_sign(sign), .acc_code(promoted), .random(1'b0), .special(inf || nan), .sp_nan(nan),
      .sp_nan_sign(sign), .sp_nan_low((PR_MAN_BITS - 1)'(payload >> (65 - PR_MAN_BITS))), .sp_snan(snan),
      .sp_inf_zero(1'b0), .sp_pos_inf(inf && !sign), .sp_neg_inf(inf && sign), .cut_inexact(1'b0), .result, .flags
  );
  logic unused;
  assign unused = zero;
endmodule

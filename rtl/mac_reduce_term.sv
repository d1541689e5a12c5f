// Feedback "interleave", float accumulators: the partial pj of a reduction p0 + pj as
// the one term the aligner passes on (models/systemc/AlignerUnit: pj enters as the
// term, p0 as the addend): its significand at its own weight (exact alignment), the
// sign of a zero sum, and for an infinite or NaN pj the special path's summary as the
// multiplier gives it for a * b with a = pj, b = 1 (a quieted NaN keeps pj's payload).
module mac_reduce_term #(
    parameter int ACC_BITS = 32,
    parameter int ACC_EXP_BITS = 8,
    parameter int ACC_MAN_BITS = 23,
    parameter int ACC_BIAS = 127,
    parameter int ACC_EMIN = -126,
    parameter int PROD_LSB_EXP_MIN = -18,
    parameter int WINDOW_BITS = 36,
    parameter int ROUND_DOWN = 0,
    parameter int EXP_W = 12
) (
    input  logic [ACC_BITS-1:0]           code,
    output logic signed [WINDOW_BITS-1:0] term,
    output logic signed [EXP_W-1:0]       lsb,
    output logic                          zero_sign,
    output logic                          nonfinite,
    output logic                          is_nan,
    output logic                          sign,
    output logic [ACC_MAN_BITS-2:0]       nan_low,
    output logic                          is_snan,
    output logic                          is_inf
);
  logic                    is_zero;
  logic [ACC_MAN_BITS:0]   sig;
  logic signed [EXP_W-1:0] exp;
  logic [63:0]             payload;
  mac_decode #(
      .BITS(ACC_BITS), .IS_FLOAT(1), .IS_SIGNED(1), .EXP_BITS(ACC_EXP_BITS), .MAN_BITS(ACC_MAN_BITS),
      .BIAS(ACC_BIAS), .EMIN(ACC_EMIN), .MIN_NORMAL_FIELD(1), .NAN_STYLE(0), .SUBNORMALS(1), .FRAC_BITS(0),
      .SIG_BITS(ACC_MAN_BITS + 1), .EXP_W(EXP_W)
  ) u_decode (
      .code, .sign, .is_zero, .is_inf, .is_nan, .is_snan, .sig, .exp, .nan_payload(payload)
  );
  logic [WINDOW_BITS-1:0] magnitude;
  assign magnitude = WINDOW_BITS'(sig);
  assign term = sign ? -magnitude : magnitude;
  assign lsb = is_zero ? EXP_W'(PROD_LSB_EXP_MIN) : exp;  // stepLsb of a zero term: the products' lowest weight
  assign zero_sign = is_zero ? sign : ROUND_DOWN != 0;
  assign nonfinite = is_nan || is_inf;
  assign nan_low = code[ACC_MAN_BITS-2:0];
  logic unused;  // sig too: a dot's window may be narrower (its lane aligner cuts pj instead)
  assign unused = ^{payload, sig};
endmodule

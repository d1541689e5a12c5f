// Aligner of a step of LANES products (fmasim::stepLsb / fusedStepLsb / alignTerm):
// - WINDOWED: the reference R is the largest alignment exponent (ea + eb of the
//   unnormalized product, c's exponent for the accumulator) among the non-zero terms,
//   the accumulator c among them when FUSED (with ZERO_ADDEND_JOINS a zero c joins as
//   ZERO_ADDEND_EXP); every term keeps the bits of weight 2^(R - ALIGN_FRAC_BITS) and
//   above (mac_term_cut). A fused c is term LANES; otherwise the normalizer adds it.
// - otherwise every product is placed at the weight PLACE_LSB (mac_term_place): the
//   lowest product weight for a float accumulator (exact: the spec's Kulisch window over
//   the product range), the binary point of an integer or fixed-point one (alignedLsb),
//   where FIXED_CUT cuts the bits below it.
// Lane i at [i*WIDTH +: WIDTH]. zero_sign is the sign of a zero sum (zeroSumSign).
// REDUCE (interleaved float partials, windowed): while `reduce` is high the step is a
// reduction p0 + pj: pj (`reduce_code`, accumulator format) replaces the products as
// the one term in slot 0, cut in the window with p0 (the fused c) as any step's terms
// (models/systemc/AlignerUnit: pj enters as the term).
module mac_lane_aligner #(
    parameter int LANES = 4,
    parameter int TERMS = 5,
    parameter int PROD_SIG_BITS = 8,
    parameter int PROD_FRAC_BITS = 6,
    parameter int PLACE_LSB = -18,
    parameter int WINDOW_BITS = 27,
    parameter int WINDOWED = 1,
    parameter int ALIGN_FRAC_BITS = 24,
    parameter int TERM_RNE = 0,
    parameter int FIXED_CUT = 0,
    parameter int PROD_EXP_MAX = 16,
    parameter int FUSED = 1,
    parameter int ZERO_ADDEND_JOINS = 0,
    parameter int ZERO_ADDEND_EXP = -126,
    parameter int ROUND_DOWN = 0,
    parameter int ACC_BITS = 32,
    parameter int ACC_EXP_BITS = 8,
    parameter int ACC_MAN_BITS = 23,
    parameter int ACC_BIAS = 127,
    parameter int ACC_EMIN = -126,
    parameter int REDUCE = 0,
    parameter int EXP_W = 12
) (
    input  logic                           reduce,
    input  logic [ACC_BITS-1:0]            reduce_code,
    input  logic [LANES-1:0]               p_sign,
    input  logic [LANES*PROD_SIG_BITS-1:0] p_sig,
    input  logic [LANES*EXP_W-1:0]         p_lsb,
    input  logic [ACC_BITS-1:0]            acc_code,
    output logic [TERMS*WINDOW_BITS-1:0]   terms,
    output logic signed [EXP_W-1:0]        lsb,
    output logic                           zero_sign,
    output logic                           inexact
);
  logic [LANES-1:0] zero;  // a reduction has no products
  for (genvar i = 0; i < LANES; i++) begin : g_zero
    assign zero[i] = p_sig[i*PROD_SIG_BITS+:PROD_SIG_BITS] == '0 || (REDUCE != 0 && reduce);
  end

  if (WINDOWED != 0) begin : g_window
    logic                      c_sign, c_zero, c_inf, c_nan, c_snan;
    logic [ACC_MAN_BITS:0]     c_sig;
    logic signed [EXP_W-1:0]   c_exp, c_align, reference;
    logic [63:0]               c_payload;
    logic [TERMS-1:0]          cut;
    // a reduction's pj (REDUCE): declared before the reference reads them (yosys)
    logic                      x_on, x_sign, x_zero, x_cut;
    logic signed [EXP_W-1:0]   x_align;
    logic [WINDOW_BITS-1:0]    x_term;
    mac_decode #(
        .BITS(ACC_BITS), .IS_FLOAT(1), .IS_SIGNED(1), .EXP_BITS(ACC_EXP_BITS), .MAN_BITS(ACC_MAN_BITS),
        .BIAS(ACC_BIAS), .EMIN(ACC_EMIN), .MIN_NORMAL_FIELD(1), .NAN_STYLE(0), .SUBNORMALS(1), .FRAC_BITS(0),
        .SIG_BITS(ACC_MAN_BITS + 1), .EXP_W(EXP_W)
    ) u_decode_c (
        .code(acc_code), .sign(c_sign), .is_zero(c_zero), .is_inf(c_inf), .is_nan(c_nan), .is_snan(c_snan),
        .sig(c_sig), .exp(c_exp), .nan_payload(c_payload)
    );
    assign c_align = c_exp + EXP_W'(ACC_MAN_BITS);

    // The largest alignment exponent among the non-zero terms (the lowest EXP_W value
    // when all are zero: the sum is zero then, at whatever weight).
    always_comb begin
      reference = {1'b1, {(EXP_W - 1) {1'b0}}};
      for (int i = 0; i < LANES; i++)
        if (!zero[i] && $signed(p_lsb[i*EXP_W+:EXP_W]) + EXP_W'(PROD_FRAC_BITS) > reference)
          reference = $signed(p_lsb[i*EXP_W+:EXP_W]) + EXP_W'(PROD_FRAC_BITS);
      if (x_on && !x_zero && x_align > reference) reference = x_align;
      if (FUSED != 0 && !c_zero && c_align > reference) reference = c_align;
      if (FUSED != 0 && ZERO_ADDEND_JOINS != 0 && c_zero && EXP_W'(ZERO_ADDEND_EXP) > reference)
        reference = EXP_W'(ZERO_ADDEND_EXP);
    end
    assign lsb = reference - EXP_W'(ALIGN_FRAC_BITS);

    logic [LANES*WINDOW_BITS-1:0] lane_terms;
    logic [LANES-1:0]             lane_cut;
    for (genvar i = 0; i < LANES; i++) begin : g_cut
      logic signed [EXP_W-1:0] d;
      assign d = reference - $signed(p_lsb[i*EXP_W+:EXP_W]) - EXP_W'(PROD_FRAC_BITS);
      mac_term_cut #(
          .SIG_BITS(PROD_SIG_BITS), .FRAC_BITS(PROD_FRAC_BITS), .ALIGN_FRAC_BITS(ALIGN_FRAC_BITS),
          .WINDOW_BITS(WINDOW_BITS), .TERM_RNE(TERM_RNE), .EXP_W(EXP_W)
      ) u_cut (
          .sign(p_sign[i]), .sig(p_sig[i*PROD_SIG_BITS+:PROD_SIG_BITS]), .d, .term(lane_terms[i*WINDOW_BITS+:WINDOW_BITS]),
          .inexact(lane_cut[i])
      );
    end

    // A reduction's pj: in the reference, cut into slot 0; the lanes give nothing.
    if (REDUCE != 0) begin : g_reduce
      logic                    x_inf, x_nan, x_snan;
      logic [ACC_MAN_BITS:0]   x_sig;
      logic signed [EXP_W-1:0] x_exp;
      logic [63:0]             x_payload;
      mac_decode #(
          .BITS(ACC_BITS), .IS_FLOAT(1), .IS_SIGNED(1), .EXP_BITS(ACC_EXP_BITS), .MAN_BITS(ACC_MAN_BITS),
          .BIAS(ACC_BIAS), .EMIN(ACC_EMIN), .MIN_NORMAL_FIELD(1), .NAN_STYLE(0), .SUBNORMALS(1), .FRAC_BITS(0),
          .SIG_BITS(ACC_MAN_BITS + 1), .EXP_W(EXP_W)
      ) u_decode_x (
          .code(reduce_code), .sign(x_sign), .is_zero(x_zero), .is_inf(x_inf), .is_nan(x_nan), .is_snan(x_snan),
          .sig(x_sig), .exp(x_exp), .nan_payload(x_payload)
      );
      assign x_on = reduce;
      assign x_align = x_exp + EXP_W'(ACC_MAN_BITS);
      mac_term_cut #(
          .SIG_BITS(ACC_MAN_BITS + 1), .FRAC_BITS(ACC_MAN_BITS), .ALIGN_FRAC_BITS(ALIGN_FRAC_BITS),
          .WINDOW_BITS(WINDOW_BITS), .TERM_RNE(TERM_RNE), .EXP_W(EXP_W)
      ) u_cut (
          .sign(x_sign), .sig(x_sig), .d(reference - x_align), .term(x_term), .inexact(x_cut)
      );
      logic unused_x;  // mac.sv's mac_reduce_term gives pj's part of the special path
      assign unused_x = ^{x_inf, x_nan, x_snan, x_payload};
    end else begin : g_no_reduce
      assign {x_on, x_sign, x_zero, x_cut, x_align, x_term} = '0;
      logic unused_x;
      assign unused_x = ^{reduce, reduce_code};
    end
    assign terms[LANES*WINDOW_BITS-1:0] = x_on ? (LANES * WINDOW_BITS)'(x_term) : lane_terms;
    assign cut[LANES-1:0] = x_on ? LANES'(x_cut) : lane_cut;
    if (FUSED != 0) begin : g_fused
      mac_term_cut #(
          .SIG_BITS(ACC_MAN_BITS + 1), .FRAC_BITS(ACC_MAN_BITS), .ALIGN_FRAC_BITS(ALIGN_FRAC_BITS),
          .WINDOW_BITS(WINDOW_BITS), .TERM_RNE(TERM_RNE), .EXP_W(EXP_W)
      ) u_cut (
          .sign(c_sign), .sig(c_sig), .d(reference - c_align), .term(terms[LANES*WINDOW_BITS+:WINDOW_BITS]),
          .inexact(cut[LANES])
      );
      // A zero sum keeps the sign of its terms when all are zeros of one sign.
      assign zero_sign = x_on ? (x_zero && c_zero && x_sign == c_sign ? c_sign : ROUND_DOWN != 0)
                              : &zero && c_zero && p_sign == {LANES{c_sign}} ? c_sign : ROUND_DOWN != 0;
    end else begin : g_separate
      assign zero_sign = x_on ? (x_zero ? x_sign : ROUND_DOWN != 0)
                              : &zero && (&p_sign || !(|p_sign)) ? p_sign[0] : ROUND_DOWN != 0;
      logic unused_c;  // the normalizer adds c
      assign unused_c = ^{c_sign, c_sig};
    end
    assign inexact = |cut;
    logic unused;  // the special path reads c's class in the normalizer
    assign unused = ^{c_inf, c_nan, c_snan, c_payload};
  end else begin : g_exact
    logic [LANES-1:0] cut;
    for (genvar i = 0; i < LANES; i++) begin : g_place
      mac_term_place #(
          .SIG_BITS(PROD_SIG_BITS), .FRAC_BITS(PROD_FRAC_BITS), .PLACE_LSB(PLACE_LSB), .CUT(FIXED_CUT),
          .EXP_MAX(PROD_EXP_MAX), .WINDOW_BITS(WINDOW_BITS), .TERM_RNE(TERM_RNE), .EXP_W(EXP_W)
      ) u_place (
          .sign(p_sign[i]), .sig(p_sig[i*PROD_SIG_BITS+:PROD_SIG_BITS]), .lsb(p_lsb[i*EXP_W+:EXP_W]),
          .term(terms[i*WINDOW_BITS+:WINDOW_BITS]), .inexact(cut[i])
      );
    end
    assign lsb = EXP_W'(PLACE_LSB);
    assign zero_sign = &zero && (&p_sign || !(|p_sign)) ? p_sign[0] : ROUND_DOWN != 0;
    assign inexact = |cut;
    logic unused;  // an exact reduction enters as mac.sv's one exact term
    assign unused = ^{acc_code, reduce, reduce_code};
  end
endmodule

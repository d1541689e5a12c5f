// Normalizer/rounder (float accumulators): adds the accumulator c to the adder's sum
// exactly and rounds once into the accumulator format with OUT_FRAC_BITS fraction
// bits (fmasim::normalizeRound: exactSum, then roundToFloat), or, on the special
// path, forms specialSum's NaN or infinity. The exact sum runs in a WINDOW_BITS
// window as exactSum's does (format/Arith.hpp): the sum is normalized to the window's
// bit WINDOW_BITS-3, c's significand is placed there, the smaller term is shifted
// right with its lost bits jammed into bit 0. Then one leading-zero count and shift
// put the result's leading one at the top (clamped at the smallest normal exponent),
// and rounding happens at one fixed bit. ROUNDING follows fmasim::Rounding: 0 RNE,
// 1 RTZ, 2 RUP, 3 RDN, 4 RNA, 5 stochastic (random = the LFSR's draw).
// A step whose accumulator is infinite or NaN takes the special path too. ADDS_ACC 0:
// the accumulator was a term of the adder's sum (fused into the aligner's window),
// the sum is rounded alone. cut_inexact: the aligner cut bits of a term.
// NAN_CANONICAL: every NaN result is the canonical one (positive, all mantissa bits
// set); OVERFLOW_INFINITY: an overflow gives infinity in every rounding mode.
// LSB_MIN: the lowest weight of a non-zero sum's bit 0; only a sum that can lie far
// below the smallest normal needs the right shift that lowers it into the window.
module mac_normalizer #(
    parameter int SUM_BITS = 37,
    parameter int WINDOW_BITS = 40,
    parameter int ACC_BITS = 32,
    parameter int ACC_EXP_BITS = 8,
    parameter int ACC_MAN_BITS = 23,
    parameter int ACC_BIAS = 127,
    parameter int ACC_EMIN = -126,
    parameter int ACC_EMAX = 127,
    parameter int ACC_MAX_FIELD = 254,
    parameter int OUT_FRAC_BITS = 23,
    parameter int OUT_MAX_MANT = 8388607,
    parameter int ROUNDING = 0,
    parameter int TININESS_BEFORE = 0,
    parameter int OVERFLOW_SATURATE = 0,
    parameter int RANDOM_BITS = 8,
    parameter int EXP_W = 12,
    parameter int ADDS_ACC = 1,
    parameter int NAN_CANONICAL = 0,
    parameter int OVERFLOW_INFINITY = 0,
    parameter int LSB_MIN = -16382  // the lowest weight of a non-zero sum's bit 0
) (
    input  logic                       valid,  // a step is here
    input  logic signed [SUM_BITS-1:0] sum,
    input  logic signed [EXP_W-1:0]    lsb,
    input  logic                       zero_sign,
    input  logic [ACC_BITS-1:0]        acc_code,
    input  logic [RANDOM_BITS-1:0]     random,
    // the special path (the multiplier's summary of the operands)
    input  logic                       special,
    input  logic                       sp_nan,
    input  logic                       sp_nan_sign,
    input  logic [ACC_MAN_BITS-2:0]    sp_nan_low,
    input  logic                       sp_snan,
    input  logic                       sp_inf_zero,
    input  logic                       sp_pos_inf,
    input  logic                       sp_neg_inf,
    input  logic                       cut_inexact,
    output logic [ACC_BITS-1:0]        result,
    output logic [4:0]                 flags
);
  localparam int W = WINDOW_BITS;
  localparam int P = OUT_FRAC_BITS;
  localparam int CUT = ACC_MAN_BITS - OUT_FRAC_BITS;  // fraction bits the rounder drops
  localparam int MAG_BITS = ACC_EXP_BITS + P + 1;     // a rounded magnitude, one carry bit
  localparam logic [4:0] INEXACT = 5'd1, UNDERFLOW = 5'd2, OVERFLOW = 5'd4, INVALID = 5'd16;
  localparam logic signed [EXP_W-1:0] EMIN = EXP_W'(ACC_EMIN);
  localparam logic signed [EXP_W-1:0] EMAX = EXP_W'(ACC_EMAX);
  localparam logic [MAG_BITS-1:0] MAX_MAG = (MAG_BITS'(ACC_MAX_FIELD) << P) | MAG_BITS'(OUT_MAX_MANT);
  localparam logic [MAG_BITS-1:0] INF_MAG = MAG_BITS'(ACC_MAX_FIELD + 1) << P;
  localparam logic [ACC_EXP_BITS-1:0] NAN_FIELD = '1;

  // ---- the accumulator's value -------------------------------------------------
  logic                      c_sign, c_zero, c_inf, c_nan, c_snan;
  logic [ACC_MAN_BITS:0]     c_sig;
  logic signed [EXP_W-1:0]   c_exp;
  logic [63:0]               c_payload;
  mac_decode #(
      .BITS(ACC_BITS), .IS_FLOAT(1), .IS_SIGNED(1), .EXP_BITS(ACC_EXP_BITS), .MAN_BITS(ACC_MAN_BITS),
      .BIAS(ACC_BIAS), .EMIN(ACC_EMIN), .MIN_NORMAL_FIELD(1), .NAN_STYLE(0), .SUBNORMALS(1), .FRAC_BITS(0),
      .SIG_BITS(ACC_MAN_BITS + 1), .EXP_W(EXP_W)
  ) u_decode_c (
      .code(acc_code), .sign(c_sign), .is_zero(c_zero), .is_inf(c_inf), .is_nan(c_nan), .is_snan(c_snan),
      .sig(c_sig), .exp(c_exp), .nan_payload(c_payload)
  );

  // ---- shared blocks ----------------------------------------------------------------
  localparam int TOP = W - 3;               // a normalized term's leading one (exactSum's N-3)
  localparam int LEVELS = $clog2(W);        // shift levels: 2^(LEVELS-1) .. 1
  localparam int SH_W = LEVELS + 1;         // a shift count 0..W
  // The sum's bit 0 can lie below the window's lowest weight, EMIN - TOP with c (the
  // sum's exponent clamped at EMIN), EMIN - (W - 1) alone (the rounder's clamp).
  localparam int X_RIGHT = LSB_MIN < ACC_EMIN - (ADDS_ACC != 0 ? TOP : W - 1) ? 1 : 0;
  localparam int RB = ROUNDING == 5 ? RANDOM_BITS : 1;  // bits read below the rounding position's guard

  // A right shift amount (non-negative), W for anything beyond the window.
  function automatic logic [SH_W-1:0] window_shift(input logic signed [EXP_W-1:0] amount);
    window_shift = amount >= EXP_W'(W) ? SH_W'(W) : SH_W'(amount);
  endfunction

  // v shifted left until its leading one reaches bit W-1, by at most `budget`: one
  // level per count bit, each a zero test of the top 2^k bits and a fixed shift (a
  // leading-zero counter and the normalization shifter in one). {count, shifted v}.
  // (Selects rather than branches: a Verilated model then has no data-dependent jumps.)
  function automatic logic [SH_W+W-1:0] normalize(input logic [W-1:0] v, input logic signed [EXP_W-1:0] budget);
    logic [SH_W-1:0] count;
    logic            take;
    count = '0;
    for (int k = LEVELS - 1; k >= 0; k--) begin
      take = (v >> (W - (1 << k))) == '0 && $signed(EXP_W'(count) + EXP_W'(1 << k)) <= budget;
      v = take ? v << (1 << k) : v;
      count[k] = take;
    end
    normalize = {count, v};
  endfunction

  // v shifted right by `amount` (0..W; W loses everything), the lost bits ORed into bit 0.
  function automatic logic [W-1:0] shift_right_jam(input logic [W-1:0] v, input logic [SH_W-1:0] amount);
    logic sticky;
    sticky = 1'b0;
    if (32'(amount) >= W) begin
      sticky = v != '0;
      v = '0;
    end else begin
      for (int k = LEVELS - 1; k >= 0; k--) begin
        sticky = sticky | (amount[k] && (v & ((W'(1) << (1 << k)) - 1)) != '0);
        v = amount[k] ? v >> (1 << k) : v;
      end
    end
    shift_right_jam = v | W'(sticky);
  endfunction

  // Round-up decision of a magnitude q (its lowest bit lsb_q), the round bit, the bits
  // below it, and the RANDOM_BITS bits below q for stochastic rounding.
  function automatic logic round_up(input logic lsb_q, input logic round_bit, input logic sticky,
                                    input logic [RB-1:0] below, input logic negative, input logic [RB-1:0] rnd);
    logic [RB:0] top;
    top = (RB + 1)'(below) + (RB + 1)'(rnd);
    case (ROUNDING)
      0: round_up = round_bit && (sticky || lsb_q);
      1: round_up = 1'b0;
      2: round_up = (round_bit || sticky) && !negative;
      3: round_up = (round_bit || sticky) && negative;
      4: round_up = round_bit;
      default: round_up = top[RB];
    endcase
  endfunction

  // One procedural block whose branches skip what a step does not need: nothing when
  // no step is there (valid low: the result is don't-care, as hardware that isolates
  // its operands), no exact sum on the special path. The logic is the same either way;
  // a Verilated model then evaluates only the branch taken.
  logic [SUM_BITS-1:0]     x_mag;
  logic                    x_sign, x_zero, y_sign, y_zero, c_larger, big_sign, u_sign, negated;
  logic [W-1:0]            x_sig, y_sig, big_sig, small_sig, u_sig, v;
  logic signed [EXP_W-1:0] x_top, y_top, big_top, u_top, e, biased_exp, budget;
  logic [SH_W-1:0]         shift;
  logic [SH_W+W-1:0]       normalized;
  logic signed [W:0]       signed_sum;
  logic                    tiny, inexact, unbounded_tiny, round_to_zero, overflowed, up;
  logic [P+1:0]            rounded;
  logic [MAG_BITS-1:0]     magnitude, finite_mag;
  logic                    pos_inf, neg_inf;
  localparam logic [ACC_BITS-1:0] CANONICAL_NAN = {1'b0, {(ACC_BITS - 1) {1'b1}}};

  always_comb begin
    result = '0;
    flags = '0;
    {x_mag, x_sign, x_zero, y_sign, y_zero, c_larger, big_sign, u_sign, negated} = '0;
    {x_sig, y_sig, big_sig, small_sig, u_sig, v, x_top, y_top, big_top, u_top, e, biased_exp, budget} = '0;
    {shift, normalized, signed_sum, tiny, inexact, unbounded_tiny, round_to_zero, overflowed, up} = '0;
    {rounded, magnitude, finite_mag, pos_inf, neg_inf} = '0;
    if (!valid) begin
      // no step: the result is don't-care
    end else if (special || c_inf || c_nan) begin
      // ---- special path (specialStep of datapath/Units.cpp) -----------------------
      pos_inf = sp_pos_inf || (c_inf && !c_sign);
      neg_inf = sp_neg_inf || (c_inf && c_sign);
      if (sp_nan) begin
        result = {sp_nan_sign, NAN_FIELD, 1'b1, sp_nan_low};
        flags = sp_snan || c_snan ? INVALID : 5'd0;
      end else if (sp_inf_zero || (!c_nan && pos_inf && neg_inf)) begin
        result = {1'b1, NAN_FIELD, 1'b1, {(ACC_MAN_BITS - 1) {1'b0}}};  // the default NaN
        flags = INVALID;
      end else if (c_nan) begin
        result = {c_sign, NAN_FIELD, 1'b1, (ACC_MAN_BITS - 1)'(c_payload >> (65 - ACC_MAN_BITS))};
        flags = c_snan ? INVALID : 5'd0;
      end else begin
        result = {neg_inf, NAN_FIELD, {ACC_MAN_BITS{1'b0}}};
      end
      if (NAN_CANONICAL != 0 && result[ACC_BITS-2:ACC_MAN_BITS] == NAN_FIELD && result[ACC_MAN_BITS-1:0] != '0)
        result = CANONICAL_NAN;
    end else begin
      // ---- exact sum (exactSum of format/Arith.hpp) ---------------------------------
      // Each term's leading one at bit TOP, unless its exponent would fall below EMIN:
      // a subnormal c stays where its exponent field puts it, the sum x shifts up only
      // as far as EMIN. The larger term stays, the smaller shifts right with its lost
      // bits jammed into bit 0 (only when its exponent is lower: the larger one is then
      // normalized, as in exactSum). Where exactSum would normalize further both are
      // below 2^(EMIN+1) and round at EMIN - P, which reads only bits above bit 0.
      x_mag = sum[SUM_BITS-1] ? SUM_BITS'(-sum) : SUM_BITS'(sum);
      x_zero = sum == '0;
      x_sign = x_zero ? zero_sign : sum[SUM_BITS-1];
      y_sign = ADDS_ACC != 0 ? c_sign : zero_sign;
      y_zero = ADDS_ACC == 0 || c_zero;
      if (!x_zero) begin
        // With c, the sum's leading one goes to TOP (its exponent at least EMIN) for the
        // alignment; alone, the sum goes to the final normalization as it is.
        budget = lsb - EMIN + EXP_W'(ADDS_ACC != 0 ? TOP : W - 1);
        if (X_RIGHT != 0 && budget < 0) begin
          x_sig = shift_right_jam(W'(x_mag), window_shift(-budget));
          x_top = ADDS_ACC != 0 ? EMIN : EMIN - 2;
        end else if (ADDS_ACC != 0) begin
          normalized = normalize(W'(x_mag) << 2, budget);
          x_sig = normalized[W-1:0] >> 2;
          x_top = lsb + EXP_W'(TOP) - EXP_W'(normalized[SH_W+W-1:W]);
        end else begin
          x_sig = W'(x_mag);
          x_top = lsb + EXP_W'(TOP);
        end
      end
      if (!y_zero) begin
        y_sig = W'(c_sig) << (TOP - ACC_MAN_BITS);
        y_top = c_exp + EXP_W'(ACC_MAN_BITS);
      end
      if (x_zero && y_zero) begin
        u_sign = x_sign == y_sign ? x_sign : ROUNDING == 3;
      end else if (y_zero) begin
        u_sig = x_sig;
        u_top = x_top;
        u_sign = x_sign;
      end else if (x_zero) begin
        u_sig = y_sig;
        u_top = y_top;
        u_sign = y_sign;
      end else begin
        c_larger = y_top > x_top;
        big_sig = c_larger ? y_sig : x_sig;
        small_sig = c_larger ? x_sig : y_sig;
        big_top = c_larger ? y_top : x_top;
        big_sign = c_larger ? y_sign : x_sign;
        small_sig = shift_right_jam(small_sig, window_shift(big_top - (c_larger ? x_top : y_top)));
        signed_sum = (W + 1)'(big_sig) + (x_sign != y_sign ? -((W + 1)'(small_sig)) : (W + 1)'(small_sig));
        negated = signed_sum[W];  // the smaller term won: only when the exponents are equal
        u_sig = W'(negated ? -signed_sum : signed_sum);
        u_top = big_top;
        u_sign = u_sig == '0 ? ROUNDING == 3 : big_sign ^ negated;
      end
      // ---- rounding (roundToFloat of format/Round.hpp into the P-bit format) -------
      if (u_sig != '0) begin
        // Leading one to bit W-1, its weight e; a result below 2^EMIN stops with bit
        // W-1 at EMIN. Either way the rounding position is bit W-1-P.
        normalized = normalize(u_sig, u_top - EMIN + 2);
        v = normalized[W-1:0];
        shift = normalized[SH_W+W-1:W];
        e = u_top + 2 - EXP_W'(shift);
        tiny = !v[W-1];
        biased_exp = e + EXP_W'(ACC_BIAS - 1);
        up = round_up(v[W-1-P], v[W-2-P], v[W-3-P:0] != '0, v[W-2-P-:RB], u_sign, RB'(random));
        rounded = (P + 2)'(v[W-1-:P+1]) + (P + 2)'(up);
        inexact = v[W-2-P:0] != '0;
        // After rounding, a result just below the smallest normal (leading one at bit
        // W-2) is tiny only if rounding one bit lower (unbounded exponent) stays below it.
        unbounded_tiny = TININESS_BEFORE != 0 || !v[W-2] || !(&v[W-2-:P+1]) ||
                         !round_up(v[W-2-P], v[W-3-P], v[W-4-P:0] != '0, v[W-3-P-:RB], u_sign, RB'(random));
        round_to_zero = ROUNDING == 1 || (ROUNDING == 2 && u_sign) || (ROUNDING == 3 && !u_sign);
        finite_mag = tiny ? MAG_BITS'(rounded) : (MAG_BITS'(biased_exp) << P) + MAG_BITS'(rounded);
        overflowed = !tiny && (e > EMAX || finite_mag > MAX_MAG);
        if (overflowed) begin
          magnitude = OVERFLOW_INFINITY == 0 && (OVERFLOW_SATURATE != 0 || round_to_zero) ? MAX_MAG : INF_MAG;
          flags = OVERFLOW | INEXACT;
        end else begin
          magnitude = finite_mag;
          flags = !inexact ? 5'd0 : tiny && unbounded_tiny ? INEXACT | UNDERFLOW : INEXACT;
        end
      end
      flags = flags | (cut_inexact ? INEXACT : 5'd0);
      // The P-bit code widened into the accumulator's storage format.
      result = {u_sign, (ACC_EXP_BITS + P)'(magnitude), {CUT{1'b0}}};
    end
  end
  // The top bits were checked against MAX_MAG and the tininess bound; a narrow format
  // (a cma's product) leaves the exponent's top bits to the overflow check.
  logic unused_carries;
  assign unused_carries = ^{magnitude[MAG_BITS-1], biased_exp, signed_sum[W], rounded[P+1], random};
endmodule

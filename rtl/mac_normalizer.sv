// Normalizer/rounder (float accumulators): adds the accumulator c to the adder's sum
// exactly and rounds once into the accumulator format with OUT_FRAC_BITS fraction
// bits (fmasim::normalizeRound: exactSum, then roundToFloat), or, on the special
// path, forms specialSum's NaN or infinity. The exact sum runs in a WINDOW_BITS
// window: both terms are normalized to the window's bit WINDOW_BITS-3, the smaller
// is shifted right with its lost bits jammed into bit 0 (exact for the rounding, as
// windowFits in format/Arith.hpp argues). ROUNDING follows fmasim::Rounding: 0 RNE,
// 1 RTZ, 2 RUP, 3 RDN, 4 RNA, 5 stochastic (random = the LFSR's draw).
// A step whose accumulator is infinite or NaN takes the special path too. ADDS_ACC 0:
// the accumulator was a term of the adder's sum (fused into the aligner's window),
// the sum is rounded alone. cut_inexact: the aligner cut bits of a term.
// NAN_CANONICAL: every NaN result is the canonical one (positive, all mantissa bits
// set); OVERFLOW_INFINITY: an overflow gives infinity in every rounding mode.
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
    parameter int OVERFLOW_INFINITY = 0
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

  // Position of the highest set bit plus one (0 for 0): a binary search, one
  // shift-and-test per level (log2 W levels, as a leading-zero counter is built).
  localparam int LEVELS = $clog2(W);
  function automatic logic signed [EXP_W-1:0] bit_length(input logic [W-1:0] x);
    logic signed [EXP_W-1:0] position;
    position = '0;
    for (int k = LEVELS - 1; k >= 0; k--)
      if ((x >> (position + EXP_W'(1 << k))) != '0) position = position + EXP_W'(1 << k);
    bit_length = x == '0 ? '0 : position + 1;
  endfunction

  // roundAt of format/Round.hpp: sig * 2^exp rounded to a multiple of 2^lsb;
  // {inexact, q}. A shift beyond the window loses everything (q 0, all of sig lost,
  // half above it), as the C++ does beyond its own window.
  function automatic logic [W:0] round_at(input logic [W-1:0] sig, input logic signed [EXP_W-1:0] exp,
                                          input logic signed [EXP_W-1:0] lsb_at, input logic negative,
                                          input logic [RANDOM_BITS-1:0] rnd);
    logic signed [EXP_W-1:0] shift;
    logic [W+1:0]            wide, q, lost, half, mask;
    logic [RANDOM_BITS:0]    top;
    logic                    inexact, up;
    wide = (W + 2)'(sig);
    shift = lsb_at - exp;
    if (shift <= 0) begin
      q = wide << (-shift);
      lost = '0;
      half = '1;
    end else if (shift > EXP_W'(W)) begin
      q = '0;
      lost = wide;
      half = (W + 2)'(1) << W;
    end else begin
      mask = ((W + 2)'(1) << shift) - 1;
      q = wide >> shift;
      lost = wide & mask;
      half = (W + 2)'(1) << (shift - 1);
    end
    inexact = lost != '0;
    // lostTopBits: the RANDOM_BITS bits just below the rounding position.
    if (shift >= EXP_W'(RANDOM_BITS)) top = (RANDOM_BITS + 1)'(wide >> (shift - EXP_W'(RANDOM_BITS)));
    else top = (RANDOM_BITS + 1)'(lost << (EXP_W'(RANDOM_BITS) - shift));
    top[RANDOM_BITS] = 1'b0;
    case (ROUNDING)
      0: up = lost + (W + 2)'(q[0]) > half;
      1: up = 1'b0;
      2: up = inexact && !negative;
      3: up = inexact && negative;
      4: up = lost >= half;
      default: begin
        top = top + (RANDOM_BITS + 1)'(rnd);
        up = top[RANDOM_BITS];
      end
    endcase
    round_at = {inexact, W'(q + (W + 2)'(up))};
  endfunction

  // One procedural block whose branches skip what a step does not need: nothing when
  // no step is there (valid low: the result is don't-care, as hardware that isolates
  // its operands), no exact sum on the special path, no alignment when c or the sum
  // is zero, the unbounded rounding only where after-rounding tininess reads it. The
  // logic is the same either way; a Verilated model then evaluates only the branch taken.
  logic [SUM_BITS-1:0]     x_mag;
  logic                    x_sign, x_zero, y_sign, y_zero;
  logic [W-1:0]            x_sig, y_sig, big_sig, small_sig, u_sig, jammed;
  logic signed [EXP_W-1:0] x_exp, y_exp, big_exp, small_exp, u_exp, e, lx, ly, lu, sx, sy, d;
  logic signed [W:0]       signed_sum;
  logic                    u_sign, y_larger, big_sign;
  logic                    tiny, inexact, unbounded_tiny, round_to_zero, overflowed;
  logic [W:0]              rounded, unbounded;
  logic [MAG_BITS-1:0]     magnitude, finite_mag;
  logic signed [EXP_W-1:0] biased_exp;  // the exponent field below e's (q's leading one completes it)
  logic                    pos_inf, neg_inf;
  localparam logic [ACC_BITS-1:0] CANONICAL_NAN = {1'b0, {(ACC_BITS - 1) {1'b1}}};

  always_comb begin
    result = '0;
    flags = '0;
    {x_mag, x_sign, x_zero, x_sig, y_sig, big_sig, small_sig, u_sig, jammed} = '0;
    {x_exp, y_exp, big_exp, small_exp, u_exp, e, lx, ly, lu, sx, sy, d, signed_sum} = '0;
    {u_sign, y_larger, big_sign, tiny, inexact, unbounded_tiny, round_to_zero, overflowed, y_sign, y_zero} = '0;
    {rounded, unbounded, magnitude, finite_mag, biased_exp, pos_inf, neg_inf} = '0;
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
      x_mag = sum[SUM_BITS-1] ? SUM_BITS'(-sum) : SUM_BITS'(sum);
      x_zero = sum == '0;
      x_sign = x_zero ? zero_sign : sum[SUM_BITS-1];
      x_sig = W'(x_mag);
      y_sig = ADDS_ACC != 0 ? W'(c_sig) : '0;
      y_sign = ADDS_ACC != 0 ? c_sign : zero_sign;
      y_zero = ADDS_ACC == 0 || c_zero;
      if (x_zero && y_zero) begin
        u_sign = x_sign == y_sign ? x_sign : ROUNDING == 3;
      end else if (y_zero) begin
        u_sig = x_sig;
        u_exp = lsb;
        u_sign = x_sign;
      end else if (x_zero) begin
        u_sig = y_sig;
        u_exp = c_exp;
        u_sign = y_sign;
      end else begin
        // Both normalized to the window's bit W-3; the smaller shifted right, its lost
        // bits jammed into bit 0.
        lx = bit_length(x_sig);
        // A normal c's significand has its leading one in place: only a subnormal
        // needs the search.
        ly = y_sig[ACC_MAN_BITS] ? EXP_W'(ACC_MAN_BITS + 1) : bit_length(y_sig);
        sx = EXP_W'(W - 2) - lx;
        sy = EXP_W'(W - 2) - ly;
        x_exp = lsb - sx;
        y_exp = c_exp - sy;
        y_larger = x_exp < y_exp;
        big_sig = y_larger ? y_sig << sy : x_sig << sx;
        small_sig = y_larger ? x_sig << sx : y_sig << sy;
        big_exp = y_larger ? y_exp : x_exp;
        small_exp = y_larger ? x_exp : y_exp;
        big_sign = y_larger ? y_sign : x_sign;
        d = big_exp - small_exp;
        if (d >= EXP_W'(W)) jammed = W'(small_sig != '0);
        else jammed = (small_sig >> d) | W'((small_sig & ((W'(1) << d) - 1)) != '0);
        signed_sum = (W + 1)'(big_sig) + (x_sign != y_sign ? -((W + 1)'(jammed)) : (W + 1)'(jammed));
        u_sig = W'(signed_sum[W] ? -signed_sum : signed_sum);
        u_exp = big_exp;
        u_sign = u_sig == '0 ? ROUNDING == 3 : big_sign ^ signed_sum[W];
      end
      // ---- rounding (roundToFloat of format/Round.hpp into the P-bit format) -------
      if (u_sig != '0) begin
        // After the aligned add the leading one is at bit W-2 (a carry) or W-3 (the
        // larger term's); only a cancellation (or a lone term) needs the search.
        if (u_sig[W-2]) lu = EXP_W'(W - 1);
        else if (u_sig[W-3]) lu = EXP_W'(W - 2);
        else lu = bit_length(u_sig);
        e = u_exp + lu - 1;  // 2^e <= |u| < 2^(e+1)
        tiny = e < EMIN;
        biased_exp = e + EXP_W'(ACC_BIAS - 1);
        rounded = round_at(u_sig, u_exp, tiny ? EMIN - EXP_W'(P) : e - EXP_W'(P), u_sign, random);
        inexact = rounded[W];
        // After rounding, a result just below the smallest normal is tiny only if
        // rounding with unbounded exponent stays below it.
        unbounded_tiny = 1'b1;
        if (TININESS_BEFORE == 0 && e == EMIN - 1) begin
          unbounded = round_at(u_sig, u_exp, e - EXP_W'(P), u_sign, random);
          unbounded_tiny = (unbounded[W-1:0] >> (P + 1)) == '0;
        end
        round_to_zero = ROUNDING == 1 || (ROUNDING == 2 && u_sign) || (ROUNDING == 3 && !u_sign);
        finite_mag = tiny ? MAG_BITS'(rounded[W-1:0])
                          : (MAG_BITS'(biased_exp) << P) + MAG_BITS'(rounded[W-1:0]);
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
  assign unused_carries = ^{magnitude[MAG_BITS-1], unbounded[W], biased_exp};
endmodule

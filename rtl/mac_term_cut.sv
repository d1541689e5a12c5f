// One term of a windowed step (fmasim::alignTerm at lsb = reference - ALIGN_FRAC_BITS):
// a significand with FRAC_BITS fraction bits whose alignment exponent lies `d` below
// the step's reference keeps the bits of weight 2^(reference - ALIGN_FRAC_BITS) and
// above; the rest is cut toward zero, or rounded to nearest even (TERM_RNE), and
// raises inexact. The result is the term in two's complement, WINDOW_BITS wide.
module mac_term_cut #(
    parameter int SIG_BITS = 8,
    parameter int FRAC_BITS = 6,
    parameter int ALIGN_FRAC_BITS = 24,
    parameter int WINDOW_BITS = 27,
    parameter int TERM_RNE = 0,
    parameter int EXP_W = 12
) (
    input  logic                          sign,
    input  logic [SIG_BITS-1:0]           sig,
    input  logic signed [EXP_W-1:0]       d,  // reference - the term's alignment exponent, >= 0
    output logic signed [WINDOW_BITS-1:0] term,
    output logic                          inexact
);
  // The significand moved up so that every shift is to the right: LEFT zero bits
  // below it when the window keeps more fraction bits than the term has.
  localparam int LEFT = ALIGN_FRAC_BITS > FRAC_BITS ? ALIGN_FRAC_BITS - FRAC_BITS : 0;
  localparam int POS = FRAC_BITS > ALIGN_FRAC_BITS ? FRAC_BITS - ALIGN_FRAC_BITS : 0;
  localparam int EW = SIG_BITS + LEFT + 2;  // two spare bits: the shift saturates at SIG_BITS + LEFT + 1
  localparam logic signed [EXP_W-1:0] MAX_SHIFT = EXP_W'(SIG_BITS + LEFT + 1);

  logic signed [EXP_W-1:0] s;
  logic [EW-1:0]           ext, kept, lost, half;
  logic                    up;
  logic [WINDOW_BITS-1:0]  magnitude;
  always_comb begin
    ext = EW'(sig) << LEFT;
    s = d + EXP_W'(POS);
    if (s > MAX_SHIFT) s = MAX_SHIFT;
    kept = ext >> s;
    lost = ext & ((EW'(1) << s) - EW'(1));
    half = s == '0 ? '0 : EW'(1) << (s - EXP_W'(1));
    inexact = lost != '0;
    up = TERM_RNE != 0 && s != '0 && (lost > half || (lost == half && kept[0]));
    kept = kept + EW'(up);
    magnitude = WINDOW_BITS'(kept);
    term = sign ? -magnitude : magnitude;
  end
endmodule

// One product placed at the fixed weight 2^PLACE_LSB (fmasim::alignTerm at a fixed lsb):
// the exact alignment of several lanes (the lowest product weight) and the binary point
// of an integer or fixed-point accumulator. Shifted whole; with CUT (a fixed-point
// accumulator with fewer fraction bits than the product has) the bits below 2^PLACE_LSB
// are cut toward zero or to nearest even (TERM_RNE) and raise inexact: mac_term_cut with
// the largest product's alignment exponent EXP_MAX as the reference, so every product
// lies d >= 0 below it. The result is the term in two's complement, WINDOW_BITS wide.
module mac_term_place #(
    parameter int SIG_BITS = 8,
    parameter int FRAC_BITS = 6,
    parameter int PLACE_LSB = -18,
    parameter int CUT = 0,
    parameter int EXP_MAX = 16,
    parameter int WINDOW_BITS = 49,
    parameter int TERM_RNE = 0,
    parameter int EXP_W = 12
) (
    input  logic                          sign,
    input  logic [SIG_BITS-1:0]           sig,
    input  logic signed [EXP_W-1:0]       lsb,  // the weight of sig's lowest bit
    output logic signed [WINDOW_BITS-1:0] term,
    output logic                          inexact
);
  if (CUT != 0) begin : g_cut
    mac_term_cut #(
        .SIG_BITS(SIG_BITS), .FRAC_BITS(FRAC_BITS), .ALIGN_FRAC_BITS(EXP_MAX - PLACE_LSB), .WINDOW_BITS(WINDOW_BITS),
        .TERM_RNE(TERM_RNE), .EXP_W(EXP_W)
    ) u_cut (
        .sign, .sig, .d(EXP_W'(EXP_MAX) - lsb - EXP_W'(FRAC_BITS)), .term, .inexact
    );
  end else begin : g_whole
    // The shift lies in [0, SHIFT_MAX] for every product (the highest lsb is EXP_MAX -
    // FRAC_BITS): only its low bits are a shifter's levels.
    localparam int SHIFT_MAX = EXP_MAX - FRAC_BITS - PLACE_LSB;
    localparam int SHIFT_W = SHIFT_MAX > 0 ? $clog2(SHIFT_MAX + 1) : 1;
    logic [SHIFT_W-1:0] shift;
    logic [WINDOW_BITS-1:0] magnitude;
    assign shift = SHIFT_W'(lsb - EXP_W'(PLACE_LSB));
    assign magnitude = WINDOW_BITS'(sig) << shift;
    assign term = sign ? -magnitude : magnitude;
    assign inexact = 1'b0;
  end
endmodule

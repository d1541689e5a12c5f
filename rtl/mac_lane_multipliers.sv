// The multipliers of a step's LANES lanes (mac_multiplier each) and the operands'
// part of the special path summed over the lanes as fmasim::specialSum reads them:
// the first NaN among a0, b0, a1, b1, ... (its sign and payload), any signaling NaN,
// any inf * 0, and which signs the infinite products have. Lane i of the operands
// and of the products sits at [i*WIDTH +: WIDTH]. CASCADED (cma): each product is
// rounded into the product format P_* first (mac_cascaded_multiplier), raising flags.
module mac_lane_multipliers #(
    parameter int LANES = 1,
    parameter int A_BITS = 8, A_FLOAT = 1, A_SIGNED = 1, A_EXP_BITS = 4, A_MAN_BITS = 3, A_BIAS = 7,
    parameter int A_EMIN = -6, A_MIN_NORMAL_FIELD = 1, A_NAN_STYLE = 1, A_SUBNORMALS = 1, A_FRAC_BITS = 0,
    parameter int A_SIG_BITS = 4,
    parameter int B_BITS = 8, B_FLOAT = 1, B_SIGNED = 1, B_EXP_BITS = 4, B_MAN_BITS = 3, B_BIAS = 7,
    parameter int B_EMIN = -6, B_MIN_NORMAL_FIELD = 1, B_NAN_STYLE = 1, B_SUBNORMALS = 1, B_FRAC_BITS = 0,
    parameter int B_SIG_BITS = 4,
    parameter int PROD_SIG_BITS = 8,
    parameter int NAN_LOW_BITS = 22,
    parameter int FLOAT_ACC = 1,
    parameter int EXP_W = 12,
    parameter int CASCADED = 0,
    parameter int P_BITS = 16, P_EXP_BITS = 5, P_MAN_BITS = 10, P_BIAS = 15, P_EMIN = -14, P_EMAX = 15,
    parameter int P_MAX_FIELD = 30, P_MAX_MANT = 1023,
    parameter int P_ROUNDING = 0, P_TININESS_BEFORE = 0, P_OVERFLOW_SATURATE = 0, P_WINDOW_BITS = 16
) (
    input  logic [LANES*A_BITS-1:0]        a,
    input  logic [LANES*B_BITS-1:0]        b,
    output logic [LANES-1:0]               p_sign,
    output logic [LANES*PROD_SIG_BITS-1:0] p_sig,
    output logic [LANES*EXP_W-1:0]         p_lsb,
    output logic                           special,     // float accumulator: a NaN or infinite operand
    output logic                           sp_nan,      // an operand is NaN
    output logic                           sp_nan_sign, // the first NaN's sign
    output logic [NAN_LOW_BITS-1:0]        sp_nan_low,  // ... and its payload in the accumulator's mantissa
    output logic                           sp_snan,     // an operand is a signaling NaN
    output logic                           sp_inf_zero, // a lane multiplies inf by 0
    output logic                           sp_pos_inf,  // a product is +inf
    output logic                           sp_neg_inf,  // a product is -inf
    output logic                           invalid,     // integer/fixed accumulator: a product dropped
    output logic [4:0]                     flags        // cma: the product roundings'
);
  logic [LANES-1:0]              lane_special, lane_nan, lane_nan_sign, lane_snan, lane_inf_zero, lane_inf, lane_invalid;
  logic [LANES*NAN_LOW_BITS-1:0] lane_nan_low;
  logic [LANES*5-1:0]            lane_flags;

  for (genvar i = 0; i < LANES; i++) begin : g_lane
    logic signed [EXP_W-1:0] lsb;
    if (CASCADED != 0) begin : g_cascaded
      mac_cascaded_multiplier #(
          .A_BITS(A_BITS), .A_FLOAT(A_FLOAT), .A_SIGNED(A_SIGNED), .A_EXP_BITS(A_EXP_BITS), .A_MAN_BITS(A_MAN_BITS),
          .A_BIAS(A_BIAS), .A_EMIN(A_EMIN), .A_MIN_NORMAL_FIELD(A_MIN_NORMAL_FIELD), .A_NAN_STYLE(A_NAN_STYLE),
          .A_SUBNORMALS(A_SUBNORMALS), .A_FRAC_BITS(A_FRAC_BITS), .A_SIG_BITS(A_SIG_BITS),
          .B_BITS(B_BITS), .B_FLOAT(B_FLOAT), .B_SIGNED(B_SIGNED), .B_EXP_BITS(B_EXP_BITS), .B_MAN_BITS(B_MAN_BITS),
          .B_BIAS(B_BIAS), .B_EMIN(B_EMIN), .B_MIN_NORMAL_FIELD(B_MIN_NORMAL_FIELD), .B_NAN_STYLE(B_NAN_STYLE),
          .B_SUBNORMALS(B_SUBNORMALS), .B_FRAC_BITS(B_FRAC_BITS), .B_SIG_BITS(B_SIG_BITS),
          .P_BITS(P_BITS), .P_EXP_BITS(P_EXP_BITS), .P_MAN_BITS(P_MAN_BITS), .P_BIAS(P_BIAS), .P_EMIN(P_EMIN),
          .P_EMAX(P_EMAX), .P_MAX_FIELD(P_MAX_FIELD), .P_MAX_MANT(P_MAX_MANT), .P_ROUNDING(P_ROUNDING),
          .P_TININESS_BEFORE(P_TININESS_BEFORE), .P_OVERFLOW_SATURATE(P_OVERFLOW_SATURATE),
          .P_WINDOW_BITS(P_WINDOW_BITS), .PROD_SIG_BITS(PROD_SIG_BITS), .NAN_LOW_BITS(NAN_LOW_BITS), .EXP_W(EXP_W)
      ) u_multiplier (
          .a(a[i*A_BITS+:A_BITS]), .b(b[i*B_BITS+:B_BITS]), .p_sign(p_sign[i]),
          .p_sig(p_sig[i*PROD_SIG_BITS+:PROD_SIG_BITS]), .p_lsb(lsb), .special(lane_special[i]), .sp_nan(lane_nan[i]),
          .sp_nan_sign(lane_nan_sign[i]), .sp_nan_low(lane_nan_low[i*NAN_LOW_BITS+:NAN_LOW_BITS]),
          .sp_snan(lane_snan[i]), .sp_inf_zero(lane_inf_zero[i]), .sp_inf(lane_inf[i]), .invalid(lane_invalid[i]),
          .flags(lane_flags[i*5+:5])
      );
    end else begin : g_exact
      mac_multiplier #(
          .A_BITS(A_BITS), .A_FLOAT(A_FLOAT), .A_SIGNED(A_SIGNED), .A_EXP_BITS(A_EXP_BITS), .A_MAN_BITS(A_MAN_BITS),
          .A_BIAS(A_BIAS), .A_EMIN(A_EMIN), .A_MIN_NORMAL_FIELD(A_MIN_NORMAL_FIELD), .A_NAN_STYLE(A_NAN_STYLE),
          .A_SUBNORMALS(A_SUBNORMALS), .A_FRAC_BITS(A_FRAC_BITS), .A_SIG_BITS(A_SIG_BITS),
          .B_BITS(B_BITS), .B_FLOAT(B_FLOAT), .B_SIGNED(B_SIGNED), .B_EXP_BITS(B_EXP_BITS), .B_MAN_BITS(B_MAN_BITS),
          .B_BIAS(B_BIAS), .B_EMIN(B_EMIN), .B_MIN_NORMAL_FIELD(B_MIN_NORMAL_FIELD), .B_NAN_STYLE(B_NAN_STYLE),
          .B_SUBNORMALS(B_SUBNORMALS), .B_FRAC_BITS(B_FRAC_BITS), .B_SIG_BITS(B_SIG_BITS),
          .PROD_SIG_BITS(PROD_SIG_BITS), .NAN_LOW_BITS(NAN_LOW_BITS), .FLOAT_ACC(FLOAT_ACC), .EXP_W(EXP_W)
      ) u_multiplier (
          .a(a[i*A_BITS+:A_BITS]), .b(b[i*B_BITS+:B_BITS]), .p_sign(p_sign[i]), .p_sig(p_sig[i*PROD_SIG_BITS+:PROD_SIG_BITS]),
          .p_lsb(lsb), .special(lane_special[i]), .sp_nan(lane_nan[i]), .sp_nan_sign(lane_nan_sign[i]),
          .sp_nan_low(lane_nan_low[i*NAN_LOW_BITS+:NAN_LOW_BITS]), .sp_snan(lane_snan[i]),
          .sp_inf_zero(lane_inf_zero[i]), .sp_inf(lane_inf[i]), .invalid(lane_invalid[i])
      );
      assign lane_flags[i*5+:5] = '0;
    end
    assign p_lsb[i*EXP_W+:EXP_W] = lsb;
  end

  assign special = |lane_special;
  assign sp_nan = |lane_nan;
  assign sp_snan = |lane_snan;
  assign sp_inf_zero = |lane_inf_zero;
  assign sp_pos_inf = |(lane_inf & ~p_sign);
  assign sp_neg_inf = |(lane_inf & p_sign);
  assign invalid = |lane_invalid;
  always_comb begin
    flags = '0;
    for (int i = 0; i < LANES; i++) flags = flags | lane_flags[i*5+:5];
  end
  // The first NaN lane: the highest lane first, so the lowest one is left.
  always_comb begin
    sp_nan_sign = 1'b0;
    sp_nan_low = '0;
    for (int i = LANES - 1; i >= 0; i--)
      if (lane_nan[i]) begin
        sp_nan_sign = lane_nan_sign[i];
        sp_nan_low = lane_nan_low[i*NAN_LOW_BITS+:NAN_LOW_BITS];
      end
  end
endmodule

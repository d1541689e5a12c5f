// Promotion (DeepSeek-V3; PromotedAccumulator, as AccumulatorFile uses it): every
// PROMOTION_STEPS-th write of the unit's accumulator adds the written word into the
// promoted accumulator (a code of the promotion format PR_*) and stores +0 instead,
// the add's flags joining the sticky ones. The result is promoted + word 0, its flags
// ORed into out_flags. Reset and load restart it: promoted +0, no writes counted.
//
// One add, mulAdd(word, 1, promoted) rounded once into PR_* with the NaN rule (the
// word decoded as the sum of a mac_normalizer of the promotion format, the promoted
// code as its accumulator; a NaN or infinite word is the special path's "product",
// its NaN first as mulAdd's a before c), serves the promoting write and the result:
// the result changes only at an edge that writes, loads or resets, and is then
//   a write that promotes:      promoted' + (+0) = promoted' = the add, without flags
//                               (x + (+0) is x exactly; promoted is -0 only in RDN,
//                               where -0 + (+0) is -0: the C++ model's shortcut),
//   any other write:            promoted + the written word = the add,
//   load (overriding a write):  +0 + load_value, the add with the load's operands,
//   reset:                      +0,
// so it is registered at that edge.
module mac_promotion #(
    parameter int PROMOTION_STEPS = 4,
    parameter int ACC_BITS = 32, ACC_EXP_BITS = 8, ACC_MAN_BITS = 23, ACC_BIAS = 127, ACC_EMIN = -126,
    parameter int PR_BITS = 32, PR_EXP_BITS = 8, PR_MAN_BITS = 23, PR_BIAS = 127, PR_EMIN = -126, PR_EMAX = 127,
    parameter int PR_MAX_FIELD = 254, PR_MAX_MANT = 8388607,
    parameter int PR_ROUNDING = 0, PR_TININESS_BEFORE = 0, PR_OVERFLOW_SATURATE = 0,
    parameter int PR_WINDOW_BITS = 40,  // the add's exact window (mac_normalizer)
    parameter int NAN_CANONICAL = 0,
    parameter int EXP_W = 12
) (
    input  logic                clk,
    input  logic                rst,
    input  logic                load_valid,
    input  logic [ACC_BITS-1:0] load_value,
    input  logic                write_valid,   // the accumulator unit's write
    input  logic [ACC_BITS-1:0] write_value,
    input  logic [4:0]          write_flags,
    output logic [ACC_BITS-1:0] store_value,   // what the register file stores
    output logic [4:0]          store_flags,
    output logic [PR_BITS-1:0]  result,
    output logic [4:0]          result_flags
);
  localparam int CW = $clog2(PROMOTION_STEPS + 1);
  localparam int SUM_BITS = ACC_MAN_BITS + 2;  // the word's significand, signed

  logic [CW-1:0]      count_q;  // writes since the last promotion
  logic [PR_BITS-1:0] promoted_q, sum;
  logic [4:0]         sum_flags;
  logic               promote;

  // ---- the add: word + promoted ------------------------------------------------------
  logic [ACC_BITS-1:0]        word;
  logic                       sign, zero, inf, nan, snan;
  logic [ACC_MAN_BITS:0]      sig;
  logic signed [EXP_W-1:0]    lsb;
  logic [63:0]                payload;
  logic signed [SUM_BITS-1:0] magnitude, word_sum;
  assign word = load_valid ? load_value : write_value;
  mac_decode #(
      .BITS(ACC_BITS), .IS_FLOAT(1), .IS_SIGNED(1), .EXP_BITS(ACC_EXP_BITS), .MAN_BITS(ACC_MAN_BITS),
      .BIAS(ACC_BIAS), .EMIN(ACC_EMIN), .MIN_NORMAL_FIELD(1), .NAN_STYLE(0), .SUBNORMALS(1), .FRAC_BITS(0),
      .SIG_BITS(ACC_MAN_BITS + 1), .EXP_W(EXP_W)
  ) u_decode (
      .code(word), .sign, .is_zero(zero), .is_inf(inf), .is_nan(nan), .is_snan(snan), .sig, .exp(lsb),
      .nan_payload(payload)
  );
  assign magnitude = {1'b0, sig};
  assign word_sum = sign ? -magnitude : magnitude;
  mac_normalizer #(
      .SUM_BITS(SUM_BITS), .WINDOW_BITS(PR_WINDOW_BITS), .ACC_BITS(PR_BITS), .ACC_EXP_BITS(PR_EXP_BITS),
      .ACC_MAN_BITS(PR_MAN_BITS), .ACC_BIAS(PR_BIAS), .ACC_EMIN(PR_EMIN), .ACC_EMAX(PR_EMAX),
      .ACC_MAX_FIELD(PR_MAX_FIELD), .OUT_FRAC_BITS(PR_MAN_BITS), .OUT_MAX_MANT(PR_MAX_MANT), .ROUNDING(PR_ROUNDING),
      .TININESS_BEFORE(PR_TININESS_BEFORE), .OVERFLOW_SATURATE(PR_OVERFLOW_SATURATE), .RANDOM_BITS(1),
      .EXP_W(EXP_W), .ADDS_ACC(1), .NAN_CANONICAL(NAN_CANONICAL), .OVERFLOW_INFINITY(0),
      .LSB_MIN(ACC_EMIN - ACC_MAN_BITS)  // the word's lowest weight
  ) u_add (
      .valid(write_valid || load_valid), .sum(word_sum), .lsb, .zero_sign(sign),
      .acc_code(load_valid ? '0 : promoted_q), .random(1'b0), .special(inf || nan), .sp_nan(nan),
      .sp_nan_sign(sign), .sp_nan_low((PR_MAN_BITS - 1)'(payload >> (65 - PR_MAN_BITS))), .sp_snan(snan),
      .sp_inf_zero(1'b0), .sp_pos_inf(inf && !sign), .sp_neg_inf(inf && sign), .cut_inexact(1'b0), .result(sum),
      .flags(sum_flags)
  );

  // ---- the promoted register, the count and the result -------------------------------
  assign promote = write_valid && 32'(count_q) == PROMOTION_STEPS - 1;
  always_ff @(posedge clk) begin
    if (rst) begin
      promoted_q <= '0;
      count_q <= '0;
      result <= '0;
      result_flags <= '0;
    end else if (load_valid) begin
      promoted_q <= '0;
      count_q <= '0;
      result <= sum;
      result_flags <= sum_flags;
    end else if (write_valid) begin
      promoted_q <= promote ? sum : promoted_q;
      count_q <= promote ? '0 : count_q + CW'(1);
      result <= sum;
      result_flags <= promote ? 5'd0 : sum_flags;
    end
  end
  assign store_value = promote ? '0 : write_value;
  assign store_flags = write_flags | (promote ? sum_flags : 5'd0);
  logic unused;
  assign unused = zero;
endmodule

// Promotion (DeepSeek-V3; PromotedAccumulator, as AccumulatorFile uses it): every
// PROMOTION_STEPS-th write of the unit's accumulator adds the written word into the
// promoted accumulator (a PR_* code, mac_promotion_add) and stores +0 instead, the
// add's flags joining the sticky ones. The result is promoted + word 0 (one more add,
// its flags ORed into out_flags). Reset and load restart it: promoted +0, no writes.
// The C++ model returns promoted itself when word 0 is +0; the add gives the same
// code without flags then (x + (+0) is x exactly, -0 + (+0) is -0 in RDN, where
// alone promoted can be -0), so the RTL always adds.
module mac_promotion #(
    parameter int PROMOTION_STEPS = 4,
    parameter int ACC_BITS = 32, ACC_EXP_BITS = 8, ACC_MAN_BITS = 23, ACC_BIAS = 127, ACC_EMIN = -126,
    parameter int PR_BITS = 32, PR_EXP_BITS = 8, PR_MAN_BITS = 23, PR_BIAS = 127, PR_EMIN = -126, PR_EMAX = 127,
    parameter int PR_MAX_FIELD = 254, PR_MAX_MANT = 8388607,
    parameter int PR_ROUNDING = 0, PR_TININESS_BEFORE = 0, PR_OVERFLOW_SATURATE = 0, PR_WINDOW_BITS = 40,
    parameter int NAN_CANONICAL = 0,
    parameter int EXP_W = 12
) (
    input  logic                clk,
    input  logic                rst,
    input  logic                load_valid,
    input  logic                write_valid,   // the accumulator unit's write
    input  logic [ACC_BITS-1:0] write_value,
    input  logic [4:0]          write_flags,
    output logic [ACC_BITS-1:0] store_value,   // what the register file stores
    output logic [4:0]          store_flags,
    input  logic [ACC_BITS-1:0] word,          // word 0 as stored
    output logic [PR_BITS-1:0]  result,
    output logic [4:0]          result_flags
);
  localparam int CW = $clog2(PROMOTION_STEPS + 1);

  logic [CW-1:0]      count_q;  // writes since the last promotion
  logic [PR_BITS-1:0] promoted_q, sum;
  logic [4:0]         sum_flags;
  logic               promote;

  assign promote = write_valid && 32'(count_q) == PROMOTION_STEPS - 1;
  always_ff @(posedge clk) begin
    if (rst || load_valid) begin
      promoted_q <= '0;
      count_q <= '0;
    end else if (promote) begin
      promoted_q <= sum;
      count_q <= '0;
    end else if (write_valid) begin
      count_q <= count_q + CW'(1);
    end
  end
  assign store_value = promote ? '0 : write_value;
  assign store_flags = write_flags | (promote ? sum_flags : 5'd0);

  // The same add twice: [0] at a promoting write, [1] for the result.
  logic [1:0]            add_valid;
  logic [2*ACC_BITS-1:0] add_word;
  logic [2*PR_BITS-1:0]  add_result;
  logic [9:0]            add_flags;
  assign add_valid = {1'b1, promote};
  assign add_word = {word, write_value};
  for (genvar i = 0; i < 2; i++) begin : g_add
    mac_promotion_add #(
        .ACC_BITS(ACC_BITS), .ACC_EXP_BITS(ACC_EXP_BITS), .ACC_MAN_BITS(ACC_MAN_BITS), .ACC_BIAS(ACC_BIAS),
        .ACC_EMIN(ACC_EMIN), .PR_BITS(PR_BITS), .PR_EXP_BITS(PR_EXP_BITS), .PR_MAN_BITS(PR_MAN_BITS),
        .PR_BIAS(PR_BIAS), .PR_EMIN(PR_EMIN), .PR_EMAX(PR_EMAX), .PR_MAX_FIELD(PR_MAX_FIELD),
        .PR_MAX_MANT(PR_MAX_MANT), .PR_ROUNDING(PR_ROUNDING), .PR_TININESS_BEFORE(PR_TININESS_BEFORE),
        .PR_OVERFLOW_SATURATE(PR_OVERFLOW_SATURATE), .PR_WINDOW_BITS(PR_WINDOW_BITS),
        .NAN_CANONICAL(NAN_CANONICAL), .EXP_W(EXP_W)
    ) u_add (
        .valid(add_valid[i]), .word(add_word[i*ACC_BITS+:ACC_BITS]), .promoted(promoted_q),
        .result(add_result[i*PR_BITS+:PR_BITS]), .flags(add_flags[i*5+:5])
    );
  end
  assign {result, sum} = add_result;
  assign {result_flags, sum_flags} = add_flags;
endmodule

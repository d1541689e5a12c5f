// The MAC datapath: the five units with the pipeline registers of the DatapathSpec
// (ST_* stages after each unit; a unit computes on what enters it, then its
// registers), the valid handshake of mac_control and the accumulator register, cycle
// for cycle as models/systemc/DatapathPipeline. Every parameter comes from
// `fmasim rtl-params CONFIG` (the DatapathSpec of the config); the defaults below only
// make the module elaborate on its own.
//
// Ports as the SystemC pipeline's: in_valid/in_ready/in_finish and the operand codes
// in; out_valid and the accumulator's value (out_result) and sticky flags (out_flags,
// SoftFloat's order: inexact, underflow, overflow, infinite, invalid) out; with
// promotion out_result is the promoted sum's (mac_promotion). load_valid stores
// load_value in the accumulator, clears the flags and restarts promotion at the edge
// (verification).
module mac #(
    // operand a (B_*: operand b): format fields as models/format/Format.hpp
    parameter int A_BITS = 8, A_FLOAT = 1, A_SIGNED = 1, A_EXP_BITS = 4, A_MAN_BITS = 3, A_BIAS = 7,
    parameter int A_EMIN = -6, A_MIN_NORMAL_FIELD = 1, A_NAN_STYLE = 1, A_SUBNORMALS = 1, A_FRAC_BITS = 0,
    parameter int A_SIG_BITS = 4,
    parameter int B_BITS = 8, B_FLOAT = 1, B_SIGNED = 1, B_EXP_BITS = 4, B_MAN_BITS = 3, B_BIAS = 7,
    parameter int B_EMIN = -6, B_MIN_NORMAL_FIELD = 1, B_NAN_STYLE = 1, B_SUBNORMALS = 1, B_FRAC_BITS = 0,
    parameter int B_SIG_BITS = 4,
    // multiplier, aligner, adder (DatapathSpec)
    parameter int PROD_SIG_BITS = 8,
    parameter int PROD_LSB_EXP_MIN = -18,
    parameter int ALIGN_WINDOW_BITS = 35,
    parameter int ADDER_TERMS = 1,
    parameter int ADDER_BITS = 36,
    // accumulator; float: normalizer/rounder
    parameter int FLOAT_ACC = 1,
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
    parameter logic [31:0] LFSR_SEED = 32'd1,
    parameter int NORM_WINDOW_BITS = 40,
    parameter int SUM_LSB_MIN = -18,  // the lowest weight of a non-zero sum's bit 0
    parameter int INT_SATURATE = 0,
    // exponent arithmetic width (covers every weight the units compute)
    parameter int EXP_W = 12,
    // pipeline
    parameter int ST_MUL = 1, ST_ALIGN = 1, ST_ADD = 1, ST_NORM = 1, ST_ACC = 0,
    parameter int LATENCY = 5,
    parameter int II = 4,
    // dot: lanes (each operand port carries LANES codes, lane i at [i*BITS +: BITS]),
    // the alignment window (WINDOWED: alignment.fraction_bits), the addend's path and
    // the tensor-core options (mac_lane_aligner, mac_normalizer)
    parameter int LANES = 1,
    parameter int PROD_FRAC_BITS = 6,
    parameter int WINDOWED = 0,
    parameter int ALIGN_FRAC_BITS = 0,
    parameter int TERM_RNE = 0,
    parameter int ADDEND_FUSED = 1,
    parameter int ZERO_ADDEND_JOINS = 0,
    parameter int ZERO_ADDEND_EXP = -126,
    parameter int NAN_CANONICAL = 0,
    parameter int OVERFLOW_INFINITY = 0,
    // cma: the product format and rounding (mac_cascaded_multiplier)
    parameter int CASCADED = 0,
    parameter int P_BITS = 16, P_EXP_BITS = 5, P_MAN_BITS = 10, P_BIAS = 15, P_EMIN = -14, P_EMAX = 15,
    parameter int P_MAX_FIELD = 30, P_MAX_MANT = 1023,
    parameter int P_ROUNDING = 0, P_TININESS_BEFORE = 0, P_OVERFLOW_SATURATE = 0, P_WINDOW_BITS = 16,
    // feedback "interleave": partial accumulators (1: stall)
    parameter int PARTIALS = 1,
    // integer and fixed-point accumulators: the weight 2^-ACC_FRAC_BITS of the lowest bit;
    // FIXED_CUT: fewer fraction bits than the products have, each product is cut there
    // (TERM_RNE), its top at PROD_EXP_MAX, the largest product's alignment exponent
    parameter int ACC_FRAC_BITS = 0,
    parameter int FIXED_CUT = 0,
    parameter int PROD_EXP_MAX = 16,
    // promotion (mac_promotion): every PROMOTION_STEPS writes (0: none) the word is added
    // into the promoted accumulator of format PR_*, which out_result then carries
    parameter int PROMOTION_STEPS = 0,
    parameter int PR_BITS = 32, PR_EXP_BITS = 8, PR_MAN_BITS = 23, PR_BIAS = 127, PR_EMIN = -126, PR_EMAX = 127,
    parameter int PR_MAX_FIELD = 254, PR_MAX_MANT = 8388607,
    parameter int PR_ROUNDING = 0, PR_TININESS_BEFORE = 0, PR_OVERFLOW_SATURATE = 0, PR_WINDOW_BITS = 40
) (
    input  logic                clk,
    input  logic                rst,
    input  logic                in_valid,
    input  logic                in_finish,
    input  logic [LANES*A_BITS-1:0] in_a,
    input  logic [LANES*B_BITS-1:0] in_b,
    input  logic                load_valid,
    input  logic [ACC_BITS-1:0] load_value,
    output logic                in_ready,
    output logic                out_valid,
    output logic [(PROMOTION_STEPS > 0 ? PR_BITS : ACC_BITS)-1:0] out_result,
    output logic [4:0]          out_flags
);
  localparam int NAN_LOW_BITS = FLOAT_ACC != 0 ? ACC_MAN_BITS - 1 : 1;
  localparam int ROUND_DOWN = FLOAT_ACC != 0 && ROUNDING == 3 ? 1 : 0;
  localparam int PB = PARTIALS > 1 ? $clog2(PARTIALS) : 1;  // bits of a partial's index

  logic                accept, write_valid;
  logic [ACC_BITS-1:0] acc;       // p0: the result
  logic [ACC_BITS-1:0] loop_acc;  // the partial the step in the loop's reading unit reads
  logic [ACC_BITS-1:0] reduce_acc;  // pj of a reduction p0 + pj
  logic [4:0]          write_flags;
  logic [ACC_BITS-1:0] write_value;
  logic [PB-1:0]       issue_partial, reduce_with, align_partial, norm_partial, acc_partial, write_partial;
  logic                reduce_valid;

  mac_control #(.II(II), .LATENCY(LATENCY), .PARTIALS(PARTIALS), .PB(PB)) u_control (
      .clk, .rst, .in_valid, .in_finish, .write_valid, .load_valid, .accept, .in_ready, .out_valid, .issue_partial,
      .reduce_valid, .reduce_with
  );
  if (PARTIALS > 1) begin : g_partial_tags
    mac_partial_tags #(
        .PB(PB), .FLOAT_ACC(FLOAT_ACC), .ST_MUL(ST_MUL), .ST_ALIGN(ST_ALIGN), .ST_ADD(ST_ADD), .ST_NORM(ST_NORM),
        .ST_ACC(ST_ACC)
    ) u_tags (
        .clk, .rst, .accept, .issue_partial, .reduce_valid, .align_partial, .norm_partial, .acc_partial, .write_partial
    );
  end else begin : g_one_partial
    assign align_partial = '0;
    assign norm_partial = '0;
    assign acc_partial = '0;
    assign write_partial = '0;
    logic unused;
    assign unused = ^issue_partial;
  end

  // ---- multiplier ----------------------------------------------------------------
  typedef struct packed {
    logic [LANES-1:0]               p_sign;
    logic [LANES*PROD_SIG_BITS-1:0] p_sig;
    logic [LANES*EXP_W-1:0]         p_lsb;
    logic                           special;
    logic                           sp_nan;
    logic                           sp_nan_sign;
    logic [NAN_LOW_BITS-1:0]        sp_nan_low;
    logic                           sp_snan;
    logic                           sp_inf_zero;
    logic                           sp_pos_inf;
    logic                           sp_neg_inf;
    logic                           invalid;
    logic [4:0]                     flags;  // cma: the product rounding's
  } product_t;
  product_t m_in, m_out;
  logic     m_valid;

  mac_lane_multipliers #(
      .LANES(LANES), .A_BITS(A_BITS), .A_FLOAT(A_FLOAT), .A_SIGNED(A_SIGNED), .A_EXP_BITS(A_EXP_BITS), .A_MAN_BITS(A_MAN_BITS),
      .A_BIAS(A_BIAS), .A_EMIN(A_EMIN), .A_MIN_NORMAL_FIELD(A_MIN_NORMAL_FIELD), .A_NAN_STYLE(A_NAN_STYLE),
      .A_SUBNORMALS(A_SUBNORMALS), .A_FRAC_BITS(A_FRAC_BITS), .A_SIG_BITS(A_SIG_BITS),
      .B_BITS(B_BITS), .B_FLOAT(B_FLOAT), .B_SIGNED(B_SIGNED), .B_EXP_BITS(B_EXP_BITS), .B_MAN_BITS(B_MAN_BITS),
      .B_BIAS(B_BIAS), .B_EMIN(B_EMIN), .B_MIN_NORMAL_FIELD(B_MIN_NORMAL_FIELD), .B_NAN_STYLE(B_NAN_STYLE),
      .B_SUBNORMALS(B_SUBNORMALS), .B_FRAC_BITS(B_FRAC_BITS), .B_SIG_BITS(B_SIG_BITS),
      .PROD_SIG_BITS(PROD_SIG_BITS), .NAN_LOW_BITS(NAN_LOW_BITS), .FLOAT_ACC(FLOAT_ACC), .EXP_W(EXP_W),
      .CASCADED(CASCADED), .P_BITS(P_BITS), .P_EXP_BITS(P_EXP_BITS), .P_MAN_BITS(P_MAN_BITS), .P_BIAS(P_BIAS),
      .P_EMIN(P_EMIN), .P_EMAX(P_EMAX), .P_MAX_FIELD(P_MAX_FIELD), .P_MAX_MANT(P_MAX_MANT), .P_ROUNDING(P_ROUNDING),
      .P_TININESS_BEFORE(P_TININESS_BEFORE), .P_OVERFLOW_SATURATE(P_OVERFLOW_SATURATE), .P_WINDOW_BITS(P_WINDOW_BITS)
  ) u_multiplier (
      .a(in_a), .b(in_b), .p_sign(m_in.p_sign), .p_sig(m_in.p_sig), .p_lsb(m_in.p_lsb), .special(m_in.special),
      .sp_nan(m_in.sp_nan), .sp_nan_sign(m_in.sp_nan_sign), .sp_nan_low(m_in.sp_nan_low), .sp_snan(m_in.sp_snan),
      .sp_inf_zero(m_in.sp_inf_zero), .sp_pos_inf(m_in.sp_pos_inf), .sp_neg_inf(m_in.sp_neg_inf),
      .invalid(m_in.invalid), .flags(m_in.flags)
  );
  mac_pipe #(.WIDTH($bits(m_in)), .DEPTH(ST_MUL)) u_multiplier_regs (
      .clk, .rst, .in_valid(accept), .in_data(m_in), .out_valid(m_valid), .out_data(m_out)
  );

  // ---- aligner (reads a fused float accumulator) ---------------------------------
  // What a step carries from the aligner to the normalizer: the adder leaves it alone.
  typedef struct packed {
    logic signed [EXP_W-1:0] lsb;
    logic                    zero_sign;
    logic [ACC_BITS-1:0]     addend;  // the accumulator as read by the aligner
    logic                    special;
    logic                    sp_nan;
    logic                    sp_nan_sign;
    logic [NAN_LOW_BITS-1:0] sp_nan_low;
    logic                    sp_snan;
    logic                    sp_inf_zero;
    logic                    sp_pos_inf;
    logic                    sp_neg_inf;
    logic                    invalid;
    logic                    cut_inexact;
    logic [4:0]              product_flags;
  } carried_t;
  carried_t                                    a_carried_in, a_carried, s_carried;
  logic [ADDER_TERMS*ALIGN_WINDOW_BITS-1:0]    a_term_in, a_term, step_terms;
  logic signed [EXP_W-1:0]                     step_lsb;
  logic                                        a_valid, acc_nonfinite, cut_inexact, step_zero_sign;
  carried_t                                    reduce_carried;  // a float reduction p0 + pj (interleave)
  logic signed [ALIGN_WINDOW_BITS-1:0]         reduce_term;
  logic                                        reduce_at_aligner;

  // Several lanes or a window: mac_lane_aligner; one product aligned exactly (or an
  // integer or fixed-point accumulator's): mac_aligner.
  if (LANES > 1 || WINDOWED != 0) begin : g_lane_aligner
    mac_lane_aligner #(
        .LANES(LANES), .TERMS(ADDER_TERMS), .PROD_SIG_BITS(PROD_SIG_BITS), .PROD_FRAC_BITS(PROD_FRAC_BITS),
        .PLACE_LSB(FLOAT_ACC != 0 ? PROD_LSB_EXP_MIN : -ACC_FRAC_BITS), .WINDOW_BITS(ALIGN_WINDOW_BITS),
        .WINDOWED(WINDOWED), .ALIGN_FRAC_BITS(ALIGN_FRAC_BITS), .FIXED_CUT(FIXED_CUT), .PROD_EXP_MAX(PROD_EXP_MAX),
        .TERM_RNE(TERM_RNE), .FUSED(WINDOWED != 0 && ADDEND_FUSED != 0 ? 1 : 0),
        .ZERO_ADDEND_JOINS(ZERO_ADDEND_JOINS), .ZERO_ADDEND_EXP(ZERO_ADDEND_EXP), .ROUND_DOWN(ROUND_DOWN),
        .ACC_BITS(ACC_BITS), .ACC_EXP_BITS(ACC_EXP_BITS), .ACC_MAN_BITS(ACC_MAN_BITS), .ACC_BIAS(ACC_BIAS),
        .ACC_EMIN(ACC_EMIN), .REDUCE(PARTIALS > 1 && FLOAT_ACC != 0 && WINDOWED != 0 ? 1 : 0), .EXP_W(EXP_W)
    ) u_aligner (
        .reduce(reduce_at_aligner), .reduce_code(reduce_acc), .p_sign(m_out.p_sign), .p_sig(m_out.p_sig),
        .p_lsb(m_out.p_lsb), .acc_code(loop_acc), .terms(step_terms),
        .lsb(step_lsb), .zero_sign(step_zero_sign), .inexact(cut_inexact)
    );
    assign acc_nonfinite = 1'b0;  // the normalizer reads c's class
  end else begin : g_aligner
    mac_aligner #(
        .FLOAT_ACC(FLOAT_ACC), .PROD_SIG_BITS(PROD_SIG_BITS), .PROD_LSB_EXP_MIN(PROD_LSB_EXP_MIN),
        .WINDOW_BITS(ALIGN_WINDOW_BITS), .ROUND_DOWN(ROUND_DOWN), .ACC_BITS(ACC_BITS), .ACC_EXP_BITS(ACC_EXP_BITS),
        .ACC_MAN_BITS(ACC_MAN_BITS), .ACC_FRAC_BITS(ACC_FRAC_BITS), .FIXED_CUT(FIXED_CUT),
        .PROD_FRAC_BITS(PROD_FRAC_BITS), .PROD_EXP_MAX(PROD_EXP_MAX), .TERM_RNE(TERM_RNE), .EXP_W(EXP_W)
    ) u_aligner (
        .p_sign(m_out.p_sign), .p_sig(m_out.p_sig), .p_lsb(m_out.p_lsb), .acc_code(loop_acc), .term(step_terms),
        .lsb(step_lsb), .zero_sign(step_zero_sign), .acc_nonfinite, .inexact(cut_inexact)
    );
  end
  always_comb begin
    a_term_in = step_terms;
    a_carried_in.lsb = step_lsb;
    a_carried_in.zero_sign = step_zero_sign;
    a_carried_in.addend = loop_acc;
    a_carried_in.special = m_out.special || (ADDEND_FUSED != 0 && acc_nonfinite);  // a separate c: the normalizer's
    a_carried_in.sp_nan = m_out.sp_nan;
    a_carried_in.sp_nan_sign = m_out.sp_nan_sign;
    a_carried_in.sp_nan_low = m_out.sp_nan_low;
    a_carried_in.sp_snan = m_out.sp_snan;
    a_carried_in.sp_inf_zero = m_out.sp_inf_zero;
    a_carried_in.sp_pos_inf = m_out.sp_pos_inf;
    a_carried_in.sp_neg_inf = m_out.sp_neg_inf;
    a_carried_in.invalid = m_out.invalid;
    a_carried_in.product_flags = m_out.flags;
    a_carried_in.cut_inexact = cut_inexact;
    if (reduce_at_aligner) begin  // exact: pj is the one term; windowed: the lane aligner cut it
      if (WINDOWED == 0) begin
        a_term_in = '0;
        a_term_in[ALIGN_WINDOW_BITS-1:0] = reduce_term;
      end
      a_carried_in = reduce_carried;
    end
  end
  mac_pipe #(.WIDTH(ADDER_TERMS * ALIGN_WINDOW_BITS + $bits(a_carried_in)), .DEPTH(ST_ALIGN)) u_aligner_regs (
      .clk, .rst, .in_valid(m_valid || reduce_at_aligner), .in_data({a_term_in, a_carried_in}), .out_valid(a_valid),
      .out_data({a_term, a_carried})
  );

  // ---- interleave: a float reduction p0 + pj enters the aligner -------------------
  // p0 is read as a step's accumulator (the reduction's partial is 0); pj is the term.
  if (PARTIALS > 1 && FLOAT_ACC != 0) begin : g_reduce_float
    logic pj_nonfinite, pj_nan, pj_sign, pj_snan, pj_inf, pj_zero_sign;
    logic signed [EXP_W-1:0] pj_lsb;
    logic [ACC_MAN_BITS-2:0] pj_nan_low;
    mac_reduce_term #(
        .ACC_BITS(ACC_BITS), .ACC_EXP_BITS(ACC_EXP_BITS), .ACC_MAN_BITS(ACC_MAN_BITS), .ACC_BIAS(ACC_BIAS),
        .ACC_EMIN(ACC_EMIN), .PROD_LSB_EXP_MIN(PROD_LSB_EXP_MIN), .WINDOW_BITS(ALIGN_WINDOW_BITS),
        .ROUND_DOWN(ROUND_DOWN), .EXP_W(EXP_W)
    ) u_reduce_term (
        .code(reduce_acc), .term(reduce_term), .lsb(pj_lsb), .zero_sign(pj_zero_sign), .nonfinite(pj_nonfinite),
        .is_nan(pj_nan), .sign(pj_sign), .nan_low(pj_nan_low), .is_snan(pj_snan), .is_inf(pj_inf)
    );
    // In a window (dot) the lane aligner placed pj beside p0 and cut both.
    assign reduce_carried.lsb = WINDOWED != 0 ? step_lsb : pj_lsb;
    assign reduce_carried.zero_sign = WINDOWED != 0 ? step_zero_sign : pj_zero_sign;
    assign reduce_carried.cut_inexact = WINDOWED != 0 && cut_inexact;
    assign reduce_at_aligner = reduce_valid;
    assign reduce_carried.addend = loop_acc;
    assign reduce_carried.special = pj_nonfinite || (ADDEND_FUSED != 0 && acc_nonfinite);  // a separate p0: the normalizer's
    assign reduce_carried.sp_nan = pj_nan;
    assign reduce_carried.sp_nan_sign = pj_sign;
    assign reduce_carried.sp_nan_low = pj_nan_low;
    assign reduce_carried.sp_snan = pj_snan;
    assign reduce_carried.sp_inf_zero = 1'b0;
    assign reduce_carried.sp_pos_inf = pj_inf && !pj_sign;
    assign reduce_carried.sp_neg_inf = pj_inf && pj_sign;
    assign reduce_carried.invalid = 1'b0;
    assign reduce_carried.product_flags = 5'd0;
  end else begin : g_no_reduce_float
    assign reduce_at_aligner = 1'b0;
    assign reduce_carried = '0;
    assign reduce_term = '0;
    logic unused_reduce;  // integer and fixed reductions read it in the accumulator unit
    assign unused_reduce = ^reduce_acc;
  end

  // ---- adder ---------------------------------------------------------------------
  logic signed [ADDER_BITS-1:0] s_sum_in, s_sum;
  logic                         s_valid;

  mac_adder #(.TERMS(ADDER_TERMS), .TERM_BITS(ALIGN_WINDOW_BITS), .SUM_BITS(ADDER_BITS)) u_adder (
      .terms(a_term), .sum(s_sum_in)
  );
  mac_pipe #(.WIDTH(ADDER_BITS + $bits(a_carried)), .DEPTH(ST_ADD)) u_adder_regs (
      .clk, .rst, .in_valid(a_valid), .in_data({s_sum_in, a_carried}), .out_valid(s_valid),
      .out_data({s_sum, s_carried})
  );

  // ---- normalizer/rounder (float) ------------------------------------------------
  typedef struct packed {
    logic signed [ADDER_BITS-1:0] sum;      // integer/fixed: on to the accumulator
    logic [ACC_BITS-1:0]          rounded;  // float: the rounded result
    logic [4:0]                   flags;
  } rounded_t;
  rounded_t r_in, r_out;
  logic     r_valid;

  if (FLOAT_ACC != 0) begin : g_normalizer
    logic [RANDOM_BITS-1:0] random;
    logic [4:0]             round_flags;
    logic [ACC_BITS-1:0]    addend;  // fused: read by the aligner; a separate addend is read here
    logic                   addend_nonfinite;
    assign addend = ADDEND_FUSED != 0 ? s_carried.addend : loop_acc;
    // The all-ones exponent (IEEE accumulators): a mask, not a part-select, as yosys
    // elaborates mac once per chparam, with the other parameters still at their defaults.
    localparam logic [ACC_BITS-1:0] EXP_FIELD = ((ACC_BITS'(1) << ACC_EXP_BITS) - 1) << ACC_MAN_BITS;
    assign addend_nonfinite = (addend & EXP_FIELD) == EXP_FIELD;
    // One draw per step that reaches the rounder; the special path draws nothing.
    mac_lfsr #(.BITS(RANDOM_BITS), .SEED(LFSR_SEED)) u_lfsr (
        .clk, .rst, .take(s_valid && !s_carried.special && !addend_nonfinite && ROUNDING == 5), .draw(random)
    );
    mac_normalizer #(
        .SUM_BITS(ADDER_BITS), .WINDOW_BITS(NORM_WINDOW_BITS), .ACC_BITS(ACC_BITS), .ACC_EXP_BITS(ACC_EXP_BITS),
        .ACC_MAN_BITS(ACC_MAN_BITS), .ACC_BIAS(ACC_BIAS), .ACC_EMIN(ACC_EMIN), .ACC_EMAX(ACC_EMAX),
        .ACC_MAX_FIELD(ACC_MAX_FIELD), .OUT_FRAC_BITS(OUT_FRAC_BITS), .OUT_MAX_MANT(OUT_MAX_MANT),
        .ROUNDING(ROUNDING), .TININESS_BEFORE(TININESS_BEFORE), .OVERFLOW_SATURATE(OVERFLOW_SATURATE),
        .RANDOM_BITS(RANDOM_BITS), .EXP_W(EXP_W), .ADDS_ACC(WINDOWED != 0 && ADDEND_FUSED != 0 ? 0 : 1),
        .NAN_CANONICAL(NAN_CANONICAL), .OVERFLOW_INFINITY(OVERFLOW_INFINITY), .LSB_MIN(SUM_LSB_MIN)
    ) u_normalizer (
        .valid(s_valid), .sum(s_sum), .lsb(s_carried.lsb), .zero_sign(s_carried.zero_sign), .acc_code(addend),
        .random, .special(s_carried.special), .sp_nan(s_carried.sp_nan), .sp_nan_sign(s_carried.sp_nan_sign),
        .sp_nan_low(s_carried.sp_nan_low), .sp_snan(s_carried.sp_snan), .sp_inf_zero(s_carried.sp_inf_zero),
        .sp_pos_inf(s_carried.sp_pos_inf), .sp_neg_inf(s_carried.sp_neg_inf), .cut_inexact(s_carried.cut_inexact),
        .result(r_in.rounded), .flags(round_flags)
    );
    assign r_in.flags = round_flags | s_carried.product_flags;
    logic unused;
    assign unused = s_carried.invalid;
  end else begin : g_no_normalizer
    assign r_in.rounded = '0;
    assign r_in.flags = {s_carried.invalid, 3'd0, s_carried.cut_inexact};  // a cut product is inexact
    logic unused;
    assign unused = ^{s_carried.lsb, s_carried.zero_sign, s_carried.addend, s_carried.special, s_carried.sp_nan, s_carried.sp_nan_sign,
                      s_carried.sp_nan_low, s_carried.sp_snan, s_carried.sp_inf_zero, s_carried.sp_pos_inf,
                      s_carried.sp_neg_inf, s_carried.product_flags};
  end
  assign r_in.sum = s_sum;
  mac_pipe #(.WIDTH($bits(r_in)), .DEPTH(ST_NORM)) u_normalizer_regs (
      .clk, .rst, .in_valid(s_valid), .in_data(r_in), .out_valid(r_valid), .out_data(r_out)
  );

  // ---- accumulator -----------------------------------------------------------------
  typedef struct packed {
    logic [ACC_BITS-1:0] value;
    logic [4:0]          flags;
  } written_t;
  written_t                     w_in, w_out;
  logic                         overflow;
  logic                         reduce_at_accumulator;  // integer/fixed reduction p0 + pj (interleave)
  logic signed [ADDER_BITS-1:0] acc_sum;

  assign reduce_at_accumulator = FLOAT_ACC == 0 && reduce_valid;
  assign acc_sum = reduce_at_accumulator ? ADDER_BITS'($signed(reduce_acc)) : r_out.sum;
  mac_accumulator #(.FLOAT_ACC(FLOAT_ACC), .ACC_BITS(ACC_BITS), .SUM_BITS(ADDER_BITS), .SATURATE(INT_SATURATE))
      u_accumulator (.acc(loop_acc), .sum(acc_sum), .rounded(r_out.rounded), .result(w_in.value), .overflow);
  assign w_in.flags = (reduce_at_accumulator ? 5'd0 : r_out.flags) | {2'd0, overflow, 2'd0};
  mac_pipe #(.WIDTH($bits(w_in)), .DEPTH(ST_ACC)) u_accumulator_regs (
      .clk, .rst, .in_valid(r_valid || reduce_at_accumulator), .in_data(w_in), .out_valid(write_valid),
      .out_data(w_out)
  );
  assign write_value = w_out.value;
  assign write_flags = w_out.flags;

  // With promotion the file stores what mac_promotion passes on, and the result is its sum.
  logic [ACC_BITS-1:0] store_value;
  logic [4:0]          store_flags, file_flags;
  if (PROMOTION_STEPS > 0) begin : g_promotion
    logic [4:0] result_flags;
    mac_promotion #(
        .PROMOTION_STEPS(PROMOTION_STEPS), .ACC_BITS(ACC_BITS), .ACC_EXP_BITS(ACC_EXP_BITS),
        .ACC_MAN_BITS(ACC_MAN_BITS), .ACC_BIAS(ACC_BIAS), .ACC_EMIN(ACC_EMIN), .PR_BITS(PR_BITS),
        .PR_EXP_BITS(PR_EXP_BITS), .PR_MAN_BITS(PR_MAN_BITS), .PR_BIAS(PR_BIAS), .PR_EMIN(PR_EMIN),
        .PR_EMAX(PR_EMAX), .PR_MAX_FIELD(PR_MAX_FIELD), .PR_MAX_MANT(PR_MAX_MANT), .PR_ROUNDING(PR_ROUNDING),
        .PR_TININESS_BEFORE(PR_TININESS_BEFORE), .PR_OVERFLOW_SATURATE(PR_OVERFLOW_SATURATE),
        .PR_WINDOW_BITS(PR_WINDOW_BITS), .NAN_CANONICAL(NAN_CANONICAL), .EXP_W(EXP_W)
    ) u_promotion (
        .clk, .rst, .load_valid, .load_value, .write_valid, .write_value, .write_flags, .store_value, .store_flags,
        .result(out_result), .result_flags
    );
    assign out_flags = file_flags | result_flags;
    logic unused_acc;  // the result is mac_promotion's
    assign unused_acc = ^acc;
  end else begin : g_no_promotion
    assign store_value = write_value;
    assign store_flags = write_flags;
    assign out_result = acc;
    assign out_flags = file_flags;
  end
  mac_acc_file #(.ACC_BITS(ACC_BITS), .PARTIALS(PARTIALS), .PB(PB)) u_file (
      .clk, .rst, .write_valid, .write_partial, .write_value(store_value), .write_flags(store_flags), .load_valid,
      .load_value, .loop_index(FLOAT_ACC == 0 ? acc_partial : ADDEND_FUSED != 0 ? align_partial : norm_partial),
      .reduce_index(reduce_with), .loop_value(loop_acc), .reduce_value(reduce_acc), .value(acc), .flags(file_flags)
  );
endmodule

// One operand code to its exact value, as models/format/Decode.hpp reads it:
// (-1)^sign * sig * 2^exp for finite codes, and the class bits for the rest.
// Integers (IS_FLOAT 0) are sig = |v|, exp = -FRAC_BITS. NAN_STYLE follows
// fmasim::NanStyle: 0 IEEE (all-ones exponent), 1 only S.1..1 (OCP E4M3), 2 only the
// negative-zero code (FNUZ), 3 none. NaN payloads are left-justified in 64 bits (the
// bits below the quiet bit), so they move between formats as the C++ model moves them.
module mac_decode #(
    parameter int BITS = 8,
    parameter int IS_FLOAT = 1,
    parameter int IS_SIGNED = 1,
    parameter int EXP_BITS = 4,
    parameter int MAN_BITS = 3,
    parameter int BIAS = 7,
    parameter int EMIN = -6,
    parameter int MIN_NORMAL_FIELD = 1,
    parameter int NAN_STYLE = 1,
    parameter int SUBNORMALS = 1,
    parameter int FRAC_BITS = 0,
    parameter int SIG_BITS = 4,
    parameter int EXP_W = 12
) (
    input  logic [BITS-1:0]            code,
    output logic                       sign,
    output logic                       is_zero,
    output logic                       is_inf,
    output logic                       is_nan,
    output logic                       is_snan,
    output logic [SIG_BITS-1:0]        sig,
    output logic signed [EXP_W-1:0]    exp,
    output logic [63:0]                nan_payload
);
  if (IS_FLOAT != 0) begin : g_float
    localparam int NAN_FIELD = (1 << EXP_BITS) - 1;  // IEEE: the all-ones exponent
    localparam logic signed [EXP_W-1:0] SUBNORMAL_EXP = EXP_W'(EMIN - MAN_BITS);
    localparam logic signed [EXP_W-1:0] NORMAL_OFFSET = EXP_W'(-BIAS - MAN_BITS);

    logic [EXP_BITS-1:0] field;
    logic [MAN_BITS-1:0] mant;
    logic [63:0]         mant64;
    logic                all_ones_magnitude, negative_zero_code, subnormal_field;
    assign field = code[MAN_BITS+:EXP_BITS];
    assign mant = code[MAN_BITS-1:0];
    assign mant64 = 64'(mant);
    assign all_ones_magnitude = &code[BITS-2:0];
    assign negative_zero_code = code[BITS-1] && code[BITS-2:0] == '0;
    assign subnormal_field = 32'(field) < MIN_NORMAL_FIELD;

    always_comb begin
      sign = code[BITS-1];
      is_inf = 1'b0;
      is_nan = 1'b0;
      is_snan = 1'b0;
      nan_payload = '0;
      case (NAN_STYLE)
        0: begin
          is_inf = 32'(field) == NAN_FIELD && mant == '0;
          is_nan = 32'(field) == NAN_FIELD && mant != '0;
          is_snan = is_nan && !mant[MAN_BITS-1];
          // mant & (quiet - 1), left-justified: shifted out entirely when MAN_BITS is 1
          nan_payload = is_nan ? (mant64 & ((64'd1 << (MAN_BITS - 1)) - 64'd1)) << (65 - MAN_BITS) : '0;
        end
        1: is_nan = all_ones_magnitude;
        2: begin
          is_nan = negative_zero_code;
          if (negative_zero_code) sign = 1'b0;
        end
        default: ;
      endcase
      is_zero = !is_nan && !is_inf && subnormal_field && (mant == '0 || SUBNORMALS == 0);
      if (is_nan || is_inf || is_zero) begin
        sig = '0;
        exp = '0;
      end else if (subnormal_field) begin
        sig = SIG_BITS'(mant);
        exp = SUBNORMAL_EXP;
      end else begin
        sig = SIG_BITS'({1'b1, mant});
        exp = EXP_W'(field) + NORMAL_OFFSET;
      end
    end
  end else begin : g_integer
    logic negative;
    assign negative = IS_SIGNED != 0 && code[BITS-1];
    assign sign = negative;
    assign is_zero = code == '0;
    assign is_inf = 1'b0;
    assign is_nan = 1'b0;
    assign is_snan = 1'b0;
    assign sig = SIG_BITS'(negative ? -code : code);
    assign exp = EXP_W'(-FRAC_BITS);
    assign nan_payload = '0;
  end
endmodule

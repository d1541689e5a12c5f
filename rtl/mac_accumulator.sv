// Accumulator unit: integer and fixed-point accumulators add the step's sum to the
// register's value exactly and wrap around or saturate at ACC_BITS, raising overflow
// (fmasim::accumulateFixed); a float accumulator's value comes rounded from the
// normalizer and passes through.
module mac_accumulator #(
    parameter int FLOAT_ACC = 0,
    parameter int ACC_BITS = 32,
    parameter int SUM_BITS = 32,
    parameter int SATURATE = 0
) (
    input  logic [ACC_BITS-1:0]        acc,      // the register, read on the feedback loop
    input  logic signed [SUM_BITS-1:0] sum,
    input  logic [ACC_BITS-1:0]        rounded,  // float: the normalizer's result
    output logic [ACC_BITS-1:0]        result,
    output logic                       overflow
);
  if (FLOAT_ACC != 0) begin : g_float
    assign result = rounded;
    assign overflow = 1'b0;
    logic unused;
    assign unused = ^{acc, sum};
  end else begin : g_fixed
    localparam int WIDE = (ACC_BITS > SUM_BITS ? ACC_BITS : SUM_BITS) + 1;
    localparam logic signed [WIDE-1:0] MAX = WIDE'({1'b0, {(ACC_BITS - 1) {1'b1}}});
    localparam logic signed [WIDE-1:0] MIN = -MAX - 1;
    logic signed [WIDE-1:0] total;
    assign total = WIDE'($signed(acc)) + WIDE'(sum);
    assign overflow = total > MAX || total < MIN;
    assign result = !overflow || SATURATE == 0 ? total[ACC_BITS-1:0] : total > MAX ? MAX[ACC_BITS-1:0] : MIN[ACC_BITS-1:0];
    logic unused;
    assign unused = ^rounded;
  end
endmodule

// Feedback "interleave": which partial accumulator each token in the pipeline reads
// and writes, carried beside the datapath through the same stages (the SystemC
// StepToken's `partial`). A step takes issue_partial when accepted; a reduction
// p0 + pj reads and writes p0 and enters where it meets the accumulator: at the
// aligner for a float accumulator, at the accumulator unit for integer and fixed point.
module mac_partial_tags #(
    parameter int PB = 1,
    parameter int FLOAT_ACC = 1,
    parameter int ST_MUL = 1, ST_ALIGN = 1, ST_ADD = 1, ST_NORM = 1, ST_ACC = 0
) (
    input  logic          clk,
    input  logic          rst,
    input  logic          accept,
    input  logic [PB-1:0] issue_partial,
    input  logic          reduce_valid,
    output logic [PB-1:0] align_partial,  // the token at the aligner's input
    output logic [PB-1:0] norm_partial,   // ... at the normalizer's input (a separate addend's read)
    output logic [PB-1:0] acc_partial,    // ... at the accumulator unit's input
    output logic [PB-1:0] write_partial   // ... written at this edge
);
  logic [PB-1:0] multiplied, normalized;
  logic [3:0]    unused_valid;  // the datapath's own pipes carry the valid bits

  mac_pipe #(.WIDTH(PB), .DEPTH(ST_MUL)) u_multiplier (
      .clk, .rst, .in_valid(accept), .in_data(issue_partial), .out_valid(unused_valid[0]), .out_data(multiplied)
  );
  assign align_partial = FLOAT_ACC != 0 && reduce_valid ? '0 : multiplied;
  mac_pipe #(.WIDTH(PB), .DEPTH(ST_ALIGN + ST_ADD)) u_middle (
      .clk, .rst, .in_valid(1'b1), .in_data(align_partial), .out_valid(unused_valid[1]), .out_data(norm_partial)
  );
  mac_pipe #(.WIDTH(PB), .DEPTH(ST_NORM)) u_normalizer (
      .clk, .rst, .in_valid(1'b1), .in_data(norm_partial), .out_valid(unused_valid[3]), .out_data(normalized)
  );
  assign acc_partial = FLOAT_ACC == 0 && reduce_valid ? '0 : normalized;
  mac_pipe #(.WIDTH(PB), .DEPTH(ST_ACC)) u_accumulator (
      .clk, .rst, .in_valid(1'b1), .in_data(acc_partial), .out_valid(unused_valid[2]), .out_data(write_partial)
  );
  logic unused;
  assign unused = ^unused_valid;
endmodule

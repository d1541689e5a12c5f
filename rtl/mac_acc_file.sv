// The accumulator register file: PARTIALS words (one for feedback "stall", the
// interleaved partial accumulators otherwise) and the sticky flag register. A valid
// write at the edge stores its result in word write_partial and ORs in its flags.
// `load` (a test and verification port) stores a value in every word and clears the
// flags, taking precedence over a write in the same cycle. Two read ports: the word a
// step reads on the feedback loop, and the partial a reduction adds to p0.
module mac_acc_file #(
    parameter int ACC_BITS = 32,
    parameter int PARTIALS = 1,
    parameter int PB = 1
) (
    input  logic                clk,
    input  logic                rst,
    input  logic                write_valid,
    input  logic [PB-1:0]       write_partial,
    input  logic [ACC_BITS-1:0] write_value,
    input  logic [4:0]          write_flags,
    input  logic                load_valid,
    input  logic [ACC_BITS-1:0] load_value,
    input  logic [PB-1:0]       loop_index,
    input  logic [PB-1:0]       reduce_index,
    output logic [ACC_BITS-1:0] loop_value,
    output logic [ACC_BITS-1:0] reduce_value,
    output logic [ACC_BITS-1:0] value,  // p0: the result
    output logic [4:0]          flags
);
  logic [PARTIALS*ACC_BITS-1:0] words_q;  // partial i at [i*ACC_BITS +: ACC_BITS]

  always_ff @(posedge clk) begin
    if (rst) begin
      words_q <= '0;
      flags <= '0;
    end else if (load_valid) begin
      words_q <= {PARTIALS{load_value}};
      flags <= '0;
    end else if (write_valid) begin
      for (int i = 0; i < PARTIALS; i++)
        if (32'(write_partial) == i) words_q[i*ACC_BITS+:ACC_BITS] <= write_value;
      flags <= flags | write_flags;
    end
  end
  assign value = words_q[0+:ACC_BITS];
  if (PARTIALS > 1) begin : g_partials
    assign loop_value = words_q[32'(loop_index)*ACC_BITS+:ACC_BITS];
    assign reduce_value = words_q[32'(reduce_index)*ACC_BITS+:ACC_BITS];
  end else begin : g_one
    assign loop_value = value;
    assign reduce_value = value;
    logic unused;
    assign unused = ^{write_partial, loop_index, reduce_index};
  end
endmodule

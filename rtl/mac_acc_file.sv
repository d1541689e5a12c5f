// The accumulator register and the sticky flag register (one partial accumulator:
// feedback "stall"). A valid write at the edge stores its result and ORs in its
// flags. `load` (a test and verification port) stores a value and clears the flags,
// taking precedence over a write in the same cycle.
module mac_acc_file #(
    parameter int ACC_BITS = 32
) (
    input  logic                clk,
    input  logic                rst,
    input  logic                write_valid,
    input  logic [ACC_BITS-1:0] write_value,
    input  logic [4:0]          write_flags,
    input  logic                load_valid,
    input  logic [ACC_BITS-1:0] load_value,
    output logic [ACC_BITS-1:0] value,
    output logic [4:0]          flags
);
  always_ff @(posedge clk) begin
    if (rst) begin
      value <= '0;
      flags <= '0;
    end else if (load_valid) begin
      value <= load_value;
      flags <= '0;
    end else if (write_valid) begin
      value <= write_value;
      flags <= flags | write_flags;
    end
  end
endmodule

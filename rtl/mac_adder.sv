// Adder: the exact two's complement sum of the step's aligned terms (fmasim::addTerms).
module mac_adder #(
    parameter int TERMS = 1,
    parameter int TERM_BITS = 36,
    parameter int SUM_BITS = 37
) (
    input  logic [TERMS*TERM_BITS-1:0]      terms,  // term i at [i*TERM_BITS +: TERM_BITS]
    output logic signed [SUM_BITS-1:0]      sum
);
  always_comb begin
    sum = '0;
    for (int i = 0; i < TERMS; i++) sum = sum + SUM_BITS'($signed(terms[i*TERM_BITS+:TERM_BITS]));
  end
endmodule

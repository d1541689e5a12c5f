// Multiplier: the lanes' exact products (a cma rounds each into its product format).
// An infinite or NaN operand sends a float step to the special path; integer and
// fixed-point accumulators drop such a product and raise invalid.
#pragma once

#include "PipelinedUnit.hpp"
#include "format/Decode.hpp"

namespace fmasim {

class MultiplierUnit : public PipelinedUnit {
 public:
  MultiplierUnit(const sc_core::sc_module_name& name, const DatapathSpec& spec);

 private:
  void compute(StepToken& t) override;

  const DatapathSpec& spec_;
  Decoder decodeA_, decodeB_;
  std::vector<Decoded> da_, db_;
};

}  // namespace fmasim

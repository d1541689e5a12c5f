// Adder: the exact two's complement sum of the aligned terms.
#pragma once

#include "PipelinedUnit.hpp"

namespace fmasim {

class AdderUnit : public PipelinedUnit {
 public:
  AdderUnit(const sc_core::sc_module_name& name, const DatapathSpec& spec);

 private:
  void compute(StepToken& t) override;
};

}  // namespace fmasim

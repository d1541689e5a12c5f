// DatapathModel's step routines specialised once per spec, where a whole step
// reduces to one fma of the format core or to 64-bit integer arithmetic.
#include "DatapathModel.hpp"

namespace fmasim {

void DatapathModel::chooseSpecialisedStep() {
  unitStep_ = step_;
  if (FmaStep::applies(spec_)) {
    fma_.emplace(spec_);
    step_ = &DatapathModel::stepFma;
    path_ = StepPath::Fma;
  } else if ((integer64_ = IntegerMacStep::make(spec_))) {
    step_ = &DatapathModel::stepInteger64;
    path_ = StepPath::Integer64;
  }
}

void DatapathModel::stepFma(const std::uint64_t* a, const std::uint64_t* b, const std::int32_t* scaleExp) {
  if (scaleExp != nullptr) [[unlikely]] {
    (this->*unitStep_)(a, b, scaleExp);
    return;
  }
  AccumulatorValue& acc = nextPartial();
  acc.code = (*fma_)(a[0], b[0], acc.code, flags_);
}

void DatapathModel::stepInteger64(const std::uint64_t* a, const std::uint64_t* b, const std::int32_t* scaleExp) {
  if (scaleExp != nullptr) [[unlikely]] {
    (this->*unitStep_)(a, b, scaleExp);
    return;
  }
  AccumulatorValue& acc = nextPartial();
  acc.fixed = (*integer64_)(a, b, static_cast<std::int64_t>(acc.fixed), flags_);
}

}  // namespace fmasim

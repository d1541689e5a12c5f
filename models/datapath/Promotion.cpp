#include "Promotion.hpp"

#include "Units.hpp"

namespace fmasim {

PromotedAccumulator::PromotedAccumulator(const DatapathSpec& spec, UnitActivity* activity)
    : steps_(spec.promotionSteps),
      params_(spec.params.promotion.value_or(PromotionParams{})),
      nanResult_(spec.params.nanResult),
      decodeUnit_(spec.params.accumulator),
      decodePromoted_(spec.resultFormat),
      activity_(activity) {}

std::uint64_t PromotedAccumulator::afterStep(std::uint64_t unitCode, std::uint8_t& flags) {
  if (++sinceLast_ < steps_) return unitCode;
  const Result r = add(unitCode);
  flags |= r.flags;
  promoted_ = r.code;
  sinceLast_ = 0;
  return 0;
}

Result PromotedAccumulator::result(std::uint64_t unitCode) const {
  if (unitCode == 0) return {promoted_, 0};
  return add(unitCode);
}

Result PromotedAccumulator::add(std::uint64_t unitCode) const {
  // promoted + unit, exactly, rounded once into the promotion format (an FP32 add).
  const Decoded promoted = decodePromoted_(promoted_);
  const Result r = withNanRule(nanResult_, params_.format,
                               mulAdd(decodeUnit_(unitCode), kDecodedOne, &promoted, params_.format, params_.rounding, 0));
  if (activity_ != nullptr) activity_->recordPromotion(unitCode, r.code);
  return r;
}

}  // namespace fmasim

#include "AccumulatorFile.hpp"

namespace fmasim {

AccumulatorFile::AccumulatorFile(const sc_core::sc_module_name& name, const DatapathSpec& spec)
    : sc_module(name), clk("clk"), rst("rst"), write("write"),
      words_("p", static_cast<std::size_t>(spec.partialAccumulators)), flags_("flags"), promotedCode_("promoted") {
  if (spec.promotionSteps > 0) promotion_.emplace(spec);
}

void AccumulatorFile::clockEdge() {
  if (rst.read()) return preload(AccumulatorWord{});
  const StepToken& t = write.read();
  if (!t.valid) return;
  ++writes_;
  std::uint8_t flags = t.flags;
  if (promotion_) {  // one partial: every write is a step
    AccumulatorWord w = t.result;
    w.code = promotion_->afterStep(w.code, flags);
    promotedCode_.write(promotion_->promoted());
    words_[t.partial].write(w);
  } else {
    words_[t.partial].write(t.result);
  }
  flags_.write(static_cast<std::uint8_t>(flags_.read() | flags));
}

void AccumulatorFile::preload(const AccumulatorWord& w) {
  for (auto& word : words_) word.write(w);
  flags_.write(0);
  if (promotion_) promotion_->reset(), promotedCode_.write(0);
}

AccumulatorWord AccumulatorFile::result(std::uint8_t& flags) const {
  AccumulatorWord w = word(0);
  if (promotion_) {
    const Result r = promotion_->result(w.code);
    w.code = r.code;
    flags |= r.flags;
  }
  return w;
}

void AccumulatorFile::trace(sc_core::sc_trace_file* tf) const {
  for (const auto& w : words_) sc_trace(tf, w.read(), w.name());
  sc_core::sc_trace(tf, flags_, flags_.name());
  if (promotion_) sc_core::sc_trace(tf, promotedCode_, promotedCode_.name());
}

}  // namespace fmasim

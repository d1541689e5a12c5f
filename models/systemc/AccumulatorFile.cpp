#include "AccumulatorFile.hpp"

namespace fmasim {

AccumulatorFile::AccumulatorFile(const sc_core::sc_module_name& name, int partials)
    : sc_module(name), clk("clk"), rst("rst"), write("write"), words_("p", static_cast<std::size_t>(partials)),
      flags_("flags") {}

void AccumulatorFile::clockEdge() {
  if (rst.read()) {
    for (auto& w : words_) w.write(AccumulatorWord{});
    flags_.write(0);
    return;
  }
  const StepToken& t = write.read();
  if (!t.valid) return;
  words_[t.partial].write(t.result);
  ++writes_;
  flags_.write(static_cast<std::uint8_t>(flags_.read() | t.flags));
}

void AccumulatorFile::trace(sc_core::sc_trace_file* tf) const {
  for (const auto& w : words_) sc_trace(tf, w.read(), w.name());
  sc_core::sc_trace(tf, flags_, flags_.name());
}

}  // namespace fmasim

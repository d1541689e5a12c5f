// Where a float step reads its accumulator (the aligner for a fused addend, the
// normalizer for a separate one): the word the register holds in that cycle.
#pragma once

#include "StepToken.hpp"
#include "format/Decode.hpp"

namespace fmasim {

// A non-finite accumulator sends the step to the special path, as the functional
// engine decides it: a cma adds its rounded products (keeping their flags), any
// other datapath its operands; the aligner's flags (a separate addend is read after
// it) are dropped.
inline void readAccumulator(StepToken& t, std::uint64_t code, const Decoder& decodeAcc, bool cascaded) {
  t.addend = code;
  if (!nonFinite(decodeAcc(code))) return;
  t.flags = t.productFlags;
  if (t.reduceWith != 0)
    t.special = SpecialPath::Partial;
  else
    t.special = cascaded ? SpecialPath::Products : SpecialPath::Operands;
}

}  // namespace fmasim

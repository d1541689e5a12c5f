// What travels between the SystemC units: one datapath step (or one end-of-stream
// reduction) with its valid bit, and the words the accumulator register file holds.
// Plain structs carried in sc_signal<T>; each unit fills in its own fields.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

#include "datapath/DatapathModel.hpp"
#include "datapath/Units.hpp"

namespace sc_core {
class sc_trace_file;
}

namespace fmasim {

// A 128-bit two's complement value kept as two words, so a VCD trace can point at it.
struct Wide128 {
  std::uint64_t lo = 0, hi = 0;
  static Wide128 of(i128 v) {
    const auto u = static_cast<u128>(v);
    return {static_cast<std::uint64_t>(u), static_cast<std::uint64_t>(u >> 64)};
  }
  i128 value() const { return static_cast<i128>((static_cast<u128>(hi) << 64) | lo); }
  bool operator==(const Wide128&) const = default;
};

// One entry of the accumulator register file.
struct AccumulatorWord {
  std::uint64_t code = 0;  // float accumulators
  Wide128 fixed;           // integer and fixed point, in units of 2^-accumulatorFracBits
  AccumulatorValue value() const { return {code, fixed.value()}; }
  bool operator==(const AccumulatorWord&) const = default;
};

// The operands of one step as the pipeline's input port receives them: lanes codes
// of a and b, and each lane's block scale exponent (empty: none).
struct StepOperands {
  std::vector<std::uint64_t> a, b;
  std::vector<std::int32_t> scaleExp;
  bool operator==(const StepOperands&) const = default;
};

// Why a float step leaves the arithmetic path for specialSum (decided where the
// operands, the products or the accumulator's value are first known).
enum class SpecialPath : std::uint8_t {
  None,
  Operands,  // an infinite or NaN operand, or (found where it is read) accumulator
  Products,  // a cma: a product rounded to infinity or NaN, or such an accumulator
  Partial,   // a reduction whose partial accumulator is infinite or NaN
};

struct StepToken {
  bool valid = false;
  std::uint64_t seq = 0;         // fresh for every token issued, never reused
  std::uint16_t partial = 0;     // the partial accumulator the step reads and writes
  std::uint16_t reduceWith = 0;  // a reduction p0 + p[reduceWith]; 0: a step
  std::uint8_t flags = 0;        // raised so far; committed when the result is written
  std::uint8_t productFlags = 0; // the multiplier's share of flags (a cma's product rounding)
  SpecialPath special = SpecialPath::None;
  bool drew = false;             // the normalizer drew from its LFSR (stochastic rounding)

  // Operand codes, kept up to the normalizer for the special path.
  std::vector<std::uint64_t> a, b;
  std::vector<std::int32_t> scaleExp;
  // Multiplier -> aligner.
  std::vector<Term> terms;
  // Aligner -> adder -> normalizer.
  std::uint64_t addend = 0;  // fused: the accumulator code read at the aligner
  std::uint64_t other = 0;   // reduction: the code of p[reduceWith]
  std::int32_t lsb = 0;      // weight of the aligned terms' lowest bit
  bool zeroSign = false;     // sign of a zero sum
  std::vector<i128> aligned;
  Wide128 sum;
  // Normalizer / accumulator -> register file.
  AccumulatorWord result;

  // This token becomes `from`'s value without copying the vectors: they trade
  // buffers with this token's, and `from` keeps its scalars (its identity and what a
  // trace shows). For a registered unit taking its input at the clock edge.
  void takeFrom(StepToken& from) noexcept {
    valid = from.valid;
    seq = from.seq;
    partial = from.partial;
    reduceWith = from.reduceWith;
    flags = from.flags;
    productFlags = from.productFlags;
    special = from.special;
    drew = from.drew;
    addend = from.addend;
    other = from.other;
    lsb = from.lsb;
    zeroSign = from.zeroSign;
    sum = from.sum;
    result = from.result;
    a.swap(from.a);
    b.swap(from.b);
    scaleExp.swap(from.scaleExp);
    terms.swap(from.terms);
    aligned.swap(from.aligned);
  }

  // Member by member: the vectors trade their buffers instead of being moved through
  // a temporary (a TokenWire swaps its next token in every cycle).
  friend void swap(StepToken& x, StepToken& y) noexcept {
    std::swap(x.valid, y.valid);
    std::swap(x.seq, y.seq);
    std::swap(x.partial, y.partial);
    std::swap(x.reduceWith, y.reduceWith);
    std::swap(x.flags, y.flags);
    std::swap(x.productFlags, y.productFlags);
    std::swap(x.special, y.special);
    std::swap(x.drew, y.drew);
    x.a.swap(y.a);
    x.b.swap(y.b);
    x.scaleExp.swap(y.scaleExp);
    x.terms.swap(y.terms);
    std::swap(x.addend, y.addend);
    std::swap(x.other, y.other);
    std::swap(x.lsb, y.lsb);
    std::swap(x.zeroSign, y.zeroSign);
    x.aligned.swap(y.aligned);
    std::swap(x.sum, y.sum);
    std::swap(x.result, y.result);
  }
};

// A token's identity is its valid bit and issue number: every token the controller
// issues (a step, each time the input changes, or a reduction) gets a fresh seq, a
// unit's output for it cannot change within the cycle (the accumulator words and
// the LFSR change only at the edge), and an invalid token's payload is don't-care;
// so sc_signal compares two words instead of the whole payload.
inline bool operator==(const StepToken& x, const StepToken& y) {
  return x.valid == y.valid && (!x.valid || x.seq == y.seq);
}

std::ostream& operator<<(std::ostream& os, const StepToken& t);
std::ostream& operator<<(std::ostream& os, const AccumulatorWord& w);
std::ostream& operator<<(std::ostream& os, const StepOperands& x);
void sc_trace(sc_core::sc_trace_file* tf, const StepToken& t, const std::string& name);
void sc_trace(sc_core::sc_trace_file* tf, const AccumulatorWord& w, const std::string& name);
// sc_in<StepOperands> needs one; the operands show in the traced `issued` token.
inline void sc_trace(sc_core::sc_trace_file*, const StepOperands&, const std::string&) {}

}  // namespace fmasim

#include "StepToken.hpp"

#include <ostream>
#include <systemc>

namespace fmasim {

std::ostream& operator<<(std::ostream& os, const AccumulatorWord& w) {
  return os << "{code=0x" << std::hex << w.code << " fixed=0x" << w.fixed.hi << '_' << w.fixed.lo << std::dec << '}';
}

std::ostream& operator<<(std::ostream& os, const StepOperands& x) {
  os << "{a=" << std::hex;
  for (std::uint64_t c : x.a) os << c << ' ';
  os << "b=";
  for (std::uint64_t c : x.b) os << c << ' ';
  return os << std::dec << '}';
}

std::ostream& operator<<(std::ostream& os, const StepToken& t) {
  if (!t.valid) return os << "{-}";
  os << "{seq=" << t.seq << " p" << t.partial;
  if (t.reduceWith != 0) os << "+p" << t.reduceWith;
  return os << " flags=" << static_cast<unsigned>(t.flags) << " special=" << static_cast<unsigned>(t.special)
            << " lsb=" << t.lsb << " result=" << t.result << '}';
}

void sc_trace(sc_core::sc_trace_file* tf, const AccumulatorWord& w, const std::string& name) {
  sc_core::sc_trace(tf, w.code, name + ".code");
  sc_core::sc_trace(tf, w.fixed.lo, name + ".fixed_lo");
  sc_core::sc_trace(tf, w.fixed.hi, name + ".fixed_hi");
}

void sc_trace(sc_core::sc_trace_file* tf, const StepToken& t, const std::string& name) {
  sc_core::sc_trace(tf, t.valid, name + ".valid");
  sc_core::sc_trace(tf, t.seq, name + ".seq");
  sc_core::sc_trace(tf, t.partial, name + ".partial");
  sc_core::sc_trace(tf, t.reduceWith, name + ".reduce_with");
  sc_core::sc_trace(tf, t.flags, name + ".flags");
  sc_core::sc_trace(tf, t.lsb, name + ".lsb");
  sc_core::sc_trace(tf, t.sum.lo, name + ".sum_lo");
  sc_core::sc_trace(tf, t.sum.hi, name + ".sum_hi");
  sc_trace(tf, t.result, name + ".result");
}

}  // namespace fmasim

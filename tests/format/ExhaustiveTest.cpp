// Every code of every format of at most 8 bits, and of fp16 and bf16: decode,
// classify, round trip and ordering against the reference.
#include <algorithm>
#include <memory>
#include <numeric>

#include "TestSupport.hpp"
#include "format/Arith.hpp"
#include "format/Decode.hpp"
#include "format/Round.hpp"

namespace fmatest {
namespace {

using fmaref::Big;
using fmaref::Class;
using fmaref::RefValue;
using fmasim::CodeClass;
using fmasim::Decoded;
using fmasim::ValueClass;

class Exhaustive : public ::testing::TestWithParam<const char*> {
 protected:
  Format f = fmt(GetParam());
  std::uint64_t codes() const { return std::uint64_t{1} << f.bits; }
  // MXINT8's 0x80 (-2) decodes but lies outside the symmetric range the format rounds into.
  bool unusedCode(std::uint64_t code) const { return f.symmetric && code == (std::uint64_t{1} << (f.bits - 1)); }
  // The code a value re-encodes to: formats without subnormals read every
  // exponent-field-0 code as zero, and zero encodes as +-0.
  std::uint64_t canonical(const RefValue& ref, std::uint64_t code) const {
    return ref.isZero() ? code & f.signBit() : code;
  }
};

const char* className(Class c) {
  switch (c) {
    case Class::Zero: return "zero";
    case Class::Subnormal: return "subnormal";
    case Class::Normal: return "normal";
    case Class::Infinity: return "inf";
    case Class::QuietNaN: return "qNaN";
    case Class::SignalingNaN: return "sNaN";
  }
  return "?";
}

TEST_P(Exhaustive, DecodeMatchesReference) {
  Mismatches bad(std::string("decode ") + f.name);
  RefValue ref;
  Big core(192);
  for (std::uint64_t code = 0; code < codes(); ++code) {
    fmaref::refDecode(f, code, ref);
    const Decoded d = fmasim::decode(f, code);
    bool ok = d.sign == ref.sign;
    switch (ref.cls) {
      case Class::Zero: ok = ok && d.cls == ValueClass::Zero; break;
      case Class::Subnormal:
      case Class::Normal:
        ok = ok && d.cls == ValueClass::Finite;
        if (ok) {
          coreValue(d, core.get());
          ok = mpfr_equal_p(core.get(), ref.value.get()) != 0;
        }
        break;
      case Class::Infinity: ok = ok && d.cls == ValueClass::Infinity; break;
      case Class::QuietNaN:
      case Class::SignalingNaN:
        // Value.hpp: the payload is the bits below the quiet bit, left-justified.
        ok = ok && d.cls == ValueClass::NaN && d.signaling == (ref.cls == Class::SignalingNaN) &&
             d.nanPayload == ref.nanBits << 1;
        break;
    }
    bad.check(ok, [&] {
      coreValue(d, core.get());
      return hex(code) + ": reference " + className(ref.cls) + (ref.sign ? " -" : " +") +
             fmaref::toString(ref.value.get()) + ", core cls " + std::to_string(static_cast<int>(d.cls)) +
             (d.sign ? " -" : " +") + fmaref::toString(core.get());
    });
  }
}

TEST_P(Exhaustive, ClassifyMatchesReference) {
  Mismatches bad(std::string("classify ") + f.name);
  RefValue ref;
  for (std::uint64_t code = 0; code < codes(); ++code) {
    fmaref::refDecode(f, code, ref);
    CodeClass want{};
    switch (ref.cls) {
      case Class::Zero: want = ref.sign ? CodeClass::NegZero : CodeClass::PosZero; break;
      case Class::Subnormal: want = ref.sign ? CodeClass::NegSubnormal : CodeClass::PosSubnormal; break;
      case Class::Normal: want = ref.sign ? CodeClass::NegNormal : CodeClass::PosNormal; break;
      case Class::Infinity: want = ref.sign ? CodeClass::NegInf : CodeClass::PosInf; break;
      case Class::QuietNaN: want = CodeClass::QuietNaN; break;
      case Class::SignalingNaN: want = CodeClass::SignalingNaN; break;
    }
    const CodeClass got = fmasim::classify(f, code);
    bad.check(got == want, [&] {
      return hex(code) + ": core " + std::to_string(static_cast<int>(got)) + ", reference " +
             std::to_string(static_cast<int>(want));
    });
  }
}

// roundToFormat(decode(code)) == code with no flags, in every mode, for every finite code.
TEST_P(Exhaustive, RoundTripIsExactInEveryMode) {
  Mismatches bad(std::string("round trip ") + f.name);
  std::vector<RoundingMode> settings = allSettings();
  settings.push_back(RoundingMode{Rounding::Stochastic, Tininess::AfterRounding, OverflowPolicy::Ieee, 8});
  RefValue ref;
  for (std::uint64_t code = 0; code < codes(); ++code) {
    fmaref::refDecode(f, code, ref);
    if (!ref.isFinite() || unusedCode(code)) continue;
    const Decoded d = fmasim::decode(f, code);
    const fmasim::Unrounded x{d.sign, d.exp, d.sig};
    for (const RoundingMode& rm : settings) {
      const std::uint32_t random = static_cast<std::uint32_t>(code * 37);
      const Result r = fmasim::roundToFormat(f, x, rm, random);
      bad.same(r, Result{canonical(ref, code), 0}, [&] { return hex(code) + " " + describe(rm); });
    }
  }
}

// Converting a format to itself: finite codes and infinities unchanged, NaNs by the NaN rules.
TEST_P(Exhaustive, ConvertToSelfFollowsReference) {
  Mismatches bad(std::string("self-convert ") + f.name);
  RefValue ref;
  for (const RoundingMode& rm : allSettings()) {
    const fmasim::ConvertOp op(f, f, rm);
    for (std::uint64_t code = 0; code < codes(); ++code) {
      fmaref::refDecode(f, code, ref);
      bad.same(op(code), fmaref::refConvert(f, code, f, rm), [&] { return hex(code) + " " + describe(rm); });
      if (!ref.isNaN() && !unusedCode(code))
        bad.same(op(code), Result{canonical(ref, code), 0}, [&] { return "identity " + hex(code) + " " + describe(rm); });
      if (ref.isNaN()) {
        // The NaN rules by hand: quiet (IEEE: quiet bit set, payload kept), invalid iff signaling.
        const bool signaling = ref.cls == Class::SignalingNaN;
        std::uint64_t expect = code;
        if (f.nan == fmasim::NanStyle::Ieee) expect |= std::uint64_t{1} << (f.manBits - 1);
        bad.same(op(code), Result{expect, static_cast<std::uint8_t>(signaling ? fmasim::flag::invalid : 0)},
                 [&] { return "NaN " + hex(code) + " " + describe(rm); });
      }
    }
  }
}

// Codes sorted by their reference values decode (in the core) to strictly increasing values.
TEST_P(Exhaustive, OrderingIsStrict) {
  std::vector<std::uint64_t> finite;
  std::vector<Big*> values;
  std::vector<std::unique_ptr<Big>> store;
  RefValue ref;
  for (std::uint64_t code = 0; code < codes(); ++code) {
    fmaref::refDecode(f, code, ref);
    if (ref.isNaN()) continue;
    finite.push_back(code);
    store.push_back(std::make_unique<Big>(192));
    if (ref.isInf())
      mpfr_set_inf(store.back()->get(), ref.sign ? -1 : 1);
    else
      mpfr_set(store.back()->get(), ref.value.get(), MPFR_RNDN);
  }
  std::vector<std::size_t> order(finite.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) {
    return mpfr_less_p(store[i]->get(), store[j]->get()) != 0;
  });
  Mismatches bad(std::string("ordering ") + f.name);
  Big prev(192), cur(192);
  auto coreOf = [&](std::uint64_t code, Big& out) {
    const Decoded d = fmasim::decode(f, code);
    if (d.cls == ValueClass::Infinity)
      mpfr_set_inf(out.get(), d.sign ? -1 : 1);
    else
      coreValue(d, out.get());
    return d;
  };
  for (std::size_t k = 1; k < order.size(); ++k) {
    const std::uint64_t a = finite[order[k - 1]], b = finite[order[k]];
    const Decoded da = coreOf(a, prev), db = coreOf(b, cur);
    const bool bothZero = da.cls == ValueClass::Zero && db.cls == ValueClass::Zero;
    bad.check(bothZero || mpfr_less_p(prev.get(), cur.get()), [&] { return hex(a) + " then " + hex(b); });
  }
  // The extremes: -max (or -inf) first, +max (or +inf) last.
  const std::uint64_t last = finite[order.back()];
  if (f.hasInf)
    EXPECT_EQ(fmasim::classify(f, last), CodeClass::PosInf);
  else
    EXPECT_EQ(last, fmaref::refMaxFiniteCode(f, false));
}

INSTANTIATE_TEST_SUITE_P(Formats, Exhaustive,
                         ::testing::Values("fp8_e5m2", "fp8_e4m3", "fp8_e5m2fnuz", "fp8_e4m3fnuz", "fp6_e3m2",
                                           "fp6_e2m3", "fp4_e2m1", "e8m0", "int4", "int8", "uint8", "mxint8", "q3.4",
                                           "fp16", "bf16", "e4m3_nosub", "e5m2_nosub", "fp16_nosub", "ue4m4"),
                         [](const ::testing::TestParamInfo<const char*>& p) {
                           std::string n = p.param;
                           std::replace(n.begin(), n.end(), '.', '_');
                           return n;
                         });

}  // namespace
}  // namespace fmatest

// `fmasim vectors`: the TestFloat-compatible vector interface. Reads lines of hex
// operands (as testfloat_gen prints them) from stdin and writes each line back with
// fmasim's result and flags appended, in the layout testfloat_ver reads.
#include <array>
#include <cstdio>
#include <memory>
#include <string>

#include "Commands.hpp"
#include "Names.hpp"
#include "VectorIo.hpp"
#include "format/Arith.hpp"
#include "format/Lfsr.hpp"

namespace fmasim {
namespace {

struct VectorOptions {
  std::string op = "fma";
  std::string a, b, c, out;
  std::string rounding;
  std::string tininess = "after";
  std::string overflow = "ieee";
  std::uint32_t seed = 1;
  int randomBits = 8;
};

// Options checked and resolved; `error` names the option and what it allows.
struct VectorSetup {
  Format a, b, c, out;
  RoundingMode rm;
};

bool resolveOption(const char* option, const std::string& name, Format& format, std::string& error) {
  std::string why;
  auto f = resolveFormat(name, why);
  if (!f) {
    error = std::string(option) + ": " + why;
    return false;
  }
  format = std::move(*f);
  return true;
}

bool resolve(const VectorOptions& o, VectorSetup& s, std::string& error) {
  if (!resolveOption("--a", o.a, s.a, error) || !resolveOption("--b", o.b.empty() ? o.a : o.b, s.b, error) ||
      !resolveOption("--c", o.c.empty() ? o.a : o.c, s.c, error) || !resolveOption("--out", o.out, s.out, error))
    return false;
  const auto rounding = parseRounding(o.rounding);
  if (!rounding) {
    error = "--rounding: unknown rounding '" + o.rounding + "'; allowed: " + std::string(kRoundingNames);
    return false;
  }
  s.rm.mode = *rounding;
  if (o.tininess != "after" && o.tininess != "before") {
    error = "--tininess: got '" + o.tininess + "'; allowed: after, before";
    return false;
  }
  s.rm.tininess = o.tininess == "after" ? Tininess::AfterRounding : Tininess::BeforeRounding;
  if (o.overflow != "ieee" && o.overflow != "saturate") {
    error = "--overflow: got '" + o.overflow + "'; allowed: ieee, saturate";
    return false;
  }
  s.rm.overflow = o.overflow == "ieee" ? OverflowPolicy::Ieee : OverflowPolicy::Saturate;
  if (o.randomBits < 1 || o.randomBits > 32) {
    error = "--random-bits: got " + std::to_string(o.randomBits) + "; allowed: 1 to 32";
    return false;
  }
  s.rm.randomBits = o.randomBits;
  return true;
}

// The per-operation random number: one LFSR seeded once, one draw per operation, so a
// run is reproducible line by line. Deterministic modes draw nothing.
class RandomSource {
 public:
  RandomSource(const RoundingMode& rm, std::uint32_t seed)
      : lfsr_(seed), bits_(rm.randomBits), stochastic_(rm.mode == Rounding::Stochastic) {}
  std::uint32_t next() { return stochastic_ ? lfsr_.draw(bits_) : 0; }

 private:
  Lfsr lfsr_;
  int bits_;
  bool stochastic_;
};

// Why operand `index` (from 0) of a line could not be used; `count` operands were expected.
std::string badOperand(HexField status, std::size_t index, std::size_t count, const char* opName,
                       std::string_view text, const Format& format) {
  const std::string operand = "operand " + std::to_string(index + 1) + " ";
  switch (status) {
    case HexField::Missing:
      return (index == 0 ? "empty line; expected " : "expected ") + std::to_string(count) + " hex operand" +
             (count == 1 ? " (" : "s (") + opName + "), found " + std::to_string(index);
    case HexField::NotHex: return operand + "'" + std::string(text) + "' is not hex";
    case HexField::Ok:  // parsed, but with bits above the format's width
    case HexField::TooWide: break;
  }
  return operand + "code " + std::string(text) + " is wider than " + format.name + " (" +
         std::to_string(format.bits) + " bits)";
}

// Reads N operands per line, applies `compute` and writes the TestFloat line. Returns
// the exit code: 0, or 2 at the first line it cannot read (after reporting it).
template <std::size_t N, class Compute>
int runLines(const char* opName, const std::array<const Format*, N>& in, const Format& out, Compute compute) {
  std::array<int, N> inDigits{};
  std::array<std::uint64_t, N> inMask{};
  for (std::size_t i = 0; i < N; ++i) {
    inDigits[i] = hexDigits(in[i]->bits);
    inMask[i] = in[i]->codeMask();
  }
  const int outDigits = hexDigits(out.bits);
  LineReader reader(stdin);
  OutputBuffer writer(stdout);
  std::array<std::uint64_t, N> codes{};
  std::string_view line, text;
  while (reader.next(line)) {
    std::size_t pos = 0;
    for (std::size_t i = 0; i < N; ++i) {
      const HexField status = nextHexField(line, pos, codes[i], text);
      if (status == HexField::Ok && (codes[i] & ~inMask[i]) == 0) continue;
      writer.flush();  // the lines before this one are good: let them out first
      std::fprintf(stderr, "fmasim vectors: stdin line %ld: %s\n", reader.lineNumber(),
                   badOperand(status, i, N, opName, text, *in[i]).c_str());
      return 2;
    }
    const Result r = compute(codes);
    writer.reserveLine();
    for (std::size_t i = 0; i < N; ++i) {
      writer.putHex(codes[i], inDigits[i]);
      writer.put(' ');
    }
    writer.putHex(r.code, outDigits);
    writer.put(' ');
    writer.putHex(r.flags, 2);
    writer.put('\n');
  }
  if (reader.failed()) {
    std::fprintf(stderr, "fmasim vectors: cannot read stdin after line %ld\n", reader.lineNumber());
    return 2;
  }
  if (!writer.flush()) {
    std::fprintf(stderr, "fmasim vectors: cannot write stdout\n");
    return 2;
  }
  return 0;
}

// Binds the operation once, so the loop runs one fixed operation.
int run(const VectorOptions& o, const VectorSetup& s) {
  RandomSource random(s.rm, o.seed);
  if (o.op == "fma") {
    const FmaOp fma(s.a, s.b, s.c, s.out, s.rm);
    return runLines<3>("fma", {&s.a, &s.b, &s.c}, s.out,
                       [&](const auto& x) { return fma(x[0], x[1], x[2], random.next()); });
  }
  if (o.op == "mul") {
    const MulOp mul(s.a, s.b, s.out, s.rm);
    return runLines<2>("mul", {&s.a, &s.b}, s.out, [&](const auto& x) { return mul(x[0], x[1], random.next()); });
  }
  if (o.op == "add") {
    const AddOp add(s.a, s.b, s.out, s.rm);
    return runLines<2>("add", {&s.a, &s.b}, s.out, [&](const auto& x) { return add(x[0], x[1], random.next()); });
  }
  const ConvertOp cvt(s.a, s.out, s.rm);
  return runLines<1>("cvt", {&s.a}, s.out, [&](const auto& x) { return cvt(x[0], random.next()); });
}

}  // namespace

void addVectorsCommand(CommandLine& cli, int& exitCode) {
  auto cmd = cli.subcommand(
      "vectors", "TestFloat-compatible vectors: read hex operands per line on stdin, print 'operands result flags'");
  auto o = std::make_shared<VectorOptions>();
  cmd.option("--op", o->op, "Operation: fma (3 operands), mul, add (2), cvt (1)")
      .required()
      .oneOf({"fma", "mul", "add", "cvt"});
  cmd.option("--a", o->a, "Format of operand a (built-in name, q<m>.<n>, or custom .json)").required();
  cmd.option("--b", o->b, "Format of operand b (default: --a)");
  cmd.option("--c", o->c, "Format of operand c (default: --a)");
  cmd.option("--out", o->out, "Format of the result").required();
  cmd.option("--rounding", o->rounding, std::string("Rounding: ") + std::string(kRoundingNames)).required();
  cmd.option("--tininess", o->tininess, "Tininess detection: after (x86, default) or before (ARM)");
  cmd.option("--overflow", o->overflow, "Overflow policy: ieee (default) or saturate");
  cmd.option("--seed", o->seed, "Stochastic rounding: LFSR seed (default 1)");
  cmd.option("--random-bits", o->randomBits, "Stochastic rounding: random bits per operation, 1 to 32 (default 8)");
  cmd.onRun([o, &exitCode] {
    VectorSetup setup;
    std::string error;
    if (!resolve(*o, setup, error)) {
      std::fprintf(stderr, "fmasim vectors: %s\n", error.c_str());
      exitCode = 2;
      return;
    }
    exitCode = run(*o, setup);
  });
}

}  // namespace fmasim

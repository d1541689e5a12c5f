// `fmasim formats`: the table of every built-in format and its limits, computed
// from the same descriptors the arithmetic uses.
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "Commands.hpp"
#include "Names.hpp"
#include "format/Arith.hpp"

namespace fmasim {
namespace {

const char* nanStyleName(NanStyle s) {
  switch (s) {
    case NanStyle::Ieee: return "ieee";
    case NanStyle::SingleAllOnes: return "all-ones";
    case NanStyle::Fnuz: return "fnuz";
    case NanStyle::None: return "none";
  }
  return "?";
}

// The value of a code as a double, through the exact decoder.
double valueOf(const Format& f, std::uint64_t code) {
  const Decoded d = decode(f, code);
  if (d.cls != ValueClass::Finite) return 0.0;
  return std::ldexp(static_cast<double>(d.sig), d.exp) * (d.sign ? -1.0 : 1.0);
}

void printTable(const std::vector<Format>& formats) {
  std::printf("%-14s %4s %3s %3s %5s %4s %-9s %-12s %-12s %-12s\n", "format", "bits", "E", "M", "bias", "inf",
              "nan", "max", "min normal", "min subnorm");
  for (const Format& f : formats) {
    const char* name = f.name.c_str();
    if (!f.isFloat()) {
      std::printf("%-14s %4d %3s %3s %5s %4s %-9s %-12.6g %-12s %-12.6g\n", name, f.bits, "-", "-", "-", "-",
                  "-", maxFiniteValue(f), "-", std::ldexp(1.0, -f.fracBits));
      continue;
    }
    const std::uint64_t minNormal = static_cast<std::uint64_t>(f.minNormalField) << f.manBits;
    char sub[32] = "-";
    if (f.hasSubnormals && f.manBits > 0) std::snprintf(sub, sizeof sub, "%.6g", valueOf(f, 1));
    std::printf("%-14s %4d %3d %3d %5d %4s %-9s %-12.6g %-12.6g %-12s\n", name, f.bits, f.expBits,
                f.manBits, f.bias, f.hasInf ? "yes" : "no", nanStyleName(f.nan), maxFiniteValue(f),
                valueOf(f, minNormal), sub);
  }
}

}  // namespace

void addFormatsCommand(CommandLine& cli, int& exitCode) {
  auto cmd = cli.subcommand("formats", "List the built-in number formats and their limits");
  auto only = std::make_shared<std::string>();
  cmd.option("format", *only, "Show one format only: a name, q<m>.<n>, or a custom-format .json file");
  cmd.onRun([only, &exitCode] {
    std::vector<Format> formats;
    if (only->empty()) {
      for (const auto& name : builtinFormatNames()) formats.push_back(*formatByName(name));
    } else {
      std::string error;
      auto f = resolveFormat(*only, error);
      if (!f) {
        std::fprintf(stderr, "fmasim formats: %s\n", error.c_str());
        exitCode = 2;
        return;
      }
      formats.push_back(*f);
    }
    printTable(formats);
    exitCode = 0;
  });
}

}  // namespace fmasim

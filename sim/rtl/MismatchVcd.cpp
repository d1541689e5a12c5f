#include "MismatchVcd.hpp"

#include <fstream>

namespace fmasim {
namespace {

struct Signal {
  const char* scope;
  const char* name;
  int width;
  char id;
};

// Bit i of a value given as 32-bit words, least significant first.
bool wordBit(const std::uint32_t* words, int i) { return (words[i / 32] >> (i % 32)) & 1; }

void value(std::ofstream& out, const Signal& s, const std::uint32_t* words) {
  if (s.width == 1) {
    out << (words[0] & 1) << s.id << '\n';
    return;
  }
  std::string text(static_cast<std::size_t>(s.width), '0');
  for (int i = 0; i < s.width; ++i)
    if (wordBit(words, i)) text[static_cast<std::size_t>(s.width - 1 - i)] = '1';
  out << 'b' << text << ' ' << s.id << '\n';
}

void value(std::ofstream& out, const Signal& s, u128 v) {
  std::uint32_t words[4];
  for (int i = 0; i < 4; ++i) words[i] = static_cast<std::uint32_t>(v >> (32 * i));
  value(out, s, words);
}

}  // namespace

bool writeMismatchVcd(const std::string& path, std::span<const VcdCycle> cycles, const VcdWidths& w,
                      std::string& error) {
  std::ofstream out(path);
  if (!out) {
    error = path + ": cannot write the VCD";
    return false;
  }
  const Signal signals[] = {
      {"inputs", "clk", 1, '!'},          {"inputs", "rst", 1, '"'},          {"inputs", "in_valid", 1, '#'},
      {"inputs", "in_finish", 1, '$'},    {"inputs", "in_a", w.a, '%'},       {"inputs", "in_b", w.b, '&'},
      {"inputs", "load_valid", 1, '\''},  {"inputs", "load_value", w.accumulator, '('},
      {"systemc", "in_ready", 1, ')'},    {"systemc", "out_valid", 1, '*'},   {"systemc", "out_result", w.result, '+'},
      {"systemc", "out_flags", 5, ','},   {"rtl", "in_ready", 1, '-'},        {"rtl", "out_valid", 1, '.'},
      {"rtl", "out_result", w.result, '/'}, {"rtl", "out_flags", 5, '0'},
  };
  out << "$timescale 1ns $end\n$scope module lockstep $end\n";
  const char* scope = "";
  for (const Signal& s : signals) {
    if (std::string(scope) != s.scope) {
      if (*scope != '\0') out << "$upscope $end\n";
      out << "$scope module " << s.scope << " $end\n";
      scope = s.scope;
    }
    out << "$var wire " << s.width << ' ' << s.id << ' ' << s.name << " $end\n";
  }
  out << "$upscope $end\n$upscope $end\n$enddefinitions $end\n";
  // A cycle's inputs from its start, the outputs from its rising edge in mid-cycle.
  for (const VcdCycle& c : cycles) {
    const std::int64_t t = c.cycle * 10;
    out << '#' << t << '\n';
    value(out, signals[0], u128{0});
    const u128 controls[] = {c.in.rst, c.in.inValid, c.in.inFinish};
    for (int i = 0; i < 3; ++i) value(out, signals[1 + i], controls[i]);
    value(out, signals[4], c.in.a.words.data());
    value(out, signals[5], c.in.b.words.data());
    value(out, signals[6], c.in.load);
    value(out, signals[7], c.in.loadValue);
    out << '#' << t + 5 << '\n';
    value(out, signals[0], u128{1});
    const u128 outputs[] = {c.systemc.inReady, c.systemc.outValid, c.systemc.result, c.systemc.flags,
                            c.rtl.inReady,     c.rtl.outValid,     c.rtl.result,     c.rtl.flags};
    for (int i = 0; i < 8; ++i) value(out, signals[8 + i], outputs[i]);
  }
  if (!cycles.empty()) out << '#' << (cycles.back().cycle + 1) * 10 << '\n';
  if (!out) {
    error = path + ": cannot write the VCD";
    return false;
  }
  return true;
}

}  // namespace fmasim

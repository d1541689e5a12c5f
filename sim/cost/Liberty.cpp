#include "Liberty.hpp"

#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>

namespace fmasim {
namespace {

std::optional<double> attribute(const std::string& text, const std::string& name) {
  const std::regex re("\\b" + name + R"(\s*:\s*"?([0-9.eE+-]+))");
  std::smatch m;
  if (!std::regex_search(text, m, re)) return std::nullopt;
  return std::stod(m[1].str());
}

// Scale of a unit string such as "1nW", "1pW", "1uW" to nW, or of (1, "pf") to fF.
double powerUnitToNw(const std::string& text) {
  std::smatch m;
  if (!std::regex_search(text, m, std::regex(R"re(leakage_power_unit\s*:\s*"?([0-9.]+)\s*([munpf]?)W)re"))) return 1;
  const double v = std::stod(m[1].str());
  const std::string p = m[2].str();
  return v * (p == "m" ? 1e6 : p == "u" ? 1e3 : p == "n" ? 1 : p == "p" ? 1e-3 : p == "f" ? 1e-6 : 1e9);
}

double capacitanceUnitToFf(const std::string& text) {
  std::smatch m;
  if (!std::regex_search(text, m, std::regex(R"re(capacitive_load_unit\s*\(\s*([0-9.]+)\s*,\s*"?(\w+))re"))) return 1e3;
  const double v = std::stod(m[1].str());
  const std::string u = m[2].str();
  return v * (u == "ff" || u == "fF" ? 1 : 1e3);
}

// The text of one cell's group, from its header to the matching closing brace.
std::string cellGroup(const std::string& text, std::size_t header) {
  const std::size_t open = text.find('{', header);
  if (open == std::string::npos) return {};
  int depth = 0;
  for (std::size_t i = open; i < text.size(); ++i) {
    if (text[i] == '{') ++depth;
    if (text[i] == '}' && --depth == 0) return text.substr(header, i - header + 1);
  }
  return {};
}

}  // namespace

std::optional<LibertyFacts> readLiberty(const std::string& path, const std::string& scratchDir, std::string& plainPath,
                                        std::string& error) {
  plainPath = path;
  if (path.ends_with(".gz")) {
    plainPath = scratchDir + "/library.lib";
    const std::string command = "gzip -dc '" + path + "' > '" + plainPath + "' 2>/dev/null";
    if (std::system(command.c_str()) != 0) {
      error = path + ": cannot decompress the Liberty file";
      return std::nullopt;
    }
  }
  std::ifstream in(plainPath);
  if (!in) {
    error = path + ": cannot open the Liberty file";
    return std::nullopt;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  LibertyFacts facts;
  facts.nominalVoltage = attribute(text, "nom_voltage").value_or(0);
  const double toNw = powerUnitToNw(text), toFf = capacitanceUnitToFf(text);
  static const std::regex cellHeader(R"re(cell\s*\(\s*"?([A-Za-z0-9_]*[Nn][Aa][Nn][Dd]2(_|[Xx])[A-Za-z0-9_]*)"?\s*\))re");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), cellHeader); it != std::sregex_iterator(); ++it) {
    const std::string group = cellGroup(text, static_cast<std::size_t>(it->position()));
    const auto area = attribute(group, "area");
    if (!area || (facts.nand2Area > 0 && *area >= facts.nand2Area)) continue;
    facts.nand2 = (*it)[1].str();
    facts.nand2Area = *area;
    facts.nand2LeakageNw = attribute(group, "cell_leakage_power").value_or(0) * toNw;
    facts.nand2InputFf = attribute(group, "capacitance").value_or(0) * toFf;
  }
  if (facts.nand2.empty()) {
    error = path + ": no NAND2 cell (a cell named like *nand2_* or NAND2X*) with an area; cannot define 1 GE";
    return std::nullopt;
  }
  return facts;
}

}  // namespace fmasim

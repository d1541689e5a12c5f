#include "Liberty.hpp"

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace fmasim {
namespace {

bool isNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

std::size_t skipSpaces(const std::string& t, std::size_t i) {
  while (i < t.size() && std::isspace(static_cast<unsigned char>(t[i])) != 0) ++i;
  return i;
}

// The position just after `name` standing as a whole word at or after `from`, or npos.
std::size_t findWord(const std::string& t, const std::string& name, std::size_t from = 0) {
  for (std::size_t i = t.find(name, from); i != std::string::npos; i = t.find(name, i + 1)) {
    const bool before = i == 0 || !isNameChar(t[i - 1]);
    const bool after = i + name.size() >= t.size() || !isNameChar(t[i + name.size()]);
    if (before && after) return i + name.size();
  }
  return std::string::npos;
}

// A number at `i` (after spaces and an opening quote); `end` receives where it stops.
std::optional<double> numberAt(const std::string& t, std::size_t i, std::size_t& end) {
  i = skipSpaces(t, i);
  if (i < t.size() && t[i] == '"') ++i;
  char* stop = nullptr;
  const double v = std::strtod(t.c_str() + i, &stop);
  if (stop == t.c_str() + i) return std::nullopt;
  end = static_cast<std::size_t>(stop - t.c_str());
  return v;
}

// `name : value;` as a number.
std::optional<double> attribute(const std::string& t, const std::string& name) {
  std::size_t i = findWord(t, name);
  if (i == std::string::npos) return std::nullopt;
  i = skipSpaces(t, i);
  if (i >= t.size() || t[i] != ':') return std::nullopt;
  std::size_t end = 0;
  return numberAt(t, i + 1, end);
}

// leakage_power_unit : "1nW" -> the unit in nW.
double powerUnitToNw(const std::string& t) {
  std::size_t i = findWord(t, "leakage_power_unit"), end = 0;
  if (i == std::string::npos) return 1;
  i = t.find(':', i);
  const auto v = i == std::string::npos ? std::nullopt : numberAt(t, i + 1, end);
  if (!v) return 1;
  const char prefix = end < t.size() ? t[end] : 'n';
  const double scale = prefix == 'm' ? 1e6 : prefix == 'u' ? 1e3 : prefix == 'n' ? 1 : prefix == 'p' ? 1e-3
                       : prefix == 'f' ? 1e-6 : 1e9;
  return *v * scale;
}

// capacitive_load_unit (1, pf) -> the unit in fF.
double capacitanceUnitToFf(const std::string& t) {
  std::size_t i = findWord(t, "capacitive_load_unit"), end = 0;
  if (i == std::string::npos) return 1e3;
  i = t.find('(', i);
  const auto v = i == std::string::npos ? std::nullopt : numberAt(t, i + 1, end);
  if (!v) return 1e3;
  const std::size_t unit = t.find_first_not_of(" ,\"", end);
  const bool femto = unit != std::string::npos && (t[unit] == 'f' || t[unit] == 'F');
  return *v * (femto ? 1 : 1e3);
}

// A cell name like sky130_fd_sc_hd__nand2_1 or NAND2_X1: "nand2" then '_' or 'x'.
bool isNand2(const std::string& name) {
  std::string lower(name);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const std::size_t i = lower.find("nand2");
  return i != std::string::npos && i + 5 < lower.size() && (lower[i + 5] == '_' || lower[i + 5] == 'x');
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
  for (std::size_t at = findWord(text, "cell"); at != std::string::npos; at = findWord(text, "cell", at)) {
    const std::size_t open = skipSpaces(text, at);
    if (open >= text.size() || text[open] != '(') continue;
    const std::size_t close = text.find(')', open);
    if (close == std::string::npos) break;
    std::string name = text.substr(open + 1, close - open - 1);
    std::erase_if(name, [](char c) { return c == '"' || std::isspace(static_cast<unsigned char>(c)) != 0; });
    if (!isNand2(name)) continue;
    const std::string group = cellGroup(text, open);
    const auto area = attribute(group, "area");
    if (!area || (facts.nand2Area > 0 && *area >= facts.nand2Area)) continue;
    facts.nand2 = name;
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

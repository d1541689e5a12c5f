#include "TechnologyConfig.hpp"

#include "DefaultConfigs.hpp"
#include "JsonFields.hpp"

namespace fmasim {
namespace {

// A positive physical quantity.
void readPositive(JsonFields& j, const char* key, double& out, bool required) {
  if (!j.has(key)) {
    if (required && j.ok()) j.fail(key, "missing");
    return;
  }
  if (auto v = j.number(key)) {
    if (*v > 0) out = *v;
    else j.fail(key, "must be > 0, got " + j.json()[key].dump());
  }
}

void readCells(JsonFields& j, GateCount& cellGE) {
  std::initializer_list<std::string_view> names{"inv", "and2", "xor2", "mux2", "half_adder", "full_adder", "flop"};
  j.allowOnly(names);
  for (std::size_t i = 0; i < kCellCount; ++i) {
    double ge = 0;
    readPositive(j, cellName(static_cast<Cell>(i)), ge, true);
    cellGE.n[i] = ge;
  }
}

std::string stem(const std::string& file) {
  const auto slash = file.find_last_of('/');
  const auto base = slash == std::string::npos ? file : file.substr(slash + 1);
  return base.substr(0, base.rfind(".json"));
}

}  // namespace

std::optional<Technology> parseTechnology(const std::string& text, const std::string& where, std::string& error) {
  error.clear();
  const auto root = parseJson(text, where, error);
  if (!root) return std::nullopt;
  JsonFields j(*root, "", error, where);
  j.allowOnly({"name", "comment", "source", "node_nm", "voltage_v", "clock_ghz", "um2_per_ge", "switched_ff_per_ge",
               "leakage_nw_per_ge", "cells_ge"});
  Technology t;
  if (auto n = j.string("name")) t.name = *n;
  else if (j.ok()) j.fail("name", "missing");
  if (auto s = j.string("source")) t.source = *s;
  j.string("comment");
  readPositive(j, "node_nm", t.nodeNm, true);
  readPositive(j, "voltage_v", t.voltage, true);
  readPositive(j, "clock_ghz", t.clockGHz, true);
  readPositive(j, "um2_per_ge", t.um2PerGE, true);
  readPositive(j, "switched_ff_per_ge", t.switchedFfPerGE, true);
  readPositive(j, "leakage_nw_per_ge", t.leakageNwPerGE, true);
  if (auto c = j.object("cells_ge")) readCells(*c, t.cellGE);
  else if (j.ok()) j.fail("cells_ge", "missing");
  if (!j.ok()) return std::nullopt;
  return t;
}

std::string builtinTechnologyNames() {
  std::string names;
  for (const auto& t : builtinTechnologies()) names += (names.empty() ? "" : ", ") + stem(t.file);
  return names;
}

std::optional<Technology> loadTechnology(const std::string& pathOrName, std::string& error) {
  for (const auto& t : builtinTechnologies())
    if (stem(t.file) == pathOrName) return parseTechnology(t.text, t.file, error);
  if (pathOrName.ends_with(".json")) {
    const auto text = readConfigFile(pathOrName, error);
    if (!text) return std::nullopt;
    return parseTechnology(*text, pathOrName, error);
  }
  error = "--tech: unknown technology '" + pathOrName + "'; allowed: a .json file or one of " +
          builtinTechnologyNames();
  return std::nullopt;
}

std::string technologyJson(const Technology& t) {
  nlohmann::json cellsGE;
  for (std::size_t i = 0; i < kCellCount; ++i) cellsGE[cellName(static_cast<Cell>(i))] = t.cellGE.n[i];
  nlohmann::json j{{"name", t.name},
                   {"source", t.source},
                   {"node_nm", t.nodeNm},
                   {"voltage_v", t.voltage},
                   {"clock_ghz", t.clockGHz},
                   {"um2_per_ge", t.um2PerGE},
                   {"switched_ff_per_ge", t.switchedFfPerGE},
                   {"leakage_nw_per_ge", t.leakageNwPerGE},
                   {"cells_ge", cellsGE}};
  return j.dump(2) + "\n";
}

}  // namespace fmasim

#include "SynthesisReport.hpp"

#include <cstdio>
#include <nlohmann/json.hpp>

namespace fmasim {
namespace {

std::string line(const std::string& name, double synthesized, bool modelled, double model) {
  char buf[160];
  if (modelled && synthesized > 0)
    std::snprintf(buf, sizeof buf, "  %-14s %14.1f %10.1f %16.2f\n", name.c_str(), synthesized, model,
                  model / synthesized);
  else
    std::snprintf(buf, sizeof buf, "  %-14s %14.1f %10s %16s\n", name.c_str(), synthesized,
                  modelled ? std::to_string(static_cast<int>(model + 0.5)).c_str() : "-", "-");
  return buf;
}

}  // namespace

std::string synthesisTable(const SynthesisReport& r) {
  std::string out;
  for (const SynthesisRow& row : r.rows) {
    out += row.config + "  (synthesis: " + r.mapping + "; model: " + r.technology + ")\n";
    char head[160];
    std::snprintf(head, sizeof head, "  %-14s %14s %10s %16s\n", "unit", "synthesis GE", "model GE", "model/synthesis");
    out += head;
    for (const UnitSynthesis& u : row.check.units) out += line(u.name, u.synthesizedGE, u.modelled, u.modelGE);
    out += line("total", row.check.unitsApartGE, true, row.check.modelGE);
    if (row.check.wholeGE) out += line("whole mac", *row.check.wholeGE, true, row.check.modelGE);
  }
  return out;
}

std::string synthesisJson(const SynthesisReport& r) {
  nlohmann::ordered_json j;
  j["synthesis"] = r.mapping;
  j["technology"] = r.technology;
  j["configs"] = nlohmann::ordered_json::array();
  for (const SynthesisRow& row : r.rows) {
    nlohmann::ordered_json c;
    c["name"] = row.config;
    for (const UnitSynthesis& u : row.check.units) {
      nlohmann::ordered_json unit;
      unit["unit"] = u.name;
      unit["synthesized_ge"] = u.synthesizedGE;
      if (u.modelled) unit["model_ge"] = u.modelGE;
      c["units"].push_back(unit);
    }
    c["total"] = {{"synthesized_ge", row.check.unitsApartGE}, {"model_ge", row.check.modelGE}};
    if (row.check.wholeGE)
      c["whole_mac"] = {{"synthesized_ge", *row.check.wholeGE}, {"model_ge", row.check.modelGE}};
    j["configs"].push_back(c);
  }
  return j.dump(2) + "\n";
}

}  // namespace fmasim

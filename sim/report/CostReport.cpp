#include "CostReport.hpp"

#include <cstdio>
#include <nlohmann/json.hpp>

namespace fmasim {
namespace {

std::string line(const char* fmt, const char* name, double ge, double um2, double percent) {
  char buf[200];
  std::snprintf(buf, sizeof buf, fmt, name, ge, um2, percent);
  return buf;
}

}  // namespace

double totalGE(const CostReport& r, const CostRow& row) {
  double sum = 0;
  for (const UnitArea& u : row.units) sum += r.technology.ge(u.total());
  return sum;
}

const char* multiplierArchitectureName(MultiplierArchitecture m) {
  switch (m) {
    case MultiplierArchitecture::Array: return "array";
    case MultiplierArchitecture::Dadda: return "dadda";
    case MultiplierArchitecture::Booth4: return "booth4";
  }
  return "?";
}

const char* adderArchitectureName(AdderArchitecture a) { return a == AdderArchitecture::Ripple ? "ripple" : "prefix"; }

std::string costTable(const CostReport& r, bool parts) {
  const Technology& t = r.technology;
  std::string out;
  char buf[256];
  for (const CostRow& row : r.rows) {
    const double total = totalGE(r, row);
    const EnergyEstimate* e = row.energy ? &*row.energy : nullptr;
    out += row.config + "  (" + t.name + ", " + multiplierArchitectureName(r.architecture.multiplier) +
           " multiplier, " + adderArchitectureName(r.architecture.adder) + " adders)\n";
    std::snprintf(buf, sizeof buf, "  %-26s %10s %12s %7s", "unit", "GE", "um^2", "%");
    if (e) {
      out += buf;
      std::snprintf(buf, sizeof buf, "  %9s %7s", "pJ/op", "%");
    }
    out += buf;
    out += "\n";
    for (const UnitArea& u : row.units) {
      const double ge = t.ge(u.total());
      out += line("  %-26s %10.0f %12.1f %6.1f%%", unitName(u.unit), ge, ge * t.um2PerGE, 100 * ge / total);
      if (e) {
        const UnitEnergy& ue = e->units[static_cast<std::size_t>(u.unit)];
        std::snprintf(buf, sizeof buf, "  %9.4f %6.1f%%", e->pjPerMac(ue), e->percent(ue));
        out += buf;
      }
      out += "\n";
      if (!parts) continue;
      for (const CostPart& p : u.parts) {
        const double pge = t.ge(p.cells);
        out += line("    %-24s %10.0f %12.1f %6.1f%%\n", p.name.c_str(), pge, pge * t.um2PerGE, 100 * pge / total);
      }
    }
    out += line("  %-26s %10.0f %12.1f %6.1f%%", "total", total, total * t.um2PerGE, 100.0);
    if (!e) {
      out += "\n";
      continue;
    }
    std::snprintf(buf, sizeof buf, "  %9.4f %6.1f%%\n", e->pjPerMac(), 100.0);
    out += buf;
    std::snprintf(buf, sizeof buf,
                  "  energy: %.4f pJ per MAC, %.2f pJ per dot product of %lld (%lld steps, %lld final reductions, %lld "
                  "promotion adds); toggles counted over the first %lld MACs of the workload in the functional "
                  "engine; %.2f V, %.2f GHz, %.2f cycles per step\n",
                  e->pjPerMac(), e->pjPerDot(), static_cast<long long>(e->length),
                  static_cast<long long>(e->stepsPerDot), static_cast<long long>(e->reductionsPerDot),
                  static_cast<long long>(e->promotionsPerDot), static_cast<long long>(e->macsCounted), t.voltage,
                  t.clockGHz, e->cyclesPerStep);
    out += buf;
  }
  return out;
}

nlohmann::json costRowJson(const CostReport& r, const CostRow& row) {
  const Technology& t = r.technology;
  const double total = totalGE(r, row);
  const EnergyEstimate* e = row.energy ? &*row.energy : nullptr;
  nlohmann::json units = nlohmann::json::array();
  for (const UnitArea& u : row.units) {
    const double ge = t.ge(u.total());
    nlohmann::json partList = nlohmann::json::array();
    for (const CostPart& p : u.parts) {
      nlohmann::json cellCounts;
      for (std::size_t i = 0; i < kCellCount; ++i)
        if (p.cells.n[i] > 0) cellCounts[cellName(static_cast<Cell>(i))] = p.cells.n[i];
      partList.push_back({{"name", p.name}, {"ge", t.ge(p.cells)}, {"cells", cellCounts}});
    }
    nlohmann::json unit = {{"unit", unitName(u.unit)}, {"ge", ge}, {"um2", ge * t.um2PerGE},
                           {"percent", 100 * ge / total}, {"parts", partList}};
    if (e) {
      const UnitEnergy& ue = e->units[static_cast<std::size_t>(u.unit)];
      unit["pj_per_op"] = e->pjPerMac(ue);
      unit["energy_percent"] = e->percent(ue);
      unit["activity"] = ue.activity;
      unit["fj_per_step"] = {{"logic", ue.logicFj}, {"register_data", ue.registerDataFj}, {"clock", ue.clockFj},
                             {"leakage", ue.leakageFj}};
      unit["fj_per_reduction"] = ue.reductionFj;
      unit["fj_per_promotion"] = ue.promotionFj;
      unit["promotion_activity"] = ue.promotionActivity;
    }
    units.push_back(unit);
  }
  nlohmann::json j = {{"name", row.config}, {"units", units}, {"total_ge", total}, {"total_um2", total * t.um2PerGE}};
  if (e) {
    j["pj_per_op"] = e->pjPerMac();
    j["pj_per_dot"] = e->pjPerDot();
    j["dot_length"] = e->length;
    j["steps_per_dot"] = e->stepsPerDot;
    j["reductions_per_dot"] = e->reductionsPerDot;
    j["promotions_per_dot"] = e->promotionsPerDot;
    j["cycles_per_step"] = e->cyclesPerStep;
    j["energy_macs_counted"] = e->macsCounted;
    j["energy_engine"] = "functional";
  }
  return j;
}

std::string costJson(const CostReport& r) {
  const Technology& t = r.technology;
  nlohmann::json j;
  j["technology"] = {{"name", t.name},       {"node_nm", t.nodeNm},         {"um2_per_ge", t.um2PerGE},
                     {"voltage_v", t.voltage}, {"clock_ghz", t.clockGHz}, {"fj_per_ge_toggle", t.femtojoulesPerToggle()}};
  j["architecture"] = {{"multiplier", multiplierArchitectureName(r.architecture.multiplier)},
                       {"adder", adderArchitectureName(r.architecture.adder)}};
  j["configs"] = nlohmann::json::array();
  for (const CostRow& row : r.rows) j["configs"].push_back(costRowJson(r, row));
  return j.dump(2) + "\n";
}

std::string costCsv(const CostReport& r) {
  const Technology& t = r.technology;
  std::string out = "config,technology,unit,ge,um2,percent,pj_per_op,energy_percent\n";
  for (const CostRow& row : r.rows) {
    const double total = totalGE(r, row);
    for (const UnitArea& u : row.units) {
      const double ge = t.ge(u.total());
      char buf[320];
      std::snprintf(buf, sizeof buf, "%s,%s,%s,%.1f,%.3f,%.2f,", row.config.c_str(), t.name.c_str(), unitName(u.unit),
                    ge, ge * t.um2PerGE, 100 * ge / total);
      out += buf;
      if (row.energy) {  // empty fields when the energy was not asked for
        const EnergyEstimate& e = *row.energy;
        const UnitEnergy& ue = e.units[static_cast<std::size_t>(u.unit)];
        std::snprintf(buf, sizeof buf, "%.6g,%.2f", e.pjPerMac(ue), e.percent(ue));
        out += buf;
      } else {
        out += ",";
      }
      out += "\n";
    }
  }
  return out;
}

}  // namespace fmasim

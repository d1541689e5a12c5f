#include "CostReport.hpp"

#include <cstdio>
#include <nlohmann/json.hpp>

namespace fmasim {
namespace {

double totalGE(const CostReport& r, const CostRow& row) {
  double sum = 0;
  for (const UnitArea& u : row.units) sum += r.technology.ge(u.total());
  return sum;
}

std::string line(const char* fmt, const char* name, double ge, double um2, double percent) {
  char buf[160];
  std::snprintf(buf, sizeof buf, fmt, name, ge, um2, percent);
  return buf;
}

}  // namespace

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
  for (const CostRow& row : r.rows) {
    const double total = totalGE(r, row);
    out += row.config + "  (" + t.name + ", " + multiplierArchitectureName(r.architecture.multiplier) +
           " multiplier, " + adderArchitectureName(r.architecture.adder) + " adders)\n";
    char head[160];
    std::snprintf(head, sizeof head, "  %-26s %10s %12s %7s\n", "unit", "GE", "um^2", "%");
    out += head;
    for (const UnitArea& u : row.units) {
      const double ge = t.ge(u.total());
      out += line("  %-26s %10.0f %12.1f %6.1f%%\n", unitName(u.unit), ge, ge * t.um2PerGE, 100 * ge / total);
      if (!parts) continue;
      for (const CostPart& p : u.parts) {
        const double pge = t.ge(p.cells);
        out += line("    %-24s %10.0f %12.1f %6.1f%%\n", p.name.c_str(), pge, pge * t.um2PerGE, 100 * pge / total);
      }
    }
    out += line("  %-26s %10.0f %12.1f %6.1f%%\n", "total", total, total * t.um2PerGE, 100.0);
  }
  return out;
}

std::string costJson(const CostReport& r) {
  const Technology& t = r.technology;
  nlohmann::json j;
  j["technology"] = {{"name", t.name}, {"node_nm", t.nodeNm}, {"um2_per_ge", t.um2PerGE}};
  j["architecture"] = {{"multiplier", multiplierArchitectureName(r.architecture.multiplier)},
                       {"adder", adderArchitectureName(r.architecture.adder)}};
  j["configs"] = nlohmann::json::array();
  for (const CostRow& row : r.rows) {
    const double total = totalGE(r, row);
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
      units.push_back({{"unit", unitName(u.unit)}, {"ge", ge}, {"um2", ge * t.um2PerGE},
                       {"percent", 100 * ge / total}, {"parts", partList}});
    }
    j["configs"].push_back({{"name", row.config}, {"units", units}, {"total_ge", total},
                            {"total_um2", total * t.um2PerGE}});
  }
  return j.dump(2) + "\n";
}

std::string costCsv(const CostReport& r) {
  const Technology& t = r.technology;
  std::string out = "config,technology,unit,ge,um2,percent\n";
  for (const CostRow& row : r.rows) {
    const double total = totalGE(r, row);
    for (const UnitArea& u : row.units) {
      const double ge = t.ge(u.total());
      char buf[256];
      std::snprintf(buf, sizeof buf, "%s,%s,%s,%.1f,%.3f,%.2f\n", row.config.c_str(), t.name.c_str(), unitName(u.unit),
                    ge, ge * t.um2PerGE, 100 * ge / total);
      out += buf;
    }
  }
  return out;
}

}  // namespace fmasim

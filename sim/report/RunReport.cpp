#include "RunReport.hpp"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "Names.hpp"

namespace fmasim {
namespace {

const char* kindName(DatapathKind k) {
  switch (k) {
    case DatapathKind::Fma: return "fma";
    case DatapathKind::Cma: return "cma";
    case DatapathKind::Mac: return "mac";
    case DatapathKind::Dot: return "dot";
  }
  return "?";
}

std::string accumulatorName(const DatapathSpec& s) {
  if (s.params.accumulatorKind == AccumulatorKind::Fixed)
    return "fixed" + std::to_string(s.accumulatorBits) + "." + std::to_string(s.accumulatorFracBits);
  std::string n = s.params.accumulator.name;
  if (s.params.accumulatorKind == AccumulatorKind::Float && s.outputFractionBits != s.params.accumulator.manBits)
    n += "/p" + std::to_string(s.outputFractionBits);
  return n;
}

// Accepted steps per cycle of the pipeline, over all dot products.
double utilization(const RunResult& r) {
  return r.cyclesPerDot ? static_cast<double>(r.steps) / static_cast<double>(r.dotProducts * r.cyclesPerDot) : 0.0;
}

double throughput(const RunResult& r) { return r.seconds > 0 ? static_cast<double>(r.macs) / r.seconds : 0; }

std::string format(const char* fmt, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, fmt, v);
  return buf;
}

nlohmann::json statsJson(const ErrorStats& s) {
  return {{"max_abs", s.maxAbs}, {"mean_abs", s.meanAbs()}, {"max_rel", s.maxRel},
          {"mean_rel", s.meanRel()}, {"sqnr_db", std::isinf(s.sqnrDb()) ? nlohmann::json("inf") : nlohmann::json(s.sqnrDb())}};
}

// ",total_ge,pj_per_mac,pj_per_dot" of run `index` (empty fields without a cost report or energy).
std::string costCsvColumns(const CostReport* cost, std::size_t index) {
  if (cost == nullptr) return ",,,";
  const CostRow& row = cost->rows[index];
  const double ge = totalGE(*cost, row);
  char buf[128];
  if (row.energy)
    std::snprintf(buf, sizeof buf, ",%.1f,%.6g,%.6g", ge, row.energy->pjPerMac(), row.energy->pjPerDot());
  else
    std::snprintf(buf, sizeof buf, ",%.1f,,", ge);
  return buf;
}

}  // namespace

std::string flagNames(std::uint8_t flags) {
  static const char* const kNames[] = {"inexact", "underflow", "overflow", "infinite", "invalid"};
  std::string s;
  for (int i = 0; i < 5; ++i)
    if (flags & (1 << i)) s += (s.empty() ? "" : ",") + std::string(kNames[i]);
  return s.empty() ? "-" : s;
}

std::string runTable(const std::vector<ReportRow>& rows) {
  std::string out;
  char line[512];
  std::snprintf(line, sizeof line, "%-18s %-4s %-13s %-13s %5s %7s %4s %8s %5s | %10s %10s %9s %8s %8s %8s | %s\n",
                "config", "kind", "operands", "accumulator", "lanes", "latency", "II", "cyc/dot", "util", "max relerr",
                "mean relerr",
                "max ulp", "SQNR dB", "quant dB", "accum dB", "flags");
  out += line;
  for (const auto& row : rows) {
    const DatapathSpec& s = row.config->spec;
    const RunResult& r = row.result;
    const std::string operands = s.params.a.name == s.params.b.name ? s.params.a.name : s.params.a.name + "x" + s.params.b.name;
    std::snprintf(line, sizeof line,
                  "%-18s %-4s %-13s %-13s %5d %7d %4d %8lld %5.2f | %10.3e %10.3e %9.3g %8.2f %8.2f %8.2f | %s\n",
                  r.name.c_str(), kindName(s.params.kind), operands.c_str(), accumulatorName(s).c_str(), s.params.lanes,
                  s.latency, s.initiationInterval, static_cast<long long>(r.cyclesPerDot), utilization(r), r.total.maxRel,
                  r.total.meanRel(), r.maxUlp, r.total.sqnrDb(), r.quantization.sqnrDb(), r.accumulation.sqnrDb(),
                  flagNames(r.flags).c_str());
    out += line;
  }
  if (!rows.empty()) {
    const auto& r = rows.front().result;
    out += "\n" + std::to_string(r.dotProducts) + " dot products of length " +
           std::to_string(r.dotProducts ? r.macs / r.dotProducts : 0) +
           " each. Errors against the exact dot product of the real-valued inputs; 'quant' is the error of quantizing "
           "the operands alone, 'accum' of the datapath's arithmetic alone (against the exact dot product of the "
           "quantized operands); max ulp in units of the accumulator format.\n";
  }
  for (const auto& row : rows)
    out += "  " + row.result.name + ": " + format("%.1f", throughput(row.result) / 1e6) + " M MAC/s\n";
  return out;
}

std::string runJson(const std::vector<ReportRow>& rows, const CostReport* cost) {
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& row : rows) {
    const DatapathSpec& s = row.config->spec;
    const RunResult& r = row.result;
    arr.push_back({{"name", r.name},
                   {"kind", kindName(s.params.kind)},
                   {"a", s.params.a.name},
                   {"b", s.params.b.name},
                   {"accumulator", accumulatorName(s)},
                   {"lanes", s.params.lanes},
                   {"widths",
                    {{"product_significand_bits", s.productSigBits},
                     {"align_window_bits", s.alignWindowBits},
                     {"align_fraction_bits", s.alignFractionBits},
                     {"adder_bits", s.adderBits},
                     {"accumulator_bits", s.accumulatorBits}}},
                   {"latency", s.latency},
                   {"initiation_interval", s.initiationInterval},
                   {"feedback_latency", s.feedbackLatency},
                   {"partial_accumulators", s.partialAccumulators},
                   {"cycles_per_dot", r.cyclesPerDot},
                   {"utilization", utilization(r)},
                   {"dot_products", r.dotProducts},
                   {"length", r.dotProducts ? r.macs / r.dotProducts : 0},
                   {"error_total", statsJson(r.total)},
                   {"error_quantization", statsJson(r.quantization)},
                   {"error_accumulation", statsJson(r.accumulation)},
                   {"ulp_max", r.maxUlp},
                   {"ulp_mean", r.meanUlp},
                   {"flags", flagNames(r.flags)},
                   {"seconds", r.seconds},
                   {"macs_per_second", throughput(r)}});
    if (cost) arr.back()["cost"] = costRowJson(*cost, cost->rows[arr.size() - 1]);
  }
  return nlohmann::json({{"runs", arr}}).dump(2) + "\n";
}

std::string runCsv(const std::vector<ReportRow>& rows, const CostReport* cost) {
  std::string out =
      "name,kind,a,b,accumulator,lanes,latency,ii,cycles_per_dot,utilization,max_abs_err,mean_abs_err,max_rel_err,mean_rel_err,"
      "sqnr_db,quant_sqnr_db,accum_sqnr_db,ulp_max,ulp_mean,flags,macs_per_second,total_ge,pj_per_mac,pj_per_dot\n";
  for (std::size_t index = 0; index < rows.size(); ++index) {
    const ReportRow& row = rows[index];
    const DatapathSpec& s = row.config->spec;
    const RunResult& r = row.result;
    char line[1024];
    std::snprintf(line, sizeof line, "%s,%s,%s,%s,%s,%d,%d,%d,%lld,%.6g,%.9g,%.9g,%.9g,%.9g,%.6g,%.6g,%.6g,%.6g,%.6g,\"%s\",%.6g",
                  r.name.c_str(), kindName(s.params.kind), s.params.a.name.c_str(), s.params.b.name.c_str(),
                  accumulatorName(s).c_str(), s.params.lanes, s.latency, s.initiationInterval,
                  static_cast<long long>(r.cyclesPerDot), utilization(r), r.total.maxAbs, r.total.meanAbs(), r.total.maxRel,
                  r.total.meanRel(), r.total.sqnrDb(), r.quantization.sqnrDb(), r.accumulation.sqnrDb(), r.maxUlp,
                  r.meanUlp, flagNames(r.flags).c_str(), throughput(r));
    out += line;
    out += costCsvColumns(cost, index) + "\n";
  }
  return out;
}

}  // namespace fmasim

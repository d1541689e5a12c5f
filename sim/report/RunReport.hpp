// Reports of `fmasim run`: a table for people, JSON and CSV for scripts.
#pragma once

#include <string>
#include <vector>

#include "Runner.hpp"
#include "report/CostReport.hpp"

namespace fmasim {

struct ReportRow {
  const RunConfig* config;
  RunResult result;
};

std::string runTable(const std::vector<ReportRow>& rows);
// With a cost report (one row per run, in order) each run carries its area and energy.
std::string runJson(const std::vector<ReportRow>& rows, const CostReport* cost = nullptr);
std::string runCsv(const std::vector<ReportRow>& rows, const CostReport* cost = nullptr);

// "inexact,underflow" style names of a flags byte.
std::string flagNames(std::uint8_t flags);

}  // namespace fmasim

// Reports of `fmasim run`: a table for people, JSON and CSV for scripts.
#pragma once

#include <string>
#include <vector>

#include "Runner.hpp"

namespace fmasim {

struct ReportRow {
  const RunConfig* config;
  RunResult result;
};

std::string runTable(const std::vector<ReportRow>& rows);
std::string runJson(const std::vector<ReportRow>& rows);
std::string runCsv(const std::vector<ReportRow>& rows);

// "inexact,underflow" style names of a flags byte.
std::string flagNames(std::uint8_t flags);

}  // namespace fmasim

// `fmasim run [CONFIG...]`: runs datapaths over their workloads and reports accuracy,
// cycles, speed, area and energy as a table, and as JSON or CSV for scripts.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "Commands.hpp"
#include "Runner.hpp"
#include "cost/CostChoices.hpp"
#include "report/AtomicFile.hpp"
#include "report/RunReport.hpp"

namespace fmasim {
namespace {

struct RunOptions {
  std::vector<std::string> configs;
  std::string engine = "functional";
  std::string jsonPath, csvPath, vcdPath;
  CostChoices cost;
  bool quiet = false;
};

// Percent, rate and time left on stderr, only when stderr is a terminal and the run
// has gone on for more than a second.
class ProgressLine {
 public:
  explicit ProgressLine(std::string label) : label_(std::move(label)), enabled_(::isatty(STDERR_FILENO) != 0) {}
  ~ProgressLine() {
    if (shown_) std::fprintf(stderr, "\r\033[K");
  }
  void operator()(std::int64_t done, std::int64_t total) {
    if (!enabled_) return;
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    if (elapsed < 1.0 || done == total) return;
    const double left = elapsed / static_cast<double>(done) * static_cast<double>(total - done);
    std::fprintf(stderr, "\r\033[K%s: %3.0f%%  %.1f dot products/s  %.0f s left", label_.c_str(),
                 100.0 * static_cast<double>(done) / static_cast<double>(total), static_cast<double>(done) / elapsed, left);
    shown_ = true;
  }

 private:
  std::string label_;
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

int runCommand(const RunOptions& o) {
  std::string error;
  auto fail = [&] {
    std::fprintf(stderr, "fmasim run: %s\n", error.c_str());
    return 2;
  };
  const auto configs = loadRunConfigs(o.configs, error);
  if (!configs) return fail();
  const EngineKind engine = o.engine == "systemc" ? EngineKind::SystemC : EngineKind::Functional;
  if (!o.vcdPath.empty() && (engine != EngineKind::SystemC || configs->size() != 1)) {
    error = "--vcd: traces one config run with --engine systemc";
    return fail();
  }
  std::vector<ReportRow> rows;
  for (const RunConfig& c : *configs) {
    ProgressLine progress(c.name);
    ReportRow row{&c, {}};
    if (!runConfig(c, engine, std::ref(progress), row.result, error, o.vcdPath)) return fail();
    rows.push_back(std::move(row));
  }
  const auto cost = costReport(*configs, o.cost, error);
  if (!cost) return fail();
  if (!o.quiet) std::fputs((runTable(rows) + "\n" + costTable(*cost, false)).c_str(), stdout);
  if (!o.jsonPath.empty() && !writeFileAtomically(o.jsonPath, runJson(rows, &*cost), error)) return fail();
  if (!o.csvPath.empty() && !writeFileAtomically(o.csvPath, runCsv(rows, &*cost), error)) return fail();
  return 0;
}

}  // namespace

void addRunCommand(CommandLine& cli, int& exitCode) {
  auto cmd = cli.subcommand("run", "Run datapath configs over their workloads; with no config, compare INT8->INT32, "
                            "FP8 E4M3->FP32, ->FP16 and ->exact fixed point on the same data");
  auto o = std::make_shared<RunOptions>();
  cmd.option("config", o->configs, "JSON config files (see configs/)");
  cmd.option("--engine", o->engine, "functional (fast) or systemc (cycle-accurate)")
      .oneOf({"functional", "systemc"});
  cmd.option("--json", o->jsonPath, "Write the report as JSON to this file");
  cmd.option("--csv", o->csvPath, "Write the report as CSV to this file");
  cmd.option("--vcd", o->vcdPath, "With --engine systemc and one config: a VCD trace of every unit boundary");
  addCostChoices(cmd, o->cost);
  cmd.flag("--quiet", o->quiet, "No table on stdout");
  cmd.onRun([o, &exitCode] { exitCode = runCommand(*o); });
}

}  // namespace fmasim

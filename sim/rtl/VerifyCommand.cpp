// `fmasim verify CONFIG --rtl-lib LIB`: runs the SystemC model and the Verilated RTL
// of a config in lock-step (LockStep, VerifyRun) and exits 0 only when every output
// agreed on every cycle (1 on a mismatch, 2 on bad input).
#include <cinttypes>
#include <cstdio>
#include <ctime>
#include <memory>
#include <string>

#include "Commands.hpp"
#include "config/RunConfig.hpp"
#include "rtl/ModelCache.hpp"
#include "rtl/RtlParams.hpp"
#include "rtl/RtlSpeed.hpp"
#include "rtl/VerifyRun.hpp"

namespace fmasim {
namespace {

struct VerifyOptions {
  std::string config;
  std::string vectors;  // "exhaustive" or a count
  int states = 0;       // 0: 64 exhaustive, 16 otherwise
  std::uint64_t seed = 1;
  std::int64_t maxMismatches = 1;
  std::string rtlLibrary;
  bool buildRtl = false;
  std::string vcdPath;
  std::string engines = "systemc,rtl";
  std::int64_t speedCycles = 20000000;
};

// The plan from the options, or false with `error` naming the option.
bool makePlan(const VerifyOptions& o, const DatapathSpec& spec, VerifyPlan& plan, std::string& error) {
  const bool narrow = spec.params.a.bits <= 8 && spec.params.b.bits <= 8 && spec.params.lanes == 1;
  const std::string vectors = o.vectors.empty() ? (narrow ? "exhaustive" : "100000") : o.vectors;
  plan.seed = o.seed;
  plan.exhaustive = vectors == "exhaustive";
  plan.states = o.states > 0 ? o.states : plan.exhaustive ? 64 : 16;
  if (plan.exhaustive) {
    if (narrow) return true;
    error = "--vectors exhaustive: only for one lane of operand formats of at most 8 bits; give a count";
    return false;
  }
  char* end = nullptr;
  const long long n = std::strtoll(vectors.c_str(), &end, 10);
  if (end == vectors.c_str() || *end != '\0' || n < 1) {
    error = "--vectors: got '" + vectors + "'; allowed: exhaustive or a positive count";
    return false;
  }
  plan.pairsPerState = (n + plan.states - 1) / plan.states;
  return true;
}

// Names the parameters a model library was built with that differ from the config's.
void noteParameterDifferences(const std::string& built, const std::string& wanted) {
  if (built == wanted) return;
  std::printf("note: the RTL library was built with other parameters than the config's:\n");
  std::size_t i = 0, j = 0;
  while (i < built.size() || j < wanted.size()) {
    const std::size_t ei = built.find('\n', i), ej = wanted.find('\n', j);
    const std::string lb = built.substr(i, ei - i), lw = wanted.substr(j, ej - j);
    if (lb != lw) std::printf("  library %-28s config %s\n", lb.c_str(), lw.c_str());
    i = ei == std::string::npos ? built.size() : ei + 1;
    j = ej == std::string::npos ? wanted.size() : ej + 1;
  }
}

int verifyCommand(const VerifyOptions& o) {
  std::string error;
  const auto config = loadRunConfig(o.config, error);
  if (!config) {
    std::fprintf(stderr, "fmasim verify: %s\n", error.c_str());
    return 2;
  }
  const DatapathSpec& spec = config->spec;
  const auto params = rtlParameters(spec, error);
  if (!params) {
    std::fprintf(stderr, "fmasim verify: %s: %s\n", o.config.c_str(), error.c_str());
    return 2;
  }
  VerifyPlan plan;
  if (!makePlan(o, spec, plan, error)) {
    std::fprintf(stderr, "fmasim verify: %s\n", error.c_str());
    return 2;
  }
  const auto workload = makeWorkload(config->workload, spec.params.a, spec.params.b, error);
  if (!workload) {
    std::fprintf(stderr, "fmasim verify: %s: /workload: %s\n", o.config.c_str(), error.c_str());
    return 2;
  }
  plan.workload = workload.get();
  std::string library = o.rtlLibrary;
  if (o.buildRtl) {
    const auto built = cachedRtlModel(o.config, verilatorParameterArgs(*params), error);
    if (!built) {
      std::fprintf(stderr, "fmasim verify: --rtl: %s\n", error.c_str());
      return 2;
    }
    library = *built;
  }
  if (library.empty()) {
    std::fprintf(stderr, "fmasim verify: --rtl-lib: required unless --rtl: the config's model library (cmake "
                         "-DFMASIM=... -DCONFIG=... -DOUT_DIR=... -P rtl/BuildModel.cmake builds it)\n");
    return 2;
  }
  auto rtl = RtlModel::load(library, error);
  if (!rtl) {
    std::fprintf(stderr, "fmasim verify: --rtl-lib: %s\n", error.c_str());
    return 2;
  }
  noteParameterDifferences(rtl->parameters(), verilatorParameterArgs(*params));
  if (o.engines == "rtl") {
    const RtlSpeed speed = measureRtlAlone(spec, *rtl, o.speedCycles, o.seed);
    std::printf("%s: Verilated RTL alone: %" PRId64 " cycles, %" PRId64 " steps, %.2f s CPU: %.1f M cycles/s, %.1f M steps/s\n",
                config->name.c_str(), speed.cycles, speed.steps, speed.cpuSeconds,
                static_cast<double>(speed.cycles) / speed.cpuSeconds / 1e6,
                static_cast<double>(speed.steps) / speed.cpuSeconds / 1e6);
    return 0;
  }
  const std::string vcd = o.vcdPath.empty() ? config->name + "_mismatch.vcd" : o.vcdPath;
  LockStep lockStep(spec, *rtl, o.maxMismatches, vcd);
  Coverage coverage(spec);
  const std::clock_t start = std::clock();
  const VerifyOutcome out = runVerify(spec, plan, lockStep, coverage);
  const double seconds = static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
  std::printf("%s: %" PRId64 " steps against %d accumulator states (%s), %" PRId64 " cycles in lock-step\n",
              config->name.c_str(), out.steps, out.states, plan.exhaustive ? "exhaustive operand pairs" : "corner and random pairs",
              out.cycles);
  if (out.workloadStreams > 0) std::printf("workload: %" PRId64 " dot-product streams\n", out.workloadStreams);
  if (out.streams > 0)
    std::printf("interleaved partials: %" PRId64 " finished streams, %" PRId64 " reductions p0 + pj\n", out.streams,
                out.reductions);
  if (spec.promotionSteps > 0)
    std::printf("promotion: %" PRId64 " promotions (one every %d steps since a reset or load)\n", out.promotions,
                spec.promotionSteps);
  std::printf("speed: %.0f steps/s, %.0f cycles/s (CPU time %.2f s)\n", static_cast<double>(out.steps) / seconds,
              static_cast<double>(out.cycles) / seconds, seconds);
  std::fputs(coverage.summary().c_str(), stdout);
  if (out.stalled) std::printf("FAIL: out_valid never rose after a block's in_finish\n");
  if (lockStep.mismatches() > 0) {
    std::printf("FAIL: %" PRId64 " mismatching cycle(s)\n", lockStep.mismatches());
    return 1;
  }
  if (out.stalled) return 1;
  std::printf("PASS: SystemC and RTL agree on every output of every cycle\n");
  return 0;
}

}  // namespace

void addVerifyCommand(CommandLine& cli, int& exitCode) {
  auto cmd = cli.subcommand("verify", "Run the SystemC model and the Verilated RTL of a config in lock-step");
  auto o = std::make_shared<VerifyOptions>();
  cmd.option("config", o->config, "JSON config file (see configs/)").required();
  cmd.option("--rtl-lib", o->rtlLibrary, "The config's Verilated model library (rtl/BuildModel.cmake)");
  cmd.flag("--rtl", o->buildRtl,
           "Build the config's model (or reuse it) in the cache ($XDG_CACHE_HOME or ~/.cache/fmasim), keyed by "
           "a hash of its RTL parameters and of rtl/");
  cmd.option("--vectors", o->vectors,
             "exhaustive (every operand pair; the default for 8-bit operands) or a count of checked steps "
             "(corner pairs, then seeded random ones; default 100000)");
  cmd.option("--states", o->states, "Accumulator states each pair is checked against (default 64 exhaustive, 16 else)")
      .range(1, 1 << 20);
  cmd.option("--seed", o->seed, "Seed of the random accumulator states and operand pairs");
  cmd.option("--max-mismatches", o->maxMismatches, "Stop after this many mismatching cycles (default 1)")
      .range(std::int64_t{1}, std::int64_t{1} << 40);
  cmd.option("--vcd", o->vcdPath, "Waveform of the cycles up to the first mismatch (default CONFIG_mismatch.vcd)");
  cmd.option("--engines", o->engines,
             "systemc,rtl (lock-step, the default) or rtl (the Verilated RTL alone, for its speed: --cycles "
             "cycles of back-to-back random steps)")
      .oneOf({"systemc,rtl", "rtl"});
  cmd.option("--cycles", o->speedCycles, "With --engines rtl: cycles to run (default 20000000)")
      .range(std::int64_t{1}, std::int64_t{1} << 40);
  cmd.onRun([o, &exitCode] { exitCode = verifyCommand(*o); });
}

}  // namespace fmasim

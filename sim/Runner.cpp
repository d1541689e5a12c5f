#include "Runner.hpp"

#include <chrono>
#include <cmath>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <exception>

#include "StepFeed.hpp"
#include "accuracy/ExactSum.hpp"
#include "datapath/DatapathModel.hpp"
#include "systemc/SystemCEngine.hpp"

namespace fmasim {
namespace {

// One ULP of the result's format at x (the accumulation error's unit): the
// accumulator's, or with promotion the promoted accumulator's.
double accumulatorUlp(const DatapathSpec& spec, double x) {
  if (spec.params.accumulatorKind != AccumulatorKind::Float) return std::ldexp(1.0, -spec.accumulatorFracBits);
  const Format& f = spec.resultFormat;
  int e = f.emin;
  if (x != 0 && std::isfinite(x)) e = std::max(f.emin, std::ilogb(x));
  return std::ldexp(1.0, e - f.manBits);
}

// Adds the exact value of a*b (codes, with a block scale exponent) to `sum`.
void addQuantizedProduct(ExactSum& sum, const Decoder& da, const Decoder& db, std::uint64_t a, std::uint64_t b,
                         std::int32_t scaleExp) {
  const Decoded x = da(a), y = db(b);
  if (x.cls != ValueClass::Finite || y.cls != ValueClass::Finite) return;
  sum.add(x.sign != y.sign, static_cast<u128>(x.sig) * y.sig, x.exp + y.exp + scaleExp);
}

template <class Engine>
void runDotProducts(const RunConfig& config, Engine& engine, const Workload& workload, const Progress& progress,
                    RunResult& r) {
  const DatapathSpec& spec = config.spec;
  StepFeed feed(static_cast<std::size_t>(spec.params.lanes), config.workload.scaling.kind == ScalingKind::PerBlock);
  const Decoder decodeA(spec.params.a), decodeB(spec.params.b);
  ExactSum real, quantized;
  double sumUlp = 0;
  for (std::int64_t index = 0; index < workload.count(); ++index) {
    engine.reset();
    real.clear();
    quantized.clear();
    feed.run(
        workload, index,
        [&](const Chunk& c, std::size_t i, std::int32_t scaleExp) {
          real.addProduct(c.realA[i], c.realB[i]);
          addQuantizedProduct(quantized, decodeA, decodeB, c.codeA[i], c.codeB[i], scaleExp);
        },
        [&](const std::uint64_t* a, const std::uint64_t* b, const std::int32_t* s) { engine.step(a, b, s); });
    const double hw = engine.value(engine.finish());
    const double q = quantized.value();
    const double scale = workload.scaleA(index) * workload.scaleB(index);
    const double exact = real.value();
    r.total.add(hw * scale, exact);
    r.quantization.add(q * scale, exact);
    r.accumulation.add(hw * scale, q * scale);
    const double ulps = std::isfinite(hw) ? std::fabs(hw - q) / accumulatorUlp(spec, q) : HUGE_VAL;
    r.maxUlp = std::fmax(r.maxUlp, ulps);
    sumUlp += ulps;
    r.flags |= engine.flags();
    r.steps += engine.steps();
    if (progress) progress(index + 1, workload.count());
  }
  r.meanUlp = workload.count() ? sumUlp / static_cast<double>(workload.count()) : 0;
}

// The functional engine as the runner drives it.
class FunctionalEngine {
 public:
  explicit FunctionalEngine(const DatapathSpec& spec) : model_(spec) {}
  void reset() { model_.reset(); }
  void step(const std::uint64_t* a, const std::uint64_t* b, const std::int32_t* s) { model_.step(a, b, s); }
  AccumulatorValue finish() { return model_.finish(); }
  double value(const AccumulatorValue& v) const { return model_.toDouble(v); }
  std::uint8_t flags() const { return model_.flags(); }
  std::int64_t steps() const { return model_.steps(); }

 private:
  DatapathModel model_;
};

// The cycle-accurate engine as the runner drives it: a dot product's steps stream
// through the SystemC pipeline, which measures the cycles.
class CycleAccurateEngine {
 public:
  CycleAccurateEngine(const DatapathSpec& spec, const std::string& vcdPath)
      : engine_(spec, SystemCEngine::Options{vcdPath, 0}),
        values_(spec),
        lanes_(static_cast<std::size_t>(spec.params.lanes)),
        a_(lanes_), b_(lanes_), scale_(lanes_) {}
  void reset() {
    engine_.begin();
    held_ = false;
  }
  // Streams the steps into the pipeline one behind: the step held back is issued when
  // the next arrives, or as the last one by finish(), so only one step is ever stored.
  void step(const std::uint64_t* a, const std::uint64_t* b, const std::int32_t* s) {
    if (held_) issueHeld(false);
    a_.assign(a, a + lanes_);
    b_.assign(b, b + lanes_);
    if (s != nullptr) scale_.assign(s, s + lanes_);
    scaled_ = s != nullptr;
    held_ = true;
  }
  AccumulatorValue finish() {
    if (held_) issueHeld(true);
    held_ = false;
    last_ = engine_.end();
    return last_.value;
  }
  double value(const AccumulatorValue& v) const { return values_.toDouble(v); }
  std::uint8_t flags() const { return last_.flags; }
  std::int64_t steps() const { return last_.steps; }
  std::int64_t cycles() const { return last_.cycles; }

 private:
  SystemCEngine engine_;
  DatapathModel values_;  // reads accumulator values as numbers
  std::size_t lanes_;
  std::vector<std::uint64_t> a_, b_;  // the step held back
  std::vector<std::int32_t> scale_;
  bool scaled_ = false;
  bool held_ = false;
  SystemCDotResult last_;

  void issueHeld(bool last) { engine_.issue(a_.data(), b_.data(), scaled_ ? scale_.data() : nullptr, last); }
};

// The numbers of a RunResult (everything but the name), copied through a pipe.
template <class F>
void forEachNumber(RunResult& r, F f) {
  f(r.total), f(r.quantization), f(r.accumulation), f(r.maxUlp), f(r.meanUlp), f(r.flags);
  f(r.dotProducts), f(r.steps), f(r.macs), f(r.cyclesPerDot), f(r.seconds);
}

// SystemC elaborates once per process, so each cycle-accurate run gets a child
// process of its own; its numbers come back through a pipe.
bool runSystemCInChild(const RunConfig& config, const Workload& workload, const Progress& progress, RunResult& r,
                       std::string& error, const std::string& vcdPath) {
  int fds[2];
  if (::pipe(fds) != 0) {
    error = "cannot create a pipe for the systemc engine";
    return false;
  }
  std::fflush(nullptr);
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::close(fds[0]);
    ::setenv("SC_COPYRIGHT_MESSAGE", "DISABLE", 1);  // keep SystemC's banner out of fmasim's output
    try {
      CycleAccurateEngine engine(config.spec, vcdPath);
      runDotProducts(config, engine, workload, progress, r);
      r.cyclesPerDot = engine.cycles();
    } catch (const std::exception& e) {  // a tensor file that changed or failed mid-run
      std::fprintf(stderr, "fmasim run: %s\n", e.what());
      ::_exit(1);
    }
    std::string bytes;
    forEachNumber(r, [&](const auto& v) { bytes.append(reinterpret_cast<const char*>(&v), sizeof v); });
    const bool ok = ::write(fds[1], bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size());
    std::fflush(nullptr);
    ::_exit(ok ? 0 : 1);
  }
  ::close(fds[1]);
  std::string bytes;
  char buf[4096];
  for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;) bytes.append(buf, static_cast<std::size_t>(n));
  ::close(fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  std::size_t expected = 0;
  forEachNumber(r, [&](const auto& v) { expected += sizeof v; });
  if (pid < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0 || bytes.size() != expected) {
    error = "the systemc engine failed while running " + config.name;
    return false;
  }
  std::size_t at = 0;
  forEachNumber(r, [&](auto& v) {
    std::memcpy(&v, bytes.data() + at, sizeof v);
    at += sizeof v;
  });
  return true;
}

}  // namespace

bool runConfig(const RunConfig& config, EngineKind engine, const Progress& progress, RunResult& result,
               std::string& error, const std::string& vcdPath) {
  result = RunResult{};
  result.name = config.name;
  const auto workload = makeWorkload(config.workload, config.spec.params.a, config.spec.params.b, error);
  if (!workload) return false;
  const auto start = std::chrono::steady_clock::now();
  if (engine == EngineKind::SystemC) {
    if (!runSystemCInChild(config, *workload, progress, result, error, vcdPath)) return false;
  } else {
    FunctionalEngine functional(config.spec);
    try {
      runDotProducts(config, functional, *workload, progress, result);
    } catch (const std::exception& e) {  // a tensor file that changed or failed mid-run
      error = e.what();
      return false;
    }
    const std::int64_t lanes = config.spec.params.lanes;
    result.cyclesPerDot = DatapathModel::cycles(config.spec, (workload->length() + lanes - 1) / lanes);
  }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  result.dotProducts = workload->count();
  result.macs = workload->count() * workload->length();
  return true;
}

}  // namespace fmasim

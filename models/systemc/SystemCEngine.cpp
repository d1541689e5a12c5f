#include "SystemCEngine.hpp"

#include <stdexcept>
#include <systemc>

#include "PipelineBench.hpp"
#include "WriteIfChanged.hpp"

namespace fmasim {

struct SystemCEngine::Impl {
  Impl(const DatapathSpec& s, const Options& options)
      : bench(s, options.stallInterval > 0 ? options.stallInterval : s.initiationInterval),
        spec(bench.spec),
        pipeline(bench.pipeline) {
    const auto lanes = static_cast<std::size_t>(spec.params.lanes);
    operands.a.resize(lanes);
    operands.b.resize(lanes);
    if (!options.vcdPath.empty()) openTrace(options.vcdPath);
  }

  ~Impl() {
    if (trace != nullptr) sc_core::sc_close_vcd_trace_file(trace);
  }

  void openTrace(std::string path) {
    if (path.size() > 4 && path.ends_with(".vcd")) path.resize(path.size() - 4);  // SystemC appends it
    trace = sc_core::sc_create_vcd_trace_file(path.c_str());
    trace->set_time_unit(100, sc_core::SC_PS);  // the clock's edges fall on half nanoseconds
    sc_core::sc_trace(trace, bench.clk, "clk");
    sc_core::sc_trace(trace, bench.rst, "rst");
    sc_core::sc_trace(trace, bench.inValid, "in_valid");
    sc_core::sc_trace(trace, bench.inReady, "in_ready");
    sc_core::sc_trace(trace, bench.inFinish, "in_finish");
    sc_core::sc_trace(trace, bench.outValid, "out_valid");
    sc_trace(trace, bench.outResult.read(), "out_result");
    sc_core::sc_trace(trace, bench.outFlags, "out_flags");
    pipeline.trace(trace);
  }

  void tick() {
    bench.tick();
    ++cycles;
  }

  void present(const std::uint64_t* a, const std::uint64_t* b, const std::int32_t* s) {
    const std::size_t lanes = operands.a.size();
    operands.a.assign(a, a + lanes);
    operands.b.assign(b, b + lanes);
    if (s != nullptr) operands.scaleExp.assign(s, s + lanes);
    else operands.scaleExp.clear();
    bench.inOperands.write(operands);
  }

  // Cycles one step may wait for in_ready: a full trip round the pipeline and its loop.
  std::int64_t waitBound() const { return 2 * (spec.latency + spec.feedbackLatency + 2); }
  // The first accepted step's write reaching the accumulator file.
  void noteLatency() {
    if (first >= 0 && result.latency == 0 && pipeline.writes() != writesBefore) result.latency = cycles - first;
  }

  PipelineBench bench;
  const DatapathSpec& spec;
  DatapathPipeline& pipeline;
  sc_core::sc_trace_file* trace = nullptr;
  StepOperands operands;
  std::int64_t cycles = 0;
  // The dot product under way.
  SystemCDotResult result;
  std::int64_t first = -1;       // cycle of its first accepted step
  std::int64_t lastAccept = 0;   // its last accepted step's cycle, relative to the first
  std::uint64_t writesBefore = 0;
};

SystemCEngine::SystemCEngine(const DatapathSpec& spec, const Options& options)
    : impl_(std::make_unique<Impl>(spec, options)) {}

SystemCEngine::~SystemCEngine() = default;

std::int64_t SystemCEngine::simulatedCycles() const { return impl_->cycles; }

void SystemCEngine::begin() {
  Impl& m = *impl_;
  m.bench.rst.write(true);
  m.bench.inValid.write(false);
  m.bench.inFinish.write(false);
  m.tick();
  m.bench.rst.write(false);
  m.result = SystemCDotResult{};
  m.first = -1;
  m.writesBefore = m.pipeline.writes();
}

void SystemCEngine::issue(const std::uint64_t* a, const std::uint64_t* b, const std::int32_t* scaleExp, bool last) {
  Impl& m = *impl_;
  m.present(a, b, scaleExp);  // written once: the step stays on the port until in_ready
  writeIfChanged(m.bench.inValid, true);
  writeIfChanged(m.bench.inFinish, last);
  for (std::int64_t waited = 0;; ++waited) {
    if (waited > m.waitBound()) throw std::logic_error("SystemCEngine: the pipeline never raised in_ready");
    const std::int64_t cycle = m.cycles;
    const bool accepted = m.bench.inReady.read();  // in_ready is registered: its value for this cycle
    if (accepted) {
      if (m.first < 0) m.first = cycle;
      if (m.result.acceptCycles.size() < kRecordedAccepts) m.result.acceptCycles.push_back(cycle - m.first);
      m.lastAccept = cycle - m.first;
      ++m.result.steps;
    }
    m.tick();
    m.noteLatency();
    if (accepted) return;
  }
}

SystemCDotResult SystemCEngine::end() {
  Impl& m = *impl_;
  SystemCDotResult& r = m.result;
  const auto bound = static_cast<std::int64_t>(m.spec.partialAccumulators + 2) * m.waitBound();
  for (std::int64_t waited = 0; !m.bench.outValid.read(); ++waited) {
    if (waited > bound) throw std::logic_error("SystemCEngine: the pipeline never raised out_valid");
    writeIfChanged(m.bench.inValid, false);
    writeIfChanged(m.bench.inFinish, r.steps == 0);
    m.tick();
    m.noteLatency();
  }
  r.value = m.bench.outResult.read().value();
  r.flags = m.bench.outFlags.read();
  r.cycles = m.first < 0 ? 0 : m.cycles - m.first;
  if (r.steps > 1) r.initiationInterval = static_cast<double>(m.lastAccept) / static_cast<double>(r.steps - 1);
  if (r.cycles > 0) r.utilization = static_cast<double>(r.steps) / static_cast<double>(r.cycles);
  m.bench.inValid.write(false);
  m.bench.inFinish.write(false);
  return std::move(r);
}

SystemCDotResult SystemCEngine::run(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b,
                                    std::span<const std::int32_t> scaleExp) {
  if (a.size() != b.size() || (!scaleExp.empty() && scaleExp.size() != a.size()))
    throw std::invalid_argument("SystemCEngine::run: a, b (and scaleExp) must have the same length");
  const auto lanes = static_cast<std::size_t>(impl_->spec.params.lanes);
  const std::size_t steps = (a.size() + lanes - 1) / lanes;
  std::vector<std::uint64_t> la(lanes), lb(lanes);
  std::vector<std::int32_t> ls(scaleExp.empty() ? 0 : lanes);
  begin();
  for (std::size_t step = 0; step < steps; ++step) {
    for (std::size_t i = 0, k = step * lanes + i; i < lanes; ++i, ++k) {
      const bool inRange = k < a.size();  // the last step is padded with zero codes
      la[i] = inRange ? a[k] : 0;
      lb[i] = inRange ? b[k] : 0;
      if (!ls.empty()) ls[i] = inRange ? scaleExp[k] : 0;
    }
    issue(la.data(), lb.data(), ls.empty() ? nullptr : ls.data(), step + 1 == steps);
  }
  return end();
}

}  // namespace fmasim

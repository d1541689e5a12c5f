#include "SystemCEngine.hpp"

#include <stdexcept>
#include <systemc>

#include "DatapathPipeline.hpp"
#include "WriteIfChanged.hpp"

namespace fmasim {

struct SystemCEngine::Impl {
  Impl(const DatapathSpec& s, const Options& options)
      : spec(s),
        // The rising edge in mid-period: inputs written between sc_start calls settle
        // through the combinational units before the edge samples them.
        clk("clk", sc_core::sc_time(1, sc_core::SC_NS), 0.5, sc_core::sc_time(0.5, sc_core::SC_NS), true),
        pipeline("pipeline", spec, options.stallInterval > 0 ? options.stallInterval : spec.initiationInterval) {
    pipeline.clk(clk);
    pipeline.rst(rst);
    pipeline.in_valid(inValid);
    pipeline.in_finish(inFinish);
    pipeline.in_operands(inOperands);
    pipeline.in_ready(inReady);
    pipeline.out_valid(outValid);
    pipeline.out_result(outResult);
    pipeline.out_flags(outFlags);
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
    sc_core::sc_trace(trace, clk, "clk");
    sc_core::sc_trace(trace, rst, "rst");
    sc_core::sc_trace(trace, inValid, "in_valid");
    sc_core::sc_trace(trace, inReady, "in_ready");
    sc_core::sc_trace(trace, inFinish, "in_finish");
    sc_core::sc_trace(trace, outValid, "out_valid");
    sc_trace(trace, outResult.read(), "out_result");
    sc_core::sc_trace(trace, outFlags, "out_flags");
    pipeline.trace(trace);
  }

  void tick() {
    sc_core::sc_start(1, sc_core::SC_NS);
    ++cycles;
  }

  void present(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b, std::span<const std::int32_t> s,
               std::size_t step) {
    const std::size_t lanes = operands.a.size(), k0 = step * lanes;
    operands.scaleExp.resize(s.empty() ? 0 : lanes);
    for (std::size_t i = 0; i < lanes; ++i) {
      const bool inRange = k0 + i < a.size();  // the last step is padded with zero codes
      operands.a[i] = inRange ? a[k0 + i] : 0;
      operands.b[i] = inRange ? b[k0 + i] : 0;
      if (!s.empty()) operands.scaleExp[i] = inRange ? s[k0 + i] : 0;
    }
    inOperands.write(operands);
  }

  const DatapathSpec spec;  // the units keep references to it
  sc_core::sc_clock clk;
  sc_core::sc_signal<bool> rst{"rst"}, inValid{"in_valid"}, inFinish{"in_finish"}, inReady{"in_ready"},
      outValid{"out_valid"};
  sc_core::sc_signal<StepOperands> inOperands{"in_operands"};
  sc_core::sc_signal<AccumulatorWord> outResult{"out_result"};
  sc_core::sc_signal<std::uint8_t> outFlags{"out_flags"};
  DatapathPipeline pipeline;
  sc_core::sc_trace_file* trace = nullptr;
  StepOperands operands;
  std::int64_t cycles = 0;
};

SystemCEngine::SystemCEngine(const DatapathSpec& spec, const Options& options)
    : impl_(std::make_unique<Impl>(spec, options)) {}

SystemCEngine::~SystemCEngine() = default;

std::int64_t SystemCEngine::simulatedCycles() const { return impl_->cycles; }

SystemCDotResult SystemCEngine::run(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b,
                                    std::span<const std::int32_t> scaleExp) {
  if (a.size() != b.size() || (!scaleExp.empty() && scaleExp.size() != a.size()))
    throw std::invalid_argument("SystemCEngine::run: a, b (and scaleExp) must have the same length");
  Impl& m = *impl_;
  const auto lanes = static_cast<std::size_t>(m.spec.params.lanes);
  const std::size_t steps = (a.size() + lanes - 1) / lanes;
  const DatapathSpec& spec = m.spec;
  // A generous bound: every step and reduction waiting a full trip round the pipeline.
  const auto bound = static_cast<std::int64_t>(steps + static_cast<std::size_t>(spec.partialAccumulators) + 2) *
                     (spec.latency + spec.feedbackLatency + 2);

  m.rst.write(true);
  m.inValid.write(false);
  m.inFinish.write(false);
  m.tick();
  m.rst.write(false);

  SystemCDotResult r;
  r.steps = static_cast<std::int64_t>(steps);
  const std::uint64_t writesBefore = m.pipeline.writes();
  std::int64_t first = -1;
  std::size_t next = 0, presented = steps;  // presented: the step on in_operands (steps: none yet)
  for (std::int64_t elapsed = 0;; ++elapsed) {
    if (elapsed > bound) throw std::logic_error("SystemCEngine::run: the pipeline never raised out_valid");
    const bool presenting = next < steps;
    // A step waiting for in_ready keeps its operands on the port: written once.
    if (presenting && next != presented) {
      m.present(a, b, scaleExp, next);
      presented = next;
    }
    writeIfChanged(m.inValid, presenting);
    writeIfChanged(m.inFinish, presenting ? next + 1 == steps : steps == 0);
    const std::int64_t cycle = m.cycles;
    if (presenting && m.inReady.read()) {  // in_ready is registered: its value for this cycle
      if (first < 0) first = cycle;
      r.acceptCycles.push_back(cycle - first);
      ++next;
    }
    m.tick();
    if (first >= 0 && r.latency == 0 && m.pipeline.writes() != writesBefore) r.latency = m.cycles - first;
    if (m.outValid.read()) break;
  }
  r.value = m.outResult.read().value();
  r.flags = m.outFlags.read();
  r.cycles = first < 0 ? 0 : m.cycles - first;
  if (steps > 1) r.initiationInterval = static_cast<double>(r.acceptCycles.back()) / static_cast<double>(steps - 1);
  if (r.cycles > 0) r.utilization = static_cast<double>(steps) / static_cast<double>(r.cycles);
  m.inValid.write(false);
  m.inFinish.write(false);
  return r;
}

}  // namespace fmasim

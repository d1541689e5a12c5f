// fmasim_systemc_bench: simulated cycles per second of the SystemC pipeline for the
// 5-stage FP8 E4M3 -> FP32 MAC (stall and interleave), beside a minimal SystemC
// pipeline of the same depth (five clocked SC_METHODs passing an integer through
// sc_signals) stepped the same way, one sc_start per cycle. SystemC elaborates once
// per process, so each measurement runs in a child process of its own.
//   fmasim_systemc_bench [cycles]
#include <sys/wait.h>
#include <unistd.h>

#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <systemc>
#include <vector>

#include "systemc/SystemCEngine.hpp"

namespace {

// CPU time of this (single-threaded) process: the machine is shared, so wall time
// would measure the other jobs too.
double cpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// The baseline: what the kernel costs for a 5-register pipeline with no datapath.
SC_MODULE(BaselineStage) {
  sc_core::sc_in<bool> clk;
  sc_core::sc_in<std::uint64_t> in;
  sc_core::sc_out<std::uint64_t> out;
  SC_CTOR(BaselineStage) {
    SC_METHOD(step);
    sensitive << clk.pos();
    dont_initialize();
  }
  void step() { out.write(in.read() + 1); }
};

double baselineCyclesPerSecond(std::int64_t cycles) {
  sc_core::sc_clock clk("clk", sc_core::sc_time(1, sc_core::SC_NS), 0.5, sc_core::sc_time(0.5, sc_core::SC_NS), true);
  std::vector<sc_core::sc_signal<std::uint64_t>> wires(6);
  std::vector<BaselineStage*> stages;
  for (int i = 0; i < 5; ++i) {
    stages.push_back(new BaselineStage(("stage" + std::to_string(i)).c_str()));
    stages.back()->clk(clk);
    stages.back()->in(wires[static_cast<std::size_t>(i)]);
    stages.back()->out(wires[static_cast<std::size_t>(i) + 1]);
  }
  const double t0 = cpuSeconds();
  for (std::int64_t c = 0; c < cycles; ++c) {
    wires[0].write(static_cast<std::uint64_t>(c));  // a new input every cycle, as the engine's driver does
    sc_core::sc_start(1, sc_core::SC_NS);
  }
  const double s = cpuSeconds() - t0;
  if (wires[5].read() == 0) std::abort();  // keep the pipeline's work observable
  return static_cast<double>(cycles) / s;
}

fmasim::DatapathSpec fp8Mac(fmasim::FeedbackHazard hazard) {
  fmasim::DatapathParams p;
  p.kind = fmasim::DatapathKind::Mac;
  p.a = p.b = *fmasim::formatByName("fp8_e4m3");
  p.accumulator = *fmasim::formatByName("fp32");
  p.stages = {1, 1, 1, 1, 1};
  p.hazard = hazard;
  std::string error;
  return *fmasim::deriveDatapathSpec(p, error);
}

double engineCyclesPerSecond(fmasim::FeedbackHazard hazard, std::int64_t cycles) {
  const fmasim::DatapathSpec spec = fp8Mac(hazard);
  fmasim::SystemCEngine engine(spec);
  std::mt19937_64 rng(1);
  std::vector<std::uint64_t> a(4096), b(4096);
  for (std::size_t i = 0; i < a.size(); ++i) {
    a[i] = rng() % 0x7F;  // finite E4M3 codes (0x7F is NaN)
    b[i] = rng() % 0x7F;
  }
  const double t0 = cpuSeconds();
  while (engine.simulatedCycles() < cycles) engine.run(a, b);
  const double s = cpuSeconds() - t0;
  return static_cast<double>(engine.simulatedCycles()) / s;
}

// Runs one measurement in a child process and returns what it printed.
double inChild(double (*measure)(std::int64_t), std::int64_t cycles) {
  int fd[2];
  if (pipe(fd) != 0) std::abort();
  const pid_t pid = fork();
  if (pid == 0) {
    const double r = measure(cycles);
    if (write(fd[1], &r, sizeof r) != sizeof r) std::_Exit(1);
    std::_Exit(0);
  }
  double r = 0;
  if (read(fd[0], &r, sizeof r) != sizeof r) std::abort();
  waitpid(pid, nullptr, 0);
  return r;
}

}  // namespace

int sc_main(int argc, char* argv[]) {
  const std::int64_t cycles = argc > 1 ? std::atoll(argv[1]) : 4'000'000;
  const double base = inChild(baselineCyclesPerSecond, cycles);
  const double stall =
      inChild([](std::int64_t n) { return engineCyclesPerSecond(fmasim::FeedbackHazard::Stall, n); }, cycles);
  const double interleave =
      inChild([](std::int64_t n) { return engineCyclesPerSecond(fmasim::FeedbackHazard::Interleave, n); }, cycles);
  std::printf("baseline 5-stage SC_METHOD pipeline: %6.2f M cycles/s\n", base / 1e6);
  std::printf("fp8 e4m3 -> fp32 mac, 5 stages, stall:      %6.2f M cycles/s (%.2f x baseline)\n", stall / 1e6,
              stall / base);
  std::printf("fp8 e4m3 -> fp32 mac, 5 stages, interleave: %6.2f M cycles/s (%.2f x baseline)\n", interleave / 1e6,
              interleave / base);
  return 0;
}

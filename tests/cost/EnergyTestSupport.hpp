// Helpers of the activity and energy tests: datapath specs built in code, streams of
// operand codes run through the counting engine, and their energy in a technology.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "config/TechnologyConfig.hpp"
#include "cost/AreaModel.hpp"
#include "cost/EnergyModel.hpp"
#include "datapath/DatapathModel.hpp"
#include "datapath/UnitActivity.hpp"

namespace energytest {

using namespace fmasim;

inline Format fmt(const char* name) {
  const auto f = formatByName(name);
  if (!f) throw std::runtime_error(std::string("unknown format ") + name);
  return *f;
}

// A one-lane MAC (or an N-lane dot) of operand format `in` into `acc`; no pipeline
// registers unless asked for.
inline DatapathSpec macSpec(const char* in, const char* acc, AccumulatorKind kind, int lanes = 1,
                            std::array<int, kUnitCount> stages = {0, 0, 0, 0, 0}) {
  DatapathParams p;
  p.kind = lanes == 1 ? DatapathKind::Mac : DatapathKind::Dot;
  p.a = p.b = fmt(in);
  p.accumulatorKind = kind;
  if (kind != AccumulatorKind::Fixed) p.accumulator = fmt(acc);
  p.lanes = lanes;
  p.stages = stages;
  std::string error;
  const auto s = deriveDatapathSpec(p, error);
  if (!s) throw std::runtime_error("deriveDatapathSpec failed: " + error);
  return *s;
}

inline Technology technology(const char* name) {
  std::string error;
  const auto t = loadTechnology(name, error);
  if (!t) throw std::runtime_error(error);
  return *t;
}

// Runs `steps` steps whose lane operands come from next() (a, then b, per lane)
// through the counting engine and returns the activity.
inline UnitActivity countActivity(const DatapathSpec& spec, std::int64_t steps,
                                  const std::function<std::uint64_t()>& next) {
  UnitActivity activity(spec);
  DatapathModel model(spec, &activity);
  const auto lanes = static_cast<std::size_t>(spec.params.lanes);
  std::vector<std::uint64_t> a(lanes), b(lanes);
  for (std::int64_t s = 0; s < steps; ++s) {
    for (std::size_t i = 0; i < lanes; ++i) a[i] = next(), b[i] = next();
    model.step(a.data(), b.data(), nullptr);
  }
  return activity;
}

// Energy per MAC (pJ) of such a stream, as one dot product of `steps` steps.
inline EnergyEstimate streamEnergy(const DatapathSpec& spec, const Technology& t, std::int64_t steps,
                                   const std::function<std::uint64_t()>& next) {
  const UnitActivity activity = countActivity(spec, steps, next);
  return estimateEnergy(spec, unitAreas(spec, {}), t, activity, steps, DatapathModel::cycles(spec, steps),
                        steps * spec.params.lanes);
}

}  // namespace energytest

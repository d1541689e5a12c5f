#include "WorkloadEnergy.hpp"

#include <algorithm>
#include <exception>

#include "StepFeed.hpp"
#include "config/TechnologyConfig.hpp"
#include "datapath/DatapathModel.hpp"

namespace fmasim {

std::optional<EnergyEstimate> workloadEnergy(const RunConfig& config, const std::array<UnitArea, kUnitCount>& areas,
                                             const Technology& technology, std::int64_t maxMacs, std::string& error) {
  const DatapathSpec& spec = config.spec;
  const auto workload = makeWorkload(config.workload, spec.params.a, spec.params.b, error);
  if (!workload) return std::nullopt;
  const std::int64_t lanes = spec.params.lanes;
  const std::int64_t maxSteps = std::max<std::int64_t>(1, (maxMacs + lanes - 1) / lanes);
  UnitActivity activity(spec);
  DatapathModel model(spec, &activity);
  StepFeed feed(static_cast<std::size_t>(lanes), config.workload.scaling.kind == ScalingKind::PerBlock);
  try {
    for (std::int64_t index = 0; index < workload->count() && activity.steps() < maxSteps; ++index) {
      model.reset();
      feed.run(
          *workload, index, [](const Chunk&, std::size_t, std::int32_t) {},
          [&](const std::uint64_t* a, const std::uint64_t* b, const std::int32_t* s) {
            if (activity.steps() < maxSteps) model.step(a, b, s);
          });
      model.finish();  // the final promotion add counts its toggles
    }
  } catch (const std::exception& e) {  // a tensor file that changed or failed mid-run
    error = e.what();
    return std::nullopt;
  }
  const std::int64_t stepsPerDot = (workload->length() + lanes - 1) / lanes;
  return estimateEnergy(spec, areas, technology, activity, stepsPerDot, DatapathModel::cycles(spec, stepsPerDot),
                        workload->length());
}

std::optional<CostRow> costRow(const RunConfig& config, const CostReport& report, std::int64_t energyMacs,
                               std::string& error) {
  CostRow row{config.name, unitAreas(config.spec, report.architecture), std::nullopt};
  if (energyMacs > 0) {
    row.energy = workloadEnergy(config, row.units, report.technology, energyMacs, error);
    if (!row.energy) return std::nullopt;
  }
  return row;
}


}  // namespace fmasim

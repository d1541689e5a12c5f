#include "UnitSynthesis.hpp"

#include <filesystem>

#include "Liberty.hpp"
#include "ScratchDir.hpp"
#include "Synthesis.hpp"
#include "rtl/RtlParams.hpp"

namespace fmasim {
namespace {

// Which instances of rtl/mac.sv make up each model unit (yosys patterns, matched
// anywhere in the instance path, so per-lane copies in generate blocks join their
// unit). A unit's pipeline registers (u_<unit>_regs) are part of it, as in the model;
// the accumulator register file (u_file) is the model's accumulator registers,
// promotion (u_promotion) the model's "promotion adder" of the accumulator unit, and
// a float reduction's pj (u_reduce_term) the aligner's "reduction term".
struct UnitInstances {
  Unit unit;
  std::vector<std::string> instances;
};
const UnitInstances kUnitInstances[kUnitCount] = {
    {Unit::Multiplier, {"u_multiplier*"}},
    {Unit::Aligner, {"u_aligner*", "u_reduce_term*"}},
    {Unit::Adder, {"u_adder*"}},
    {Unit::Normalizer, {"u_normalizer*", "u_lfsr*"}},
    {Unit::Accumulator, {"u_accumulator*", "u_file*", "u_promotion*"}},
};
// Not in the model: the valid/ready handshake. The top's own glue is "other".
const char* const kControl = "control";
const char* const kControlInstance = "u_control*";

std::vector<std::string> rtlSources(const std::string& rtlDir) {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(rtlDir))
    if (entry.path().extension() == ".sv") files.push_back(entry.path().string());
  return files;
}

}  // namespace

std::optional<SynthesisCheck> synthesizeUnits(const DatapathSpec& spec, const Technology& tech,
                                              const std::string& rtlDir, const std::string& liberty,
                                              bool wholeToo, std::string& error) {
  const auto params = rtlParameters(spec, error);
  if (!params) return std::nullopt;
  SynthesisJob job{rtlSources(rtlDir), "mac", {}, {}, {}, wholeToo};
  for (const RtlParameter& p : *params) job.parameters.emplace_back(p.name, p.value);
  for (const UnitInstances& u : kUnitInstances) job.groups.push_back({unitName(u.unit), u.instances});
  job.groups.push_back({kControl, {kControlInstance}});

  double um2PerGE = 0;
  ScratchDir scratch;  // holds a decompressed copy of the library
  if (!liberty.empty()) {
    const auto facts = readLiberty(liberty, scratch.path().string(), job.liberty, error);
    if (!facts) return std::nullopt;
    um2PerGE = facts->nand2Area;
  }
  const auto synthesized = synthesize(job, error);
  if (!synthesized) return std::nullopt;
  auto ge = [&](const SynthesizedArea& a) { return liberty.empty() ? a.genericGE : a.libertyArea / um2PerGE; };
  auto groupGE = [&](const std::string& name) {
    const auto it = synthesized->groups.find(name);
    return it == synthesized->groups.end() ? 0.0 : ge(it->second);  // a unit of no cells has no module
  };

  SynthesisCheck check;
  const auto model = unitAreas(spec, Architecture{});
  for (const UnitArea& unit : model) {
    const double modelGE = tech.ge(unit.total());
    check.units.push_back({unitName(unit.unit), true, groupGE(unitName(unit.unit)), modelGE});
    check.modelGE += modelGE;
  }
  check.units.push_back({kControl, false, groupGE(kControl), 0});
  check.units.push_back({"other", false, groupGE(""), 0});
  for (const UnitSynthesis& u : check.units) check.unitsApartGE += u.synthesizedGE;
  if (synthesized->whole) check.wholeGE = ge(*synthesized->whole);
  return check;
}

}  // namespace fmasim

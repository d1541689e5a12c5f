#include "Synthesis.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "ScratchDir.hpp"

namespace fmasim {
namespace {

std::string readAll(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string lastLines(const std::string& text, int n) {
  std::size_t pos = text.size();
  for (int i = 0; i <= n && pos != std::string::npos && pos > 0; ++i) pos = text.rfind('\n', pos - 1);
  return pos == std::string::npos ? text : text.substr(pos + 1);
}

// yosys' script parser takes quotes around a read_verilog file name, but keeps them as
// part of the name for tee and -liberty: those paths must not contain spaces.
std::string quoted(const std::string& s) { return "\"" + s + "\""; }

// Flattens the design, marks each group's cells (yosys' submod attribute), removes
// what constants and unused outputs make dead across the former instance borders
// (registers holding a constant too: a unit apart cannot see that its input is one;
// and register bits no unit reads, once each register is split into single bits),
// and moves each group into a module of its own. Only passes that keep cells (and so
// their mark) run before: opt_expr -fine and opt_dff's enable and reset merging make
// new, unmarked cells.
// Single-bit nets first: submod leaves a multi-bit net undriven inside a group that
// drives only part of it.
std::string groupingCommands(const SynthesisJob& job) {
  std::string s = "hierarchy -check -top " + job.top + "\nproc\nflatten\n";
  for (const CellGroup& g : job.groups) {
    s += "setattr -set submod \"" + g.name + "\"";
    for (const std::string& instance : g.instances) s += " c:$flatten*" + instance;
    s += "\n";
  }
  return s + "opt -nodffe -nosdff\nwreduce\nsimplemap t:$dff\nopt_clean\nsplitnets -ports\nopt_clean -purge\nsubmod\n";
}

// Synthesis of the current (flattened or grouped) design down to yosys' gate cells,
// before the technology mapping: wide arithmetic extracted and sized, coarse and fine
// optimization, gates. `synth` without its FSM, memory and resource-sharing passes
// (a datapath of registers and arithmetic has none to find) and without its first
// `abc -fast`: a third less time on a 32-lane dot, each unit within 4 % of `synth`'s
// cells (docs/COST_MODEL.md).
const char* const kGateSynthesis =
    "opt_expr\nopt_clean\nwreduce\nalumacc\nopt -fast\nopt -full\ntechmap\nopt -fast -full\n";

struct StatFiles {
  std::filesystem::path json, text;  // stat -json; stat -liberty
};

// Technology mapping of the current design and its statistics.
std::string mappingCommands(const SynthesisJob& job, const StatFiles& stat) {
  std::string s;
  if (job.liberty.empty()) {
    s = "abc -g AND,NAND,OR,NOR,XOR,XNOR,ANDNOT,ORNOT,MUX\nopt_clean\n";
  } else {
    s = "dfflibmap -liberty " + job.liberty + "\nabc -liberty " + job.liberty + "\nopt_clean\n";
    s += "tee -q -o " + stat.text.string() + " stat -liberty " + job.liberty + "\n";
  }
  return s + "tee -q -o " + stat.json.string() + " stat -json\n";
}

// The area of each module of a statistics pair by group: TOP is "", TOP_NAME (yosys
// appends '_' on a clash) the group NAME; other modules are not read.
bool readStatistics(const SynthesisJob& job, const StatFiles& stat, std::map<std::string, SynthesizedArea>& out,
                    std::string& error) {
  auto groupOf = [&](std::string module) -> std::optional<std::string> {
    if (!module.empty() && module[0] == '\\') module.erase(0, 1);
    if (module == job.top) return std::string();
    if (!module.starts_with(job.top + "_")) return std::nullopt;
    module.erase(0, job.top.size() + 1);
    while (module.ends_with('_')) module.pop_back();
    return module;
  };
  try {
    const auto json = nlohmann::json::parse(readAll(stat.json));
    for (const auto& [module, counts] : json.at("modules").items()) {
      const auto group = groupOf(module);
      if (!group) continue;
      SynthesizedArea& area = out[*group];
      for (const auto& [type, count] : counts.at("num_cells_by_type").items())
        if (!groupOf(type)) area.cells[type] += count.get<double>();  // not a group's instance
    }
  } catch (const nlohmann::json::exception& e) {
    error = "cannot read yosys' statistics for " + job.top + ": " + e.what();
    return false;
  }
  if (job.liberty.empty()) {
    for (auto& [group, area] : out) {
      for (const auto& [type, count] : area.cells) {
        const double ge = genericGateGE(type);
        if (ge < 0) {
          error = "yosys produced an unexpected generic cell " + type + " in " + job.top;
          return false;
        }
        area.genericGE += ge * count;
      }
    }
    return true;
  }
  // "Chip area for module '\\top': 990.950400", one line per module.
  const std::string text = readAll(stat.text);
  const std::string marker = "Chip area for module '";
  bool found = false;
  for (std::size_t at = text.find(marker); at != std::string::npos; at = text.find(marker, at + 1)) {
    const std::size_t nameStart = at + marker.size(), quote = text.find("': ", nameStart);
    if (quote == std::string::npos) break;
    if (const auto group = groupOf(text.substr(nameStart, quote - nameStart))) {
      out[*group].libertyArea = std::strtod(text.c_str() + quote + 3, nullptr);
      found = true;
    }
  }
  if (!found) error = "yosys reported no chip area for " + job.top + " with " + job.liberty;
  return found;
}

}  // namespace

std::string yosysParameterValue(long long v) {
  if (v >= 0 && v <= INT32_MAX) return std::to_string(v);
  char text[24];
  std::snprintf(text, sizeof text, "32'%sh%08x", v < 0 ? "s" : "", static_cast<std::uint32_t>(v));
  return text;
}

double genericGateGE(const std::string& type) {
  // NanGate FreePDK45 X1 areas over NAND2_X1's 0.798 um^2: INV 0.532, NAND2/NOR2 0.798,
  // AND2/OR2 1.064, XOR2/XNOR2 1.596, MUX2 1.862, DFF 4.522; ANDNOT/ORNOT as AND2/OR2.
  if (type == "$_NOT_") return 0.667;
  if (type == "$_NAND_" || type == "$_NOR_") return 1.0;
  if (type == "$_AND_" || type == "$_OR_" || type == "$_ANDNOT_" || type == "$_ORNOT_") return 1.333;
  if (type == "$_XOR_" || type == "$_XNOR_") return 2.0;
  if (type == "$_MUX_") return 2.333;
  if (type.rfind("$_DFF", 0) == 0 || type.rfind("$_SDFF", 0) == 0 || type.rfind("$_DFFE", 0) == 0) return 5.667;
  if (type == "$_BUF_") return 0;
  return -1;  // unknown: the caller reports it
}

std::optional<Synthesized> synthesize(const SynthesisJob& job, std::string& error) {
  ScratchDir dir;
  if (dir.path().empty()) {
    error = "cannot create a scratch directory for yosys";
    return std::nullopt;
  }
  const auto script = dir.path() / "synth.ys", log = dir.path() / "yosys.log";
  const StatFiles whole{dir.path() / "whole.json", dir.path() / "whole.txt"};
  const StatFiles grouped{dir.path() / "grouped.json", dir.path() / "grouped.txt"};
  const bool wantsWhole = job.groups.empty() || job.wholeToo;
  {
    std::ofstream ys(script);
    for (const auto& f : job.files) ys << "read_verilog -sv " << quoted(f) << "\n";
    // One chparam for all: each re-derives the top (a second per config with one each).
    if (!job.parameters.empty()) {
      ys << "chparam";
      for (const auto& [name, value] : job.parameters) ys << " -set " << name << " " << yosysParameterValue(value);
      ys << " " << job.top << "\n";
    }
    // The groups apart first, then the whole design flattened from the same sources.
    if (!job.groups.empty())
      ys << "design -save sources\n" << groupingCommands(job) << kGateSynthesis << mappingCommands(job, grouped)
         << "design -load sources\n";
    if (wantsWhole)
      ys << "hierarchy -check -top " << job.top << "\nproc\nflatten\n" << kGateSynthesis << mappingCommands(job, whole);
  }
  const std::string command = "yosys -q -l " + quoted(log.string()) + " -s " + quoted(script.string()) + " >/dev/null 2>&1";
  if (std::system(command.c_str()) != 0) {
    error = "yosys failed on " + job.top + " (is yosys installed?): " + lastLines(readAll(log), 6);
    return std::nullopt;
  }
  Synthesized out;
  if (wantsWhole) {
    std::map<std::string, SynthesizedArea> top;
    if (!readStatistics(job, whole, top, error)) return std::nullopt;
    out.whole = top[""];
  }
  if (!job.groups.empty() && !readStatistics(job, grouped, out.groups, error)) return std::nullopt;
  return out;
}

}  // namespace fmasim

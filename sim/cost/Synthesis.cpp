#include "Synthesis.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

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

// A scratch directory removed when the synthesis is done.
class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "fmasim-synth-XXXXXX").string();
    if (::mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~ScratchDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// yosys' script parser takes quotes around a read_verilog file name, but keeps them as
// part of the name for tee and -liberty: those paths must not contain spaces.
std::string quoted(const std::string& s) { return "\"" + s + "\""; }

}  // namespace

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
  const auto script = dir.path() / "synth.ys";
  const auto statJson = dir.path() / "stat.json", statText = dir.path() / "stat.txt", log = dir.path() / "yosys.log";
  {
    std::ofstream ys(script);
    for (const auto& f : job.files) ys << "read_verilog -sv " << quoted(f) << "\n";
    for (const auto& [name, value] : job.parameters) ys << "chparam -set " << name << " " << value << " " << job.top << "\n";
    ys << "synth -top " << job.top << " -flatten\n";
    if (job.liberty.empty()) {
      ys << "abc -g AND,NAND,OR,NOR,XOR,XNOR,ANDNOT,ORNOT,MUX\nopt_clean\n";
    } else {
      ys << "dfflibmap -liberty " << job.liberty << "\nabc -liberty " << job.liberty << "\nopt_clean\n";
      ys << "tee -q -o " << statText.string() << " stat -liberty " << job.liberty << "\n";
    }
    ys << "tee -q -o " << statJson.string() << " stat -json\n";
  }
  const std::string command = "yosys -q -l " + quoted(log.string()) + " -s " + quoted(script.string()) + " >/dev/null 2>&1";
  if (std::system(command.c_str()) != 0) {
    error = "yosys failed on " + job.top + " (is yosys installed?): " + lastLines(readAll(log), 6);
    return std::nullopt;
  }
  Synthesized out;
  try {
    const auto stat = nlohmann::json::parse(readAll(statJson));
    for (const auto& [type, count] : stat.at("design").at("num_cells_by_type").items())
      out.cells[type] = count.get<double>();
  } catch (const nlohmann::json::exception& e) {
    error = "cannot read yosys' statistics for " + job.top + ": " + e.what();
    return std::nullopt;
  }
  if (job.liberty.empty()) {
    for (const auto& [type, count] : out.cells) {
      const double ge = genericGateGE(type);
      if (ge < 0) {
        error = "yosys produced an unexpected generic cell " + type + " in " + job.top;
        return std::nullopt;
      }
      out.genericGE += ge * count;
    }
  } else {
    // "Chip area for module '\\top': 990.950400"
    const std::string text = readAll(statText);
    const std::size_t line = text.find("Chip area for ");
    const std::size_t colon = line == std::string::npos ? line : text.find("': ", line);
    if (colon == std::string::npos) {
      error = "yosys reported no chip area for " + job.top + " with " + job.liberty;
      return std::nullopt;
    }
    out.libertyArea = std::strtod(text.c_str() + colon + 3, nullptr);
  }
  return out;
}

}  // namespace fmasim

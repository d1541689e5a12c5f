#include "ModelCache.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fmasim {
namespace {

namespace fs = std::filesystem;

// FNV-1a, 64 bits: a cache key, not a security boundary.
std::uint64_t fnv1a(const std::string& text, std::uint64_t h = 0xcbf29ce484222325u) {
  for (unsigned char c : text) h = (h ^ c) * 0x100000001b3u;
  return h;
}

std::string readFile(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

fs::path cacheRoot() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg != '\0') return fs::path(xdg) / "fmasim";
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') return fs::path(home) / ".cache" / "fmasim";
  return fs::temp_directory_path() / "fmasim-cache";
}

// Single-quoted for the shell; paths holding a quote are refused before.
std::string quoted(const std::string& s) { return "'" + s + "'"; }

}  // namespace

std::optional<std::string> cachedRtlModel(const std::string& configPath, const std::string& parameters,
                                          std::string& error) {
  const fs::path rtlDir = FMASIM_RTL_DIR;
  std::uint64_t key = fnv1a(parameters);
  for (const auto& entry : fs::directory_iterator(rtlDir)) key = fnv1a(readFile(entry.path()), key);
  char name[24];
  std::snprintf(name, sizeof name, "rtl-%016llx", static_cast<unsigned long long>(key));
  const fs::path dir = cacheRoot() / name;
  const fs::path library = dir / "libfmasim_rtl.so";
  if (fs::exists(library)) {
    std::printf("RTL model: %s (cached)\n", library.c_str());
    return library.string();
  }
  const std::string self = fs::read_symlink("/proc/self/exe").string();
  for (const std::string& p : {configPath, dir.string(), self})
    if (p.find('\'') != std::string::npos) {
      error = p + ": a path with a quote cannot be passed to the RTL build";
      return std::nullopt;
    }
  std::printf("RTL model: building %s\n", library.c_str());
  std::fflush(stdout);
  const std::string command = quoted(FMASIM_CMAKE_COMMAND) + " -DFMASIM=" + quoted(self) + " -DCONFIG=" +
                              quoted(fs::absolute(configPath).string()) + " -DOUT_DIR=" + quoted(dir.string()) +
                              " -P " + quoted((rtlDir / "BuildModel.cmake").string());
  if (std::system(command.c_str()) != 0 || !fs::exists(library)) {
    error = "building the RTL model into " + dir.string() + " failed (command: " + command + ")";
    return std::nullopt;
  }
  return library.string();
}

}  // namespace fmasim

#include "TensorFile.hpp"

#include <algorithm>
#include <cctype>

#include "CsvFile.hpp"
#include "NpyFile.hpp"

namespace fmasim {
namespace {

bool hasExtension(const std::string& path, std::string_view ext) {
  return path.size() >= ext.size() &&
         std::equal(ext.rbegin(), ext.rend(), path.rbegin(),
                    [](char e, char p) { return e == std::tolower(static_cast<unsigned char>(p)); });
}

}  // namespace

std::unique_ptr<TensorFile> openTensorFile(const std::string& path, std::string& error) {
  if (hasExtension(path, ".npy")) return openNpyFile(path, error);
  if (hasExtension(path, ".csv")) return openCsvFile(path, error);
  error = path + ": unknown file type; allowed: .npy, .csv";
  return nullptr;
}

std::string shapeText(std::span<const std::int64_t> dims) {
  std::string s = "[";
  for (std::size_t i = 0; i < dims.size(); ++i) s += (i ? ", " : "") + std::to_string(dims[i]);
  return s + "]";
}

}  // namespace fmasim

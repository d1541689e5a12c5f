// Tensors in CSV files: one dot product's vector per line, all lines the same length.
#pragma once

#include <memory>
#include <string>

#include "TensorFile.hpp"

namespace fmasim {

// On failure returns null and sets `error` to "<path>: <problem>" or "<path> line N: <problem>".
std::unique_ptr<TensorFile> openCsvFile(const std::string& path, std::string& error);

}  // namespace fmasim

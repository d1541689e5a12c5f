// Tensors in NumPy .npy files: dtype '<f4' or '<f2', C order, shape [K] or [count, K].
#pragma once

#include <memory>
#include <string>

#include "TensorFile.hpp"

namespace fmasim {

// On failure returns null and sets `error` to "<path>: <problem>".
std::unique_ptr<TensorFile> openNpyFile(const std::string& path, std::string& error);

}  // namespace fmasim

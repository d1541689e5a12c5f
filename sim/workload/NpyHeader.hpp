// The header of a NumPy .npy file (format versions 1.0 and 2.0): magic, version,
// and the Python dict literal {'descr': ..., 'fortran_order': ..., 'shape': (...)}.
#pragma once

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace fmasim {

struct NpyHeader {
  std::string descr;  // dtype, e.g. '<f4'
  bool fortranOrder = false;
  std::vector<std::int64_t> shape;
  std::int64_t dataOffset = 0;  // where the array data start
};

// Reads the header from the start of `f`. On failure returns nullopt and sets
// `error` to the problem (without the file name).
std::optional<NpyHeader> readNpyHeader(std::FILE* f, std::int64_t fileSize, std::string& error);

}  // namespace fmasim

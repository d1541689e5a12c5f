// Real values from tensor files (.npy or .csv), one file per operand: `count` vectors
// of `length` elements, validated completely when opened (so that reading later
// cannot meet a malformed value) and then read by streaming.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>

#include "RealSource.hpp"

namespace fmasim {

class TensorFile : public RealSource {
 public:
  // The shape as the file states it, e.g. "[4, 100]" (a 1-D .npy: "[100]").
  virtual std::string shapeText() const = 0;
};

// By extension (.npy, .csv). On failure returns null and sets `error` to one line
// that starts with the path.
std::unique_ptr<TensorFile> openTensorFile(const std::string& path, std::string& error);

std::string shapeText(std::span<const std::int64_t> dims);

}  // namespace fmasim

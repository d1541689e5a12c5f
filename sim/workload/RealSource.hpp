// Where one operand's real values come from, before quantization: `count` vectors of
// `length` elements each, read front to back in pieces so that memory stays bounded
// whatever the length.
#pragma once

#include <cstdint>
#include <memory>
#include <span>

namespace fmasim {

class VectorReader {
 public:
  virtual ~VectorReader() = default;
  // Fills `out` with the vector's next out.size() elements. Throws
  // std::runtime_error if a file can no longer be read as it was validated.
  virtual void read(std::span<double> out) = 0;
};

class RealSource {
 public:
  virtual ~RealSource() = default;
  virtual std::int64_t count() const = 0;
  virtual std::int64_t length() const = 0;
  // A reader of vector `index`; readers are independent (any number, any thread).
  virtual std::unique_ptr<VectorReader> open(std::int64_t index) const = 0;
};

}  // namespace fmasim

#include "NpyFile.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

#include "FileIo.hpp"
#include "NpyHeader.hpp"
#include "format/Decode.hpp"

namespace fmasim {
namespace {

// The element types read: little-endian IEEE binary32 and binary16.
class Dtype {
 public:
  explicit Dtype(bool half) : half_(half), fp16_(*formatByName("fp16")) {}

  std::size_t size() const { return half_ ? 2 : 4; }

  bool isFinite(const unsigned char* p) const {
    const std::uint32_t bits = load(p);
    return half_ ? (bits & 0x7C00u) != 0x7C00u : (bits & 0x7F800000u) != 0x7F800000u;
  }

  double value(const unsigned char* p) const {
    const std::uint32_t bits = load(p);
    if (!half_) return static_cast<double>(std::bit_cast<float>(bits));
    const Decoded d = fp16_(bits);
    const double magnitude = d.isZero() ? 0.0 : std::ldexp(static_cast<double>(d.sig), d.exp);
    return d.sign ? -magnitude : magnitude;
  }

 private:
  std::uint32_t load(const unsigned char* p) const {
    std::uint32_t v = 0;
    for (std::size_t i = size(); i-- > 0;) v = (v << 8) | p[i];
    return v;
  }

  bool half_;
  Decoder fp16_;
};

constexpr std::size_t kScanBytes = std::size_t{1} << 16;

class NpyReader final : public VectorReader {
 public:
  NpyReader(FilePtr file, Dtype dtype, std::string path)
      : file_(std::move(file)), dtype_(dtype), path_(std::move(path)) {}

  void read(std::span<double> out) override {
    bytes_.resize(out.size() * dtype_.size());
    if (!readExactly(file_.get(), bytes_.data(), bytes_.size())) throw std::runtime_error(path_ + ": read failed");
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = dtype_.value(bytes_.data() + i * dtype_.size());
  }

 private:
  FilePtr file_;
  Dtype dtype_;
  std::string path_;
  std::vector<unsigned char> bytes_;
};

class NpyFile final : public TensorFile {
 public:
  NpyFile(std::string path, NpyHeader header, bool half)
      : path_(std::move(path)), header_(std::move(header)), dtype_(half) {}

  std::int64_t count() const override { return header_.shape.size() == 2 ? header_.shape[0] : 1; }
  std::int64_t length() const override { return header_.shape.back(); }
  std::string shapeText() const override { return fmasim::shapeText(header_.shape); }

  std::unique_ptr<VectorReader> open(std::int64_t index) const override {
    std::string error;
    FilePtr f = openRegularFile(path_, error);
    if (!f || !seekTo(f.get(), header_.dataOffset + index * length() * static_cast<std::int64_t>(dtype_.size())))
      throw std::runtime_error(path_ + ": " + (error.empty() ? "seek failed" : error));
    return std::make_unique<NpyReader>(std::move(f), dtype_, path_);
  }

  // Every element must be finite: the exact reference has no NaN or infinity.
  bool checkFinite(std::FILE* f, std::string& error) const {
    std::vector<unsigned char> bytes(kScanBytes);
    const std::int64_t total = count() * length();
    for (std::int64_t first = 0; first < total;) {
      const auto n = static_cast<std::size_t>(std::min<std::int64_t>(total - first, kScanBytes / dtype_.size()));
      if (!readExactly(f, bytes.data(), n * dtype_.size())) {
        error = path_ + ": read failed";
        return false;
      }
      for (std::size_t i = 0; i < n; ++i) {
        if (dtype_.isFinite(bytes.data() + i * dtype_.size())) continue;
        const std::int64_t at = first + static_cast<std::int64_t>(i);
        const std::int64_t position[] = {at / length(), at % length()};
        error = path_ + ": element " + fmasim::shapeText(std::span(position).last(header_.shape.size())) +
                " is infinite or NaN";
        return false;
      }
      first += static_cast<std::int64_t>(n);
    }
    return true;
  }

 private:
  std::string path_;
  NpyHeader header_;
  Dtype dtype_;
};

// Checks what this reader needs of the header: returns the problem, or "".
std::string checkLayout(const NpyHeader& h, std::int64_t fileSize) {
  if (h.descr != "<f4" && h.descr != "<f2") return "dtype '" + h.descr + "' not supported; allowed: '<f4', '<f2'";
  if (h.shape.empty() || h.shape.size() > 2)
    return "shape " + shapeText(h.shape) + " not supported; allowed: [K] or [count, K]";
  if (std::find(h.shape.begin(), h.shape.end(), 0) != h.shape.end()) return "shape " + shapeText(h.shape) + " is empty";
  if (h.fortranOrder && h.shape.size() == 2 && h.shape[0] > 1 && h.shape[1] > 1)
    return "Fortran order not supported; save the array in C order";
  const std::int64_t itemSize = h.descr == "<f2" ? 2 : 4;
  const std::int64_t available = fileSize - h.dataOffset;
  std::int64_t needed = itemSize;
  for (const std::int64_t d : h.shape) {
    if (d > std::numeric_limits<std::int64_t>::max() / needed) {
      needed = -1;  // overflows: certainly more than any file holds
      break;
    }
    needed *= d;
  }
  if (needed != available)
    return "shape " + shapeText(h.shape) + " needs " + (needed < 0 ? "more" : std::to_string(needed)) +
           " data bytes; the file has " + std::to_string(available);
  return "";
}

}  // namespace

std::unique_ptr<TensorFile> openNpyFile(const std::string& path, std::string& error) {
  FilePtr f = openRegularFile(path, error);
  if (!f) {
    error = path + ": " + error;
    return nullptr;
  }
  const std::int64_t size = fileSize(f.get());
  std::optional<NpyHeader> header = readNpyHeader(f.get(), size, error);
  if (header) error = checkLayout(*header, size);
  if (!header || !error.empty()) {
    error = path + ": " + error;
    return nullptr;
  }
  const bool half = header->descr == "<f2";
  auto file = std::make_unique<NpyFile>(path, std::move(*header), half);
  if (!file->checkFinite(f.get(), error)) return nullptr;
  return file;
}

}  // namespace fmasim

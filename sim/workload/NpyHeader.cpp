#include "NpyHeader.hpp"

#include <array>
#include <cstring>
#include <string_view>

#include "FileIo.hpp"

namespace fmasim {
namespace {

constexpr std::int64_t kMaxHeaderLength = 1 << 20;  // numpy writes < 100 bytes; this bounds a corrupt length field
constexpr std::int64_t kMaxDimension = std::int64_t{1} << 48;

// A parser for the subset of Python literals numpy writes into the header.
class DictParser {
 public:
  explicit DictParser(std::string_view text) : text_(text) {}

  std::optional<NpyHeader> parse(std::string& error) {
    NpyHeader h;
    bool haveDescr = false, haveOrder = false, haveShape = false;
    if (!expect('{')) return fail(error, "expected '{'");
    while (!peekIs('}')) {
      std::string key;
      if (!parseString(key)) return fail(error, "expected a quoted key");
      if (!expect(':')) return fail(error, "expected ':' after '" + key + "'");
      if (key == "descr") {
        if (!parseString(h.descr)) return fail(error, "'descr' is not a string");
        haveDescr = true;
      } else if (key == "fortran_order") {
        if (!parseBool(h.fortranOrder)) return fail(error, "'fortran_order' is not True or False");
        haveOrder = true;
      } else if (key == "shape") {
        if (!parseShape(h.shape)) return fail(error, "'shape' is not a tuple of non-negative integers");
        haveShape = true;
      } else {
        return fail(error, "unexpected key '" + key + "'");
      }
      if (!expect(',')) break;
    }
    if (!expect('}')) return fail(error, "expected ',' or '}'");
    if (!haveDescr || !haveOrder || !haveShape) return fail(error, "needs the keys 'descr', 'fortran_order' and 'shape'");
    return h;
  }

 private:
  static std::optional<NpyHeader> fail(std::string& error, const std::string& what) {
    error = "malformed header: " + what;
    return std::nullopt;
  }

  void skipSpace() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\n' || text_[pos_] == '\t')) ++pos_;
  }
  bool peekIs(char c) {
    skipSpace();
    return pos_ < text_.size() && text_[pos_] == c;
  }
  bool expect(char c) {
    if (!peekIs(c)) return false;
    ++pos_;
    return true;
  }
  bool parseString(std::string& out) {
    skipSpace();
    if (pos_ >= text_.size() || (text_[pos_] != '\'' && text_[pos_] != '"')) return false;
    const char quote = text_[pos_++];
    const std::size_t end = text_.find(quote, pos_);
    if (end == std::string_view::npos) return false;
    out = text_.substr(pos_, end - pos_);
    pos_ = end + 1;
    return true;
  }
  bool parseBool(bool& out) {
    skipSpace();
    for (const auto& [word, value] : {std::pair{std::string_view("True"), true}, {std::string_view("False"), false}}) {
      if (text_.substr(pos_, word.size()) == word) {
        pos_ += word.size();
        out = value;
        return true;
      }
    }
    return false;
  }
  bool parseDimension(std::int64_t& out) {
    skipSpace();
    const std::size_t start = pos_;
    out = 0;
    while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') {
      out = out * 10 + (text_[pos_++] - '0');
      if (out > kMaxDimension) return false;
    }
    return pos_ > start;
  }
  bool parseShape(std::vector<std::int64_t>& out) {
    if (!expect('(')) return false;
    while (!peekIs(')')) {
      std::int64_t d = 0;
      if (!parseDimension(d)) return false;
      out.push_back(d);
      if (!expect(',')) break;
    }
    return expect(')');
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

std::uint32_t littleEndian(const unsigned char* p, int bytes) {
  std::uint32_t v = 0;
  for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

}  // namespace

std::optional<NpyHeader> readNpyHeader(std::FILE* f, std::int64_t fileSize, std::string& error) {
  static constexpr std::array<unsigned char, 6> kMagic = {0x93, 'N', 'U', 'M', 'P', 'Y'};
  std::array<unsigned char, 12> prefix{};  // magic, version, and a 2- or 4-byte header length
  if (fileSize < 10 || !readExactly(f, prefix.data(), 10)) {
    error = fileSize == 0 ? "empty file" : "truncated header";
    return std::nullopt;
  }
  if (std::memcmp(prefix.data(), kMagic.data(), kMagic.size()) != 0) {
    error = "not a .npy file (no \\x93NUMPY magic)";
    return std::nullopt;
  }
  const int major = prefix[6], minor = prefix[7];
  if ((major != 1 && major != 2) || minor != 0) {
    error = "format version " + std::to_string(major) + "." + std::to_string(minor) + " not supported; allowed: 1.0, 2.0";
    return std::nullopt;
  }
  const int lengthBytes = major == 1 ? 2 : 4;
  if (lengthBytes == 4 && !readExactly(f, prefix.data() + 10, 2)) {
    error = "truncated header";
    return std::nullopt;
  }
  const std::int64_t headerLength = littleEndian(prefix.data() + 8, lengthBytes);
  const std::int64_t dataOffset = 8 + lengthBytes + headerLength;
  if (headerLength > kMaxHeaderLength || dataOffset > fileSize) {
    error = "truncated header (header length " + std::to_string(headerLength) + ", file size " +
            std::to_string(fileSize) + ")";
    return std::nullopt;
  }
  std::string text(static_cast<std::size_t>(headerLength), '\0');
  if (!readExactly(f, text.data(), text.size())) {
    error = "truncated header";
    return std::nullopt;
  }
  std::optional<NpyHeader> h = DictParser(text).parse(error);
  if (h) h->dataOffset = dataOffset;
  return h;
}

}  // namespace fmasim

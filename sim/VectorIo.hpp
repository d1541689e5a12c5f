// Block I/O for `fmasim vectors`: lines of hex codes in, lines of hex codes out, at
// the speed of the parsing. Input is read with fread into one large buffer and split
// in place; output is built in one large buffer and written with fwrite. Neither
// allocates per line, so the arithmetic, not the I/O, sets the pace.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string_view>
#include <vector>

namespace fmasim {

class LineReader {
 public:
  explicit LineReader(std::FILE* in);

  // The next line without its terminator ("\n" or "\r\n"); false at the end of input
  // or on a read error (see failed()). A last line without "\n" still counts.
  bool next(std::string_view& line);
  bool failed() const { return failed_; }
  long lineNumber() const { return lineNumber_; }

 private:
  bool refill();  // moves the unread tail to the front and reads more; false if nothing was added

  std::FILE* in_;
  std::vector<char> buffer_;
  std::size_t begin_ = 0;  // first unread byte
  std::size_t end_ = 0;    // one past the last byte read
  bool eof_ = false;
  bool failed_ = false;
  long lineNumber_ = 0;
};

class OutputBuffer {
 public:
  // Room that one call sequence for a line may use before the next reserveLine().
  static constexpr std::size_t kMaxLine = 256;

  explicit OutputBuffer(std::FILE* out);
  ~OutputBuffer() { flush(); }
  OutputBuffer(const OutputBuffer&) = delete;
  OutputBuffer& operator=(const OutputBuffer&) = delete;

  // Makes room for one line of at most kMaxLine bytes, flushing when the buffer is full.
  void reserveLine() {
    if (buffer_.size() - used_ < kMaxLine) flush();
  }
  void put(char c) { buffer_[used_++] = c; }
  // `value` as exactly `digits` uppercase hex digits (digits <= 16), two digits per
  // table lookup: output formatting is a large share of the time per line.
  void putHex(std::uint64_t value, int digits) {
    static constexpr auto kPairs = [] {
      constexpr char kDigits[] = "0123456789ABCDEF";
      std::array<char, 512> t{};
      for (int b = 0; b < 256; ++b) {
        t[static_cast<std::size_t>(2 * b)] = kDigits[b >> 4];
        t[static_cast<std::size_t>(2 * b + 1)] = kDigits[b & 0xF];
      }
      return t;
    }();
    // A local pointer: stores through it cannot change it, so it stays in a register.
    char* const at = buffer_.data() + used_;
    int i = digits;
    for (; i >= 2; i -= 2, value >>= 8) std::memcpy(at + i - 2, &kPairs[2 * (value & 0xFF)], 2);
    if (i == 1) at[0] = kPairs[2 * (value & 0xF) + 1];
    used_ += static_cast<std::size_t>(digits);
  }
  // Writes what is buffered; false once any write has failed.
  bool flush();

 private:
  std::FILE* out_;
  std::vector<char> buffer_;
  std::size_t used_ = 0;
  bool failed_ = false;
};

// Splitting a line into whitespace-separated hex fields.
enum class HexField : std::uint8_t { Ok, Missing, NotHex, TooWide };

namespace detail {
inline constexpr std::uint8_t kBlank = 0xFE, kNotHex = 0xFF;
// Byte -> hex digit value, kBlank for field separators, kNotHex for anything else.
inline constexpr auto kHexTable = [] {
  std::array<std::uint8_t, 256> t{};
  for (auto& v : t) v = kNotHex;
  for (int c = 0; c < 10; ++c) t['0' + c] = static_cast<std::uint8_t>(c);
  for (int c = 0; c < 6; ++c) t['A' + c] = t['a' + c] = static_cast<std::uint8_t>(10 + c);
  for (unsigned char c : {' ', '\t', '\r', '\v', '\f'}) t[c] = kBlank;
  return t;
}();
inline std::uint8_t hexClass(char c) { return kHexTable[static_cast<unsigned char>(c)]; }
}  // namespace detail

// Reads the field that starts at or after `pos` (skipping blanks) into `value`,
// sets `text` to it and moves `pos` past it. TooWide means more than 64 bits.
// Inline: it runs for every operand of every line.
inline HexField nextHexField(std::string_view line, std::size_t& pos, std::uint64_t& value,
                             std::string_view& text) {
  using detail::hexClass;
  while (pos < line.size() && hexClass(line[pos]) == detail::kBlank) ++pos;
  if (pos == line.size()) return HexField::Missing;
  const std::size_t start = pos;
  std::uint64_t v = 0;
  std::uint8_t seen = 0;  // OR of every class: above 0xF once a non-hex byte was seen
  for (; pos < line.size(); ++pos) {
    const std::uint8_t digit = hexClass(line[pos]);
    if (digit == detail::kBlank) break;
    seen |= digit;
    v = (v << 4) | (digit & 0xF);
  }
  text = line.substr(start, pos - start);
  value = v;
  if (seen > 0xF) return HexField::NotHex;
  // More than 16 digits only fits when the extra ones are leading zeros.
  if (text.size() > 16) {
    const std::size_t firstNonZero = text.find_first_not_of('0');
    if (firstNonZero != text.npos && text.size() - firstNonZero > 16) return HexField::TooWide;
  }
  return HexField::Ok;
}

// Hex digits TestFloat prints for a code of `bits` bits.
inline int hexDigits(int bits) { return (bits + 3) / 4; }

}  // namespace fmasim

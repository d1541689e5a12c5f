#include "CsvScanner.hpp"

#include <charconv>
#include <cmath>
#include <string_view>

namespace fmasim {
namespace {

constexpr std::size_t kBufferBytes = std::size_t{1} << 16;
// Longer than any sensible decimal; bounds the memory a line without commas can take.
constexpr std::size_t kMaxValueChars = 1024;
constexpr std::size_t kShownChars = 40;

std::string_view trim(std::string_view s) {
  constexpr std::string_view kSpace = " \t\r";
  const std::size_t first = s.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(kSpace) - first + 1);
}

std::string quoted(std::string_view s) {
  std::string q = "'";
  q.append(s.substr(0, kShownChars));
  q.append(s.size() > kShownChars ? "...'" : "'");
  return q;
}

}  // namespace

CsvScanner::CsvScanner(std::FILE* f, std::int64_t offset, std::int64_t line)
    : file_(f), buffer_(kBufferBytes), offset_(offset), line_(line), lineStart_(offset) {}

int CsvScanner::get() {
  if (used_ == filled_) {
    filled_ = std::fread(buffer_.data(), 1, buffer_.size(), file_);
    used_ = 0;
    if (filled_ == 0) return EOF;
  }
  ++offset_;
  return static_cast<unsigned char>(buffer_[used_++]);
}

CsvStatus CsvScanner::next(CsvField& field, std::string& error) {
  token_.clear();
  for (;;) {
    field.line = line_;
    field.lineStart = lineStart_;
    const int c = get();
    const bool blankSoFar = column_ == 0 && trim(token_).empty();
    if (c == EOF) return blankSoFar ? CsvStatus::EndOfFile : finishField(field, true, error);
    if (c == ',') return finishField(field, false, error);
    if (c == '\n') {
      const auto startNextLine = [&] {
        ++line_;
        lineStart_ = offset_;
      };
      if (blankSoFar) {  // skip a blank line
        startNextLine();
        token_.clear();
        continue;
      }
      const CsvStatus status = finishField(field, true, error);
      startNextLine();
      return status;
    }
    if (token_.size() <= kMaxValueChars) token_ += static_cast<char>(c);
  }
}

CsvStatus CsvScanner::finishField(CsvField& field, bool endsLine, std::string& error) {
  field.column = ++column_;
  field.endsLine = endsLine;
  if (endsLine) column_ = 0;
  const std::string_view text = trim(token_);
  const std::string where = "line " + std::to_string(field.line) + ": ";
  if (text.empty()) {
    error = where + "value " + std::to_string(field.column) + " is empty";
    return CsvStatus::Error;
  }
  if (token_.size() > kMaxValueChars) {
    error = where + quoted(text) + " is longer than " + std::to_string(kMaxValueChars) + " characters";
    return CsvStatus::Error;
  }
  // from_chars takes no '+'; a sign after it ("+-1") is still not a number.
  const bool plus = text.front() == '+' && text.size() > 1 && text[1] != '-' && text[1] != '+';
  const std::string_view digits = plus ? text.substr(1) : text;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), field.value);
  if (end != digits.data() + digits.size() || ec == std::errc::invalid_argument) {
    error = where + quoted(text) + " is not a number";
    return CsvStatus::Error;
  }
  if (ec == std::errc::result_out_of_range) {
    error = where + quoted(text) + " is out of the range of a double";
    return CsvStatus::Error;
  }
  if (!std::isfinite(field.value)) {
    error = where + quoted(text) + " is not a finite number";
    return CsvStatus::Error;
  }
  return CsvStatus::Field;
}

}  // namespace fmasim

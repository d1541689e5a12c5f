// Reads the numbers of a CSV file (comma-separated decimals, one record per line)
// one at a time through a fixed buffer, so a line of any length needs no more memory.
// Blank lines are skipped; spaces, tabs and '\r' around a value are ignored.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace fmasim {

struct CsvField {
  double value = 0.0;
  bool endsLine = false;
  std::int64_t line = 0;       // 1-based line number
  std::int64_t lineStart = 0;  // byte offset where the line starts
  std::int64_t column = 0;     // 1-based position of the value in its line
};

enum class CsvStatus : std::uint8_t { Field, EndOfFile, Error };

class CsvScanner {
 public:
  // `f` must be positioned at byte `offset`, the start of line number `line`.
  CsvScanner(std::FILE* f, std::int64_t offset, std::int64_t line);

  // The next value; on Error, `error` says "line N: <problem>".
  CsvStatus next(CsvField& field, std::string& error);

 private:
  int get();
  CsvStatus finishField(CsvField& field, bool endsLine, std::string& error);

  std::FILE* file_;
  std::vector<char> buffer_;
  std::size_t used_ = 0, filled_ = 0;
  std::int64_t offset_;  // of the next character
  std::int64_t line_, lineStart_;
  std::int64_t column_ = 0;  // values finished in the current line
  std::string token_;
};

}  // namespace fmasim

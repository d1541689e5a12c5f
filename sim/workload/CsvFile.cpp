#include "CsvFile.hpp"

#include <stdexcept>
#include <vector>

#include "CsvScanner.hpp"
#include "FileIo.hpp"

namespace fmasim {
namespace {

class CsvReader final : public VectorReader {
 public:
  CsvReader(FilePtr file, std::int64_t offset, std::int64_t line, std::string path)
      : file_(std::move(file)), scanner_(file_.get(), offset, line), path_(std::move(path)) {}

  void read(std::span<double> out) override {
    CsvField field;
    std::string error;
    for (double& x : out) {
      if (scanner_.next(field, error) != CsvStatus::Field)
        throw std::runtime_error(path_ + (error.empty() ? ": changed since it was read" : " " + error));
      x = field.value;
    }
  }

 private:
  FilePtr file_;
  CsvScanner scanner_;
  std::string path_;
};

class CsvFile final : public TensorFile {
 public:
  struct Line {
    std::int64_t offset, number;
  };

  CsvFile(std::string path, std::vector<Line> lines, std::int64_t length)
      : path_(std::move(path)), lines_(std::move(lines)), length_(length) {}

  std::int64_t count() const override { return static_cast<std::int64_t>(lines_.size()); }
  std::int64_t length() const override { return length_; }
  std::string shapeText() const override {
    const std::int64_t dims[] = {count(), length_};
    return fmasim::shapeText(dims);
  }

  std::unique_ptr<VectorReader> open(std::int64_t index) const override {
    std::string error;
    const Line& line = lines_[static_cast<std::size_t>(index)];
    FilePtr f = openRegularFile(path_, error);
    if (!f || !seekTo(f.get(), line.offset))
      throw std::runtime_error(path_ + ": " + (error.empty() ? "seek failed" : error));
    return std::make_unique<CsvReader>(std::move(f), line.offset, line.number, path_);
  }

 private:
  std::string path_;
  std::vector<Line> lines_;  // where each vector starts: memory grows with the count, not the length
  std::int64_t length_;
};

}  // namespace

std::unique_ptr<TensorFile> openCsvFile(const std::string& path, std::string& error) {
  FilePtr f = openRegularFile(path, error);
  if (!f) {
    error = path + ": " + error;
    return nullptr;
  }
  CsvScanner scanner(f.get(), 0, 1);
  std::vector<CsvFile::Line> lines;
  std::int64_t length = 0;
  CsvField field;
  for (;;) {
    const CsvStatus status = scanner.next(field, error);
    if (status == CsvStatus::Error) {
      error = path + " " + error;
      return nullptr;
    }
    if (status == CsvStatus::EndOfFile) break;
    if (field.column == 1) lines.push_back({field.lineStart, field.line});
    if (!field.endsLine) continue;
    if (length == 0) length = field.column;
    if (field.column != length) {
      error = path + " line " + std::to_string(field.line) + ": " + std::to_string(field.column) + " values; line " +
              std::to_string(lines.front().number) + " has " + std::to_string(length);
      return nullptr;
    }
  }
  if (lines.empty()) {
    error = path + ": no data";
    return nullptr;
  }
  return std::make_unique<CsvFile>(path, std::move(lines), length);
}

}  // namespace fmasim

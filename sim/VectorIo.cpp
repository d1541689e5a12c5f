#include "VectorIo.hpp"

#include <cstring>

namespace fmasim {
namespace {
// Large enough that fread/fwrite calls are rare next to the per-line work.
constexpr std::size_t kBufferBytes = std::size_t{1} << 20;
}  // namespace

LineReader::LineReader(std::FILE* in) : in_(in), buffer_(kBufferBytes) {}

bool LineReader::refill() {
  if (eof_) return false;
  if (begin_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  // A line longer than the whole buffer: grow it (only such lines ever allocate).
  if (end_ == buffer_.size()) buffer_.resize(buffer_.size() * 2);
  const std::size_t got = std::fread(buffer_.data() + end_, 1, buffer_.size() - end_, in_);
  end_ += got;
  if (got == 0) {
    eof_ = true;
    failed_ = std::ferror(in_) != 0;
  }
  return got > 0;
}

bool LineReader::next(std::string_view& line) {
  std::size_t scanned = begin_;  // bytes before this are known not to be '\n'
  for (;;) {
    const void* nl = std::memchr(buffer_.data() + scanned, '\n', end_ - scanned);
    if (nl != nullptr) {
      const std::size_t stop = static_cast<std::size_t>(static_cast<const char*>(nl) - buffer_.data());
      std::size_t len = stop - begin_;
      if (len > 0 && buffer_[begin_ + len - 1] == '\r') --len;
      line = std::string_view(buffer_.data() + begin_, len);
      begin_ = stop + 1;
      ++lineNumber_;
      return true;
    }
    const std::size_t unscanned = end_ - begin_;
    if (!refill()) break;
    scanned = begin_ + unscanned;  // refill moved the unread bytes to the front
  }
  if (begin_ == end_ || failed_) return false;
  line = std::string_view(buffer_.data() + begin_, end_ - begin_);  // last line without '\n'
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  begin_ = end_;
  ++lineNumber_;
  return true;
}

OutputBuffer::OutputBuffer(std::FILE* out) : out_(out), buffer_(kBufferBytes) {}

bool OutputBuffer::flush() {
  if (used_ > 0 && !failed_) failed_ = std::fwrite(buffer_.data(), 1, used_, out_) != used_;
  used_ = 0;
  if (!failed_) failed_ = std::fflush(out_) != 0;
  return !failed_;
}

}  // namespace fmasim

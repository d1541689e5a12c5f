#include "FileIo.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

namespace fmasim {

FilePtr openRegularFile(const std::string& path, std::string& error) {
  FilePtr f(std::fopen(path.c_str(), "rb"));
  if (!f) {
    error = std::string("cannot open: ") + std::strerror(errno);
    return nullptr;
  }
  struct stat info {};
  if (fstat(fileno(f.get()), &info) != 0 || !S_ISREG(info.st_mode)) {  // fopen accepts directories
    error = "not a regular file";
    return nullptr;
  }
  return f;
}

std::int64_t fileSize(std::FILE* f) {
  struct stat info {};
  return fstat(fileno(f), &info) == 0 ? static_cast<std::int64_t>(info.st_size) : -1;
}

bool seekTo(std::FILE* f, std::int64_t offset) { return fseeko(f, static_cast<off_t>(offset), SEEK_SET) == 0; }

bool readExactly(std::FILE* f, void* data, std::size_t size) { return std::fread(data, 1, size, f) == size; }

}  // namespace fmasim

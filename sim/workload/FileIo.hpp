// Plain binary file access for tensor files: open a regular file, seek, read exactly.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>

namespace fmasim {

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

// Opens a regular file for reading; on failure returns null and sets `error` to the
// reason (without the file name).
FilePtr openRegularFile(const std::string& path, std::string& error);

std::int64_t fileSize(std::FILE* f);
bool seekTo(std::FILE* f, std::int64_t offset);
bool readExactly(std::FILE* f, void* data, std::size_t size);

}  // namespace fmasim

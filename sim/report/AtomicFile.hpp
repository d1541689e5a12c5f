// Writes a whole file atomically: to a temporary file beside it, then renamed over
// the target, so a reader never sees a half-written report.
#pragma once

#include <string>

namespace fmasim {

// On failure returns false with `error` naming the file and the reason.
bool writeFileAtomically(const std::string& path, const std::string& content, std::string& error);

}  // namespace fmasim

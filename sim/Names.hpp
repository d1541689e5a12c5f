// Names users type for formats and rounding settings, shared by every command.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "format/Format.hpp"
#include "format/Value.hpp"

namespace fmasim {

// A built-in format name, q<m>.<n>, or the path of a JSON file describing a custom
// float. On failure returns nullopt and sets `error` to one line naming what is allowed.
std::optional<Format> resolveFormat(std::string_view nameOrFile, std::string& error);

// Custom float from a JSON object; `where` prefixes errors (file name and JSON path).
std::optional<Format> customFloatFromJson(const std::string& jsonText, const std::string& where, std::string& error);

std::optional<Rounding> parseRounding(std::string_view name);
std::string_view roundingName(Rounding r);
inline constexpr std::string_view kRoundingNames = "rne, rtz, rup, rdn, rna, stochastic";

}  // namespace fmasim

// Technology descriptors (configs/tech/*.json): read and validated like run configs,
// each error naming the file, the JSON path and what is allowed.
#pragma once

#include <optional>
#include <string>

#include "cost/Technology.hpp"

namespace fmasim {

std::optional<Technology> parseTechnology(const std::string& text, const std::string& where, std::string& error);
// A path to a .json file, or the name of a built-in descriptor (configs/tech/NAME.json).
std::optional<Technology> loadTechnology(const std::string& pathOrName, std::string& error);
std::string builtinTechnologyNames();
// The descriptor as configs/tech/*.json holds it (parseTechnology reads it back).
std::string technologyJson(const Technology& t);

}  // namespace fmasim

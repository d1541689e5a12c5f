#include "Names.hpp"

#include "config/JsonFields.hpp"

#include <nlohmann/json.hpp>

namespace fmasim {
namespace {

std::string allowedFormats() {
  std::string s;
  for (const auto& n : builtinFormatNames()) s += (s.empty() ? "" : ", ") + n;
  return s + ", q<m>.<n> (fixed point), or a .json file describing a custom float";
}

bool endsWith(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

}  // namespace

std::optional<Format> customFloatFromJson(const std::string& jsonText, const std::string& where, std::string& error) {
  const auto parsed = parseJson(jsonText, where, error);
  if (!parsed) return std::nullopt;
  const nlohmann::json& j = *parsed;
  if (!j.is_object()) {
    error = where + ": a custom format must be a JSON object";
    return std::nullopt;
  }
  static const char* const kKeys[] = {"name", "exponent_bits", "mantissa_bits", "bias",
                                      "infinity", "nan", "subnormals", "comment"};
  for (const auto& [key, value] : j.items()) {
    bool known = false;
    for (const char* k : kKeys) known = known || key == k;
    if (!known) {
      error = where + ": /" + key +
              ": unknown field; allowed: name, exponent_bits, mantissa_bits, bias, infinity, nan, subnormals, comment";
      return std::nullopt;
    }
  }
  auto integerField = [&](const char* key, int& out, bool required) {
    if (!j.contains(key)) {
      if (required) error = where + ": /" + key + ": missing (an integer)";
      return !required;
    }
    if (!j[key].is_number_integer()) {
      error = where + ": /" + key + ": must be an integer, got " + j[key].dump();
      return false;
    }
    out = j[key].get<int>();
    return true;
  };
  auto boolField = [&](const char* key, bool& out) {
    if (!j.contains(key)) return true;
    if (!j[key].is_boolean()) {
      error = where + ": /" + key + ": must be true or false, got " + j[key].dump();
      return false;
    }
    out = j[key].get<bool>();
    return true;
  };
  FloatParams p;
  p.hasInf = false;
  p.hasSubnormals = true;
  if (!integerField("exponent_bits", p.expBits, true) || !integerField("mantissa_bits", p.manBits, true)) return std::nullopt;
  p.bias = p.expBits >= 1 && p.expBits <= 30 ? (1 << (p.expBits - 1)) - 1 : 0;
  if (!integerField("bias", p.bias, false) || !boolField("infinity", p.hasInf) ||
      !boolField("subnormals", p.hasSubnormals))
    return std::nullopt;
  p.nan = p.hasInf ? NanStyle::Ieee : NanStyle::None;
  if (j.contains("nan")) {
    const auto& v = j["nan"];
    const std::string s = v.is_string() ? v.get<std::string>() : "";
    if (s == "ieee") p.nan = NanStyle::Ieee;
    else if (s == "single-all-ones") p.nan = NanStyle::SingleAllOnes;
    else if (s == "fnuz") p.nan = NanStyle::Fnuz;
    else if (s == "none") p.nan = NanStyle::None;
    else {
      error = where + ": /nan: got " + v.dump() + "; allowed: \"ieee\", \"single-all-ones\", \"fnuz\", \"none\"";
      return std::nullopt;
    }
  }
  std::string name = "custom_e" + std::to_string(p.expBits) + "m" + std::to_string(p.manBits);
  if (j.contains("name")) {
    if (!j["name"].is_string()) {
      error = where + ": /name: must be a string, got " + j["name"].dump();
      return std::nullopt;
    }
    name = j["name"].get<std::string>();
  }
  std::string why;
  auto f = makeFloatFormat(name, p, why);
  if (!f) error = where + ": " + why;
  return f;
}

std::optional<Format> resolveFormat(std::string_view nameOrFile, std::string& error) {
  if (auto f = formatByName(nameOrFile)) return f;
  if (endsWith(nameOrFile, ".json")) {
    const std::string path(nameOrFile);
    const auto text = readConfigFile(path, error);
    if (!text) return std::nullopt;
    return customFloatFromJson(*text, path, error);
  }
  error = "unknown format '" + std::string(nameOrFile) + "'; allowed: " + allowedFormats();
  return std::nullopt;
}

std::optional<Rounding> parseRounding(std::string_view name) {
  if (name == "rne") return Rounding::NearestEven;
  if (name == "rtz") return Rounding::TowardZero;
  if (name == "rup") return Rounding::Up;
  if (name == "rdn") return Rounding::Down;
  if (name == "rna") return Rounding::NearestAway;
  if (name == "stochastic") return Rounding::Stochastic;
  return std::nullopt;
}

std::string_view roundingName(Rounding r) {
  switch (r) {
    case Rounding::NearestEven: return "rne";
    case Rounding::TowardZero: return "rtz";
    case Rounding::Up: return "rup";
    case Rounding::Down: return "rdn";
    case Rounding::NearestAway: return "rna";
    case Rounding::Stochastic: return "stochastic";
  }
  return "?";
}

}  // namespace fmasim

#include "JsonFields.hpp"

#include <fstream>
#include <sstream>

namespace fmasim {
namespace {

std::string join(std::initializer_list<std::string_view> items, std::string_view quote) {
  std::string s;
  for (auto item : items) {
    if (!s.empty()) s += ", ";
    s += std::string(quote) + std::string(item) + std::string(quote);
  }
  return s;
}

}  // namespace

std::optional<std::string> readConfigFile(const std::string& path, std::string& error) {
  std::ifstream in(path);
  if (!in) {
    error = path + ": cannot open the file";
    return std::nullopt;
  }
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::optional<nlohmann::json> parseJson(const std::string& text, const std::string& where, std::string& error) {
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    error = where + ": not valid JSON: " + e.what();
    return std::nullopt;
  }
}

void JsonFields::fail(std::string_view key, const std::string& message) {
  if (!error_.empty()) return;
  error_ = where_ + ": " + (key.empty() ? (path_.empty() ? "/" : path_) : pathOf(key)) + ": " + message;
}

void JsonFields::allowOnly(std::initializer_list<std::string_view> known) {
  if (!ok()) return;
  for (const auto& [key, value] : object_.items()) {
    bool found = false;
    for (auto k : known) found = found || key == k;
    if (!found) {
      fail(key, "unknown field; allowed: " + join(known, ""));
      return;
    }
  }
}

const nlohmann::json* JsonFields::find(std::string_view key) const {
  if (!ok()) return nullptr;
  const auto it = object_.find(std::string(key));
  return it == object_.end() ? nullptr : &*it;
}

std::optional<int> JsonFields::integer(std::string_view key, int min, int max) {
  const auto v = integer64(key, min, max);
  return v ? std::optional<int>(static_cast<int>(*v)) : std::nullopt;
}

std::optional<std::int64_t> JsonFields::integer64(std::string_view key, std::int64_t min, std::int64_t max) {
  const nlohmann::json* v = find(key);
  if (v == nullptr) return std::nullopt;
  if (!v->is_number_integer()) {
    fail(key, "must be an integer, got " + v->dump());
    return std::nullopt;
  }
  const auto n = v->get<std::int64_t>();
  if (n < min || n > max) {
    fail(key, "must be " + std::to_string(min) + ".." + std::to_string(max) + ", got " + std::to_string(n));
    return std::nullopt;
  }
  return n;
}

std::optional<double> JsonFields::number(std::string_view key) {
  const nlohmann::json* v = find(key);
  if (v == nullptr) return std::nullopt;
  if (!v->is_number()) {
    fail(key, "must be a number, got " + v->dump());
    return std::nullopt;
  }
  return v->get<double>();
}

std::optional<bool> JsonFields::boolean(std::string_view key) {
  const nlohmann::json* v = find(key);
  if (v == nullptr) return std::nullopt;
  if (!v->is_boolean()) {
    fail(key, "must be true or false, got " + v->dump());
    return std::nullopt;
  }
  return v->get<bool>();
}

std::optional<std::string> JsonFields::string(std::string_view key) {
  const nlohmann::json* v = find(key);
  if (v == nullptr) return std::nullopt;
  if (!v->is_string()) {
    fail(key, "must be a string, got " + v->dump());
    return std::nullopt;
  }
  return v->get<std::string>();
}

std::optional<int> JsonFields::choice(std::string_view key, std::initializer_list<std::string_view> allowed) {
  const nlohmann::json* v = find(key);
  if (v == nullptr) return std::nullopt;
  if (v->is_string()) {
    int i = 0;
    for (auto a : allowed) {
      if (v->get<std::string>() == a) return i;
      ++i;
    }
  }
  fail(key, "got " + v->dump() + "; allowed: " + join(allowed, "\""));
  return std::nullopt;
}

std::optional<JsonFields> JsonFields::object(std::string_view key) {
  const nlohmann::json* v = find(key);
  if (v == nullptr) return std::nullopt;
  JsonFields nested(*v, pathOf(key), error_, where_);
  if (!nested.ok()) return std::nullopt;
  return nested;
}

}  // namespace fmasim

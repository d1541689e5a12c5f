// Reading a JSON object field by field with the JSON path of every value, so that each
// error names the file, the path (/datapath/accumulator/format), the bad value and
// what is allowed. The first error wins; later reads are no-ops.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fmasim {

// The text of a config file, or nullopt with `error` naming the file.
std::optional<std::string> readConfigFile(const std::string& path, std::string& error);
// Parsed JSON, or nullopt with `error` naming `where` and the parser's message.
std::optional<nlohmann::json> parseJson(const std::string& text, const std::string& where, std::string& error);

class JsonFields {
 public:
  JsonFields(const nlohmann::json& object, std::string path, std::string& error, std::string where)
      : object_(object), path_(std::move(path)), error_(error), where_(std::move(where)) {
    if (!object_.is_object()) fail("", "must be an object, got " + object_.dump());
  }

  bool ok() const { return error_.empty(); }
  const std::string& path() const { return path_; }
  std::string pathOf(std::string_view key) const { return path_ + "/" + std::string(key); }

  // Records an error at path/key (key may be empty for the object itself).
  void fail(std::string_view key, const std::string& message);

  // Rejects every key not in `known`.
  void allowOnly(std::initializer_list<std::string_view> known);

  bool has(std::string_view key) const { return ok() && object_.contains(std::string(key)); }
  std::optional<int> integer(std::string_view key, int min, int max);
  std::optional<std::int64_t> integer64(std::string_view key, std::int64_t min, std::int64_t max);
  std::optional<double> number(std::string_view key);
  std::optional<bool> boolean(std::string_view key);
  std::optional<std::string> string(std::string_view key);
  // A string that must be one of `allowed`; returns its index.
  std::optional<int> choice(std::string_view key, std::initializer_list<std::string_view> allowed);
  // A nested object (nullopt when absent or on error).
  std::optional<JsonFields> object(std::string_view key);

  const nlohmann::json& json() const { return object_; }
  std::string& errorSink() { return error_; }
  const std::string& where() const { return where_; }

 private:
  const nlohmann::json* find(std::string_view key) const;

  const nlohmann::json& object_;
  std::string path_;
  std::string& error_;
  std::string where_;
};

}  // namespace fmasim

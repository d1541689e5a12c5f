// The command line without CLI11 in the interface. CLI11 is header-only and each file that
// registered options through it compiled its whole parser again (about 0.9 MB of object
// code and half a minute of compile time per subcommand); behind this interface only
// CommandLine.cpp compiles it.
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <string>
#include <vector>

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace fmasim {

// One option of a subcommand; its modifiers chain.
class CommandOption {
 public:
  explicit CommandOption(CLI::Option* option) : option_(option) {}
  CommandOption& required();
  CommandOption& oneOf(std::initializer_list<const char*> allowed);
  CommandOption& range(std::int64_t low, std::int64_t high);
  CommandOption& existingFile();
  CommandOption& showDefault();  // the help shows the value the variable holds now

 private:
  CLI::Option* option_;
};

// A subcommand: options store straight into the caller's variables, which must outlive
// parsing (the commands keep them in a shared_ptr captured by the run callback).
class Subcommand {
 public:
  explicit Subcommand(CLI::App* app) : app_(app) {}
  CommandOption option(const std::string& names, std::string& into, const std::string& help);
  CommandOption option(const std::string& names, std::vector<std::string>& into, const std::string& help);
  CommandOption option(const std::string& names, int& into, const std::string& help);
  CommandOption option(const std::string& names, std::uint32_t& into, const std::string& help);
  CommandOption option(const std::string& names, std::int64_t& into, const std::string& help);
  CommandOption option(const std::string& names, std::uint64_t& into, const std::string& help);
  CommandOption option(const std::string& names, double& into, const std::string& help);
  void flag(const std::string& names, bool& into, const std::string& help);
  void onRun(std::function<void()> run);

 private:
  CLI::App* app_;
};

class CommandLine {
 public:
  explicit CommandLine(const std::string& description);
  ~CommandLine();
  Subcommand subcommand(const std::string& name, const std::string& description);
  // Parses argv and runs the chosen subcommand; returns CLI11's exit code for --help (0)
  // and 2 for a usage error, -1 when a subcommand ran.
  int parse(int argc, char** argv);

 private:
  std::unique_ptr<CLI::App> app_;
};

}  // namespace fmasim

#include "CommandLine.hpp"

#include <CLI/CLI.hpp>

namespace fmasim {

CommandOption& CommandOption::required() {
  option_->required();
  return *this;
}

CommandOption& CommandOption::oneOf(std::initializer_list<const char*> allowed) {
  option_->check(CLI::IsMember(std::vector<std::string>(allowed.begin(), allowed.end())));
  return *this;
}

CommandOption& CommandOption::range(std::int64_t low, std::int64_t high) {
  option_->check(CLI::Range(low, high));
  return *this;
}

CommandOption& CommandOption::existingFile() {
  option_->check(CLI::ExistingFile);
  return *this;
}

CommandOption& CommandOption::showDefault() {
  option_->capture_default_str();
  return *this;
}

namespace {

template <typename T>
CommandOption addOption(CLI::App* app, const std::string& names, T& into, const std::string& help) {
  return CommandOption(app->add_option(names, into, help));
}

}  // namespace

CommandOption Subcommand::option(const std::string& names, std::string& into, const std::string& help) {
  return addOption(app_, names, into, help);
}
CommandOption Subcommand::option(const std::string& names, std::vector<std::string>& into, const std::string& help) {
  return addOption(app_, names, into, help);
}
CommandOption Subcommand::option(const std::string& names, int& into, const std::string& help) {
  return addOption(app_, names, into, help);
}
CommandOption Subcommand::option(const std::string& names, std::uint32_t& into, const std::string& help) {
  return addOption(app_, names, into, help);
}
CommandOption Subcommand::option(const std::string& names, std::int64_t& into, const std::string& help) {
  return addOption(app_, names, into, help);
}
CommandOption Subcommand::option(const std::string& names, std::uint64_t& into, const std::string& help) {
  return addOption(app_, names, into, help);
}
CommandOption Subcommand::option(const std::string& names, double& into, const std::string& help) {
  return addOption(app_, names, into, help);
}

void Subcommand::flag(const std::string& names, bool& into, const std::string& help) {
  app_->add_flag(names, into, help);
}

void Subcommand::onRun(std::function<void()> run) { app_->callback(std::move(run)); }

CommandLine::CommandLine(const std::string& description) : app_(std::make_unique<CLI::App>(description)) {
  app_->require_subcommand(1);
}

CommandLine::~CommandLine() = default;

Subcommand CommandLine::subcommand(const std::string& name, const std::string& description) {
  return Subcommand(app_->add_subcommand(name, description));
}

int CommandLine::parse(int argc, char** argv) {
  try {
    app_->parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app_->exit(e);
    return rc == 0 ? 0 : 2;
  }
  return -1;
}

}  // namespace fmasim

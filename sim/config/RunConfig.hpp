// A run configuration: the datapath (turned into its DatapathSpec) and the workload,
// read from a JSON config file and validated field by field.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "datapath/DatapathSpec.hpp"
#include "workload/Workload.hpp"

namespace fmasim {

struct RunConfig {
  std::string name;
  std::string comment;
  DatapathSpec spec;
  WorkloadSpec workload;
  // Configs (paths resolved against this one's folder) whose datapaths run on this
  // config's workload too, reported beside it.
  std::vector<std::string> compare;
};

// `where` names the source in errors (a file path); relative paths inside the config
// (custom formats, tensor files) are resolved against `baseDir`.
std::optional<RunConfig> parseRunConfig(const std::string& text, const std::string& where, const std::string& baseDir,
                                        std::string& error);
std::optional<RunConfig> loadRunConfig(const std::string& path, std::string& error);
// The configs at `paths`, or the built-in default configs when `paths` is empty.
std::optional<std::vector<RunConfig>> loadRunConfigs(const std::vector<std::string>& paths, std::string& error);

// The config and its `compare` configs (each run on the config's workload), in order.
bool loadRunConfigWithComparisons(const std::string& path, std::vector<RunConfig>& out, std::string& error);

}  // namespace fmasim

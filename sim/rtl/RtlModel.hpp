// A Verilated rtl/mac.sv loaded from its model library (rtl/BuildModel.cmake builds
// one per config): one clock cycle per cycle() call.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "RtlPluginAbi.h"

namespace fmasim {

class RtlModel {
 public:
  // nullopt with `error` naming the library and what went wrong.
  static std::optional<RtlModel> load(const std::string& libraryPath, std::string& error);

  RtlModel(RtlModel&&) noexcept;
  RtlModel& operator=(RtlModel&&) noexcept;
  ~RtlModel();

  // Sets the inputs, runs one rising edge, reads the outputs.
  void cycle(FmasimRtlPorts& ports) { api_->cycle(model_, &ports); }
  // The -G lines the library was built with.
  std::string parameters() const { return api_->parameters; }

 private:
  RtlModel(void* library, const FmasimRtlApi* api);

  void* library_ = nullptr;
  const FmasimRtlApi* api_ = nullptr;
  void* model_ = nullptr;
};

}  // namespace fmasim

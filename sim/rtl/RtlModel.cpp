#include "RtlModel.hpp"

#include <dlfcn.h>

#include <utility>

namespace fmasim {

std::optional<RtlModel> RtlModel::load(const std::string& libraryPath, std::string& error) {
  // RTLD_LOCAL: every config's library has its own Vmac classes.
  void* library = ::dlopen(libraryPath.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (library == nullptr) {
    error = libraryPath + ": cannot load the RTL model library: " + ::dlerror();
    return std::nullopt;
  }
  const auto entry = reinterpret_cast<FmasimRtlApiFunction>(::dlsym(library, "fmasim_rtl_api"));
  const FmasimRtlApi* api = entry != nullptr ? entry() : nullptr;
  if (api == nullptr || api->abi_version != FMASIM_RTL_ABI_VERSION) {
    error = libraryPath + ": not an fmasim RTL model library of interface version " +
            std::to_string(FMASIM_RTL_ABI_VERSION) + " (rebuild it with rtl/BuildModel.cmake)";
    ::dlclose(library);
    return std::nullopt;
  }
  return RtlModel(library, api);
}

RtlModel::RtlModel(void* library, const FmasimRtlApi* api) : library_(library), api_(api), model_(api->create()) {}

RtlModel::RtlModel(RtlModel&& other) noexcept
    : library_(std::exchange(other.library_, nullptr)),
      api_(std::exchange(other.api_, nullptr)),
      model_(std::exchange(other.model_, nullptr)) {}

RtlModel& RtlModel::operator=(RtlModel&& other) noexcept {
  std::swap(library_, other.library_);
  std::swap(api_, other.api_);
  std::swap(model_, other.model_);
  return *this;
}

RtlModel::~RtlModel() {
  if (model_ != nullptr) api_->destroy(model_);
  if (library_ != nullptr) ::dlclose(library_);
}

}  // namespace fmasim

# Writes a C++ source holding the text of the default configs, so `fmasim run`
# without a config runs the same files users find in configs/.
# Inputs: OUT (the .cpp to write), DIR (configs/), NAMES (comma-separated config names,
# relative to DIR, without .json), FUNCTION (the accessor DefaultConfigs.hpp declares).
set(body "// Generated from configs/ by sim/EmbedConfigs.cmake; do not edit.\n#include \"DefaultConfigs.hpp\"\n\nnamespace fmasim {\n\nstd::span<const EmbeddedConfig> ${FUNCTION}() {\n  static const EmbeddedConfig configs[] = {\n")
string(REPLACE "," ";" NAMES "${NAMES}")
foreach(name IN LISTS NAMES)
  file(READ "${DIR}/${name}.json" text)
  string(APPEND body "      {\"configs/${name}.json\", R\"fmasim_json(${text})fmasim_json\"},\n")
endforeach()
string(APPEND body "  };\n  return configs;\n}\n\n}  // namespace fmasim\n")
file(WRITE "${OUT}.tmp" "${body}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)

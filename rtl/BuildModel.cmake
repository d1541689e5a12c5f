# Builds the Verilated model of rtl/mac.sv for one config as a shared library that
# fmasim loads (sim/rtl/RtlPluginAbi.h). Script mode:
#   cmake -DFMASIM=<fmasim> -DCONFIG=<config.json> -DOUT_DIR=<dir> -P rtl/BuildModel.cmake
# The parameters come from `fmasim rtl-params CONFIG` (the config's DatapathSpec);
# the library is OUT_DIR/libfmasim_rtl.so. VERILATOR (optional) names the executable.
cmake_minimum_required(VERSION 3.25)
foreach(var FMASIM CONFIG OUT_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "BuildModel.cmake: -D${var}=... is required")
  endif()
endforeach()
if(NOT DEFINED VERILATOR)
  set(VERILATOR verilator)
endif()
get_filename_component(rtl_dir "${CMAKE_CURRENT_LIST_DIR}" ABSOLUTE)
get_filename_component(abi_dir "${rtl_dir}/../sim/rtl" ABSOLUTE)
file(MAKE_DIRECTORY "${OUT_DIR}")

execute_process(COMMAND "${FMASIM}" rtl-params "${CONFIG}" -o "${OUT_DIR}/params.vc" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "fmasim rtl-params ${CONFIG} failed")
endif()
file(READ "${OUT_DIR}/params.vc" params)
file(WRITE "${OUT_DIR}/RtlPluginParameters.h.new"
     "// Written by rtl/BuildModel.cmake: the -G lines the model was built with.\n"
     "inline constexpr char kRtlParameters[] = R\"fmasim(${params})fmasim\";\n")
file(COPY_FILE "${OUT_DIR}/RtlPluginParameters.h.new" "${OUT_DIR}/RtlPluginParameters.h" ONLY_IF_DIFFERENT)

file(GLOB sources "${rtl_dir}/*.sv")
# --x-assign/--x-initial fast and -O3 for speed (toolchain.md); -fPIC and -shared make
# Verilator's own build link the model, its runtime and the glue into one library.
# -fno-semantic-interposition and -Bsymbolic bind the library's calls to itself
# directly instead of through the PLT (nothing interposes them): 937 -> 861
# instructions a cycle for the interleaved FP8 MAC (docs/RTL.md, Speed).
execute_process(
  COMMAND "${VERILATOR}" --cc --exe --build -O3 --x-assign fast --x-initial fast --top-module mac
          --Mdir "${OUT_DIR}/obj" -f "${OUT_DIR}/params.vc"
          -CFLAGS -fPIC -CFLAGS -fno-semantic-interposition -CFLAGS "-I${abi_dir}" -CFLAGS "-I${OUT_DIR}" -LDFLAGS -shared -LDFLAGS -Wl,-Bsymbolic
          -MAKEFLAGS OPT_FAST=-O3 -MAKEFLAGS OPT_SLOW=-O1 -MAKEFLAGS OPT_GLOBAL=-O2
          -o "${OUT_DIR}/libfmasim_rtl.so" "${rtl_dir}/RtlPlugin.cpp" ${sources}
  RESULT_VARIABLE rc OUTPUT_VARIABLE log ERROR_VARIABLE log)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "verilator failed for ${CONFIG}:\n${log}")
endif()

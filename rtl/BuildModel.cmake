# Builds the Verilated model of rtl/mac.sv for one config as a shared library that
# fmasim loads (sim/rtl/RtlPluginAbi.h); `fmasim verify --rtl` runs it for any config.
# Script mode:
#   cmake -DFMASIM=<fmasim> -DCONFIG=<config.json> -DOUT_DIR=<dir> -P rtl/BuildModel.cmake
# The parameters come from `fmasim rtl-params CONFIG` (the config's DatapathSpec);
# the library is OUT_DIR/libfmasim_rtl.so. VERILATOR (optional) names the executable.
# The test models are built by verilate() with the same options (rtl/ModelOptions.cmake).
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
include("${rtl_dir}/ModelOptions.cmake")
file(MAKE_DIRECTORY "${OUT_DIR}")

execute_process(COMMAND "${FMASIM}" rtl-params "${CONFIG}" -o "${OUT_DIR}/params.vc" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "fmasim rtl-params ${CONFIG} failed")
endif()
fmasim_rtl_parameters_header("${OUT_DIR}/params.vc" "${OUT_DIR}/RtlPluginParameters.h")

file(GLOB sources "${rtl_dir}/*.sv")
set(cflags "")
set(ldflags "")
foreach(flag IN LISTS FMASIM_RTL_CXX_FLAGS)
  list(APPEND cflags -CFLAGS ${flag})
endforeach()
foreach(flag IN LISTS FMASIM_RTL_LINK_FLAGS)
  list(APPEND ldflags -LDFLAGS ${flag})
endforeach()
# -fPIC and -shared make Verilator's own build link the model, its runtime and the
# glue into one library.
execute_process(
  COMMAND "${VERILATOR}" --cc --exe --build ${FMASIM_RTL_VERILATOR_ARGS}
          --Mdir "${OUT_DIR}/obj" -f "${OUT_DIR}/params.vc"
          -CFLAGS -fPIC ${cflags} -CFLAGS "-I${abi_dir}" -CFLAGS "-I${OUT_DIR}" -LDFLAGS -shared ${ldflags}
          -MAKEFLAGS "OPT_FAST=${FMASIM_RTL_OPT_FAST}" -MAKEFLAGS "OPT_SLOW=${FMASIM_RTL_OPT_SLOW}"
          -MAKEFLAGS "OPT_GLOBAL=${FMASIM_RTL_OPT_GLOBAL}"
          -o "${OUT_DIR}/libfmasim_rtl.so" "${rtl_dir}/RtlPlugin.cpp" ${sources}
  RESULT_VARIABLE rc OUTPUT_VARIABLE log ERROR_VARIABLE log)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "verilator failed for ${CONFIG}:\n${log}")
endif()

# The Verilator bits of the build. fmasim_rtl_model(NAME CONFIG) builds the Verilated
# rtl/mac.sv for one config, as the shared library `fmasim verify --rtl-lib` loads,
# into ${CMAKE_CURRENT_BINARY_DIR}/models/NAME/libfmasim_rtl.so (target rtl_model_NAME).
#
# Not Verilator's verilate(): it runs Verilator at configure time, when the -G
# parameters must already be known, but they come from `fmasim rtl-params`, that is
# from the config's DatapathSpec, and fmasim is built later. So the build runs
# rtl/BuildModel.cmake after fmasim: rtl-params, then verilator --build (as --cc).
find_program(FMASIM_VERILATOR verilator REQUIRED)
set(FMASIM_RTL_DIR "${CMAKE_CURRENT_LIST_DIR}")
file(GLOB FMASIM_RTL_SOURCES CONFIGURE_DEPENDS "${FMASIM_RTL_DIR}/*.sv")

function(fmasim_rtl_model name config)
  set(dir "${CMAKE_CURRENT_BINARY_DIR}/models/${name}")
  add_custom_command(
    OUTPUT "${dir}/libfmasim_rtl.so"
    COMMAND ${CMAKE_COMMAND} "-DFMASIM=$<TARGET_FILE:fmasim>" "-DCONFIG=${config}" "-DOUT_DIR=${dir}"
            "-DVERILATOR=${FMASIM_VERILATOR}" -P "${FMASIM_RTL_DIR}/BuildModel.cmake"
    DEPENDS fmasim "${config}" ${FMASIM_RTL_SOURCES} "${FMASIM_RTL_DIR}/BuildModel.cmake"
            "${FMASIM_RTL_DIR}/RtlPlugin.cpp" "${PROJECT_SOURCE_DIR}/sim/rtl/RtlPluginAbi.h"
    COMMENT "Verilating rtl/ for ${name}"
    VERBATIM)
  add_custom_target(rtl_model_${name} ALL DEPENDS "${dir}/libfmasim_rtl.so")
endfunction()

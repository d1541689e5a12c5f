# RTL models in the CMake build. fmasim_rtl_model(NAME PARAMS_FILE) builds the Verilated
# rtl/mac.sv with the -G parameters of PARAMS_FILE as the shared library `fmasim verify
# --rtl-lib` loads: ${CMAKE_CURRENT_BINARY_DIR}/models/NAME/libfmasim_rtl.so (target
# rtl_model_NAME).
#
# Verilator's verilate() runs Verilator at configure time, so the parameters must exist
# before fmasim is built: PARAMS_FILE is a checked-in copy of `fmasim rtl-params CONFIG`
# (tests/rtl/params/; the test rtl.params checks that it is current). The Verilated C++
# is then compiled by the build's own jobs, and relinking fmasim rebuilds no model.
include("${CMAKE_CURRENT_LIST_DIR}/ModelOptions.cmake")
find_program(FMASIM_VERILATOR verilator REQUIRED)
set(FMASIM_RTL_DIR "${CMAKE_CURRENT_LIST_DIR}")
file(GLOB FMASIM_RTL_SOURCES CONFIGURE_DEPENDS "${FMASIM_RTL_DIR}/*.sv")
# Verilator's runtime, which verilate() would compile into every model again (more than
# half of a model's build): compiled once, as every model's build would.
set(FMASIM_VERILATOR_RUNTIME "${VERILATOR_ROOT}/include/verilated.cpp" "${VERILATOR_ROOT}/include/verilated_threads.cpp")

function(fmasim_rtl_model name params_file)
  set(target rtl_model_${name})
  set(dir "${CMAKE_CURRENT_BINARY_DIR}/models/${name}")
  # Left out rather than failing the configure: the file is made by the fmasim this
  # build makes (tests/rtl: `cmake --build build --target rtl_params_update`).
  if(NOT EXISTS "${params_file}")
    message(WARNING "${params_file} is missing: the model ${target} is left out until it is generated")
    return()
  endif()
  # The -G lines go on Verilator's command line rather than through -f: verilate()
  # re-runs Verilator when its command changes, so a changed parameter rebuilds the model.
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${params_file}")
  file(STRINGS "${params_file}" parameters REGEX "^-G")
  fmasim_rtl_parameters_header("${params_file}" "${dir}/RtlPluginParameters.h")

  if(NOT TARGET fmasim_verilator_runtime)
    add_library(fmasim_verilator_runtime STATIC ${FMASIM_VERILATOR_RUNTIME})
    fmasim_rtl_model_flags(fmasim_verilator_runtime ${FMASIM_RTL_OPT_GLOBAL})
    target_include_directories(fmasim_verilator_runtime PUBLIC "${VERILATOR_ROOT}/include"
                                                               "${VERILATOR_ROOT}/include/vltstd")
    target_compile_definitions(fmasim_verilator_runtime PRIVATE VM_COVERAGE=0 VM_SC=0 VM_TRACE=0 VM_TRACE_FST=0
                                                                VM_TRACE_VCD=0)
    target_link_libraries(fmasim_verilator_runtime PUBLIC ${VERILATOR_MT_CFLAGS})
  endif()
  add_library(${target} MODULE "${FMASIM_RTL_DIR}/RtlPlugin.cpp")
  set_target_properties(${target} PROPERTIES OUTPUT_NAME fmasim_rtl LIBRARY_OUTPUT_DIRECTORY "${dir}")
  fmasim_rtl_model_flags(${target} ${FMASIM_RTL_OPT_FAST})
  target_include_directories(${target} PRIVATE "${dir}" "${PROJECT_SOURCE_DIR}/sim/rtl")
  set(vdir "${dir}/verilated")
  verilate(${target} PREFIX Vmac DIRECTORY "${vdir}" SOURCES ${FMASIM_RTL_SOURCES}
           VERILATOR_ARGS ${FMASIM_RTL_VERILATOR_ARGS} ${parameters})
  # The generated files compiled as two (rtl/MergeVerilated.cmake), and the runtime that
  # verilate() adds linked from fmasim_verilator_runtime instead.
  get_target_property(sources ${target} SOURCES)
  set(generated ${sources})
  list(FILTER generated INCLUDE REGEX "/verilated/Vmac[^/]*\\.cpp$")
  set_source_files_properties(${generated} PROPERTIES HEADER_FILE_ONLY ON)
  list(REMOVE_ITEM sources ${FMASIM_VERILATOR_RUNTIME})
  set_property(TARGET ${target} PROPERTY SOURCES ${sources})
  add_custom_command(OUTPUT "${vdir}/Vmac__fast.cpp" "${vdir}/Vmac__slow.cpp"
                     COMMAND ${CMAKE_COMMAND} "-DVDIR=${vdir}" -P "${FMASIM_RTL_DIR}/MergeVerilated.cmake"
                     DEPENDS "${vdir}/Vmac.cmake" "${FMASIM_RTL_DIR}/MergeVerilated.cmake" VERBATIM)
  target_sources(${target} PRIVATE "${vdir}/Vmac__fast.cpp" "${vdir}/Vmac__slow.cpp")
  set_source_files_properties("${vdir}/Vmac__fast.cpp" PROPERTIES COMPILE_OPTIONS "${FMASIM_RTL_OPT_FAST}")
  set_source_files_properties("${vdir}/Vmac__slow.cpp" PROPERTIES COMPILE_OPTIONS "${FMASIM_RTL_OPT_SLOW}")
  target_link_libraries(${target} PRIVATE fmasim_verilator_runtime)
endfunction()

# fmasim_rtl_model_flags(TARGET OPT): the model code's flags in every build type: OPT and
# no debug information, and not instrumented under FMASIM_SANITIZE (generated code; the
# harness is what the sanitizer build checks).
function(fmasim_rtl_model_flags target opt)
  set_target_properties(${target} PROPERTIES COMPILE_OPTIONS "" LINK_OPTIONS "" POSITION_INDEPENDENT_CODE ON)
  target_compile_options(${target} PRIVATE -g0 ${opt} ${FMASIM_RTL_CXX_FLAGS})
  target_link_options(${target} PRIVATE ${FMASIM_RTL_LINK_FLAGS})
endfunction()

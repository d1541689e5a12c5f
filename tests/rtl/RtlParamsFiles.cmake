# The test models' checked-in parameter files, tests/rtl/params/NAME.vc: a comment line,
# then exactly `fmasim rtl-params CONFIG`. verilate() needs them at configure time
# (rtl/FmasimRtl.cmake); this script keeps them equal to what the DatapathSpec derives.
#   cmake -DFMASIM=<fmasim> -DSOURCE_DIR=<project> -DMODELS=<file> -DMODE=check|update
#         -P tests/rtl/RtlParamsFiles.cmake
# MODELS lists one model a line, "NAME CONFIG" (CONFIG relative to SOURCE_DIR).
# check (the test rtl.params): fails naming every file that is missing, differs from
# rtl-params, or belongs to no model. update (the target rtl_params_update): rewrites them.
cmake_minimum_required(VERSION 3.25)
foreach(var FMASIM SOURCE_DIR MODELS MODE)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "RtlParamsFiles.cmake: -D${var}=... is required")
  endif()
endforeach()
set(params_dir "${SOURCE_DIR}/tests/rtl/params")
set(regenerate "cmake --build build --target rtl_params_update")

file(STRINGS "${MODELS}" models)
set(problems "")
set(wanted_files "")
foreach(model IN LISTS models)
  separate_arguments(model UNIX_COMMAND "${model}")
  list(GET model 0 name)
  list(GET model 1 config)
  set(file "${params_dir}/${name}.vc")
  list(APPEND wanted_files "${file}")
  execute_process(COMMAND "${FMASIM}" rtl-params "${SOURCE_DIR}/${config}"
                  OUTPUT_VARIABLE params ERROR_VARIABLE error RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    string(APPEND problems "  fmasim rtl-params ${config} failed (exit ${rc}): ${error}")
    continue()
  endif()
  set(expected "// Generated: fmasim rtl-params ${config} (regenerate: ${regenerate})\n${params}")
  if(MODE STREQUAL "update")
    file(WRITE "${file}.new" "${expected}")
    file(COPY_FILE "${file}.new" "${file}" ONLY_IF_DIFFERENT)
    file(REMOVE "${file}.new")
  elseif(NOT EXISTS "${file}")
    string(APPEND problems "  tests/rtl/params/${name}.vc is missing (config ${config})\n")
  else()
    file(READ "${file}" actual)
    if(NOT actual STREQUAL expected)
      string(APPEND problems "  tests/rtl/params/${name}.vc differs from `fmasim rtl-params ${config}`\n")
    endif()
  endif()
endforeach()

file(GLOB present "${params_dir}/*.vc")
foreach(file IN LISTS present)
  if(NOT file IN_LIST wanted_files)
    if(MODE STREQUAL "update")
      file(REMOVE "${file}")
    else()
      get_filename_component(stale "${file}" NAME)
      string(APPEND problems "  tests/rtl/params/${stale} belongs to no model in tests/rtl/CMakeLists.txt\n")
    endif()
  endif()
endforeach()

if(problems)
  message(FATAL_ERROR "The checked-in RTL parameters are not current:\n${problems}"
                      "Regenerate them with `${regenerate}` and commit tests/rtl/params/.")
endif()

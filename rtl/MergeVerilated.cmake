# Script mode, a build step of each test model (rtl/FmasimRtl.cmake):
#   cmake -DVDIR=<verilate() directory> -P rtl/MergeVerilated.cmake
# Writes VDIR/Vmac__fast.cpp and VDIR/Vmac__slow.cpp, which #include the per-cycle and the
# construction files Verilator's last run listed in VDIR/Vmac.cmake. Compiled on its own,
# each generated file parses Verilator's headers again (twice the CPU of a model); this is
# what verilated.mk does for small models. Read at build time, the list is always the
# last run's, whatever files an RTL change makes Verilator name.
cmake_minimum_required(VERSION 3.25)
include("${VDIR}/Vmac.cmake")
foreach(part fast slow)
  string(TOUPPER "${part}" kind)
  set(text "// Written by rtl/MergeVerilated.cmake: the ${part} part of the Verilated model.\n")
  foreach(file IN LISTS Vmac_CLASSES_${kind} Vmac_SUPPORT_${kind})
    string(APPEND text "#include \"${file}\"\n")
  endforeach()
  file(WRITE "${VDIR}/Vmac__${part}.cpp.new" "${text}")
  file(COPY_FILE "${VDIR}/Vmac__${part}.cpp.new" "${VDIR}/Vmac__${part}.cpp" ONLY_IF_DIFFERENT)
  file(REMOVE "${VDIR}/Vmac__${part}.cpp.new")
endforeach()

// SystemC owns main(): the GoogleTest runner starts from sc_main. Each test builds its
// own module hierarchy, and SystemC elaborates once per process, so CTest runs every
// test in a process of its own (gtest_discover_tests).
#include <gtest/gtest.h>

#include <systemc>

int sc_main(int argc, char* argv[]) {
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}

// Helpers for the workload tests: read a whole dot product back from its chunks,
// decode codes to doubles, and write test files into a private temporary folder.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "format/Decode.hpp"
#include "workload/Workload.hpp"

namespace fmatest {

using namespace fmasim;

inline Format fmt(const char* name) { return *formatByName(name); }

// Everything the chunks of one dot product carried, concatenated.
struct DotData {
  std::vector<double> realA, realB;
  std::vector<std::uint64_t> codeA, codeB;
  std::vector<std::int32_t> expA, expB;
  std::vector<std::size_t> chunkLengths;
};

inline DotData visitAll(const Workload& w, std::int64_t index) {
  DotData d;
  w.forEachChunk(index, [&](const Chunk& c) {
    d.chunkLengths.push_back(c.codeA.size());
    d.realA.insert(d.realA.end(), c.realA.begin(), c.realA.end());
    d.realB.insert(d.realB.end(), c.realB.begin(), c.realB.end());
    d.codeA.insert(d.codeA.end(), c.codeA.begin(), c.codeA.end());
    d.codeB.insert(d.codeB.end(), c.codeB.begin(), c.codeB.end());
    d.expA.insert(d.expA.end(), c.scaleExpA.begin(), c.scaleExpA.end());
    d.expB.insert(d.expB.end(), c.scaleExpB.begin(), c.scaleExpB.end());
  });
  return d;
}

inline std::unique_ptr<Workload> build(const WorkloadSpec& spec, const char* fa = "fp32", const char* fb = "fp32") {
  std::string error;
  std::unique_ptr<Workload> w = makeWorkload(spec, fmt(fa), fmt(fb), error);
  EXPECT_NE(w, nullptr) << error;
  return w;
}

// The error makeWorkload reports for `spec` (and that it returns null).
inline std::string errorOf(const WorkloadSpec& spec, const char* fa = "fp32", const char* fb = "fp32") {
  std::string error;
  EXPECT_EQ(makeWorkload(spec, fmt(fa), fmt(fb), error), nullptr);
  return error;
}

// The exact value of a code as a double (the formats tested fit a double); NaN for NaN codes.
inline double valueOf(const Format& f, std::uint64_t code) {
  const Decoded d = decode(f, code);
  if (d.isNaN()) return NAN;
  if (d.isInf()) return d.sign ? -INFINITY : INFINITY;
  const double magnitude = d.isZero() ? 0.0 : std::ldexp(static_cast<double>(d.sig), d.exp);
  return d.sign ? -magnitude : magnitude;
}

// A folder of its own for each test, removed afterwards.
class TempDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = std::string(info->test_suite_name()) + "_" + info->name();
    std::replace(name.begin(), name.end(), '/', '_');  // parameterized tests' names hold '/'
    dir_ = std::filesystem::temp_directory_path() / ("fmasim_workload_" + std::to_string(getpid()) + "_" + name);
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  std::string write(const std::string& name, const std::string& bytes) const {
    std::ofstream(path(name), std::ios::binary) << bytes;
    return path(name);
  }

 private:
  std::filesystem::path dir_;
};

}  // namespace fmatest

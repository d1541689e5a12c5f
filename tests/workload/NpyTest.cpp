// .npy files written here byte by byte (versions 1.0 and 2.0, '<f4' and '<f2',
// 1-D and 2-D) read back by streaming; malformed files give one-line errors.
#include <gmock/gmock.h>

#include <bit>
#include <tuple>

#include "WorkloadTestSupport.hpp"

namespace fmatest {
namespace {

using ::testing::HasSubstr;

std::string littleEndian(std::uint64_t v, int bytes) {
  std::string s;
  for (int i = 0; i < bytes; ++i) s += static_cast<char>((v >> (8 * i)) & 0xFF);
  return s;
}

// A complete .npy file: magic, version, header length, the dict padded with spaces
// and '\n' to a multiple of 64 bytes (as numpy writes it), then the data.
std::string npy(const std::string& dict, const std::string& data, int major = 1) {
  const std::size_t prefix = major == 1 ? 10 : 12;
  std::string header = dict;
  while ((prefix + header.size() + 1) % 64 != 0) header += ' ';
  header += '\n';
  return std::string("\x93NUMPY") + static_cast<char>(major) + '\0' +
         littleEndian(header.size(), major == 1 ? 2 : 4) + header + data;
}

std::string dict(const std::string& descr, const std::string& shape, bool fortran = false) {
  return "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': " + shape + ", }";
}

std::string f4Data(const std::vector<float>& values) {
  std::string s;
  for (const float v : values) s += littleEndian(std::bit_cast<std::uint32_t>(v), 4);
  return s;
}

// Half-precision bit patterns with their values worked out by hand.
const std::vector<std::pair<std::uint16_t, double>> kHalves = {
    {0x3C00, 1.0},   {0xC000, -2.0},          {0x0001, 0x1p-24}, {0x7BFF, 65504.0},
    {0x3555, 0.333251953125}, {0x8000, -0.0}, {0x0400, 0x1p-14}, {0xBE00, -1.5}};
const std::vector<float> kFloats = {1.5f, -2.25f, 0.1f, 3.0e38f, 1e-45f, -0.0f, 7.0f, 1e-3f};

class NpyRead : public TempDirTest, public ::testing::WithParamInterface<std::tuple<bool, bool, int>> {};

TEST_P(NpyRead, ValuesComeBackExactly) {
  const auto [half, twoD, major] = GetParam();
  std::string dataA, dataB;
  std::vector<double> expectA, expectB;
  for (std::size_t i = 0; i < 8; ++i) {
    const std::size_t j = 7 - i;  // b holds the values reversed
    if (half) {
      dataA += littleEndian(kHalves[i].first, 2);
      dataB += littleEndian(kHalves[j].first, 2);
      expectA.push_back(kHalves[i].second);
      expectB.push_back(kHalves[j].second);
    } else {
      dataA += f4Data({kFloats[i]});
      dataB += f4Data({kFloats[j]});
      expectA.push_back(static_cast<double>(kFloats[i]));
      expectB.push_back(static_cast<double>(kFloats[j]));
    }
  }
  const std::string descr = half ? "<f2" : "<f4", shape = twoD ? "(2, 4)" : "(8,)";
  WorkloadSpec s;
  s.scaling.kind = ScalingKind::None;
  s.fileA = write("a.npy", npy(dict(descr, shape), dataA, major));
  s.fileB = write("b.npy", npy(dict(descr, shape), dataB, major));
  const auto w = build(s, "fp64", "fp64");
  ASSERT_NE(w, nullptr);
  ASSERT_EQ(w->count(), twoD ? 2 : 1);
  ASSERT_EQ(w->length(), twoD ? 4 : 8);
  std::vector<double> gotA, gotB;
  for (std::int64_t i = 0; i < w->count(); ++i) {
    const DotData d = visitAll(*w, i);
    gotA.insert(gotA.end(), d.realA.begin(), d.realA.end());
    gotB.insert(gotB.end(), d.realB.begin(), d.realB.end());
  }
  EXPECT_EQ(gotA, expectA);
  EXPECT_EQ(gotB, expectB);
}

INSTANTIATE_TEST_SUITE_P(Layouts, NpyRead, ::testing::Combine(::testing::Bool(), ::testing::Bool(), ::testing::Values(1, 2)));

class Npy : public TempDirTest {
 protected:
  // makeWorkload's error for a.npy with these bytes (b.npy valid and small).
  std::string errorFor(const std::string& bytesA) {
    WorkloadSpec s;
    s.fileA = write("a.npy", bytesA);
    s.fileB = write("b.npy", npy(dict("<f4", "(2,)"), f4Data({1, 2})));
    return errorOf(s);
  }
  std::string a() const { return path("a.npy"); }

  // makeWorkload on these bytes as a.npy and b.npy: the error, or "" after reading all data.
  std::string tryRead(const std::string& bytes) {
    WorkloadSpec s;
    s.fileA = s.fileB = write("a.npy", bytes);
    std::string error;
    const auto w = makeWorkload(s, fmt("fp8_e4m3"), fmt("fp8_e4m3"), error);
    if (!w) return error.empty() ? "(no error text)" : error;
    for (std::int64_t i = 0; i < w->count(); ++i) visitAll(*w, i);
    return "";
  }
};

// Cut anywhere, a file is an error (never a crash or a silent partial read).
TEST_F(Npy, EveryTruncationIsAnError) {
  const std::string whole = npy(dict("<f2", "(3, 5)"), std::string(30, '\x11'), 2);
  ASSERT_EQ(tryRead(whole), "");
  for (std::size_t n = 0; n < whole.size(); ++n) {
    const std::string error = tryRead(whole.substr(0, n));
    ASSERT_EQ(error.rfind(a() + ": ", 0), 0u) << n << " bytes: " << error;
  }
}

// Any byte of the header changed to anything: an error naming the file, or a file
// that reads completely.
TEST_F(Npy, CorruptHeaderBytesNeverCrash) {
  const std::string whole = npy(dict("<f4", "(2, 3)"), f4Data({1, 2, 3, 4, 5, 6}));
  for (std::size_t at = 0; at < whole.size() - 24; ++at) {
    for (const char c : {'\0', '\xFF', '9', '(', ')', ',', '\'', ' ', 'F', '\n'}) {
      std::string bytes = whole;
      bytes[at] = c;
      const std::string error = tryRead(bytes);
      ASSERT_TRUE(error.empty() || error.rfind(a() + ": ", 0) == 0) << at << ": " << error;
    }
  }
}

TEST_F(Npy, LongVectorsStreamInChunks) {
  const std::int64_t count = 3, length = 10000;
  std::vector<float> values;
  for (std::int64_t k = 0; k < count * length; ++k) values.push_back(static_cast<float>(k) * 0.5f);
  WorkloadSpec s;
  s.fileA = write("a.npy", npy(dict("<f4", "(3, 10000)"), f4Data(values), 2));
  s.fileB = s.fileA;
  const auto w = build(s);
  for (std::int64_t i = count - 1; i >= 0; --i) {  // any order
    const DotData d = visitAll(*w, i);
    EXPECT_EQ(d.chunkLengths, (std::vector<std::size_t>{4096, 4096, 1808}));
    for (std::int64_t k = 0; k < length; ++k)
      ASSERT_EQ(d.realA[static_cast<std::size_t>(k)], static_cast<double>(i * length + k) * 0.5) << i << ", " << k;
  }
}

TEST_F(Npy, UnsupportedDtype) {
  EXPECT_EQ(errorFor(npy(dict("<f8", "(2,)"), std::string(16, '\0'))),
            a() + ": dtype '<f8' not supported; allowed: '<f4', '<f2'");
  EXPECT_EQ(errorFor(npy(dict(">f4", "(2,)"), std::string(8, '\0'))),
            a() + ": dtype '>f4' not supported; allowed: '<f4', '<f2'");
}

TEST_F(Npy, BrokenHeaders) {
  EXPECT_EQ(errorFor(""), a() + ": empty file");
  EXPECT_EQ(errorFor("\x93NUMPY\x01"), a() + ": truncated header");
  EXPECT_THAT(errorFor("PK\x03\x04 a zip file, not an npy"), HasSubstr(a() + ": not a .npy file"));
  EXPECT_EQ(errorFor(std::string("\x93NUMPY\x03\x00", 8) + littleEndian(0, 4) + "{}"),
            a() + ": format version 3.0 not supported; allowed: 1.0, 2.0");
  // The header length field points past the end of the file.
  EXPECT_THAT(errorFor(std::string("\x93NUMPY\x01\x00", 8) + littleEndian(500, 2) + "{'descr'"),
              HasSubstr(a() + ": truncated header"));
  EXPECT_THAT(errorFor(std::string("\x93NUMPY\x02\x00", 8) + littleEndian(0xFFFFFFFF, 4)),
              HasSubstr(a() + ": truncated header"));
  EXPECT_THAT(errorFor(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2,}", f4Data({1, 2}))),
              HasSubstr(a() + ": malformed header"));
  EXPECT_THAT(errorFor(npy("{'descr': '<f4', 'shape': (2,), }", f4Data({1, 2}))), HasSubstr(a() + ": malformed header"));
  EXPECT_THAT(errorFor(npy("not a dict", f4Data({1, 2}))), HasSubstr(a() + ": malformed header"));
}

TEST_F(Npy, BadShapes) {
  EXPECT_EQ(errorFor(npy(dict("<f4", "(2, 2, 2)"), f4Data({1, 2, 3, 4, 5, 6, 7, 8}))),
            a() + ": shape [2, 2, 2] not supported; allowed: [K] or [count, K]");
  EXPECT_EQ(errorFor(npy(dict("<f4", "()"), f4Data({1}))), a() + ": shape [] not supported; allowed: [K] or [count, K]");
  EXPECT_EQ(errorFor(npy(dict("<f4", "(0, 4)"), "")), a() + ": shape [0, 4] is empty");
  EXPECT_EQ(errorFor(npy(dict("<f4", "(3, 4)"), f4Data(std::vector<float>(11, 1.0f)))),
            a() + ": shape [3, 4] needs 48 data bytes; the file has 44");
  EXPECT_EQ(errorFor(npy(dict("<f4", "(1099511627776, 1099511627776)"), f4Data({1}))),
            a() + ": shape [1099511627776, 1099511627776] needs more data bytes; the file has 4");
  EXPECT_EQ(errorFor(npy(dict("<f2", "(1099511627776, 4)"), f4Data({1}))),
            a() + ": shape [1099511627776, 4] needs 8796093022208 data bytes; the file has 4");
  EXPECT_THAT(errorFor(npy(dict("<f4", "(99999999999999999999999,)"), f4Data({1}))), HasSubstr(a() + ": malformed header"));
  EXPECT_EQ(errorFor(npy(dict("<f4", "(2, 2)", true), f4Data({1, 2, 3, 4}))),
            a() + ": Fortran order not supported; save the array in C order");
}

TEST_F(Npy, NonFiniteElement) {
  EXPECT_EQ(errorFor(npy(dict("<f4", "(2, 3)"), f4Data({1, 2, 3, 4, 5, NAN}))), a() + ": element [1, 2] is infinite or NaN");
  EXPECT_EQ(errorFor(npy(dict("<f2", "(3,)"), littleEndian(0x3C00, 2) + littleEndian(0x7C00, 2) + littleEndian(0, 2))),
            a() + ": element [1] is infinite or NaN");
}

TEST_F(Npy, DifferentShapes) {
  WorkloadSpec s;
  s.fileA = write("a.npy", npy(dict("<f4", "(2, 3)"), f4Data({1, 2, 3, 4, 5, 6})));
  s.fileB = write("b.npy", npy(dict("<f4", "(3, 2)"), f4Data({1, 2, 3, 4, 5, 6})));
  EXPECT_EQ(errorOf(s), s.fileA + " and " + s.fileB + " have different shapes ([2, 3] vs [3, 2])");
}

TEST_F(Npy, MissingAndUnreadableFiles) {
  WorkloadSpec s;
  s.fileA = path("missing.npy");
  s.fileB = path("missing.npy");
  EXPECT_EQ(errorOf(s), s.fileA + ": cannot open: No such file or directory");
  s.fileA = path("folder.npy");
  std::filesystem::create_directory(s.fileA);
  EXPECT_EQ(errorOf(s), s.fileA + ": not a regular file");
  s.fileA = write("a.txt", "1,2\n");
  EXPECT_EQ(errorOf(s), s.fileA + ": unknown file type; allowed: .npy, .csv");
  s.fileB = "";
  EXPECT_THAT(errorOf(s), HasSubstr("both operand files"));
}

}  // namespace
}  // namespace fmatest

// CSV files: one vector per line, read back by streaming; malformed files give
// one-line errors naming the file and line.
#include <gmock/gmock.h>

#include "WorkloadTestSupport.hpp"

namespace fmatest {
namespace {

using ::testing::HasSubstr;

// "first,first+1,...": `length` numbers and a newline.
std::string csvLine(int first, int length) {
  std::string line;
  for (int k = 0; k < length; ++k) {
    if (k) line += ',';
    line += std::to_string(first + k);
  }
  return line + "\n";
}

class Csv : public TempDirTest {
 protected:
  std::unique_ptr<Workload> read(const std::string& textA, const std::string& textB) {
    WorkloadSpec s;
    s.scaling.kind = ScalingKind::None;
    s.fileA = write("a.csv", textA);
    s.fileB = write("b.csv", textB);
    return build(s, "fp64", "fp64");
  }
  // makeWorkload's error for b.csv with this text (a.csv valid).
  std::string errorFor(const std::string& textB) {
    WorkloadSpec s;
    s.fileA = write("a.csv", "1,2,3\n4,5,6\n7,8,9\n");
    s.fileB = write("b.csv", textB);
    return errorOf(s);
  }
  std::string b() const { return path("b.csv"); }
};

TEST_F(Csv, ValuesComeBack) {
  // Spaces, a '+', exponents, CRLF, a blank line and no final newline are all fine.
  const auto w = read("1, -2.5 ,+3e2\r\n\n0.1,1e-3,-0\n", "4,5,6\n7,8,9");
  ASSERT_NE(w, nullptr);
  ASSERT_EQ(w->count(), 2);
  ASSERT_EQ(w->length(), 3);
  const DotData d0 = visitAll(*w, 0), d1 = visitAll(*w, 1);
  EXPECT_EQ(d0.realA, (std::vector<double>{1, -2.5, 300}));
  EXPECT_EQ(d1.realA, (std::vector<double>{0.1, 0.001, 0}));
  EXPECT_EQ(d0.realB, (std::vector<double>{4, 5, 6}));
  EXPECT_EQ(d1.realB, (std::vector<double>{7, 8, 9}));
}

TEST_F(Csv, LongLinesStreamInChunks) {
  const int length = 10000;
  const std::string line = csvLine(0, length);
  const auto w = read(line + line, line + line);
  const DotData d = visitAll(*w, 1);
  EXPECT_EQ(d.chunkLengths, (std::vector<std::size_t>{4096, 4096, 1808}));
  for (int k = 0; k < length; ++k) ASSERT_EQ(d.realB[static_cast<std::size_t>(k)], k);
}

TEST_F(Csv, NotANumber) {
  EXPECT_EQ(errorFor("1,2,3\n4,5,6\n7,x1,9\n"), b() + " line 3: 'x1' is not a number");
  EXPECT_EQ(errorFor("1,2,3\n4,5 6,6\n7,8,9\n"), b() + " line 2: '5 6' is not a number");
  EXPECT_EQ(errorFor("1,2,0x10\n"), b() + " line 1: '0x10' is not a number");
  EXPECT_EQ(errorFor("1,2,+-3\n"), b() + " line 1: '+-3' is not a number");
  EXPECT_EQ(errorFor("1,2,nan\n"), b() + " line 1: 'nan' is not a finite number");
  EXPECT_EQ(errorFor("1,-inf,2\n"), b() + " line 1: '-inf' is not a finite number");
  EXPECT_EQ(errorFor("1,2,1e999\n"), b() + " line 1: '1e999' is out of the range of a double");
  EXPECT_EQ(errorFor("1," + std::string(5000, '7') + "x\n"),
            b() + " line 1: '" + std::string(40, '7') + "...' is longer than 1024 characters");
}

TEST_F(Csv, EmptyValues) {
  EXPECT_EQ(errorFor("1,,3\n"), b() + " line 1: value 2 is empty");
  EXPECT_EQ(errorFor("1,2,3,\n"), b() + " line 1: value 4 is empty");
  EXPECT_EQ(errorFor("1,2,3\n\n  \n4,5,\n"), b() + " line 4: value 3 is empty");
}

TEST_F(Csv, NoData) {
  EXPECT_EQ(errorFor(""), b() + ": no data");
  EXPECT_EQ(errorFor("\n \r\n\n"), b() + ": no data");
}

TEST_F(Csv, RaggedLines) {
  EXPECT_EQ(errorFor("1,2,3\n4,5\n"), b() + " line 2: 2 values; line 1 has 3");
  EXPECT_EQ(errorFor("\n1,2,3\n4,5,6,7\n"), b() + " line 3: 4 values; line 2 has 3");
}

TEST_F(Csv, DifferentShapes) {
  auto rows = [](int count, int length) {
    std::string text;
    for (int i = 0; i < count; ++i) text += csvLine(i, length);
    return text;
  };
  WorkloadSpec s;
  s.fileA = write("a.csv", rows(4, 100));
  s.fileB = write("b.csv", rows(4, 99));
  EXPECT_EQ(errorOf(s), s.fileA + " and " + s.fileB + " have different shapes ([4, 100] vs [4, 99])");
}

// Random bytes from a CSV-ish alphabet: an error naming b.csv, or data that read completely.
TEST_F(Csv, RandomTextNeverCrashes) {
  const std::string alphabet = "0123456789,,,\n\n.-+eE x\r\t";
  std::uint64_t state = 12345;
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    for (int k = 0; k < 40; ++k) {
      state = state * 6364136223846793005u + 1442695040888963407u;
      text += alphabet[(state >> 33) % alphabet.size()];
    }
    WorkloadSpec s;
    s.fileA = s.fileB = write("b.csv", text);
    std::string error;
    const auto w = makeWorkload(s, fmt("int8"), fmt("int8"), error);
    if (!w) {
      ASSERT_EQ(error.rfind(b(), 0), 0u) << text << ": " << error;
      continue;
    }
    for (std::int64_t i = 0; i < w->count(); ++i) ASSERT_EQ(visitAll(*w, i).realA.size(), static_cast<std::size_t>(w->length()));
  }
}

TEST_F(Csv, BinaryGarbage) {
  EXPECT_THAT(errorFor(std::string("\x93NUMPY\x01\x00\x76\x00{'descr'", 18)), HasSubstr(b() + " line 1: "));
}

}  // namespace
}  // namespace fmatest

#include <gtest/gtest.h>

#include "config/TechnologyConfig.hpp"

namespace fmasim {
namespace {

const char* kValid = R"({"name": "t", "node_nm": 45, "voltage_v": 1.0, "clock_ghz": 1, "um2_per_ge": 0.8,
  "switched_ff_per_ge": 4, "leakage_nw_per_ge": 10,
  "cells_ge": {"inv": 0.67, "and2": 1.33, "xor2": 2, "mux2": 2.33, "half_adder": 3.33, "full_adder": 5.33, "flop": 5.67}})";

std::string errorOf(const std::string& text) {
  std::string error;
  EXPECT_FALSE(parseTechnology(text, "t.json", error));
  return error;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto pos = text.find(from);
  EXPECT_NE(pos, std::string::npos) << from;
  return text.replace(pos, from.size(), to);
}

TEST(Technology, EveryBuiltinLoads) {
  for (const char* name : {"nangate45", "n7", "generic45", "sky130"}) {
    std::string error;
    auto t = loadTechnology(name, error);
    ASSERT_TRUE(t) << name << ": " << error;
    EXPECT_EQ(t->name, name);
    for (double ge : t->cellGE.n) EXPECT_GT(ge, 0) << name;
  }
}

TEST(Technology, EnergyPerToggleIsHalfCVSquared) {
  std::string error;
  auto t = parseTechnology(kValid, "t.json", error);
  ASSERT_TRUE(t) << error;
  EXPECT_DOUBLE_EQ(t->femtojoulesPerToggle(), 0.5 * 4 * 1.0 * 1.0);
  EXPECT_DOUBLE_EQ(t->ge(cells(Cell::FullAdder, 2) + cells(Cell::Flop, 1)), 2 * 5.33 + 5.67);
}

TEST(Technology, ErrorsNameTheFileAndPath) {
  EXPECT_NE(errorOf("{").find("t.json: not valid JSON"), std::string::npos);
  EXPECT_EQ(errorOf(replaced(kValid, "\"um2_per_ge\": 0.8", "\"um2_per_ge\": -1")),
            "t.json: /um2_per_ge: must be > 0, got -1");
  EXPECT_EQ(errorOf(replaced(kValid, "\"node_nm\": 45,", "")), "t.json: /node_nm: missing");
  EXPECT_EQ(errorOf(replaced(kValid, "\"flop\": 5.67", "\"flop\": 5.67, \"nand3\": 1")).substr(0, 26),
            "t.json: /cells_ge/nand3: u");
  EXPECT_EQ(errorOf(replaced(kValid, "\"mux2\": 2.33,", "")), "t.json: /cells_ge/mux2: missing");
  EXPECT_EQ(errorOf(replaced(kValid, "\"voltage_v\": 1.0", "\"voltage_v\": \"high\"")),
            "t.json: /voltage_v: must be a number, got \"high\"");
}

TEST(Technology, UnknownNameListsTheBuiltins) {
  std::string error;
  EXPECT_FALSE(loadTechnology("tsmc3", error));
  EXPECT_NE(error.find("nangate45, n7, generic45, sky130"), std::string::npos) << error;
  EXPECT_FALSE(loadTechnology("/nonexistent/tech.json", error));
  EXPECT_NE(error.find("/nonexistent/tech.json: cannot open"), std::string::npos) << error;
}

TEST(Technology, WrittenDescriptorReadsBack) {
  std::string error;
  auto t = loadTechnology("sky130", error);
  ASSERT_TRUE(t) << error;
  auto back = parseTechnology(technologyJson(*t), "back.json", error);
  ASSERT_TRUE(back) << error;
  EXPECT_EQ(back->name, t->name);
  EXPECT_DOUBLE_EQ(back->um2PerGE, t->um2PerGE);
  for (std::size_t i = 0; i < kCellCount; ++i) EXPECT_DOUBLE_EQ(back->cellGE.n[i], t->cellGE.n[i]);
}

}  // namespace
}  // namespace fmasim

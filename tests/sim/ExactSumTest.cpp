// The exact reference against MPFR: sums of products of doubles over the whole range.
#include <gtest/gtest.h>
#include <mpfr.h>

#include <cmath>
#include <random>

#include "TestRandom.hpp"
#include "accuracy/ExactSum.hpp"

namespace fmasim {
namespace {

TEST(ExactSum, MatchesMpfrOnCancellingSumsOverTheWholeRange) {
  std::mt19937_64 rng(42);
  std::uniform_int_distribution<int> exponent(-1070, 1020);
  std::uniform_real_distribution<double> mantissa(1.0, 2.0);
  const long rounds = testsupport::scaled(200);
  for (long round = 0; round < rounds; ++round) {
    mpfr_t exact, product;
    mpfr_init2(exact, 8000);  // products of doubles span 2^-2148 .. 2^2048
    mpfr_init2(product, 120);
    mpfr_set_zero(exact, 1);
    ExactSum sum;
    const double big = std::ldexp(mantissa(rng), exponent(rng) / 2);
    for (int i = 0; i < 50; ++i) {
      double x = std::ldexp(mantissa(rng), exponent(rng)) * (rng() & 1 ? -1 : 1);
      double y = std::ldexp(mantissa(rng), exponent(rng) / 8);
      if (i % 10 == 0) x = std::ldexp(1.0, -1074), y = std::ldexp(1.0, -1074);  // the smallest product
      if (i % 10 == 1) x = big, y = 1.0;
      if (i % 10 == 2) x = -big, y = 1.0;  // exact cancellation of the large terms
      sum.addProduct(x, y);
      mpfr_set_d(product, x, MPFR_RNDN);
      mpfr_mul_d(product, product, y, MPFR_RNDN);  // exact at 120 bits
      mpfr_add(exact, exact, product, MPFR_RNDN);   // exact at 8000 bits
    }
    EXPECT_EQ(sum.value(), mpfr_get_d(exact, MPFR_RNDN)) << "round " << round;
    mpfr_clear(exact);
    mpfr_clear(product);
  }
}

TEST(ExactSum, RoundsTheReadOutToNearestEven) {
  ExactSum sum;
  sum.add(false, 1, 0);
  sum.add(false, 1, -53);  // 1 + 2^-53: a tie between 1 and 1 + 2^-52
  EXPECT_EQ(sum.value(), 1.0);
  sum.add(false, 1, -200);  // just above the tie
  EXPECT_EQ(sum.value(), 1.0 + std::ldexp(1.0, -52));
  sum.clear();
  sum.add(true, 3, 10);
  EXPECT_EQ(sum.value(), -3072.0);
}

}  // namespace
}  // namespace fmasim

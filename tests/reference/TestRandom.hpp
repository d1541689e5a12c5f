// Helpers every test suite shares: the runtime scale of random-case counts, a
// deterministic RNG, and hex formatting for failure messages.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace testsupport {

// FMASIM_TEST_SCALE multiplies every random-case count (exhaustive tests ignore it).
inline double testScale() {
  static const double scale = [] {
    const char* s = std::getenv("FMASIM_TEST_SCALE");
    if (s == nullptr || *s == '\0') return 1.0;
    const double v = std::atof(s);
    return v > 0 ? v : 1.0;
  }();
  return scale;
}
inline long scaled(long n) {
  const long v = static_cast<long>(static_cast<double>(n) * testScale());
  return v < 1 ? 1 : v;
}

// xoshiro256** seeded through splitmix64: fixed seeds, reproducible cases.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) {
    for (auto& s : s_) {
      seed += 0x9E3779B97F4A7C15ull;
      std::uint64_t z = seed;
      z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
      z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
      s = z ^ (z >> 31);
    }
  }
  std::uint64_t next() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }
  std::uint64_t below(std::uint64_t n) { return next() % n; }
  long range(long lo, long hi) {  // uniform in [lo, hi]; lo when the range is empty
    return hi <= lo ? lo : lo + static_cast<long>(below(static_cast<std::uint64_t>(hi - lo + 1)));
  }
  bool chance(double p) { return static_cast<double>(next() >> 11) * 0x1.0p-53 < p; }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4];
};

inline std::string hex(std::uint64_t v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
  return buf;
}

}  // namespace testsupport

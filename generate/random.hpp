// Internal to the generator: randomness that is the same everywhere.
//
// std::mt19937 is portable but std::uniform_real_distribution and std::normal_distribution are
// not (their algorithms are left to the library), and std::exp or std::log may differ in the
// last bit between C libraries.  So: splitmix64 streams, seeded by hashing (seed, code, year,
// purpose), and only + − × ÷ and √, which IEEE 754 rounds exactly, in what decides a value.
#pragma once

// No fused multiply-add: GCC contracts a * b + c into one instruction, rounded once, where the
// machine has it (aarch64, x86-64 built for newer processors) and not elsewhere; the values must
// be the same everywhere.  The files that compute values include this header (through
// generate_values.hpp); the pragma holds for every function defined after it.
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string_view>

namespace ntm::gen {

// FNV-1a over the bytes, then one splitmix64 step to spread the bits.
inline std::uint64_t hash_text(std::string_view text, std::uint64_t h = 0xcbf29ce484222325ull) {
    for (const char c : text) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ull;
    }
    return h;
}

inline std::uint64_t mix(std::uint64_t z) {
    z += 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}

    std::uint64_t next() { return mix(state_ += 0x9E3779B97F4A7C15ull); }
    // [0, 1), 53 random bits.
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    // [0, n)
    std::uint32_t below(std::uint32_t n) { return n == 0 ? 0 : static_cast<std::uint32_t>(next() % n); }
    bool chance(double p) { return uniform() < p; }
    // About normal, mean 0, deviation 1 (sum of four uniforms, scaled): no logarithm needed,
    // and no tail beyond ±3.5.
    double normal() {
        // One draw per statement: the order of the calls within one expression is unspecified,
        // and floating-point sums depend on the order.
        double s = uniform();
        s += uniform();
        s += uniform();
        s += uniform();
        return (s - 2.0) * 1.7320508075688772;  // √3: the sum has variance 4/12
    }

private:
    std::uint64_t state_;
};

// The stream of one purpose of one entity in one year: the same whatever else is generated.
inline Rng stream(std::uint64_t seed, std::string_view code, std::string_view purpose, int year = 0,
                  int attempt = 0) {
    std::uint64_t h = mix(seed);
    h = hash_text(code, h);
    h = mix(h ^ 0x5bd1e995u);
    h = hash_text(purpose, h);
    h = mix(h ^ static_cast<std::uint64_t>(year));
    return Rng(mix(h + static_cast<std::uint64_t>(attempt) * 0x632BE59BD9B4E019ull));
}

// e^x by (1 + x/4096)^4096: twelve squarings, exactly rounded steps, relative error below 1 %
// on the range used (|x| ≤ 12).
inline double exp_approx(double x) {
    double v = 1.0 + std::clamp(x, -12.0, 12.0) / 4096.0;
    for (int i = 0; i < 12; ++i) v *= v;
    return v;
}

inline double logistic(double x) { return 1.0 / (1.0 + exp_approx(-x)); }

}  // namespace ntm::gen

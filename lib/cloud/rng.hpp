#pragma once
// A small seeded generator (SplitMix64) with the same output on every platform.

#include <cstdint>

namespace td::cloud {

class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed ^ 0x5DEECE66DULL) {}
    std::uint64_t next() noexcept {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    double uniform() noexcept { return double(next() >> 11) * 0x1.0p-53; }  // [0, 1)
    std::uint64_t below(std::uint64_t n) noexcept { return n ? next() % n : 0; }

private:
    std::uint64_t state_;
};

}  // namespace td::cloud

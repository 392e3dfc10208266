// splitmix64: a tiny, fully specified generator, so a seed means the same sequence on every
// machine (std::shuffle and the std distributions are allowed to differ between libraries).
#pragma once
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace panelist {

class SeededRandom {
public:
    explicit SeededRandom(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }

    // Fisher-Yates, driven by this generator.
    template <typename T>
    void shuffle(std::vector<T>& items) {
        for (std::size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[below(i)]);
    }

private:
    std::uint64_t state_;
};

} // namespace panelist

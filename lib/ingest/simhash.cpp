#include "ingest/simhash.hpp"

#include "common/parallel.hpp"
#include "common/utf8.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace td::ingest {
namespace {

std::uint64_t mix(std::uint64_t x) noexcept {  // splitmix64 finaliser
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

char32_t fold(char32_t c) noexcept { return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c; }

// How many features set each of the 64 bits. Bits are counted eight at a time in byte lanes
// (lane j of lanes_[k] counts bit 8k + j), which are flushed before a lane can overflow.
class BitCounts {
public:
    void add(std::uint64_t h) noexcept {
        for (std::size_t k = 0; k < lanes_.size(); ++k) lanes_[k] += spread_byte((h >> (8 * k)) & 0xFF);
        if (++pending_ == max_pending) flush();
    }

    // Bit b set where more than half of the features set it (the sign of the SimHash weight).
    std::uint64_t majority_bits() noexcept {
        flush();
        std::uint64_t bits = 0;
        for (std::size_t bit = 0; bit < totals_.size(); ++bit)
            if (2 * totals_[bit] > features_) bits |= std::uint64_t{1} << bit;
        return bits;
    }

private:
    static constexpr unsigned max_pending = 255;

    // The 8 bits of `byte` as 8 bytes of 0 or 1.
    static std::uint64_t spread_byte(std::uint64_t byte) noexcept {
        static constexpr std::array<std::uint64_t, 256> table = [] {
            std::array<std::uint64_t, 256> spread{};
            for (std::uint64_t b = 0; b < 256; ++b)
                for (unsigned j = 0; j < 8; ++j) spread[b] |= ((b >> j) & 1) << (8 * j);
            return spread;
        }();
        return table[byte];
    }

    void flush() noexcept {
        for (std::size_t k = 0; k < lanes_.size(); ++k) {
            for (std::size_t j = 0; j < 8; ++j) totals_[8 * k + j] += (lanes_[k] >> (8 * j)) & 0xFF;
            lanes_[k] = 0;
        }
        features_ += pending_;
        pending_ = 0;
    }

    std::array<std::uint64_t, 8> lanes_{};
    std::array<std::uint32_t, 64> totals_{};
    std::uint32_t features_ = 0;
    unsigned pending_ = 0;
};

}  // namespace

std::uint64_t simhash(std::string_view text) {
    BitCounts counts;
    std::array<char32_t, 3> window{};
    std::size_t seen = 0;
    const auto add_feature = [&] {
        counts.add(mix((std::uint64_t{window[0]} << 42) ^ (std::uint64_t{window[1]} << 21) ^ window[2]));
    };
    for (std::size_t pos = 0; pos < text.size();) {
        const char32_t c = fold(utf8::decode(text, pos));
        window = {window[1], window[2], c};
        if (++seen >= 3) add_feature();
    }
    if (seen > 0 && seen < 3) add_feature();  // very short texts still get a signature
    return counts.majority_bits();
}

std::vector<std::pair<std::size_t, std::size_t>> near_pairs(const std::vector<std::uint64_t>& signatures, int max_distance,
                                                            std::size_t threads) {
    if (max_distance < 0) return {};
    const int bands = std::min(max_distance + 1, 64);
    std::vector<std::uint64_t> masks;
    for (int band = 0; band < bands; ++band) {
        const int first_bit = 64 * band / bands;
        const int width = 64 * (band + 1) / bands - first_bit;
        masks.push_back((width == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << width) - 1) << first_bit);
    }
    // Each band sorts the signatures by their bits in it; runs of equal bits are the candidates.
    std::vector<std::vector<std::pair<std::size_t, std::size_t>>> pairs_by_band(masks.size());
    for_each_task(masks.size(), threads, [&](std::size_t, std::size_t band) {
        std::vector<std::pair<std::uint64_t, std::size_t>> by_band(signatures.size());
        for (std::size_t i = 0; i < signatures.size(); ++i) by_band[i] = {signatures[i] & masks[band], i};
        std::sort(by_band.begin(), by_band.end());
        const auto agree_before = [&](std::uint64_t a, std::uint64_t b) {  // compared in an earlier band
            for (std::size_t earlier = 0; earlier < band; ++earlier)
                if (((a ^ b) & masks[earlier]) == 0) return true;
            return false;
        };
        auto& pairs = pairs_by_band[band];
        for (std::size_t begin = 0, end = 0; begin < by_band.size(); begin = end) {
            while (end < by_band.size() && by_band[end].first == by_band[begin].first) ++end;
            for (std::size_t x = begin; x < end; ++x)
                for (std::size_t y = x + 1; y < end; ++y) {
                    const std::uint64_t a = signatures[by_band[x].second], b = signatures[by_band[y].second];
                    if (hamming_distance(a, b) <= max_distance && !agree_before(a, b))
                        pairs.emplace_back(by_band[x].second, by_band[y].second);
                }
        }
    });
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    for (const auto& band : pairs_by_band) pairs.insert(pairs.end(), band.begin(), band.end());
    return pairs;
}

}  // namespace td::ingest

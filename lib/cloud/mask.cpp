#include "cloud/mask.hpp"

namespace td::cloud {

std::vector<std::uint8_t> forbidden_pixels(const CloudOptions& options) {
    if (options.mask_png.empty()) return {};
    const Image mask = decode_png(read_file(options.mask_png));
    std::vector<std::uint8_t> forbidden(std::size_t(options.width) * options.height);
    for (int y = 0; y < options.height; ++y) {
        const int my = int(std::int64_t(y) * mask.height / options.height);
        for (int x = 0; x < options.width; ++x) {
            const int mx = int(std::int64_t(x) * mask.width / options.width);
            const std::uint8_t* p = &mask.rgba[(std::size_t(my) * mask.width + mx) * 4];
            const bool white = p[0] >= 250 && p[1] >= 250 && p[2] >= 250;
            forbidden[std::size_t(y) * options.width + x] = white || p[3] < 128;
        }
    }
    return forbidden;
}

}  // namespace td::cloud

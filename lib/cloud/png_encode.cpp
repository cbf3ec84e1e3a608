#include <tweetdigest/cloud.hpp>

#include <zlib.h>

#include <cstdlib>

namespace td {
namespace {

void put32(std::string& out, std::uint32_t v) {
    out += char(v >> 24);
    out += char(v >> 16);
    out += char(v >> 8);
    out += char(v);
}

void chunk(std::string& out, const char* type, std::string_view data) {
    put32(out, std::uint32_t(data.size()));
    const std::size_t start = out.size();
    out.append(type, 4);
    out.append(data);
    const auto crc = crc32(0, reinterpret_cast<const Bytef*>(out.data() + start),
                           uInt(out.size() - start));
    put32(out, std::uint32_t(crc));
}

std::uint8_t paeth(int a, int b, int c) {
    const int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
    return std::uint8_t(pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
}

// The row filtered with filter `type` (0 none, 1 sub, 2 up, 3 average, 4 Paeth).
void filter_row(int type, const std::uint8_t* row, const std::uint8_t* above, std::size_t n,
                int bpp, std::uint8_t* out) {
    for (std::size_t i = 0; i < n; ++i) {
        const int a = i >= std::size_t(bpp) ? row[i - bpp] : 0;
        const int b = above ? above[i] : 0;
        const int c = above && i >= std::size_t(bpp) ? above[i - bpp] : 0;
        int predictor = 0;
        switch (type) {
        case 1: predictor = a; break;
        case 2: predictor = b; break;
        case 3: predictor = (a + b) / 2; break;
        case 4: predictor = paeth(a, b, c); break;
        default: break;
        }
        out[i] = std::uint8_t(row[i] - predictor);
    }
}

std::string deflate_all(const std::string& raw) {
    z_stream stream{};
    if (deflateInit(&stream, 6) != Z_OK) throw Error(Error::Code::internal, "zlib: deflateInit");
    std::string out(deflateBound(&stream, uLong(raw.size())), '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(raw.data()));
    stream.avail_in = uInt(raw.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = uInt(out.size());
    const int status = deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    if (status != Z_STREAM_END) throw Error(Error::Code::internal, "zlib: deflate failed");
    return out;
}

}  // namespace

std::string encode_png(const Image& image) {
    if (image.width <= 0 || image.height <= 0 || image.width > 65535 || image.height > 65535 ||
        image.rgba.size() != std::size_t(image.width) * image.height * 4)
        throw Error(Error::Code::invalid_argument, "encode_png: image size and pixels disagree");
    bool opaque = true;
    for (std::size_t i = 3; i < image.rgba.size() && opaque; i += 4) opaque = image.rgba[i] == 255;
    const int bpp = opaque ? 3 : 4;
    const std::size_t row_bytes = std::size_t(image.width) * bpp;
    std::string raw;
    raw.reserve((row_bytes + 1) * image.height);
    std::vector<std::uint8_t> row(row_bytes), above(row_bytes), filtered(row_bytes),
        best(row_bytes);
    for (int y = 0; y < image.height; ++y) {
        const std::uint8_t* source = &image.rgba[std::size_t(y) * image.width * 4];
        for (int x = 0; x < image.width; ++x)
            for (int c = 0; c < bpp; ++c) row[std::size_t(x) * bpp + c] = source[x * 4 + c];
        // The filter whose output has the smallest sum of absolute (signed) bytes.
        long best_score = -1;
        int best_type = 0;
        for (int type = 0; type < 5; ++type) {
            filter_row(type, row.data(), y ? above.data() : nullptr, row_bytes, bpp, filtered.data());
            long score = 0;
            for (std::uint8_t v : filtered) score += v < 128 ? v : 256 - v;
            if (best_score < 0 || score < best_score) {
                best_score = score;
                best_type = type;
                best.swap(filtered);
            }
        }
        raw += char(best_type);
        raw.append(reinterpret_cast<const char*>(best.data()), row_bytes);
        above.swap(row);
    }
    std::string png("\x89PNG\r\n\x1a\n", 8);
    std::string header;
    put32(header, std::uint32_t(image.width));
    put32(header, std::uint32_t(image.height));
    header += char(8);                // bit depth
    header += char(opaque ? 2 : 6);  // colour type: RGB or RGBA
    header += std::string(3, '\0');  // deflate, adaptive filtering, no interlace
    chunk(png, "IHDR", header);
    chunk(png, "IDAT", deflate_all(raw));
    chunk(png, "IEND", {});
    return png;
}

}  // namespace td

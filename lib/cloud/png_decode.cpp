#include <tweetdigest/cloud.hpp>

#include <zlib.h>

#include <cstdlib>

namespace td {
namespace {

[[noreturn]] void bad(const std::string& why) { throw Error(Error::Code::parse, "PNG: " + why); }

std::uint32_t get32(std::string_view s, std::size_t at) {
    return std::uint32_t(std::uint8_t(s[at])) << 24 | std::uint32_t(std::uint8_t(s[at + 1])) << 16 |
           std::uint32_t(std::uint8_t(s[at + 2])) << 8 | std::uint32_t(std::uint8_t(s[at + 3]));
}

struct Header {
    std::uint32_t width = 0, height = 0;
    int depth = 0, color = 0;
};

int channels(int color) {
    switch (color) {
    case 0: return 1;
    case 2: return 3;
    case 3: return 1;
    case 4: return 2;
    case 6: return 4;
    default: return 0;
    }
}

std::string inflate_exactly(const std::string& data, std::size_t size) {
    std::string out(size, '\0');
    z_stream stream{};
    if (inflateInit(&stream) != Z_OK) throw Error(Error::Code::internal, "zlib: inflateInit");
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = uInt(out.size());
    const int status = inflate(&stream, Z_FINISH);
    const std::size_t produced = stream.total_out;
    inflateEnd(&stream);
    if ((status != Z_STREAM_END && status != Z_BUF_ERROR && status != Z_OK) || produced != size)
        bad("compressed image data is corrupt or short");
    return out;
}

void unfilter(std::string& raw, std::size_t rows, std::size_t row_bytes, int bpp) {
    auto* data = reinterpret_cast<std::uint8_t*>(raw.data());
    for (std::size_t y = 0; y < rows; ++y) {
        std::uint8_t* line = data + y * (row_bytes + 1);
        const int type = line[0];
        std::uint8_t* row = line + 1;
        const std::uint8_t* above = y ? row - (row_bytes + 1) : nullptr;
        if (type > 4) bad("unknown row filter " + std::to_string(type));
        for (std::size_t i = 0; i < row_bytes; ++i) {
            const int a = i >= std::size_t(bpp) ? row[i - bpp] : 0;
            const int b = above ? above[i] : 0;
            const int c = above && i >= std::size_t(bpp) ? above[i - bpp] : 0;
            int predictor = 0;
            if (type == 1) predictor = a;
            if (type == 2) predictor = b;
            if (type == 3) predictor = (a + b) / 2;
            if (type == 4) {
                const int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b),
                          pc = std::abs(p - c);
                predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
            }
            row[i] = std::uint8_t(row[i] + predictor);
        }
    }
}

}  // namespace

Image decode_png(std::string_view png) {
    if (png.size() < 8 || png.substr(0, 8) != std::string_view("\x89PNG\r\n\x1a\n", 8))
        bad("not a PNG file (bad signature)");
    Header h;
    std::string palette, transparency, idat;
    bool seen_header = false, seen_end = false;
    for (std::size_t at = 8; !seen_end;) {
        if (png.size() - at < 12) bad("truncated chunk");
        const std::uint32_t length = get32(png, at);
        if (length > png.size() - at - 12) bad("chunk longer than the file");
        const std::string_view type = png.substr(at + 4, 4);
        const std::string_view data = png.substr(at + 8, length);
        const auto crc = crc32(0, reinterpret_cast<const Bytef*>(png.data() + at + 4), length + 4);
        if (std::uint32_t(crc) != get32(png, at + 8 + length)) bad("CRC mismatch in a chunk");
        at += 12 + std::size_t(length);
        if (!seen_header && type != "IHDR") bad("IHDR is not the first chunk");
        if (type == "IHDR") {
            if (length != 13 || seen_header) bad("bad IHDR");
            seen_header = true;
            h.width = get32(data, 0);
            h.height = get32(data, 4);
            h.depth = std::uint8_t(data[8]);
            h.color = std::uint8_t(data[9]);
            if (data[10] != 0 || data[11] != 0) bad("unknown compression or filter method");
            if (data[12] != 0)
                throw Error(Error::Code::unsupported, "PNG: interlaced images are not supported");
            const int d = h.depth;
            const bool ok = channels(h.color) > 0 &&
                            (h.color == 0   ? (d == 1 || d == 2 || d == 4 || d == 8 || d == 16)
                             : h.color == 3 ? (d == 1 || d == 2 || d == 4 || d == 8)
                                            : (d == 8 || d == 16));
            if (!ok) bad("invalid colour type / bit depth");
            if (h.width == 0 || h.height == 0) bad("empty image");
            if (std::uint64_t(h.width) * h.height > (std::uint64_t(1) << 26))
                bad("image too large (more than 64 Mpixels)");
        } else if (type == "PLTE") {
            if (length % 3 || length == 0 || length > 768) bad("bad palette");
            palette = data;
        } else if (type == "tRNS") {
            transparency = data;
        } else if (type == "IDAT") {
            idat.append(data);
        } else if (type == "IEND") {
            seen_end = true;
        } else if (!(type[0] & 0x20)) {
            bad("unknown critical chunk " + std::string(type));
        }
    }
    if (idat.empty()) bad("no image data");
    if (h.color == 3 && palette.empty()) bad("palette image without a palette");
    const int bits = channels(h.color) * h.depth;
    const std::size_t row_bytes = (std::size_t(h.width) * bits + 7) / 8;
    std::string raw = inflate_exactly(idat, (row_bytes + 1) * h.height);
    unfilter(raw, h.height, row_bytes, std::max(1, bits / 8));

    Image image;
    image.width = int(h.width);
    image.height = int(h.height);
    image.rgba.resize(std::size_t(h.width) * h.height * 4);
    const int max_value = (1 << std::min(h.depth, 8)) - 1;
    for (std::size_t y = 0; y < h.height; ++y) {
        const auto* row = reinterpret_cast<const std::uint8_t*>(raw.data()) + y * (row_bytes + 1) + 1;
        // Sample s of the row, reduced to 8 bits (16-bit samples keep their high byte).
        const auto sample = [&](std::size_t s) -> int {
            if (h.depth == 8) return row[s];
            if (h.depth == 16) return row[2 * s];
            const std::size_t bit = s * std::size_t(h.depth);
            return (row[bit / 8] >> (8 - h.depth - int(bit % 8))) & max_value;
        };
        const auto key16 = [&](std::size_t i) {
            return transparency.size() >= 2 * i + 2 ? int(std::uint8_t(transparency[2 * i + 1]))
                                                    : -1;
        };
        for (std::size_t x = 0; x < h.width; ++x) {
            std::uint8_t* out = &image.rgba[(y * h.width + x) * 4];
            const std::size_t n = std::size_t(channels(h.color));
            switch (h.color) {
            case 0: {
                const int g = sample(x);
                const int v = h.depth < 8 ? g * 255 / max_value : g;
                out[0] = out[1] = out[2] = std::uint8_t(v);
                out[3] = h.depth <= 8 && transparency.size() >= 2 &&
                                 g == (std::uint8_t(transparency[0]) << 8 | std::uint8_t(transparency[1]))
                             ? 0
                             : 255;
                break;
            }
            case 2:
                for (int c = 0; c < 3; ++c) out[c] = std::uint8_t(sample(x * 3 + c));
                out[3] = h.depth == 8 && transparency.size() == 6 && out[0] == key16(0) &&
                                 out[1] == key16(1) && out[2] == key16(2)
                             ? 0
                             : 255;
                break;
            case 3: {
                const std::size_t i = std::size_t(sample(x));
                if (i * 3 + 2 >= palette.size()) bad("palette index out of range");
                for (int c = 0; c < 3; ++c) out[c] = std::uint8_t(palette[i * 3 + c]);
                out[3] = i < transparency.size() ? std::uint8_t(transparency[i]) : 255;
                break;
            }
            case 4:
                out[0] = out[1] = out[2] = std::uint8_t(sample(x * n));
                out[3] = std::uint8_t(sample(x * n + 1));
                break;
            default:
                for (std::size_t c = 0; c < 4; ++c) out[c] = std::uint8_t(sample(x * n + c));
                break;
            }
        }
    }
    return image;
}

}  // namespace td

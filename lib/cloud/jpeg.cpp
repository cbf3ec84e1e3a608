#include <tweetdigest/cloud.hpp>

#ifdef TD_HAVE_JPEG
#include <csetjmp>
#include <cstdio>
#include <cstdlib>

#include <jpeglib.h>
#endif

namespace td {

#ifdef TD_HAVE_JPEG
namespace {

struct ErrorManager {
    jpeg_error_mgr base;
    std::jmp_buf jump;
    char message[JMSG_LENGTH_MAX];
};

void on_error(j_common_ptr info) {
    auto* manager = reinterpret_cast<ErrorManager*>(info->err);
    info->err->format_message(info, manager->message);
    std::longjmp(manager->jump, 1);
}

// Only trivially destructible objects live between setjmp and longjmp here.
bool compress(const unsigned char* rgb, int width, int height, int quality, unsigned char** out,
              unsigned long* size, char* message) {
    jpeg_compress_struct info;
    ErrorManager errors;
    info.err = jpeg_std_error(&errors.base);
    errors.base.error_exit = on_error;
    if (setjmp(errors.jump)) {
        std::snprintf(message, JMSG_LENGTH_MAX, "%s", errors.message);
        jpeg_destroy_compress(&info);
        return false;
    }
    jpeg_create_compress(&info);
    jpeg_mem_dest(&info, out, size);
    info.image_width = JDIMENSION(width);
    info.image_height = JDIMENSION(height);
    info.input_components = 3;
    info.in_color_space = JCS_RGB;
    jpeg_set_defaults(&info);
    jpeg_set_quality(&info, quality, TRUE);
    jpeg_start_compress(&info, TRUE);
    while (info.next_scanline < info.image_height) {
        JSAMPROW row = const_cast<JSAMPROW>(rgb + std::size_t(info.next_scanline) * width * 3);
        jpeg_write_scanlines(&info, &row, 1);
    }
    jpeg_finish_compress(&info);
    jpeg_destroy_compress(&info);
    return true;
}

}  // namespace
#endif

bool jpeg_supported() noexcept {
#ifdef TD_HAVE_JPEG
    return true;
#else
    return false;
#endif
}

std::string encode_jpeg(const Image& image, int quality) {
#ifdef TD_HAVE_JPEG
    if (image.width <= 0 || image.height <= 0 || image.width > 65500 || image.height > 65500 ||
        image.rgba.size() != std::size_t(image.width) * image.height * 4)
        throw Error(Error::Code::invalid_argument, "encode_jpeg: image size and pixels disagree");
    if (quality < 1 || quality > 100)
        throw Error(Error::Code::invalid_argument, "encode_jpeg: quality must be 1..100");
    // JPEG has no alpha: composite onto white.
    std::vector<unsigned char> rgb(std::size_t(image.width) * image.height * 3);
    for (std::size_t i = 0, j = 0; i < image.rgba.size(); i += 4, j += 3) {
        const unsigned a = image.rgba[i + 3];
        for (int c = 0; c < 3; ++c)
            rgb[j + c] = static_cast<unsigned char>((image.rgba[i + c] * a + 255 * (255 - a) + 127) / 255);
    }
    unsigned char* buffer = nullptr;
    unsigned long size = 0;
    char message[JMSG_LENGTH_MAX] = {};
    const bool ok = compress(rgb.data(), image.width, image.height, quality, &buffer, &size, message);
    std::string out;
    if (ok) out.assign(reinterpret_cast<const char*>(buffer), size);
    std::free(buffer);
    if (!ok) throw Error(Error::Code::internal, std::string("libjpeg: ") + message);
    return out;
#else
    (void)image;
    (void)quality;
    throw Error(Error::Code::unsupported, "this build has no JPEG encoder (libjpeg)");
#endif
}

}  // namespace td

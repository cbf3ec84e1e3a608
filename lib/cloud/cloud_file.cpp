#include <tweetdigest/cloud.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace td {

void write_cloud_file(const std::string& path, const CloudLayout& layout, const FontSet& fonts,
                      const CloudOptions& options) {
    std::string extension = std::filesystem::path(path).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    std::string bytes;
    if (extension == ".png")
        bytes = encode_png(render_cloud(layout, fonts, options));
    else if (extension == ".jpg" || extension == ".jpeg")
        bytes = encode_jpeg(render_cloud(layout, fonts, options));
    else if (extension == ".svg")
        bytes = render_svg(layout, fonts, options);
    else
        throw Error(Error::Code::invalid_argument,
                    "cannot tell the image format of " + path + " (use .png, .jpg or .svg)");
    write_file_atomically(path, bytes);
}

}  // namespace td

#include "cloud/face_selection.hpp"
#include "cloud/font_set_impl.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <filesystem>
#include <memory>

namespace td {
namespace {

struct FtLibrary {
    FT_Library library = nullptr;
    FtLibrary() {
        if (FT_Init_FreeType(&library) != 0)
            throw Error(Error::Code::internal, "cannot initialise FreeType");
    }
    ~FtLibrary() { FT_Done_FreeType(library); }
    FtLibrary(const FtLibrary&) = delete;
    FtLibrary& operator=(const FtLibrary&) = delete;
};

struct FaceNames {
    std::string family, style;
    bool scalable = false;
};

FaceNames face_names(FT_Library library, hb_blob_t* blob, int index, const std::string& path,
                     long* face_count) {
    unsigned length = 0;
    const char* data = hb_blob_get_data(blob, &length);
    FT_Face face = nullptr;
    if (FT_New_Memory_Face(library, reinterpret_cast<const FT_Byte*>(data), FT_Long(length),
                           index, &face) != 0)
        throw Error(Error::Code::parse, "not a usable font: " + path + "#" + std::to_string(index));
    FaceNames names;
    names.family = face->family_name ? face->family_name : "";
    names.style = face->style_name ? face->style_name : "";
    names.scalable = FT_IS_SCALABLE(face);
    if (face_count) *face_count = face->num_faces;
    FT_Done_Face(face);
    return names;
}

LoadedFont load_font(FT_Library library, const FontSet::FontSpec& spec,
                     const std::string& language) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(spec.path, error))
        throw Error(Error::Code::io, "cannot read font " + spec.path + ": no such file");
    hb_blob_t* blob = hb_blob_create_from_file_or_fail(spec.path.c_str());
    if (!blob) throw Error(Error::Code::io, "cannot read font " + spec.path);
    LoadedFont font;
    font.path = spec.path;
    font.blob = blob;
    try {
        long face_count = 1;
        const FaceNames first = face_names(library, blob, 0, spec.path, &face_count);
        int index = spec.face_index;
        if (index >= face_count)
            throw Error(Error::Code::invalid_argument,
                        "font " + spec.path + " has no face " + std::to_string(index));
        if (index < 0) {
            std::vector<std::string> families{first.family};
            for (long i = 1; i < face_count; ++i)
                families.push_back(face_names(library, blob, int(i), spec.path, nullptr).family);
            index = face_count > 1 ? cloud::choose_face(families, language) : 0;
        }
        const FaceNames names =
            index == 0 ? first : face_names(library, blob, index, spec.path, nullptr);
        if (!names.scalable)
            throw Error(Error::Code::unsupported,
                        "bitmap-only fonts are not supported: " + spec.path);
        font.face_index = index;
        font.family = names.family;
        font.style = names.style;
        font.face = hb_face_create(blob, unsigned(index));
        hb_face_make_immutable(font.face);
    } catch (...) {
        hb_blob_destroy(blob);
        throw;
    }
    return font;
}

}  // namespace

FontSet::Impl::~Impl() {
    for (LoadedFont& font : fonts) {
        hb_face_destroy(font.face);
        hb_blob_destroy(font.blob);
    }
}

FontSet::FontSet(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
FontSet::~FontSet() = default;

std::shared_ptr<const FontSet> FontSet::load(const std::vector<FontSpec>& fonts,
                                             const std::string& language) {
    if (fonts.empty()) throw Error(Error::Code::invalid_argument, "no fonts given");
    auto impl = std::make_unique<Impl>();
    impl->language = language;
    impl->hb_language = hb_language_from_string(language.c_str(), int(language.size()));
    FtLibrary library;
    for (const FontSpec& spec : fonts) impl->fonts.push_back(load_font(library.library, spec, language));
    return std::shared_ptr<const FontSet>(new FontSet(std::move(impl)));
}

std::vector<std::string> FontSet::describe() const {
    std::vector<std::string> names;
    for (const LoadedFont& font : impl_->fonts)
        names.push_back(font.family + " " + font.style + " (" + font.path + "#" +
                        std::to_string(font.face_index) + ")");
    return names;
}

}  // namespace td

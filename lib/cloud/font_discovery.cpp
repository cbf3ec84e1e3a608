#include "cloud/font_discovery.hpp"

#include <filesystem>

#ifdef TD_HAVE_FONTCONFIG
#include <fontconfig/fontconfig.h>
#endif

namespace td::cloud {
namespace {

bool exists(const std::string& path) {
    std::error_code error;
    return std::filesystem::is_regular_file(path, error);
}

std::string first_existing(std::initializer_list<const char*> paths) {
    for (const char* path : paths)
        if (exists(path)) return path;
    return {};
}

std::string fontconfig_lang(const std::string& language) {
    if (language.rfind("ja", 0) == 0) return "ja";
    if (language.rfind("ko", 0) == 0) return "ko";
    if (language.find("Hant") != std::string::npos || language.find("TW") != std::string::npos)
        return "zh-tw";
    if (language.find("HK") != std::string::npos) return "zh-hk";
    if (language.rfind("zh", 0) == 0) return "zh-cn";
    return "en";
}

#ifdef TD_HAVE_FONTCONFIG
// The file fontconfig matches for "sans-serif:lang=LANG" that covers `probe`.
std::string fontconfig_match(FcConfig* config, const std::string& lang, FcChar32 probe) {
    FcPattern* pattern = FcPatternCreate();
    FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>("sans-serif"));
    FcLangSet* langs = FcLangSetCreate();
    FcLangSetAdd(langs, reinterpret_cast<const FcChar8*>(lang.c_str()));
    FcPatternAddLangSet(pattern, FC_LANG, langs);
    FcLangSetDestroy(langs);
    FcPatternAddBool(pattern, FC_SCALABLE, FcTrue);
    FcConfigSubstitute(config, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result = FcResultNoMatch;
    FcPattern* match = FcFontMatch(config, pattern, &result);
    FcPatternDestroy(pattern);
    std::string path;
    if (match) {
        FcChar8* file = nullptr;
        FcCharSet* chars = nullptr;
        if (FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch &&
            FcPatternGetCharSet(match, FC_CHARSET, 0, &chars) == FcResultMatch &&
            FcCharSetHasChar(chars, probe))
            path = reinterpret_cast<const char*>(file);
        FcPatternDestroy(match);
    }
    return path;
}
#endif

}  // namespace

std::vector<FontSet::FontSpec> find_system_fonts(const std::string& language) {
    std::string cjk, latin;
#ifdef TD_HAVE_FONTCONFIG
    if (FcConfig* config = FcInitLoadConfigAndFonts()) {
        const std::string lang = fontconfig_lang(language);
        cjk = fontconfig_match(config, lang == "en" ? "zh-cn" : lang, 0x4E2D);
        latin = fontconfig_match(config, "en", 'a');
        FcConfigDestroy(config);
    }
#endif
    if (cjk.empty())
        cjk = first_existing({"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
                              "/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc",
                              "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
                              "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
                              "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
                              "/System/Library/Fonts/PingFang.ttc"});
    if (latin.empty())
        latin = first_existing({"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                                "/usr/share/fonts/TTF/DejaVuSans.ttf",
                                "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
                                "/System/Library/Fonts/Helvetica.ttc"});
    std::vector<FontSet::FontSpec> fonts;
    // The face index is chosen by family name for the language, whatever fontconfig matched.
    if (!cjk.empty()) fonts.push_back({cjk, -1});
    if (!latin.empty() && latin != cjk) fonts.push_back({latin, -1});
    return fonts;
}

}  // namespace td::cloud

namespace td {

std::shared_ptr<const FontSet> FontSet::system_default(const std::string& language) {
    const std::vector<FontSpec> fonts = cloud::find_system_fonts(language);
    if (fonts.empty())
        throw Error(Error::Code::io,
                    "no system font found (install fonts-noto-cjk or pass a font path)");
    return load(fonts, language);
}

}  // namespace td

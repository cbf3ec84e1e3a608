#include "cloud_test_support.hpp"

#include "cloud/font_session.hpp"
#include "cloud/word_ink.hpp"

#include <filesystem>

namespace td_cloud_test {

bool have_noto_cjk() { return std::filesystem::exists(noto_cjk); }

const std::shared_ptr<const td::FontSet>& fonts_sc() {
    static const std::shared_ptr<const td::FontSet> fonts = td::FontSet::system_default("zh-Hans");
    return fonts;
}

std::vector<td::CloudWord> mixed_words(std::size_t count) {
    static const char* terms[] = {"世界模型", "AI代理", "Claude Code", "Kimi K2.5", "开源",
                                  "推理", "智能体", "GPT-5", "数据中心", "$NVDA", "多模态",
                                  "字节跳动", "上下文窗口", "benchmark", "华为昇腾", "微调",
                                  "写代码", "骨干网络", "门控", "token"};
    std::vector<td::CloudWord> words;
    for (std::size_t i = 0; i < count; ++i) {
        std::string text = terms[i % std::size(terms)];
        if (i >= std::size(terms)) text += std::to_string(i / std::size(terms));
        words.push_back({text, 1000.0 / double(i + 1), ""});
    }
    return words;
}

InkCheck check_ink(const td::CloudLayout& layout, const td::FontSet& fonts,
                   const std::vector<std::uint8_t>& forbidden) {
    InkCheck check;
    std::vector<std::uint8_t> count(std::size_t(layout.width) * layout.height, 0);
    td::cloud::FontSession session(fonts);
    for (const td::PlacedWord& word : layout.words) {
        const td::cloud::WordInk ink = td::cloud::word_ink(session, word);
        for (int r = 0; r < ink.coverage.height; ++r)
            for (int c = 0; c < ink.coverage.width; ++c) {
                if (!ink.coverage.pixels[std::size_t(r) * ink.coverage.width + c]) continue;
                ++check.inked;
                const int x = ink.x + c, y = ink.y + r;
                if (x < 0 || y < 0 || x >= layout.width || y >= layout.height) {
                    ++check.clipped;
                    continue;
                }
                const std::size_t i = std::size_t(y) * layout.width + x;
                if (!forbidden.empty() && forbidden[i]) ++check.clipped;
                if (count[i]++ == 1) ++check.overlapping;
            }
    }
    return check;
}

long ink_pixels(const td::Image& image, td::Rgba bg) {
    long n = 0;
    for (std::size_t i = 0; i < image.rgba.size(); i += 4)
        if (image.rgba[i] != bg.r || image.rgba[i + 1] != bg.g || image.rgba[i + 2] != bg.b ||
            image.rgba[i + 3] != bg.a)
            ++n;
    return n;
}

}  // namespace td_cloud_test

#include "text/analysis.hpp"

#include "text/scanners.hpp"

namespace td::text {

AnalysedText analyse_text(std::string_view utf8, const std::vector<UrlExpansion>& expansions) {
    // Without a '.' neither needs the URL scan; with an '&' the analysis text is of the text
    // with its HTML entities decoded, a different text.
    if (utf8.find('.') == utf8.npos || utf8.find('&') != utf8.npos)
        return {extract_entities(utf8), normalize_for_analysis(utf8, expansions)};
    const DecodedText text(utf8);
    std::vector<Match> urls = scan_urls(text);
    AnalysedText analysed;
    analysed.analysis_text = analysis_text_of(text, urls, expansions);
    analysed.entities = entities_of(text, std::move(urls));
    return analysed;
}

}  // namespace td::text

// twitter-text hit highlighting: hits count the characters outside HTML tags.
#include "common/utf8.hpp"

#include <tweetdigest/text.hpp>

#include <algorithm>
#include <vector>

namespace td {
namespace {

// The text split at '<' and '>': even chunks are text, odd ones the insides of tags.
std::vector<std::string_view> split_tags(std::string_view text) {
    std::vector<std::string_view> chunks;
    std::size_t begin = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '<' || text[i] == '>') {
            chunks.push_back(text.substr(begin, i - begin));
            begin = i + 1;
        }
    }
    chunks.push_back(text.substr(begin));
    return chunks;
}

// The byte offset of the code point `index` in a chunk.
std::size_t byte_offset(std::string_view chunk, std::size_t index) {
    std::size_t pos = 0;
    for (std::size_t i = 0; i < index && pos < chunk.size(); ++i) utf8::decode(chunk, pos);
    return pos;
}

}  // namespace

std::string highlight_hits(std::string_view text, const std::vector<HitRange>& hits) {
    if (hits.empty()) return std::string(text);
    const std::vector<std::string_view> chunks = split_tags(text);
    std::string out;
    out.reserve(text.size() + hits.size() * 9);

    std::size_t chunk_index = 0;
    std::size_t chunk_start = 0;   // code points of text before the current chunk
    std::size_t chunk_cursor = 0;  // bytes of the current chunk already written
    bool opened_in_chunk = false;
    const auto chunk_length = [&] { return utf8::count_code_points(chunks[chunk_index]); };

    for (std::size_t i = 0; i < hits.size() * 2; ++i) {
        const std::size_t boundary = i % 2 == 0 ? hits[i / 2].first : hits[i / 2].second;
        const bool opening = i % 2 == 0;
        const std::string_view marker = opening ? "<em>" : "</em>";
        bool placed = false;
        while (chunk_index < chunks.size() && boundary >= chunk_start + chunk_length()) {
            const std::size_t length = chunk_length();
            out.append(chunks[chunk_index].substr(chunk_cursor));
            if (opened_in_chunk && boundary == chunk_start + length) {
                out += marker;
                placed = true;
            }
            if (chunk_index + 1 < chunks.size()) {
                out.append("<").append(chunks[chunk_index + 1]).append(">");
            }
            chunk_start += length;
            chunk_cursor = 0;
            chunk_index += 2;
            opened_in_chunk = false;
        }
        if (placed) continue;
        if (chunk_index < chunks.size()) {
            const std::size_t spot =
                std::max(chunk_cursor, byte_offset(chunks[chunk_index], boundary - chunk_start));
            out.append(chunks[chunk_index].substr(chunk_cursor, spot - chunk_cursor)).append(marker);
            chunk_cursor = spot;
            opened_in_chunk = opening;
        } else {
            out += marker;
        }
    }
    if (chunk_index < chunks.size()) {
        out.append(chunks[chunk_index].substr(chunk_cursor));
        for (std::size_t i = chunk_index + 1; i < chunks.size(); ++i) {
            if (i % 2 == 0) {
                out.append(chunks[i]);
            } else {
                out.append("<").append(chunks[i]).append(">");
            }
        }
    }
    return out;
}

}  // namespace td

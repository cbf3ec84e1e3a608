#pragma once
// What FontSet holds: each font's mapped file and HarfBuzz face, shared read-only by all calls.

#include <tweetdigest/cloud.hpp>

#include <hb.h>

#include <string>
#include <vector>

namespace td {

struct LoadedFont {
    std::string path;
    int face_index = 0;
    std::string family;
    std::string style;
    hb_blob_t* blob = nullptr;  // the whole file (memory-mapped by HarfBuzz)
    hb_face_t* face = nullptr;
};

struct FontSet::Impl {
    std::string language;
    std::vector<LoadedFont> fonts;  // the fallback chain, first match wins per cluster
    ~Impl();
};

}  // namespace td

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
    // Interned when the set is loaded: HarfBuzz's language registry is written on first use
    // without a lock a thread sanitizer can see, so calls on other threads only read it.
    hb_language_t hb_language = HB_LANGUAGE_INVALID;
    std::vector<LoadedFont> fonts;  // the fallback chain, first match wins per cluster
    ~Impl();
};

}  // namespace td

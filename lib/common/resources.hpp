#pragma once
// Data files compiled into the library (see cmake/TweetdigestResources.cmake).

#include <optional>
#include <string>
#include <string_view>

namespace td::resources {

// The bytes of resources/<name>, e.g. find("stopwords/en.txt").
std::optional<std::string_view> find(std::string_view name);
// Like find, but throws Error(internal) when the resource is missing.
std::string_view get(std::string_view name);
// A gzip-compressed resource, inflated.
std::string get_gunzipped(std::string_view name);

}  // namespace td::resources

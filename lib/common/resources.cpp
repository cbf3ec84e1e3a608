#include "common/resources.hpp"

#include "common/gzip.hpp"

#include <tweetdigest/common.hpp>

namespace td::resources {

std::string_view get(std::string_view name) {
    if (const auto data = find(name)) return *data;
    throw Error(Error::Code::internal, "embedded resource '" + std::string(name) + "' is missing");
}

std::string get_gunzipped(std::string_view name) { return gzip::decompress(get(name)); }

}  // namespace td::resources

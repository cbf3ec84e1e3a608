#pragma once
// Where an X API fetch stands, saved next to its output so it can resume.

#include <cstdint>
#include <optional>
#include <string>

namespace td::net {

struct FetchState {
    std::string request;     // mode, query or user, window: a resumed fetch must match it
    std::string next_token;  // empty once finished
    std::uint64_t pages = 0;
    std::uint64_t tweets = 0;
    std::uint64_t bytes = 0;  // output size after the last complete page
    bool finished = false;
};

// nullopt when the file does not exist; throws Error(parse) when it is not a saved state.
std::optional<FetchState> load_fetch_state(const std::string& path);
// Atomic: the state on disk is always either the previous or the new one.
void save_fetch_state(const std::string& path, const FetchState& state);

}  // namespace td::net

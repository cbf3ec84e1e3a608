#include "net/fetch_state.hpp"

#include <tweetdigest/common.hpp>

#include <boost/json.hpp>

#include <filesystem>

namespace td::net {

std::optional<FetchState> load_fetch_state(const std::string& path) {
    if (!std::filesystem::exists(path)) return std::nullopt;
    const std::string text = read_file(path);
    try {
        const boost::json::value saved = boost::json::parse(text);
        const boost::json::object& object = saved.as_object();
        FetchState state;
        state.request = object.at("request").as_string().c_str();
        state.next_token = object.at("next_token").as_string().c_str();
        state.pages = boost::json::value_to<std::uint64_t>(object.at("pages"));
        state.tweets = boost::json::value_to<std::uint64_t>(object.at("tweets"));
        state.bytes = boost::json::value_to<std::uint64_t>(object.at("bytes"));
        state.finished = object.at("finished").as_bool();
        return state;
    } catch (const std::exception& error) {
        throw Error(Error::Code::parse, path + ": not a fetch state file: " + error.what());
    }
}

void save_fetch_state(const std::string& path, const FetchState& state) {
    const boost::json::object object{{"request", state.request},   {"next_token", state.next_token},
                                     {"pages", state.pages},       {"tweets", state.tweets},
                                     {"bytes", state.bytes},       {"finished", state.finished}};
    write_file_atomically(path, boost::json::serialize(object) + "\n");
}

}  // namespace td::net

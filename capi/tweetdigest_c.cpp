// The C ABI: each entry point converts its arguments, calls the C++ API inside td_guard, and maps
// exceptions to a td_status plus the calling thread's last error message.

#include <tweetdigest/tweetdigest.h>
#include <tweetdigest/tweetdigest.hpp>
#ifdef TD_CAPI_HAVE_NET
#include <tweetdigest/net.hpp>
#endif

#include <boost/json.hpp>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <initializer_list>
#include <limits>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace json = boost::json;

struct td_segmenter {
    td::Segmenter segmenter;
};
struct td_corpus {
    td::Corpus corpus;
};
struct td_term_stats {
    td::TermStats stats;
};
struct td_digest {
    td::Digest digest;
    std::vector<td::Diagnostic> diagnostics;  // history problems met while building it
};
struct td_fonts {
    std::shared_ptr<const td::FontSet> fonts;
};
struct td_cloud {
    td::CloudLayout layout;
    td::CloudOptions options;
    int jpeg_quality = 90;
    std::shared_ptr<const td::FontSet> fonts;
};

namespace {

// ---- Errors --------------------------------------------------------------------------------

// The last error of this thread. An allocation failure falls back to a static message.
struct LastError {
    std::string message;
    const char* static_message = "";

    void set(const char* text) noexcept {
        try {
            message = text;
            static_message = nullptr;
        } catch (...) {
            static_message = "out of memory (while recording an error)";
        }
    }
    const char* get() const noexcept { return static_message ? static_message : message.c_str(); }
};
thread_local LastError last_error;

td_status status_of(td::Error::Code code) noexcept {
    switch (code) {
    case td::Error::Code::invalid_argument: return TD_ERR_INVALID_ARGUMENT;
    case td::Error::Code::io: return TD_ERR_IO;
    case td::Error::Code::parse: return TD_ERR_PARSE;
    case td::Error::Code::unsupported: return TD_ERR_UNSUPPORTED;
    case td::Error::Code::internal: return TD_ERR_INTERNAL;
    }
    return TD_ERR_INTERNAL;
}

// Runs one entry point's body: no exception leaves it.
template <typename Body>
td_status td_guard(Body&& body) noexcept {
    try {
        body();
        return TD_OK;
    } catch (const td::Error& error) {
        last_error.set(error.what());
        return status_of(error.code());
    } catch (const std::bad_alloc&) {
        last_error.static_message = "out of memory";
        return TD_ERR_NO_MEMORY;
    } catch (const std::exception& error) {
        last_error.set(error.what());
        return TD_ERR_INTERNAL;
    } catch (...) {
        last_error.set("unknown internal error");
        return TD_ERR_INTERNAL;
    }
}

[[noreturn]] void invalid_argument(const std::string& message) {
    throw td::Error(td::Error::Code::invalid_argument, message);
}

template <typename T>
T& require(T* pointer, const char* name) {
    if (!pointer) invalid_argument(std::string(name) + " is NULL");
    return *pointer;
}

// ---- Inputs --------------------------------------------------------------------------------

// Byte offset of the first invalid UTF-8 sequence (overlong forms and surrogates included).
std::optional<std::size_t> first_invalid_utf8(std::string_view text) noexcept {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        char32_t code_point = 0;
        if (lead < 0x80) {
            ++i;
            continue;
        }
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
            code_point = lead & 0x1F;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            code_point = lead & 0x0F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            code_point = lead & 0x07;
        } else {
            return i;
        }
        if (text.size() - i < length) return i;
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80) return i;
            code_point = (code_point << 6) | (next & 0x3F);
        }
        const char32_t smallest = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
        if (code_point < smallest || code_point > 0x10FFFF ||
            (code_point >= 0xD800 && code_point <= 0xDFFF))
            return i;
        i += length;
    }
    return std::nullopt;
}

std::string_view bytes_arg(const char* data, std::size_t len, const char* name) {
    if (!data) {
        if (len == 0 || len == TD_NUL_TERMINATED) invalid_argument(std::string(name) + " is NULL");
        invalid_argument(std::string(name) + " is NULL but its length is " + std::to_string(len));
    }
    return {data, len == TD_NUL_TERMINATED ? std::strlen(data) : len};
}

std::string_view text_arg(const char* text, std::size_t len, const char* name) {
    if (!text && len == 0) return {};
    const std::string_view view = bytes_arg(text, len, name);
    if (const auto offset = first_invalid_utf8(view))
        throw td::Error(td::Error::Code::parse,
                        std::string(name) + ": invalid UTF-8 at byte " + std::to_string(*offset));
    return view;
}

// A JSON options object whose keys must all be known.
class Options {
public:
    Options(const json::object& object, std::string context,
            std::initializer_list<std::string_view> known)
        : object_(object), context_(std::move(context)) {
        for (const auto& entry : object_) {
            bool found = false;
            for (std::string_view key : known) found = found || entry.key() == key;
            if (found) continue;
            std::string list;
            for (std::string_view key : known) list += (list.empty() ? "" : ", ") + std::string(key);
            invalid_argument(context_ + ": unknown key \"" + std::string(entry.key()) +
                             "\" (known: " + list + ")");
        }
    }

    static json::object parse(const char* text, std::size_t len, const std::string& context) {
        if (!text || len == 0) return {};
        const std::string_view view = bytes_arg(text, len, context.c_str());
        if (view.empty()) return {};
        boost::system::error_code error;
        json::value value = json::parse(view, error);
        if (error) invalid_argument(context + ": invalid JSON: " + error.message());
        if (!value.is_object()) invalid_argument(context + ": expected a JSON object");
        return std::move(value.as_object());
    }

    const json::value* find(std::string_view key) const {
        const auto it = object_.find(key);
        return it == object_.end() || it->value().is_null() ? nullptr : &it->value();
    }

    std::string string(std::string_view key, std::string fallback) const {
        const json::value* value = find(key);
        if (!value) return fallback;
        if (!value->is_string()) wrong_type(key, "a string");
        return std::string(value->as_string());
    }

    std::int64_t integer(std::string_view key, std::int64_t fallback, std::int64_t min,
                         std::int64_t max) const {
        const json::value* value = find(key);
        if (!value) return fallback;
        std::int64_t result = 0;
        if (value->is_int64())
            result = value->as_int64();
        else if (value->is_uint64() && value->as_uint64() <= std::uint64_t(max))
            result = std::int64_t(value->as_uint64());
        else
            wrong_type(key, "an integer");
        if (result < min || result > max)
            invalid_argument(context_ + ": \"" + std::string(key) + "\" must be between " +
                             std::to_string(min) + " and " + std::to_string(max));
        return result;
    }

    std::size_t count(std::string_view key, std::size_t fallback) const {
        return std::size_t(integer(key, std::int64_t(fallback), 0, std::numeric_limits<int>::max()));
    }

    double number(std::string_view key, double fallback) const {
        const json::value* value = find(key);
        if (!value) return fallback;
        if (!value->is_number() || !std::isfinite(value->to_number<double>())) wrong_type(key, "a finite number");
        return value->to_number<double>();
    }

    bool boolean(std::string_view key, bool fallback) const {
        const json::value* value = find(key);
        if (!value) return fallback;
        if (!value->is_bool()) wrong_type(key, "true or false");
        return value->as_bool();
    }

    const json::array* array(std::string_view key) const {
        const json::value* value = find(key);
        if (value && !value->is_array()) wrong_type(key, "an array");
        return value ? &value->as_array() : nullptr;
    }

    const json::object* object(std::string_view key) const {
        const json::value* value = find(key);
        if (value && !value->is_object()) wrong_type(key, "an object");
        return value ? &value->as_object() : nullptr;
    }

    std::vector<std::string> strings(std::string_view key) const {
        std::vector<std::string> result;
        if (const json::array* items = array(key)) {
            for (const json::value& item : *items) {
                if (!item.is_string()) wrong_type(key, "an array of strings");
                result.emplace_back(item.as_string());
            }
        }
        return result;
    }

    const std::string& context() const noexcept { return context_; }

    [[noreturn]] void wrong_type(std::string_view key, const char* expected) const {
        invalid_argument(context_ + ": \"" + std::string(key) + "\" must be " + expected);
    }

private:
    const json::object& object_;
    std::string context_;
};

td::ReadOptions read_options(const char* options_json, std::size_t options_len) {
    const json::object object = Options::parse(options_json, options_len, "corpus options");
    const Options o(object, "corpus options",
                    {"format", "time_zone", "from", "to", "collapse_retweets", "dedupe",
                     "near_duplicate_distance", "threads"});
    td::ReadOptions options;
    options.format = td::parse_input_format(o.string("format", "auto"));
    options.time_zone = o.string("time_zone", options.time_zone);
    td::TimeZone::load(options.time_zone);
    if (o.find("from")) options.from = td::LocalDate::parse(o.string("from", ""));
    if (o.find("to")) options.to = td::LocalDate::parse(o.string("to", ""));
    if (options.to && !options.from) invalid_argument("corpus options: \"to\" without \"from\"");
    if (options.from && !options.to) options.to = options.from;
    if (options.from && *options.to < *options.from)
        invalid_argument("corpus options: \"to\" is before \"from\"");
    options.collapse_retweets = o.boolean("collapse_retweets", options.collapse_retweets);
    options.dedupe = o.boolean("dedupe", options.dedupe);
    options.near_duplicate_distance =
        int(o.integer("near_duplicate_distance", options.near_duplicate_distance, 0, 64));
    options.threads = o.count("threads", options.threads);
    return options;
}

td::TermOptions term_options(const json::object& object, const std::string& context) {
    const Options o(object, context,
                    {"top", "min_frequency", "discover_phrases", "max_examples", "stopwords",
                     "user_dictionary", "threads"});
    td::TermOptions options;
    options.top = o.count("top", options.top);
    options.min_frequency = o.count("min_frequency", options.min_frequency);
    options.discover_phrases = o.boolean("discover_phrases", options.discover_phrases);
    options.max_examples = o.count("max_examples", options.max_examples);
    options.extra_stopwords = o.strings("stopwords");
    options.threads = o.count("threads", options.threads);
    if (o.find("user_dictionary")) {
        const auto entries = td::Lexicon::read_user_dictionary(o.string("user_dictionary", ""));
        options.lexicon = td::Lexicon::with_user_entries(*td::Lexicon::builtin(), entries);
    }
    return options;
}

td::Rgba parse_color(const Options& o, std::string_view key, const std::string& text) {
    const auto color = td::parse_hex_color(text);
    if (!color) o.wrong_type(key, "a colour \"#rrggbb\" or \"#rrggbbaa\"");
    return *color;
}

td::OrientationMode parse_orientation(const Options& o) {
    const std::string mode = o.string("orientation", "upright_vertical");
    if (mode == "horizontal") return td::OrientationMode::horizontal_only;
    if (mode == "rotate") return td::OrientationMode::rotate;
    if (mode == "upright_vertical") return td::OrientationMode::upright_vertical;
    o.wrong_type("orientation", "\"horizontal\", \"rotate\" or \"upright_vertical\"");
}

void cloud_options(const char* options_json, std::size_t options_len, td_cloud& cloud) {
    const json::object object = Options::parse(options_json, options_len, "cloud options");
    const Options o(object, "cloud options",
                    {"width", "height", "seed", "orientation", "prefer_horizontal",
                     "relative_scaling", "min_font_size", "max_font_size", "margin", "max_words",
                     "background", "palette", "mask_png", "jpeg_quality", "color_mode",
                     "contour_width", "contour_color"});
    td::CloudOptions& options = cloud.options;
    options.width = int(o.integer("width", options.width, 1, 16384));
    options.height = int(o.integer("height", options.height, 1, 16384));
    options.seed = std::uint64_t(o.integer("seed", 1, 0, std::numeric_limits<std::int64_t>::max()));
    options.orientation = parse_orientation(o);
    options.prefer_horizontal = o.number("prefer_horizontal", options.prefer_horizontal);
    if (!(options.prefer_horizontal >= 0 && options.prefer_horizontal <= 1))
        invalid_argument("cloud options: \"prefer_horizontal\" must be between 0 and 1");
    options.relative_scaling = o.number("relative_scaling", options.relative_scaling);
    if (!(options.relative_scaling >= 0 && options.relative_scaling <= 1))
        invalid_argument("cloud options: \"relative_scaling\" must be between 0 and 1");
    options.min_font_size = int(o.integer("min_font_size", options.min_font_size, 1, 4096));
    options.max_font_size = int(o.integer("max_font_size", options.max_font_size, 0, 4096));
    options.margin = int(o.integer("margin", options.margin, 0, 1024));
    options.max_words = o.count("max_words", options.max_words);
    if (o.find("background"))
        options.background = parse_color(o, "background", o.string("background", ""));
    for (const std::string& color : o.strings("palette"))
        options.palette.push_back(parse_color(o, "palette", color));
    options.mask_png = o.string("mask_png", "");
    const std::string color_mode = o.string("color_mode", "palette");
    if (color_mode == "palette")
        options.color_mode = td::ColorMode::palette;
    else if (color_mode == "by_weight")
        options.color_mode = td::ColorMode::by_weight;
    else if (color_mode == "by_kind")
        options.color_mode = td::ColorMode::by_kind;
    else
        o.wrong_type("color_mode", "\"palette\", \"by_weight\" or \"by_kind\"");
    options.contour_width = int(o.integer("contour_width", 0, 0, 1024));
    if (o.find("contour_color"))
        options.contour_color = parse_color(o, "contour_color", o.string("contour_color", ""));
    cloud.jpeg_quality = int(o.integer("jpeg_quality", cloud.jpeg_quality, 1, 100));
}

std::vector<td::CloudWord> cloud_words(const char* words_json, std::size_t words_len) {
    const std::string_view text = text_arg(words_json, words_len, "words_json");
    boost::system::error_code error;
    const json::value value = json::parse(text, error);
    if (error) invalid_argument("words_json: invalid JSON: " + error.message());
    if (!value.is_array()) invalid_argument("words_json: expected a JSON array of words");
    std::vector<td::CloudWord> words;
    for (const json::value& item : value.as_array()) {
        const std::string context = "words_json[" + std::to_string(words.size()) + "]";
        if (!item.is_object()) invalid_argument(context + ": expected an object");
        const Options o(item.as_object(), context, {"text", "weight", "kind"});
        td::CloudWord word;
        word.text = o.string("text", "");
        if (word.text.empty()) invalid_argument(context + ": \"text\" is missing or empty");
        word.weight = o.number("weight", 1);
        word.kind = o.string("kind", "");
        words.push_back(std::move(word));
    }
    return words;
}

// ---- Outputs -------------------------------------------------------------------------------

void clear_outputs(char** out, std::size_t* out_len) noexcept {
    if (out) *out = nullptr;
    if (out_len) *out_len = 0;
}

// Copies bytes into a NUL-terminated buffer the caller releases with td_free.
void give(std::string_view bytes, char** out, std::size_t* out_len) {
    auto* buffer = static_cast<char*>(std::malloc(bytes.size() + 1));
    if (!buffer) throw std::bad_alloc();
    if (!bytes.empty()) std::memcpy(buffer, bytes.data(), bytes.size());
    buffer[bytes.size()] = '\0';
    *out = buffer;
    *out_len = bytes.size();
}

void give_json(const json::value& value, char** out, std::size_t* out_len) {
    give(json::serialize(value), out, out_len);
}

// Checks the output pair, clears it, and runs the body in the guard.
template <typename Body>
td_status with_output(char** out, std::size_t* out_len, Body&& body) noexcept {
    clear_outputs(out, out_len);
    return td_guard([&] {
        require(out, "out");
        require(out_len, "out_len");
        body();
    });
}

template <typename Handle, typename Body>
td_status with_handle_output(Handle** out, Body&& body) noexcept {
    if (out) *out = nullptr;
    return td_guard([&] {
        require(out, "out");
        *out = new Handle(body());
    });
}

json::array diagnostics_array(const std::vector<td::Diagnostic>& diagnostics) {
    json::array out;
    for (const td::Diagnostic& d : diagnostics)
        out.push_back(json::object{{"severity", d.severity == td::Diagnostic::Severity::warning ? "warning" : "error"},
                                   {"source", d.source},
                                   {"line", d.line},
                                   {"byte_offset", d.byte_offset},
                                   {"message", d.message}});
    return out;
}

json::value date_or_null(const std::optional<td::LocalDate>& date) {
    return date ? json::value(date->to_string()) : json::value(nullptr);
}

std::vector<td::DuplicateSignature> signatures_arg(const char* text, std::size_t len, const char* name) {
    const std::string_view view = text_arg(text, len, name);
    try {
        return td::duplicate_signatures_from_json(view);
    } catch (const td::Error& error) {
        throw td::Error(error.code(), std::string(name) + ": " + error.what());
    }
}

json::value term_json(const td::Term& term) {
    json::array examples;
    for (const std::string& id : term.example_ids) examples.emplace_back(id);
    return json::object{{"key", term.key},
                        {"display", term.display},
                        {"kind", td::to_string(term.kind)},
                        {"score", term.score},
                        {"frequency", term.frequency},
                        {"document_frequency", term.document_frequency},
                        {"example_ids", std::move(examples)}};
}

}  // namespace

// ---- Status, errors, memory, version ----------------------------------------------------------

extern "C" {

const char* td_status_string(td_status status) {
    switch (status) {
    case TD_OK: return "TD_OK";
    case TD_ERR_INVALID_ARGUMENT: return "TD_ERR_INVALID_ARGUMENT";
    case TD_ERR_IO: return "TD_ERR_IO";
    case TD_ERR_PARSE: return "TD_ERR_PARSE";
    case TD_ERR_UNSUPPORTED: return "TD_ERR_UNSUPPORTED";
    case TD_ERR_NO_MEMORY: return "TD_ERR_NO_MEMORY";
    case TD_ERR_INTERNAL: return "TD_ERR_INTERNAL";
    }
    return "unknown status";
}

const char* td_last_error(void) { return last_error.get(); }

void td_clear_error(void) { last_error.set(""); }

void td_free(void* buffer) { std::free(buffer); }

void td_version(int* major, int* minor, int* patch) {
    if (major) *major = TD_VERSION_MAJOR;
    if (minor) *minor = TD_VERSION_MINOR;
    if (patch) *patch = TD_VERSION_PATCH;
}

const char* td_version_string(void) { return TD_VERSION_STRING; }

int td_abi_version(void) { return TD_ABI_VERSION; }

// ---- Text --------------------------------------------------------------------------------------

td_status td_extract_entities(const char* text, size_t text_len, char** out_json, size_t* out_len) {
    return with_output(out_json, out_len, [&] {
        json::array entities;
        for (const td::Entity& e : td::extract_entities(text_arg(text, text_len, "text"))) {
            entities.push_back(json::object{{"kind", td::to_string(e.kind)},
                                            {"value", e.value},
                                            {"list_slug", e.list_slug},
                                            {"byte_begin", e.byte_begin},
                                            {"byte_end", e.byte_end},
                                            {"begin", e.begin},
                                            {"end", e.end},
                                            {"begin_utf16", e.begin_utf16},
                                            {"end_utf16", e.end_utf16}});
        }
        give_json(entities, out_json, out_len);
    });
}

td_status td_weighted_length(const char* text, size_t text_len, const char* options_json,
                             size_t options_len, char** out_json, size_t* out_len) {
    return with_output(out_json, out_len, [&] {
        const std::string_view input = text_arg(text, text_len, "text");
        const json::object object = Options::parse(options_json, options_len, "length options");
        const Options o(object, "length options", {"config"});
        const std::string name = o.string("config", "v3");
        const td::TextConfig* config = name == "v3"   ? &td::TextConfig::v3()
                                       : name == "v2" ? &td::TextConfig::v2()
                                       : name == "v1" ? &td::TextConfig::v1()
                                                      : nullptr;
        if (!config) o.wrong_type("config", "\"v1\", \"v2\" or \"v3\"");
        const td::TweetLength length = td::weighted_length(input, *config);
        give_json(json::object{{"weighted_length", length.weighted_length},
                               {"permillage", length.permillage},
                               {"valid", length.valid},
                               {"display_range_end", length.display_range_end},
                               {"valid_range_end", length.valid_range_end}},
                  out_json, out_len);
    });
}

// ---- Segmentation ------------------------------------------------------------------------------

td_status td_segmenter_create(const char* options_json, size_t options_len, td_segmenter** out) {
    return with_handle_output(out, [&] {
        const json::object object = Options::parse(options_json, options_len, "segmenter options");
        const Options o(object, "segmenter options", {"dictionary", "user_dictionary"});
        std::shared_ptr<const td::Lexicon> lexicon =
            o.find("dictionary") ? td::Lexicon::from_file(o.string("dictionary", ""))
                                 : td::Lexicon::builtin();
        if (o.find("user_dictionary")) {
            const auto entries = td::Lexicon::read_user_dictionary(o.string("user_dictionary", ""));
            lexicon = td::Lexicon::with_user_entries(*lexicon, entries);
        }
        return td_segmenter{td::Segmenter(std::move(lexicon))};
    });
}

void td_segmenter_free(td_segmenter* segmenter) { delete segmenter; }

td_status td_segmenter_segment(const td_segmenter* segmenter, const char* text, size_t text_len,
                               char** out_json, size_t* out_len) {
    return with_output(out_json, out_len, [&] {
        const td::Segmenter& s = require(segmenter, "segmenter").segmenter;
        json::array words;
        for (std::string& word : s.segment(text_arg(text, text_len, "text")))
            words.emplace_back(std::move(word));
        give_json(words, out_json, out_len);
    });
}

td_status td_segmenter_tokenize(const td_segmenter* segmenter, const char* text, size_t text_len,
                                char** out_json, size_t* out_len) {
    return with_output(out_json, out_len, [&] {
        const td::Segmenter& s = require(segmenter, "segmenter").segmenter;
        json::array tokens;
        for (const td::Token& token : s.tokenize(text_arg(text, text_len, "text"))) {
            tokens.push_back(json::object{{"text", token.text},
                                          {"kind", td::to_string(token.kind)},
                                          {"byte_offset", token.byte_offset}});
        }
        give_json(tokens, out_json, out_len);
    });
}

// ---- Corpus ------------------------------------------------------------------------------------

td_status td_corpus_read_files(const char* const* paths, size_t n_paths, const char* options_json,
                               size_t options_len, td_corpus** out) {
    return with_handle_output(out, [&] {
        require(paths, "paths");
        if (n_paths == 0) invalid_argument("n_paths is 0: give at least one file");
        std::vector<std::string> files;
        for (std::size_t i = 0; i < n_paths; ++i) {
            if (!paths[i]) invalid_argument("paths[" + std::to_string(i) + "] is NULL");
            files.emplace_back(paths[i]);
        }
        return td_corpus{td::read_corpus(files, read_options(options_json, options_len))};
    });
}

td_status td_corpus_read_memory(const char* data, size_t data_len, const char* source_name,
                                const char* options_json, size_t options_len, td_corpus** out) {
    return with_handle_output(out, [&] {
        const std::string_view bytes = data || data_len ? bytes_arg(data, data_len, "data")
                                                        : std::string_view();
        const td::ReadOptions options = read_options(options_json, options_len);
        return td_corpus{
            td::read_corpus_from_memory(bytes, source_name ? source_name : "memory", options)};
    });
}

void td_corpus_free(td_corpus* corpus) { delete corpus; }

td_status td_corpus_size(const td_corpus* corpus, size_t* out_size) {
    if (out_size) *out_size = 0;
    return td_guard([&] {
        const td::Corpus& c = require(corpus, "corpus").corpus;
        require(out_size, "out_size") = c.tweets.size();
    });
}

td_status td_corpus_tweet_json(const td_corpus* corpus, size_t index, char** out_json,
                               size_t* out_len) {
    return with_output(out_json, out_len, [&] {
        const td::Corpus& c = require(corpus, "corpus").corpus;
        if (index >= c.tweets.size())
            invalid_argument("index " + std::to_string(index) + " is out of range (the corpus has " +
                             std::to_string(c.tweets.size()) + " tweets)");
        give(td::tweet_to_json(c.tweets[index]), out_json, out_len);
    });
}

td_status td_corpus_diagnostics_json(const td_corpus* corpus, char** out_json, size_t* out_len) {
    return with_output(out_json, out_len, [&] {
        json::array diagnostics;
        for (const td::Diagnostic& d : require(corpus, "corpus").corpus.diagnostics) {
            diagnostics.push_back(json::object{
                {"severity", d.severity == td::Diagnostic::Severity::warning ? "warning" : "error"},
                {"source", d.source},
                {"line", d.line},
                {"byte_offset", d.byte_offset},
                {"message", d.message}});
        }
        give_json(diagnostics, out_json, out_len);
    });
}

td_status td_corpus_summary_json(const td_corpus* corpus, char** out_json, size_t* out_len) {
    return with_output(out_json, out_len, [&] {
        const td::Corpus& c = require(corpus, "corpus").corpus;
        give_json(json::object{{"time_zone", c.time_zone},
                               {"from", date_or_null(c.from)},
                               {"to", date_or_null(c.to)},
                               {"tweets", c.tweets.size()},
                               {"diagnostics", c.diagnostics.size()},
                               {"counts", json::object{{"read", c.counts.read},
                                                       {"kept", c.counts.kept},
                                                       {"duplicates", c.counts.duplicates},
                                                       {"retweets", c.counts.retweets},
                                                       {"out_of_window", c.counts.out_of_window},
                                                       {"errors", c.counts.errors}}}},
                  out_json, out_len);
    });
}

// ---- Duplicate signatures ----------------------------------------------------------------------

td_status td_corpus_duplicate_signatures_json(const td_corpus* corpus, char** out_json, size_t* out_len) {
    return with_output(out_json, out_len, [&] {
        give(td::duplicate_signatures_to_json(td::duplicate_signatures(require(corpus, "corpus").corpus)),
             out_json, out_len);
    });
}

td_status td_duplicate_signatures_merge_json(const char* first_json, size_t first_len, const char* second_json,
                                             size_t second_len, char** out_json, size_t* out_len) {
    return with_output(out_json, out_len, [&] {
        auto first = signatures_arg(first_json, first_len, "first_json");
        auto second = signatures_arg(second_json, second_len, "second_json");
        give(td::duplicate_signatures_to_json(td::merge_duplicate_signatures(std::move(first), std::move(second))),
             out_json, out_len);
    });
}

td_status td_duplicate_clusters_json(const char* signatures_json, size_t signatures_len, const char* options_json,
                                     size_t options_len, char** out_json, size_t* out_len) {
    return with_output(out_json, out_len, [&] {
        const json::object object = Options::parse(options_json, options_len, "cluster options");
        const Options o(object, "cluster options", {"near_duplicate_distance", "threads"});
        const int distance = int(o.integer("near_duplicate_distance", td::ReadOptions{}.near_duplicate_distance, 0, 64));
        const std::size_t threads = o.count("threads", 0);
        const auto signatures = signatures_arg(signatures_json, signatures_len, "signatures_json");
        json::array clusters;
        for (const td::DuplicateCluster& cluster : td::duplicate_clusters(signatures, distance, threads))
            clusters.push_back(json::object{{"ids", json::array(cluster.ids.begin(), cluster.ids.end())},
                                            {"retweets_seen", cluster.retweets_seen}});
        give_json(clusters, out_json, out_len);
    });
}

// ---- Term statistics ---------------------------------------------------------------------------

td_status td_term_stats_build(const td_corpus* corpus, const char* options_json,
                              size_t options_len, td_term_stats** out) {
    return with_handle_output(out, [&] {
        const td::Corpus& c = require(corpus, "corpus").corpus;
        const json::object object = Options::parse(options_json, options_len, "term options");
        return td_term_stats{td::build_term_stats(c, term_options(object, "term options"))};
    });
}

td_status td_term_stats_load(const void* bytes, size_t len, td_term_stats** out) {
    return with_handle_output(out, [&] {
        if (!bytes && len != 0) invalid_argument("bytes is NULL but len is " + std::to_string(len));
        const std::string_view view =
            bytes ? std::string_view(static_cast<const char*>(bytes), len) : std::string_view();
        return td_term_stats{td::TermStats::deserialize(view)};
    });
}

void td_term_stats_free(td_term_stats* stats) { delete stats; }

td_status td_term_stats_serialize(const td_term_stats* stats, char** out_bytes, size_t* out_len) {
    return with_output(out_bytes, out_len, [&] {
        give(require(stats, "stats").stats.serialize(), out_bytes, out_len);
    });
}

td_status td_term_stats_merge(td_term_stats* into, const td_term_stats* other) {
    return td_guard([&] {
        td::TermStats& target = require(into, "into").stats;
        const td::TermStats& source = require(other, "other").stats;
        if (&target == &source) {
            const td::TermStats copy = source;
            target.merge(copy);
        } else {
            target.merge(source);
        }
    });
}

td_status td_term_stats_counts(const td_term_stats* stats, uint64_t* out_documents,
                               uint64_t* out_terms) {
    return td_guard([&] {
        const td::TermStats& s = require(stats, "stats").stats;
        if (out_documents) *out_documents = s.documents;
        if (out_terms) *out_terms = s.terms.size();
    });
}

td_status td_term_stats_score(const td_term_stats* stats, const td_term_stats* background,
                              const char* options_json, size_t options_len, char** out_json,
                              size_t* out_len) {
    return with_output(out_json, out_len, [&] {
        const td::TermStats& s = require(stats, "stats").stats;
        const json::object object = Options::parse(options_json, options_len, "term options");
        td::TermOptions options = term_options(object, "term options");
        options.background = background ? &background->stats : nullptr;
        json::array terms;
        for (const td::Term& term : td::score_terms(s, options)) terms.push_back(term_json(term));
        give_json(terms, out_json, out_len);
    });
}

// ---- Digest ------------------------------------------------------------------------------------

}  // extern "C"

namespace {

td::DigestOptions digest_options(const Options& o) {
    td::DigestOptions options;
    options.language = td::parse_language(o.string("language", "zh"));
    options.core_points = o.count("core_points", options.core_points);
    options.cloud_terms = o.count("cloud_terms", options.cloud_terms);
    options.generated_at = o.integer("generated_at", 0, 0, std::numeric_limits<std::int64_t>::max());
    options.wordcloud_extension = o.string("wordcloud_extension", options.wordcloud_extension);
    if (const json::object* terms = o.object("terms"))
        options.terms = term_options(*terms, o.context() + ": terms");
    return options;
}

// {"dir": "...", "days": 7, "save": true}
td::HistoryOptions history_options(const json::object& object, const std::string& context, bool* save) {
    const Options o(object, context, {"dir", "days", "save"});
    td::HistoryOptions options;
    options.dir = o.string("dir", "");
    if (options.dir.empty()) invalid_argument(context + ": \"dir\" is required");
    options.days = o.count("days", options.days);
    if (save) *save = o.boolean("save", true);
    return options;
}

json::array weighted_terms_json(const std::vector<td::WeightedTerm>& terms) {
    json::array out;
    for (const td::WeightedTerm& t : terms) out.push_back(json::object{{"key", t.key}, {"weight", t.weight}});
    return out;
}

}  // namespace

extern "C" {

td_status td_digest_build(const td_corpus* corpus, const td_term_stats* background,
                          const char* options_json, size_t options_len, td_digest** out) {
    return with_handle_output(out, [&] {
        const td::Corpus& c = require(corpus, "corpus").corpus;
        const json::object object = Options::parse(options_json, options_len, "digest options");
        const Options o(object, "digest options",
                        {"language", "core_points", "cloud_terms", "generated_at",
                         "wordcloud_extension", "terms", "history"});
        td::DigestOptions options = digest_options(o);
        options.terms.background = background ? &background->stats : nullptr;
        if (const json::object* history = o.object("history")) {
            bool save = true;
            const td::HistoryOptions h = history_options(*history, "digest options: history", &save);
            td_digest result;
            result.digest = td::build_digest_with_history(c, options, h, save, &result.diagnostics);
            return result;
        }
        return td_digest{td::build_digest(c, options), {}};
    });
}

td_status td_digest_build_range(const td_corpus* corpus, const char* options_json, size_t options_len,
                                td_digest** out) {
    return with_handle_output(out, [&] {
        const json::object object = Options::parse(options_json, options_len, "range options");
        const Options o(object, "range options",
                        {"language", "core_points", "cloud_terms", "generated_at",
                         "wordcloud_extension", "terms", "history", "from", "to"});
        const json::object* history = o.object("history");
        if (!history) invalid_argument("range options: \"history\" is required");
        const td::HistoryOptions h = history_options(*history, "range options: history", nullptr);
        if (!o.find("from") || !o.find("to")) invalid_argument("range options: \"from\" and \"to\" are required");
        const td::LocalDate from = td::LocalDate::parse(o.string("from", "")), to = td::LocalDate::parse(o.string("to", ""));
        td_digest result;
        result.digest = td::build_range_digest(corpus ? &corpus->corpus : nullptr, from, to, digest_options(o), h,
                                               &result.diagnostics);
        return result;
    });
}

td_status td_digest_history_diagnostics_json(const td_digest* digest, char** out_json, size_t* out_len) {
    return with_output(out_json, out_len, [&] {
        give_json(diagnostics_array(require(digest, "digest").diagnostics), out_json, out_len);
    });
}

td_status td_history_save(const char* dir, const td_digest* digest, const td_term_stats* stats) {
    return td_guard([&] {
        const std::string folder(text_arg(&require(dir, "dir"), TD_NUL_TERMINATED, "dir"));
        td::save_history_day(folder, require(digest, "digest").digest, require(stats, "stats").stats);
    });
}

td_status td_history_load(const char* dir, const char* options_json, size_t options_len, char** out_json,
                          size_t* out_len) {
    return with_output(out_json, out_len, [&] {
        const std::string folder(text_arg(&require(dir, "dir"), TD_NUL_TERMINATED, "dir"));
        const json::object object = Options::parse(options_json, options_len, "history options");
        const Options o(object, "history options", {"from", "to", "stats"});
        if (!o.find("from") || !o.find("to")) invalid_argument("history options: \"from\" and \"to\" are required");
        td::HistoryLoadOptions load_options{o.boolean("stats", false), false};
        const td::HistoryLoad load = td::load_history(folder, td::LocalDate::parse(o.string("from", "")),
                                                      td::LocalDate::parse(o.string("to", "")), load_options);
        json::array entries;
        for (const td::HistoryEntry& e : load.entries) {
            json::array stories, top_terms;
            for (const td::StorySignature& story : e.day.stories) {
                json::array ids;
                for (const std::string& id : story.tweet_ids) ids.emplace_back(id);
                stories.push_back(json::object{{"title", story.title}, {"since", story.since.to_string()},
                                               {"terms", weighted_terms_json(story.terms)}, {"tweet_ids", std::move(ids)}});
            }
            for (const std::string& key : e.day.top_terms) top_terms.emplace_back(key);
            entries.push_back(json::object{{"date", e.day.date.to_string()}, {"title", e.day.title},
                                           {"language", e.language}, {"time_zone", e.time_zone},
                                           {"documents", e.documents}, {"tweets", e.tweets}, {"path", e.path},
                                           {"terms", e.day.terms.size()},
                                           {"top_terms", std::move(top_terms)}, {"stories", std::move(stories)}});
        }
        give_json(json::object{{"entries", std::move(entries)}, {"diagnostics", diagnostics_array(load.diagnostics)}},
                  out_json, out_len);
    });
}

td_status td_digest_from_json(const char* json_text, size_t json_len, td_digest** out) {
    return with_handle_output(out, [&] {
        return td_digest{td::digest_from_json(text_arg(json_text, json_len, "json")), {}};
    });
}

void td_digest_free(td_digest* digest) { delete digest; }

td_status td_digest_to_markdown(const td_digest* digest, char** out_markdown, size_t* out_len) {
    return with_output(out_markdown, out_len, [&] {
        give(td::render_markdown(require(digest, "digest").digest), out_markdown, out_len);
    });
}

td_status td_digest_to_json(const td_digest* digest, char** out_json, size_t* out_len) {
    return with_output(out_json, out_len, [&] {
        give(td::render_json(require(digest, "digest").digest), out_json, out_len);
    });
}

td_status td_digest_post_path(const td_digest* digest, char** out_path, size_t* out_len) {
    return with_output(out_path, out_len, [&] {
        give(td::post_relative_path(require(digest, "digest").digest), out_path, out_len);
    });
}

td_status td_digest_wordcloud_path(const td_digest* digest, char** out_path, size_t* out_len) {
    return with_output(out_path, out_len, [&] {
        give(td::wordcloud_relative_path(require(digest, "digest").digest), out_path, out_len);
    });
}

td_status td_digest_cloud_words(const td_digest* digest, char** out_json, size_t* out_len) {
    return with_output(out_json, out_len, [&] {
        json::array words;
        for (const td::Term& term : require(digest, "digest").digest.top_terms) {
            words.push_back(json::object{
                {"text", term.display}, {"weight", term.score}, {"kind", td::to_string(term.kind)}});
        }
        give_json(words, out_json, out_len);
    });
}

// ---- Word clouds -------------------------------------------------------------------------------

td_status td_fonts_load(const char* options_json, size_t options_len, td_fonts** out) {
    return with_handle_output(out, [&] {
        const json::object object = Options::parse(options_json, options_len, "font options");
        const Options o(object, "font options", {"fonts", "language"});
        const std::string language = o.string("language", "zh-Hans");
        const json::array* fonts = o.array("fonts");
        if (!fonts) return td_fonts{td::FontSet::system_default(language)};
        std::vector<td::FontSet::FontSpec> specs;
        for (const json::value& item : *fonts) {
            const std::string context = "font options: fonts[" + std::to_string(specs.size()) + "]";
            if (!item.is_object()) invalid_argument(context + ": expected an object");
            const Options font(item.as_object(), context, {"path", "face_index"});
            td::FontSet::FontSpec spec;
            spec.path = font.string("path", "");
            if (spec.path.empty()) invalid_argument(context + ": \"path\" is missing");
            spec.face_index = int(font.integer("face_index", -1, -1, 65535));
            specs.push_back(std::move(spec));
        }
        if (specs.empty()) invalid_argument("font options: \"fonts\" is empty");
        return td_fonts{td::FontSet::load(specs, language)};
    });
}

void td_fonts_free(td_fonts* fonts) { delete fonts; }

td_status td_fonts_describe(const td_fonts* fonts, char** out_json, size_t* out_len) {
    return with_output(out_json, out_len, [&] {
        json::array names;
        for (std::string& name : require(fonts, "fonts").fonts->describe())
            names.emplace_back(std::move(name));
        give_json(names, out_json, out_len);
    });
}

td_status td_cloud_layout(const td_fonts* fonts, const char* words_json, size_t words_len,
                          const char* options_json, size_t options_len, td_cloud** out) {
    if (out) *out = nullptr;
    return td_guard([&] {
        require(out, "out");
        const auto& font_set = require(fonts, "fonts").fonts;
        auto cloud = std::make_unique<td_cloud>();
        const std::vector<td::CloudWord> words = cloud_words(words_json, words_len);
        cloud_options(options_json, options_len, *cloud);
        cloud->layout = td::layout_cloud(words, *font_set, cloud->options);
        cloud->fonts = font_set;
        *out = cloud.release();
    });
}

void td_cloud_free(td_cloud* cloud) { delete cloud; }

td_status td_cloud_layout_json(const td_cloud* cloud, char** out_json, size_t* out_len) {
    return with_output(out_json, out_len, [&] {
        give(td::layout_to_json(require(cloud, "cloud").layout), out_json, out_len);
    });
}

td_status td_cloud_encode(const td_cloud* cloud, td_image_format format, char** out_bytes,
                          size_t* out_len) {
    return with_output(out_bytes, out_len, [&] {
        const td_cloud& c = require(cloud, "cloud");
        // A C caller may pass any int: read it as one, since an out-of-range enum is undefined in C++.
        int raw = 0;
        static_assert(sizeof raw == sizeof format);
        std::memcpy(&raw, &format, sizeof raw);
        switch (raw) {
        case TD_IMAGE_PNG:
            give(td::encode_png(td::render_cloud(c.layout, *c.fonts, c.options)), out_bytes, out_len);
            return;
        case TD_IMAGE_JPEG:
            if (!td::jpeg_supported())
                throw td::Error(td::Error::Code::unsupported, "this build has no JPEG encoder");
            give(td::encode_jpeg(td::render_cloud(c.layout, *c.fonts, c.options), c.jpeg_quality),
                 out_bytes, out_len);
            return;
        case TD_IMAGE_SVG:
            give(td::render_svg(c.layout, *c.fonts, c.options), out_bytes, out_len);
            return;
        }
        invalid_argument("unknown image format " + std::to_string(raw));
    });
}

td_status td_cloud_write_file(const td_cloud* cloud, const char* path) {
    return td_guard([&] {
        const td_cloud& c = require(cloud, "cloud");
        require(path, "path");
        td::write_cloud_file(path, c.layout, *c.fonts, c.options);
    });
}

int td_jpeg_supported(void) { return td::jpeg_supported() ? 1 : 0; }

}  // extern "C"

// ---- Network -------------------------------------------------------------------------------

namespace {

#ifdef TD_CAPI_HAVE_NET
void http_options(const Options& o, td::HttpOptions& http) {
    http.total_timeout = std::chrono::milliseconds(
        o.integer("timeout_ms", http.total_timeout.count(), 1, std::numeric_limits<int>::max()));
    http.retry.max_attempts = int(o.integer("max_attempts", http.retry.max_attempts, 1, 100));
}

json::array diagnostics_json(const std::vector<td::Diagnostic>& diagnostics) {
    json::array out;
    for (const td::Diagnostic& d : diagnostics) out.push_back(json::value(d.to_string()));
    return out;
}
#endif

}  // namespace

int td_network_supported(void) {
#ifdef TD_CAPI_HAVE_NET
    return 1;
#else
    return 0;
#endif
}

int td_https_supported(void) {
#ifdef TD_CAPI_HAVE_NET
    return td::https_supported() ? 1 : 0;
#else
    return 0;
#endif
}

td_status td_digest_improve_prose(td_digest* digest, const char* options_json, size_t options_len,
                                  char** out_report_json, size_t* out_len) {
    return with_output(out_report_json, out_len, [&] {
        td::Digest& model = require(digest, "digest").digest;
#ifdef TD_CAPI_HAVE_NET
        const json::object object = Options::parse(options_json, options_len, "prose options");
        const Options o(object, "prose options",
                        {"base_url", "model", "api_key", "stream", "temperature", "max_tokens",
                         "timeout_ms", "max_attempts"});
        td::LlmOptions options;
        options.base_url = o.string("base_url", "");
        options.model = o.string("model", "");
        options.api_key = o.string("api_key", "");
        options.stream = o.boolean("stream", false);
        options.temperature = o.number("temperature", options.temperature);
        options.max_tokens = int(o.integer("max_tokens", options.max_tokens, 1, 1'000'000));
        http_options(o, options.http);
        td::LlmResult result = td::improve_prose(model, options);
        model = std::move(result.digest);
        give_json(json::object{{"accepted", result.accepted},
                               {"rejected", result.rejected},
                               {"usage", json::object{{"prompt_tokens", result.usage.prompt_tokens},
                                                      {"completion_tokens", result.usage.completion_tokens},
                                                      {"total_tokens", result.usage.total_tokens}}},
                               {"diagnostics", diagnostics_json(result.diagnostics)}},
                  out_report_json, out_len);
#else
        (void)model, (void)options_json, (void)options_len;
        throw td::Error(td::Error::Code::unsupported, "this build has no network module");
#endif
    });
}

td_status td_x_fetch(const char* options_json, size_t options_len, char** out_result_json,
                     size_t* out_len) {
    return with_output(out_result_json, out_len, [&] {
#ifdef TD_CAPI_HAVE_NET
        const json::object object = Options::parse(options_json, options_len, "fetch options");
        const Options o(object, "fetch options",
                        {"query", "user_id", "output_path", "start_time", "end_time", "max_tweets",
                         "page_size", "base_url", "bearer_token", "resume", "timeout_ms",
                         "max_attempts"});
        td::XFetchOptions options;
        options.query = o.string("query", "");
        options.user_id = o.string("user_id", "");
        if (options.query.empty() == options.user_id.empty())
            invalid_argument("fetch options: give either \"query\" or \"user_id\"");
        if (!options.user_id.empty()) options.mode = td::XFetchMode::user_timeline;
        options.output_path = o.string("output_path", "");
        if (options.output_path.empty()) invalid_argument("fetch options: \"output_path\" is required");
        options.start_time = o.string("start_time", "");
        options.end_time = o.string("end_time", "");
        options.max_tweets = std::uint64_t(
            o.integer("max_tweets", 0, 0, std::numeric_limits<std::int64_t>::max()));
        options.page_size = int(o.integer("page_size", options.page_size, 5, 100));
        options.base_url = o.string("base_url", options.base_url);
        options.bearer_token = o.string("bearer_token", "");
        options.resume = o.boolean("resume", false);
        http_options(o, options.http);
        const td::XFetchResult result = td::fetch_x_tweets(options);
        give_json(json::object{{"pages", result.progress.pages},
                               {"tweets", result.progress.tweets},
                               {"finished", result.progress.finished},
                               {"next_token", result.next_token},
                               {"diagnostics", diagnostics_json(result.diagnostics)}},
                  out_result_json, out_len);
#else
        (void)options_json, (void)options_len;
        throw td::Error(td::Error::Code::unsupported, "this build has no network module");
#endif
    });
}

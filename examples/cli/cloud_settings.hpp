#pragma once
// Word-cloud options shared by `digest` and `cloud`.

#include "arguments.hpp"

#include <tweetdigest/cloud.hpp>

#include <memory>
#include <vector>

namespace td::cli {

std::vector<OptionSpec> cloud_options();
CloudOptions cloud_settings(const Arguments& args, int default_width, int default_height);
// --font PATH when given, else the system's CJK + Latin fonts for the language.
std::shared_ptr<const FontSet> load_fonts(const Arguments& args, const std::string& language);

}  // namespace td::cli

#include "commands.hpp"
#include "digest_pipeline.hpp"

namespace td::cli {

Command digest_command() {
    return {"digest",
            "FILE... --date YYYY-MM-DD [--to YYYY-MM-DD] [--tz ZONE] [--lang zh|en] [--out DIR] [--history DIR]",
            "Writes the daily report of the window as a Jekyll post "
            "(DIR/_posts/DATE-twitter_ai_FROM_TO.md), the same digest as JSON next to it, and its "
            "word cloud. With --history, the previous --history-days days stored there add momentum "
            "(rising/stable/falling) and stories carried forward, and the day is stored (again, "
            "replacing it); a range --date D --to E is then composed from the stored days, reading "
            "FILE... only for days the history lacks (FILE... may be omitted when it has them all). "
            "Exit status 3 when the window holds no tweets.",
            digest_option_specs(), [](const Arguments& args) { return run_digest_steps(args, "digest"); }};
}

}  // namespace td::cli

#include "llm_prose.hpp"

#ifdef TD_CLI_HAVE_NET
#include <tweetdigest/net.hpp>
#endif

#include <iostream>

namespace td::cli {

#ifdef TD_CLI_HAVE_NET

std::vector<OptionSpec> llm_options() {
    return {
        {"llm-base-url", "URL", "OpenAI-compatible API root (e.g. https://api.openai.com/v1); "
                                "key from TWEETDIGEST_LLM_API_KEY. Off unless given"},
        {"llm-model", "NAME", "the model that writes the prose"},
        {"llm-stream", "", "request a server-sent-event stream"},
        {"llm-timeout", "SECONDS", "longest wait for the answer (default 120)"},
    };
}

Digest apply_llm_prose(const Arguments& args, Digest digest) {
    const auto base_url = args.value("llm-base-url");
    const auto model = args.value("llm-model");
    if (!base_url && !model) return digest;
    if (!base_url || !model) throw UsageError("--llm-base-url and --llm-model go together");
    LlmOptions options;
    options.base_url = *base_url;
    options.model = *model;
    options.stream = args.has("llm-stream");
    const double timeout = args.number_or("llm-timeout", 120);
    if (!(timeout > 0)) throw UsageError("--llm-timeout must be positive");
    options.http.total_timeout = std::chrono::milliseconds(static_cast<long long>(timeout * 1000));
    options.http.log = [](std::string_view line) { std::cerr << "tweetdigest digest: " << line << "\n"; };

    LlmResult result = improve_prose(digest, options);
    for (const Diagnostic& d : result.diagnostics) std::cerr << d.to_string() << "\n";
    std::cerr << "tweetdigest digest: LLM prose: " << result.accepted << " statements rewritten, "
              << result.rejected << " kept extractive; tokens " << result.usage.prompt_tokens
              << " prompt + " << result.usage.completion_tokens << " completion\n";
    return std::move(result.digest);
}

#else

std::vector<OptionSpec> llm_options() { return {}; }
Digest apply_llm_prose(const Arguments&, Digest digest) { return digest; }

#endif

}  // namespace td::cli

#pragma once
// Checking the model's answer against the evidence and merging what passes into the digest.

#include "net/prose_evidence.hpp"

#include <tweetdigest/common.hpp>
#include <tweetdigest/digest.hpp>

#include <string_view>
#include <vector>

namespace td::net {

struct ProseMerge {
    Digest digest;
    std::vector<Diagnostic> diagnostics;
    std::size_t accepted = 0;
    std::size_t rejected = 0;
};

// `answer` is the model's message content: JSON, possibly inside a ``` fence. Statements that
// fail a check keep the original text and are listed in the diagnostics.
ProseMerge merge_prose_answer(const Digest& original, std::string_view answer,
                              const ProseEvidence& evidence, const ProseLimits& limits);

}  // namespace td::net

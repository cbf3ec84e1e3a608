// Ingest of arbitrary bytes as X API v2 input.

#include "fuzz_ingest.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return td_fuzz::ingest_as(td::InputFormat::v2, data, size);
}

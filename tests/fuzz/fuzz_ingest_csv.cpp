// Ingest of arbitrary bytes as CSV input.

#include "fuzz_ingest.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return td_fuzz::ingest_as(td::InputFormat::csv, data, size);
}

// Reading arbitrary bytes as a history index (DIR/index.bin). The input is the index without its
// checksum: the harness appends a valid CRC-32, so mutations reach the records instead of stopping
// at the checksum. An index that reads must give the same days after a rewrite by IndexBuilder.

#include "common/binary_format.hpp"
#include "fuzz_input.hpp"
#include "history/index.hpp"

#include <tweetdigest/common.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;

fs::path work_dir(const char* name) {
    const fs::path dir = fs::temp_directory_path() / ("td_fuzz_history_index_" + std::to_string(::getpid())) / name;
    fs::create_directories(dir);
    return dir;
}

void check_table(const td::TermFrequencies& terms) {
    for (std::size_t i = 0; i < terms.size(); ++i)
        if (terms.document_frequency(terms.key_at(i)) != terms.document_frequency_at(i)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const fs::path in = work_dir("in"), out = work_dir("out");
    td::binary::Writer bytes;
    bytes.raw(td_fuzz::as_text(data, size));
    bytes.crc32_trailer();
    { std::ofstream(in / "index.bin", std::ios::binary | std::ios::trunc) << bytes.out(); }
    td::history::Index index;
    try {
        index = td::history::read_index(in);
    } catch (const td::Error&) {
        return 0;
    }
    td::history::IndexBuilder rewritten(index);
    std::vector<std::optional<td::history::IndexedDay>> days;
    for (std::size_t i = 0; i < index.records.size(); ++i) {
        rewritten.keep(i);
        try {
            days.push_back(index.day(i));
            check_table(days.back()->entry.day.terms);
        } catch (const td::Error&) {
            days.emplace_back();
        }
    }
    rewritten.write(out);
    const td::history::Index again = td::history::read_index(out);  // must read: it was written here
    if (again.records.size() != index.records.size()) std::abort();
    for (std::size_t i = 0; i < index.records.size(); ++i) {
        if (again.records[i].date != index.records[i].date || again.records[i].stamps != index.records[i].stamps ||
            again.records[i].facts != index.records[i].facts)
            std::abort();
        if (!days[i]) continue;
        if (!(again.day(i).entry.day.terms == days[i]->entry.day.terms)) std::abort();
    }
    return 0;
}

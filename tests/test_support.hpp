#pragma once
// Paths to test data, configured by CMake.

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace td_test {

inline std::filesystem::path source_dir() { return TD_SOURCE_DIR; }
inline std::filesystem::path shared_data() { return TD_SHARED_DATA_DIR; }
inline std::filesystem::path output_dir() {
    std::filesystem::path dir = TD_TEST_OUTPUT_DIR;
    std::filesystem::create_directories(dir);
    return dir;
}
inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace td_test

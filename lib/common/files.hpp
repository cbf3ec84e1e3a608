#pragma once
// File helpers: whole-file reads with clear errors, and atomic writes.

#include <string>
#include <string_view>

namespace td::files {

// Throws Error(io) naming the path and the system's reason.
std::string read(const std::string& path);
// The same into `data`, reusing its memory (for reading many files of similar size in a row).
void read_into(const std::string& path, std::string& data);
// Writes to "<path>.tmp-<pid>-<n>", flushes, then renames over path, so readers never see a
// half-written file. Throws Error(io) (and removes the temporary file) on any failure.
void write_atomically(const std::string& path, std::string_view bytes);

}  // namespace td::files

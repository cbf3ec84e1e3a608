#include "huge_pages.hpp"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <string>

namespace td::cli {
namespace {

bool kernel_offers_huge_pages() {
    std::ifstream mode("/sys/kernel/mm/transparent_hugepage/enabled");
    std::string modes;
    return std::getline(mode, modes) && modes.find("[never]") == std::string::npos;
}

}  // namespace

void restart_with_huge_pages(char** argv) noexcept {
    if (std::getenv("GLIBC_TUNABLES") != nullptr) return;
    try {
        if (!kernel_offers_huge_pages()) return;
    } catch (...) {
        return;
    }
    if (setenv("GLIBC_TUNABLES", "glibc.malloc.hugetlb=1", 0) != 0) return;
    execv("/proc/self/exe", argv);
    unsetenv("GLIBC_TUNABLES");
}

}  // namespace td::cli

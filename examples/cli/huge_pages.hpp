#pragma once
// A day of tweets makes the heap grow by hundreds of megabytes in small allocations. The first
// touch of every 4 KiB page is a page fault, which on virtual machines costs more than parsing the
// bytes that fill it. glibc backs its heap with transparent huge pages only when the process
// starts with the tunable glibc.malloc.hugetlb=1, so the CLI restarts itself once with it.

namespace td::cli {

// Re-executes the running program with GLIBC_TUNABLES=glibc.malloc.hugetlb=1 when the kernel
// offers transparent huge pages and GLIBC_TUNABLES is unset (a value the user set is left alone).
// Returns only when no restart happened; the program then runs as it is.
void restart_with_huge_pages(char** argv) noexcept;

}  // namespace td::cli

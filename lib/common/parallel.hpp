#pragma once
// Data parallelism over an index range: contiguous slices, one per core, the caller's thread
// taking the first. Results that are combined per slice in slice order are independent of the
// number of cores.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

namespace td {

inline std::size_t core_count() noexcept { return std::max(1u, std::thread::hardware_concurrency()); }

// The threads a `threads` option asks for: 0 means one per core.
inline std::size_t thread_count(std::size_t threads) noexcept { return threads == 0 ? core_count() : threads; }

// How many slices `count` items make when no slice may be smaller than `min_per_slice`, with at
// most `threads` slices (0: one per core).
inline std::size_t slice_count(std::size_t count, std::size_t min_per_slice, std::size_t threads = 0) noexcept {
    return std::clamp<std::size_t>(count / std::max<std::size_t>(min_per_slice, 1), 1, thread_count(threads));
}

// Calls body(slice, begin, end) for each of `slices` contiguous slices of [0, count) in
// parallel and waits for all of them; the first exception thrown by a slice is rethrown.
template <class Body>
void for_each_slice(std::size_t count, std::size_t slices, Body&& body) {
    slices = std::max<std::size_t>(slices, 1);
    std::vector<std::exception_ptr> errors(slices);
    auto run = [&](std::size_t k) {
        try {
            body(k, count * k / slices, count * (k + 1) / slices);
        } catch (...) {
            errors[k] = std::current_exception();
        }
    };
    {
        std::vector<std::jthread> workers;
        workers.reserve(slices - 1);
        for (std::size_t k = 1; k < slices; ++k) workers.emplace_back(run, k);
        run(0);
    }
    for (const std::exception_ptr& error : errors)
        if (error) std::rethrow_exception(error);
}

// The threads for_each_task runs `tasks` tasks on.
inline std::size_t task_workers(std::size_t tasks, std::size_t threads) noexcept {
    return std::clamp<std::size_t>(tasks, 1, thread_count(threads));
}

// Calls body(worker, task) for every task in [0, tasks) on task_workers(tasks, threads) threads,
// each thread taking the next task as it becomes free, so uneven tasks still keep every core
// busy; waits for all of them. `worker` (in [0, task_workers)) names the thread, which runs one
// task at a time, so per-worker state needs no lock. The first exception thrown by a task is
// rethrown.
template <class Body>
void for_each_task(std::size_t tasks, std::size_t threads, Body&& body) {
    std::atomic<std::size_t> next{0};
    std::vector<std::exception_ptr> errors(tasks);
    const std::size_t workers = task_workers(tasks, threads);
    for_each_slice(workers, workers, [&](std::size_t worker, std::size_t, std::size_t) {
        for (std::size_t task = next++; task < tasks; task = next++) {
            try {
                body(worker, task);
            } catch (...) {
                errors[task] = std::current_exception();
            }
        }
    });
    for (const std::exception_ptr& error : errors)
        if (error) std::rethrow_exception(error);
}

// Runs first() on one thread while the others (thread_count(threads) - 1 of them) call
// body(task) for every task in [0, tasks), each taking the next; the thread of first() joins
// them once first() returns. With one thread, first() runs before the tasks. Waits for all of
// it; rethrows first()'s exception, or else the first one a task threw.
template <class First, class Body>
void run_beside_tasks(std::size_t threads, First&& first, std::size_t tasks, Body&& body) {
    std::atomic<std::size_t> next{0};
    std::exception_ptr first_error;
    std::vector<std::exception_ptr> errors(tasks);
    const std::size_t workers = std::min(thread_count(threads), tasks + 1);
    for_each_slice(workers, workers, [&](std::size_t worker, std::size_t, std::size_t) {
        if (worker == 0) {
            try {
                first();
            } catch (...) {
                first_error = std::current_exception();
            }
        }
        for (std::size_t task = next++; task < tasks; task = next++) {
            try {
                body(task);
            } catch (...) {
                errors[task] = std::current_exception();
            }
        }
    });
    if (first_error) std::rethrow_exception(first_error);
    for (const std::exception_ptr& error : errors)
        if (error) std::rethrow_exception(error);
}

// for_each_slice with as many slices as slice_count() allows.
template <class Body>
void parallel_slices(std::size_t count, std::size_t min_per_slice, std::size_t threads, Body&& body) {
    for_each_slice(count, slice_count(count, min_per_slice, threads), body);
}

}  // namespace td

// How far opening a database has got, for a window to show while it waits: the first open
// after an update that changes the search index rebuilds it (seconds at 10k questions, most of
// a minute at 100k), and a file changed outside Panelist is read through to check it first.
// Written by the thread that opens, read by any.
#pragma once
#include <atomic>
#include <functional>

namespace panelist {

struct OpeningProgress {
    enum class Stage { starting, checking, indexing };
    std::atomic<Stage> stage{Stage::starting};
    std::atomic<long long> indexed{0};  // questions put in the search index so far,
    std::atomic<long long> to_index{0}; // of this many
    // Optional: told on the opening thread when a slow stage begins (the command line says so).
    std::function<void(const OpeningProgress&)> on_stage;

    void enter(Stage s) {
        stage = s;
        if (on_stage) on_stage(*this);
    }
};

} // namespace panelist

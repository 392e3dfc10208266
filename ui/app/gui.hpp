// Opening the Panelist window on a database.
#pragma once
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace panelist {

class Database;
struct OpeningProgress;

struct GuiOptions {
    std::optional<std::filesystem::path> screenshot; // render one screen to PNG and exit
    std::string view;                                // the screen to show first
    int width = 0, height = 0;                       // the window's size, else the last one used
    float text_size = 0;                             // the text size, else the last one used
    std::filesystem::path database;                  // named while it opens
};

// Runs the window until it is closed. Returns a process exit code.
//
// `open_database` runs on another thread while the window, its GL context and the fonts are
// made (docs/performance.md), reporting how far it got in the progress it is given. The window
// stays hidden until it returns, unless that takes long (a file read through to check it, a
// search index rebuilt after an update): then it shows what it is waiting for. If it throws,
// the window closes and run_gui rethrows that exception on the calling thread, so the caller
// reports it exactly as if it had opened the database first (also when no window could be
// opened at all).
int run_gui(const std::function<Database(OpeningProgress&)>& open_database, const GuiOptions&);

} // namespace panelist

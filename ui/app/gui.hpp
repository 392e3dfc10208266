// Opening the Panelist window on a database.
#pragma once
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace panelist {

class Database;

struct GuiOptions {
    std::optional<std::filesystem::path> screenshot; // render one screen to PNG and exit
    std::string view;                                // the screen to show first
};

// Runs the window until it is closed. Returns a process exit code.
//
// `open_database` runs on another thread while the window, its GL context and the fonts are
// made (docs/performance.md): its integrity check reads the whole file. The window stays hidden
// until it returns; if it throws, the window closes unseen and run_gui rethrows that exception
// on the calling thread, so the caller reports it exactly as if it had opened the database
// first (also when no window could be opened at all).
int run_gui(const std::function<Database()>& open_database, const GuiOptions&);

} // namespace panelist

// Opening the Panelist window on a database.
#pragma once
#include <filesystem>
#include <optional>
#include <string>

namespace panelist {

class Database;

struct GuiOptions {
    std::optional<std::filesystem::path> screenshot; // render one screen to PNG and exit
    std::string view;                                // the screen to show first
};

// Runs the window until it is closed. Returns a process exit code.
int run_gui(Database&, const GuiOptions&);

} // namespace panelist

// What the window shows while its database opens slowly (ui/app/gui.cpp): which file, what is
// happening and why, and how far it has got. Most starts never show it.
#pragma once
#include "persistence/sqlite/opening_progress.hpp"

#include <filesystem>
#include <string>

namespace panelist {

struct OpeningMessage {
    std::string doing;     // what is happening, with the count when there is one
    std::string why;       // why this start is slow, and that it will not be every time
    float fraction = -1.0f; // of the work done, or negative when it cannot be counted
};

OpeningMessage opening_message(const OpeningProgress&);

// Draws into the whole of the current ImGui context's display.
void draw_opening_screen(const OpeningProgress&, const std::filesystem::path& database);

} // namespace panelist

// Where the items that must never overlap or fall out of view were drawn, for the layout tests
// (tests/ui/layout_test.cpp): a screen names an item right after drawing it. Recording is off,
// and costs one branch per named item, unless a test turns it on.
#pragma once
#include <imgui.h>

#include <string>
#include <vector>

namespace panelist::ui {

struct LaidOutItem {
    std::string group; // items of one group must not overlap, e.g. "top bar"
    std::string name;
    ImVec2 min, max;           // the item, in screen coordinates
    ImVec2 clip_min, clip_max; // the part of its window that is on screen (not scrolled away)
};

// Records into `items` from now on (nullptr stops). The caller owns the vector.
void record_layout(std::vector<LaidOutItem>* items);
// Names the last item drawn.
void laid_out(const char* group, const std::string& name);

} // namespace panelist::ui

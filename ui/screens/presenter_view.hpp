// The presenter window's only content: the current prompt, large, on a plain background.
// It takes a PresenterContent, which cannot hold answers, rubrics, notes, scores or names.
#pragma once
#include "ui/context/app_context.hpp"

namespace panelist {

// Draws into the whole of the current ImGui context's display.
void draw_presenter(const PresenterContent&);

} // namespace panelist

// Panelist's look: calm colours with a blue accent, and spacing measured in the font's size.
#pragma once

namespace panelist {

enum class Theme { light, dark };

// Replaces ImGui's style. Spacing follows the default font (io.FontDefault, so load fonts
// first); corner radii and borders follow `scale`, the device pixels per logical pixel.
void apply_theme(Theme, float scale);

} // namespace panelist

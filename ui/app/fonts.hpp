// The UI fonts: found through fontconfig, rasterised into Dear ImGui's atlas at one pixel size.
#pragma once
#include <imgui.h>

#include <cstdint>
#include <filesystem>
#include <optional>

namespace panelist {

// The installed sans-serif font file for the interface (Noto Sans or DejaVu Sans when present),
// or nothing if fontconfig knows no scalable sans-serif font.
std::optional<std::filesystem::path> find_ui_font(bool bold = false);

// The fonts of the current atlas. The pointers change on every load_fonts(): read them each
// frame, never keep them.
struct Fonts {
    ImFont* regular = nullptr; // body text; also io.FontDefault
    ImFont* bold = nullptr;
    ImFont* large = nullptr; // 2.2x, for the prompt a candidate reads
    float pixel_size = 0;    // what load_fonts() was given; 0 before the first
    std::uint64_t glyph_generation = 0; // glyph_needs()'s, when it was built
};
const Fonts& fonts();

// Replaces the atlas's fonts with regular, bold and large at `pixel_size`, with a glyph for every
// character glyph_needs() lists that an installed font has, and builds it. Call
// between frames; the renderer must upload the atlas texture again afterwards. It takes tens of
// milliseconds (fontconfig, FreeType), so the window calls it on another thread while it opens;
// it touches only the current ImGui context's font atlas, which nothing else may use meanwhile.
void load_fonts(float pixel_size);
// The same for an atlas of one font, the regular face at `pixel_size`, which becomes the
// default: the presenter window's. Returns the glyph_needs() generation it was built for.
std::uint64_t load_single_font(float pixel_size);

} // namespace panelist

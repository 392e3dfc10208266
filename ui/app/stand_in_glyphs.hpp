// Glyphs for the characters beyond U+FFFF (most emoji), which this Dear ImGui cannot hold: each
// is drawn into the atlas under its stand-in from the private use area (shown_text.hpp), from
// an outline font that has it (Symbola, DejaVu Sans), one colour like the text around it.
#pragma once
#include <imgui.h>

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace panelist {

struct FontFile;

class StandInGlyphs {
public:
    // Before the atlas is built: rasterises each (character, stand-in) pair at `pixel_size` and
    // reserves its place as a glyph of `font`, whose main font is `main_font` (for the ascent
    // the glyph sits on). Characters no usable font has are left out (ImGui draws "?").
    void reserve(ImFontAtlas& atlas, ImFont* font, const FontFile& main_font, float pixel_size,
                 std::span<const std::pair<char32_t, char32_t>> pairs);
    // After the atlas is built: copies the glyphs into its pixels.
    void draw(ImFontAtlas& atlas);

private:
    struct Glyph {
        int rect = -1;
        int width = 0, height = 0;
        std::vector<std::uint8_t> coverage; // width * height, 0-255
    };
    std::vector<Glyph> glyphs_;
};

} // namespace panelist

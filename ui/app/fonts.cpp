#include "ui/app/fonts.hpp"

#include "ui/app/font_files.hpp"
#include "ui/app/stand_in_glyphs.hpp"
#include "ui/widgets/shown_text.hpp"
#include "ui/widgets/glyph_needs.hpp"

#include <fontconfig/fontconfig.h>
#include <imgui_freetype.h>

#include <cmath>
#include <cstdio>
#include <deque>
#include <map>
#include <vector>

namespace panelist {
namespace {

constexpr float large_ratio = 2.2f;

// A font the glyphs in fixed_glyph_ranges can come from when the main font lacks them (Noto Sans
// has no arrows); its code point is the test.
constexpr FcChar32 fallback_probe = 0x2192; // →

Fonts current_fonts;

// Glyph ranges outlive the calls that add fonts: an atlas reads them when it is built. One list
// per atlas (the main window's, the presenter's), emptied when that atlas is filled again.
std::map<const ImFontAtlas*, std::deque<std::vector<ImWchar>>> range_storage;

void forget_ranges() {
    range_storage.erase(ImGui::GetIO().Fonts);
}

const ImWchar* ranges_of(const std::vector<char32_t>& codes, bool with_fixed) {
    std::vector<ImWchar>& ranges = range_storage[ImGui::GetIO().Fonts].emplace_back();
    if (with_fixed)
        for (const ImWchar* r = fixed_glyph_ranges; *r; ++r) ranges.push_back(*r);
    const std::size_t first_own = ranges.size();
    for (const char32_t code : codes) { // sorted: one range per run of consecutive characters
        if (ranges.size() > first_own && ranges.back() + 1u == code) {
            ranges.back() = static_cast<ImWchar>(code);
        } else {
            ranges.push_back(static_cast<ImWchar>(code));
            ranges.push_back(static_cast<ImWchar>(code));
        }
    }
    ranges.push_back(0);
    return ranges.data();
}

// Adds one font face from `file` to the atlas for `ranges`, or nothing if the file cannot be read.
ImFont* add_font(const FontFile& file, float pixel_size, bool merge, const ImWchar* ranges,
                 int builder_flags = 0) {
    const auto bytes = font_bytes(file.path);
    if (!bytes) return nullptr;
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;
    config.MergeMode = merge;
    config.FontNo = file.index;
    config.FontBuilderFlags = static_cast<unsigned>(builder_flags);
    // ImGui only reads the bytes, but its signature predates const.
    void* data = const_cast<char*>(bytes->data);
    return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(data, static_cast<int>(bytes->size), pixel_size, &config,
                                                      ranges);
}

// One face: the main font at `pixel_size` for the fixed ranges and the needed characters it
// has, then, merged into it, a font for each group of characters it lacks (fontconfig's choice
// for the first of them takes every other one it has too, so a page of Chinese asks fontconfig
// once, not once a character). Without a bold file the regular one is emboldened by FreeType.
ImFont* add_face(float pixel_size, bool bold, const std::vector<char32_t>& needed, StandInGlyphs& stand_ins) {
    auto main_file = match_ui_font(bold);
    const int emboldened = bold && !main_file ? ImGuiFreeTypeBuilderFlags_Bold : 0;
    if (bold && !main_file) main_file = match_ui_font(false);
    std::vector<char32_t> left, own;
    for (const char32_t code : needed) (main_file && main_file->has(code) ? own : left).push_back(code);
    ImFont* font = main_file ? add_font(*main_file, pixel_size, false, ranges_of(own, true), emboldened) : nullptr;
    if (!font) {
        ImFontConfig config;
        config.SizePixels = pixel_size;
        return ImGui::GetIO().Fonts->AddFontDefault(&config);
    }
    auto arrows = match_font("sans-serif", bold, false, fallback_probe);
    if (!arrows && bold) arrows = match_font("sans-serif", false, false, fallback_probe);
    if (arrows && arrows->path != main_file->path) add_font(*arrows, pixel_size, true, fixed_glyph_ranges);
    stand_ins.reserve(*ImGui::GetIO().Fonts, font, *main_file, pixel_size, ui::stand_in_pairs());
    while (!left.empty()) {
        auto other = font_with(left.front(), bold);
        if (!other && bold) other = font_with(left.front(), false);
        std::vector<char32_t> mine, rest;
        for (const char32_t code : left) (other && other->has(code) ? mine : rest).push_back(code);
        if (mine.empty()) // no usable font has it: ImGui draws "?"
            rest.erase(rest.begin());
        else
            add_font(*other, pixel_size, true, ranges_of(mine, false));
        left = std::move(rest);
    }
    return font;
}


// The current context's atlas, emptied, to be filled with FreeType's hinting, which keeps small
// UI text sharper than stb_truetype's oversampling.
ImFontAtlas& empty_atlas() {
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    atlas.Clear();
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    forget_ranges();
    return atlas;
}

// Builds the atlas and draws the stand-ins' glyphs into it. A font FreeType refuses fails the
// whole build: then ImGui's own font, so the window still shows text. False in that case.
bool build(ImFontAtlas& atlas, float pixel_size, StandInGlyphs& stand_ins) {
    if (atlas.Build()) {
        stand_ins.draw(atlas);
        return true;
    }
    std::fprintf(stderr, "warning: the fonts found could not be loaded; using Dear ImGui's built-in font\n");
    empty_atlas();
    ImFontConfig config;
    config.SizePixels = pixel_size;
    ImGui::GetIO().FontDefault = atlas.AddFontDefault(&config);
    atlas.Build();
    return false;
}

} // namespace

std::optional<std::filesystem::path> find_ui_font(bool bold) {
    if (auto found = match_ui_font(bold)) return found->path;
    return std::nullopt;
}


const Fonts& fonts() {
    return current_fonts;
}

void load_fonts(float pixel_size) {
    const GlyphNeeds::Snapshot needed = glyph_needs().snapshot();
    StandInGlyphs stand_ins;
    ImFontAtlas& atlas = empty_atlas();
    current_fonts.regular = add_face(pixel_size, false, needed.codes, stand_ins);
    current_fonts.bold = add_face(pixel_size, true, needed.codes, stand_ins);
    current_fonts.large = add_face(std::round(pixel_size * large_ratio), false, needed.codes, stand_ins);
    current_fonts.pixel_size = pixel_size;
    current_fonts.glyph_generation = needed.generation;
    ImGui::GetIO().FontDefault = current_fonts.regular;
    // Built now, so FontSize is known to the theme before the renderer uploads the texture.
    if (!build(atlas, pixel_size, stand_ins)) current_fonts.regular = current_fonts.bold = current_fonts.large = ImGui::GetIO().FontDefault;
}

std::uint64_t load_single_font(float pixel_size) {
    const GlyphNeeds::Snapshot needed = glyph_needs().snapshot();
    StandInGlyphs stand_ins;
    ImFontAtlas& atlas = empty_atlas();
    ImGui::GetIO().FontDefault = add_face(pixel_size, false, needed.codes, stand_ins);
    build(atlas, pixel_size, stand_ins);
    return needed.generation;
}

} // namespace panelist

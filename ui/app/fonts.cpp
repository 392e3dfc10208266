#include "ui/app/fonts.hpp"

#include <fontconfig/fontconfig.h>
#include <imgui_freetype.h>

#include <cmath>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

namespace panelist {
namespace {

constexpr float large_ratio = 2.2f;

// Latin with its extensions, then the punctuation, currency, letterlike, arrow, maths and shape
// blocks, so typographic quotes, em dashes, "…", "→", "≤" and "●" render in questions.
constexpr ImWchar ui_glyph_ranges[] = {
    0x0020, 0x024F, // Basic Latin, Latin-1 Supplement, Latin Extended-A and -B
    0x2000, 0x206F, // General Punctuation
    0x20A0, 0x20CF, // Currency Symbols
    0x2100, 0x214F, // Letterlike Symbols
    0x2190, 0x21FF, // Arrows
    0x2200, 0x22FF, // Mathematical Operators
    0x25A0, 0x25FF, // Geometric Shapes
    0,
};

// A font the glyphs in ui_glyph_ranges can come from when the main font lacks them (Noto Sans
// has no arrows); its code point is the test.
constexpr FcChar32 fallback_probe = 0x2192; // →

Fonts current_fonts;

// The atlas only borrows font bytes (FontDataOwnedByAtlas = false), so they live here and a
// text-size change rebuilds without reading the files again.
std::map<std::filesystem::path, std::vector<char>> font_files;

const std::vector<char>* font_bytes(const std::filesystem::path& path) {
    auto it = font_files.find(path);
    if (it == font_files.end()) {
        std::ifstream in(path, std::ios::binary);
        std::vector<char> bytes{std::istreambuf_iterator<char>(in),
                                std::istreambuf_iterator<char>()};
        if (!in.good() && !in.eof()) bytes.clear();
        it = font_files.emplace(path, std::move(bytes)).first;
    }
    return it->second.empty() ? nullptr : &it->second;
}

// Asks fontconfig for the best match to `family` and returns its file if that match is a font
// ImGui can read, of the asked weight and, when `family_must_match`, really of that family:
// fontconfig always answers with something.
std::optional<std::filesystem::path> match_font(const char* family, bool bold,
                                                bool family_must_match,
                                                std::optional<FcChar32> must_cover = std::nullopt) {
    if (!FcInit()) return std::nullopt;
    FcPattern* pattern = FcPatternCreate();
    FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(family));
    FcPatternAddInteger(pattern, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
    FcPatternAddInteger(pattern, FC_SLANT, FC_SLANT_ROMAN);
    FcPatternAddBool(pattern, FC_SCALABLE, FcTrue);
    if (must_cover) {
        FcCharSet* charset = FcCharSetCreate();
        FcCharSetAddChar(charset, *must_cover);
        FcPatternAddCharSet(pattern, FC_CHARSET, charset);
        FcCharSetDestroy(charset);
    }
    FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);

    std::optional<std::filesystem::path> found;
    FcResult result = FcResultNoMatch;
    if (FcPattern* match = FcFontMatch(nullptr, pattern, &result)) {
        FcChar8* file = nullptr;
        FcChar8* format = nullptr;
        FcChar8* matched_family = nullptr;
        FcCharSet* charset = nullptr;
        int weight = FC_WEIGHT_REGULAR;
        const bool readable =
            FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch &&
            FcPatternGetString(match, FC_FONTFORMAT, 0, &format) == FcResultMatch &&
            (std::string(reinterpret_cast<const char*>(format)) == "TrueType" ||
             std::string(reinterpret_cast<const char*>(format)) == "CFF");
        const bool right_family =
            !family_must_match ||
            (FcPatternGetString(match, FC_FAMILY, 0, &matched_family) == FcResultMatch &&
             FcStrCmpIgnoreCase(matched_family, reinterpret_cast<const FcChar8*>(family)) == 0);
        const bool covers =
            !must_cover || (FcPatternGetCharSet(match, FC_CHARSET, 0, &charset) == FcResultMatch &&
                            FcCharSetHasChar(charset, *must_cover));
        // fontconfig offers the regular face when a family has no bold one.
        const bool right_weight =
            !bold || (FcPatternGetInteger(match, FC_WEIGHT, 0, &weight) == FcResultMatch &&
                      weight >= FC_WEIGHT_DEMIBOLD);
        if (readable && right_family && covers && right_weight)
            found = reinterpret_cast<const char*>(file);
        FcPatternDestroy(match);
    }
    FcPatternDestroy(pattern);
    return found;
}

// Adds one font from `path` to the atlas, or nothing if the file cannot be read.
ImFont* add_font(const std::filesystem::path& path, float pixel_size, bool merge,
                 int builder_flags = 0) {
    const std::vector<char>* bytes = font_bytes(path);
    if (!bytes) return nullptr;
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;
    config.MergeMode = merge;
    config.FontBuilderFlags = static_cast<unsigned>(builder_flags);
    // ImGui only reads the bytes, but its signature predates const.
    void* data = const_cast<char*>(bytes->data());
    return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(data, static_cast<int>(bytes->size()),
                                                      pixel_size, &config, ui_glyph_ranges);
}

// One face: the main font at `pixel_size`, the fallback merged into it for missing glyphs.
// Without a bold file the regular one is emboldened by FreeType.
ImFont* add_face(float pixel_size, bool bold) {
    const auto main_file = find_ui_font(bold);
    const auto regular_file = bold && !main_file ? find_ui_font(false) : main_file;
    const int emboldened = bold && !main_file ? ImGuiFreeTypeBuilderFlags_Bold : 0;
    ImFont* font = regular_file ? add_font(*regular_file, pixel_size, false, emboldened) : nullptr;
    if (!font) {
        ImFontConfig config;
        config.SizePixels = pixel_size;
        return ImGui::GetIO().Fonts->AddFontDefault(&config);
    }
    auto fallback = match_font("sans-serif", bold, false, fallback_probe);
    if (!fallback && bold) fallback = match_font("sans-serif", false, false, fallback_probe);
    if (fallback && *fallback != *regular_file) add_font(*fallback, pixel_size, true);
    return font;
}

} // namespace

std::optional<std::filesystem::path> find_ui_font(bool bold) {
    for (const char* family : {"Noto Sans", "DejaVu Sans"})
        if (auto path = match_font(family, bold, true)) return path;
    return match_font("sans-serif", bold, false);
}

const Fonts& fonts() {
    return current_fonts;
}

void load_fonts(float pixel_size) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    // FreeType's hinting keeps small UI text sharper than stb_truetype's oversampling.
    io.Fonts->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    io.Fonts->FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;

    current_fonts.regular = add_face(pixel_size, false);
    current_fonts.bold = add_face(pixel_size, true);
    current_fonts.large = add_face(std::round(pixel_size * large_ratio), false);
    current_fonts.pixel_size = pixel_size;
    io.FontDefault = current_fonts.regular;
    // Built now, so FontSize is known to the theme before the renderer uploads the texture.
    io.Fonts->Build();
}

} // namespace panelist

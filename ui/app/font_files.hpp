// Font files as fontconfig finds them, and their bytes, read once.
#pragma once
#include <fontconfig/fontconfig.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <cstddef>

namespace panelist {

// A font file fontconfig found: which face of it (a .ttc holds several), and the characters
// it has.
struct FontFile {
    std::filesystem::path path;
    int index = 0;
    std::shared_ptr<FcCharSet> charset; // null if fontconfig did not say
    bool has(char32_t code) const { return charset && FcCharSetHasChar(charset.get(), code); }
};

// A font file's bytes, mapped once and kept for the run of the program (an ImGui atlas only
// borrows them), or nothing if it cannot be read.
struct FontBytes {
    const char* data = nullptr;
    std::size_t size = 0;
};
std::optional<FontBytes> font_bytes(const std::filesystem::path& path);

// Asks fontconfig for the best match to `family` and returns it if ImGui can use it: an outline
// font (TrueType or CFF), of that family when `family_must_match`, of the asked weight, having
// `must_cover`. fontconfig always answers with something.
std::optional<FontFile> match_font(const char* family, bool bold, bool family_must_match,
                                   std::optional<FcChar32> must_cover = std::nullopt);

// The sans-serif font fontconfig ranks first among the usable ones that have `code`: for
// Chinese Noto Sans CJK, for Arabic Noto Sans Arabic, for "☕" a symbols font rather than the
// colour emoji font ImGui cannot use.
std::optional<FontFile> font_with(char32_t code, bool bold);

// The interface font: Noto Sans or DejaVu Sans when present, else any sans-serif.
std::optional<FontFile> match_ui_font(bool bold);

} // namespace panelist

#include "ui/app/font_files.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <map>
#include <mutex>
#include <utility>
#include <string>

namespace panelist {
namespace {

// The atlas only borrows font bytes (FontDataOwnedByAtlas = false), so they stay mapped here and
// a text-size change rebuilds without reading the files again. Mapped, not read: a CJK font is
// 20 MB, of which an atlas touches the few pages its glyphs are in.
struct MappedFile {
    void* data = MAP_FAILED;
    std::size_t size = 0;
};
std::map<std::filesystem::path, MappedFile> font_files;

MappedFile map_file(const std::filesystem::path& path) {
    MappedFile mapped;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return mapped;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && st.st_size > 0) {
        mapped.size = static_cast<std::size_t>(st.st_size);
        mapped.data = ::mmap(nullptr, mapped.size, PROT_READ, MAP_PRIVATE, fd, 0);
    }
    ::close(fd);
    return mapped;
}

} // namespace

std::optional<FontBytes> font_bytes(const std::filesystem::path& path) {
    auto it = font_files.find(path);
    if (it == font_files.end()) it = font_files.emplace(path, map_file(path)).first;
    if (it->second.data == MAP_FAILED) return std::nullopt;
    return FontBytes{static_cast<const char*>(it->second.data), it->second.size};
}

namespace {

FcPattern* font_pattern(const char* family, bool bold, std::optional<FcChar32> must_cover) {
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
    return pattern;
}

// `match` as a file ImGui can use: an outline font (TrueType or CFF; FreeType as ImGui 1.86
// drives it cannot size a bitmap-only colour emoji font, and one such font fails the whole
// atlas), of the asked family and weight when those must match, with `must_cover`.
std::optional<FontFile> usable(FcPattern* match, const char* family, bool bold, bool family_must_match,
                               std::optional<FcChar32> must_cover) {
    FcChar8* file = nullptr;
    FcChar8* format = nullptr;
    FcChar8* matched_family = nullptr;
    FcCharSet* charset = nullptr;
    FcBool outline = FcFalse;
    int weight = FC_WEIGHT_REGULAR, index = 0;
    const bool readable =
        FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch &&
        FcPatternGetString(match, FC_FONTFORMAT, 0, &format) == FcResultMatch &&
        (std::string(reinterpret_cast<const char*>(format)) == "TrueType" ||
         std::string(reinterpret_cast<const char*>(format)) == "CFF") &&
        FcPatternGetBool(match, FC_OUTLINE, 0, &outline) == FcResultMatch && outline;
    const bool right_family =
        !family_must_match ||
        (FcPatternGetString(match, FC_FAMILY, 0, &matched_family) == FcResultMatch &&
         FcStrCmpIgnoreCase(matched_family, reinterpret_cast<const FcChar8*>(family)) == 0);
    const bool has_charset = FcPatternGetCharSet(match, FC_CHARSET, 0, &charset) == FcResultMatch;
    const bool covers = !must_cover || (has_charset && FcCharSetHasChar(charset, *must_cover));
    // fontconfig offers the regular face when a family has no bold one.
    const bool right_weight = !bold || (FcPatternGetInteger(match, FC_WEIGHT, 0, &weight) == FcResultMatch &&
                                        weight >= FC_WEIGHT_DEMIBOLD);
    if (!readable || !right_family || !covers || !right_weight) return std::nullopt;
    FcPatternGetInteger(match, FC_INDEX, 0, &index);
    FontFile found{reinterpret_cast<const char*>(file), index, nullptr};
    if (has_charset) found.charset.reset(FcCharSetCopy(charset), FcCharSetDestroy);
    return found;
}

std::optional<FontFile> sorted_font_with(char32_t code, bool bold);

} // namespace

std::optional<FontFile> match_font(const char* family, bool bold, bool family_must_match,
                                   std::optional<FcChar32> must_cover) {
    if (!FcInit()) return std::nullopt;
    FcPattern* pattern = font_pattern(family, bold, must_cover);
    std::optional<FontFile> found;
    FcResult result = FcResultNoMatch;
    if (FcPattern* match = FcFontMatch(nullptr, pattern, &result)) {
        found = usable(match, family, bold, family_must_match, must_cover);
        FcPatternDestroy(match);
    }
    FcPatternDestroy(pattern);
    return found;
}

std::optional<FontFile> font_with(char32_t code, bool bold) {
    // Asked again on every rebuild of the atlas (a new character, a text size); fontconfig's sort
    // takes tens of milliseconds, the answer does not change while the program runs.
    static std::mutex mutex;
    static std::map<std::pair<char32_t, bool>, std::optional<FontFile>> answers;
    const std::lock_guard lock(mutex);
    const auto known = answers.find({code, bold});
    if (known != answers.end()) return known->second;
    return answers[{code, bold}] = sorted_font_with(code, bold);
}

namespace {
std::optional<FontFile> sorted_font_with(char32_t code, bool bold) {
    if (!FcInit()) return std::nullopt;
    FcPattern* pattern = font_pattern("sans-serif", bold, code);
    std::optional<FontFile> found;
    FcResult result = FcResultNoMatch;
    if (FcFontSet* sorted = FcFontSort(nullptr, pattern, FcFalse, nullptr, &result)) {
        for (int i = 0; i < sorted->nfont && !found; ++i)
            if (FcPattern* match = FcFontRenderPrepare(nullptr, pattern, sorted->fonts[i])) {
                found = usable(match, "sans-serif", false, false, code);
                FcPatternDestroy(match);
            }
        FcFontSetDestroy(sorted);
    }
    FcPatternDestroy(pattern);
    return found;
}
} // namespace

std::optional<FontFile> match_ui_font(bool bold) {
    for (const char* family : {"Noto Sans", "DejaVu Sans"})
        if (auto found = match_font(family, bold, true)) return found;
    return match_font("sans-serif", bold, false);
}

} // namespace panelist

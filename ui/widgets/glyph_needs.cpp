#include "ui/widgets/glyph_needs.hpp"

#include <algorithm>
#include <iterator>

namespace panelist {

// Latin with its extensions, then the punctuation, currency, letterlike, arrow, maths and shape
// blocks, so typographic quotes, em dashes, "…", "→", "≤" and "●" render in questions.
const ImWchar fixed_glyph_ranges[] = {
    0x0020, 0x024F, // Basic Latin, Latin-1 Supplement, Latin Extended-A and -B
    0x2000, 0x206F, // General Punctuation
    0x20A0, 0x20CF, // Currency Symbols
    0x2100, 0x214F, // Letterlike Symbols
    0x2190, 0x21FF, // Arrows
    0x2200, 0x22FF, // Mathematical Operators
    0x25A0, 0x25FF, // Geometric Shapes
    0,
};

bool needs_no_extra_glyph(char32_t code) {
    if (code < 0x20 || code > 0xFFFF || (code >= 0xE000 && code <= 0xF8FF)) return true;
    for (const ImWchar* r = fixed_glyph_ranges; *r; r += 2)
        if (code >= r[0] && code <= r[1]) return true;
    return false;
}


bool GlyphNeeds::add(std::span<const char32_t> codes) {
    std::vector<char32_t> wanted;
    for (const char32_t code : codes)
        if (!needs_no_extra_glyph(code)) wanted.push_back(code);
    if (wanted.empty()) return false; // typing English: no lock, no copy
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    const std::lock_guard lock(mutex_);
    std::vector<char32_t> fresh;
    std::set_difference(wanted.begin(), wanted.end(), codes_.begin(), codes_.end(), std::back_inserter(fresh));
    if (fresh.empty()) return false;
    std::vector<char32_t> merged;
    merged.reserve(codes_.size() + fresh.size());
    std::merge(codes_.begin(), codes_.end(), fresh.begin(), fresh.end(), std::back_inserter(merged));
    codes_ = std::move(merged);
    ++generation_;
    return true;
}

void GlyphNeeds::changed() {
    const std::lock_guard lock(mutex_);
    ++generation_;
}

GlyphNeeds::Snapshot GlyphNeeds::snapshot() const {
    const std::lock_guard lock(mutex_);
    return {codes_, generation_};
}

std::uint64_t GlyphNeeds::generation() const {
    const std::lock_guard lock(mutex_);
    return generation_;
}

GlyphNeeds& glyph_needs() {
    static GlyphNeeds needs;
    return needs;
}

} // namespace panelist

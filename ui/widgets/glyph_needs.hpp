// The characters the window has to draw beyond the atlas's fixed ranges (Latin, punctuation,
// arrows): those the database's text uses, read when it opens and again when text arrives from
// outside, and those typed. The atlas is rebuilt with a glyph for each (fonts.cpp), so a
// candidate named 王小明, مريم or प्रिया is drawn rather than shown as "???".
#pragma once
#include <imgui.h>

#include <cstdint>
#include <mutex>
#include <span>
#include <vector>

namespace panelist {

// The characters every atlas has a glyph for, as ImGui glyph ranges (pairs, then 0).
extern const ImWchar fixed_glyph_ranges[];

// True for characters every atlas has (Latin, punctuation, arrows...) and for those none can:
// this Dear ImGui keeps characters in 16 bits, so nothing beyond U+FFFF (shown_text.hpp gives
// those stand-ins from the private use area, which no font draws either).
bool needs_no_extra_glyph(char32_t code);

class GlyphNeeds {
public:
    // Adds the characters the fixed ranges lack; true if one of them was not needed before.
    // Safe from any thread.
    bool add(std::span<const char32_t> codes);
    bool add(char32_t code) { return add(std::span<const char32_t>(&code, 1)); }

    // Something else the atlas must draw changed (a new stand-in, shown_text.hpp).
    void changed();

    struct Snapshot {
        std::vector<char32_t> codes; // sorted
        std::uint64_t generation = 0;
    };
    Snapshot snapshot() const;
    // Grows by one with every add() that brought a new character: an atlas built for an older
    // generation lacks a glyph.
    std::uint64_t generation() const;

private:
    mutable std::mutex mutex_;
    std::vector<char32_t> codes_; // sorted
    std::uint64_t generation_ = 0;
};

// The process's one list: a single window (and its presenter) runs per process.
GlyphNeeds& glyph_needs();

} // namespace panelist

// Small text rules shared by the domain types: slugs, trimming, tag normalisation.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace panelist {

// Lower-case letters, digits, '-' and '_', in segments separated by '/': "monitoring/psi".
bool is_slug(std::string_view);
std::string trim(std::string_view);
std::string to_lower_ascii(std::string_view);
// Strips trailing spaces from every line and surrounding blank lines; keeps inner breaks.
std::string normalise_text(std::string_view);
// The offset of the first byte that breaks UTF-8 (overlong forms and surrogates included), or
// npos when the text is valid.
std::size_t invalid_utf8_at(std::string_view);
// The characters (code points) of UTF-8 text, in order; bytes that break UTF-8 are skipped.
std::vector<char32_t> code_points(std::string_view);
// Characters (code points) of UTF-8 text: what a length limit told to a person counts.
std::size_t character_count(std::string_view);
// How many terminal cells the text takes in a monospace terminal: 2 for East Asian wide
// characters and emoji, 0 for combining marks, joiners and variation selectors, 1 for the rest
// (the caret under a bad query's column lines up with what is shown).
std::size_t display_width(std::string_view);
// The bytes of the first `max_characters` characters: where to cut text to that length
// without splitting a character.
std::size_t prefix_bytes(std::string_view, std::size_t max_characters);
// The text as a message quotes it: whole when short, else its first `max_characters`
// characters and "..." (a 30 MB id is not repeated back in full).
std::string excerpt(std::string_view, std::size_t max_characters = 60);
// A count as people read it: 10170 -> "10,170".
std::string grouped(long long count);
// A count with its noun: "1 set", "2 sets" (the plural adds an s).
std::string plural(std::size_t count, std::string_view noun);
// Text for a terminal: control characters that would move the cursor, clear the screen or
// turn text around (C0 but line break and tab, DEL, C1, and the bidirectional overrides and
// isolates) are shown as escapes, `\x1b` or `\u202e`, instead of acting.
std::string visible_controls(std::string_view);
// Text for a file people read (Markdown, HTML, CSV, PDF): every line end as \n (CRLF and a CR
// alone are line breaks), then the controls as escapes, as on the terminal.
std::string readable_text(std::string_view);
// A C1 control (U+0080-U+009F) or a bidirectional override or isolate (U+202A-U+202E,
// U+2066-U+2069) starting at byte `at`: its code point and length in bytes, else length 0.
// Both are valid text that a terminal or editor acts on instead of showing.
struct HiddenControl {
    unsigned code = 0;
    std::size_t length = 0;
};
HiddenControl hidden_control_at(std::string_view, std::size_t at);
// How long what people type about candidates and interviews may be, in characters, in the
// window and in a bundle alike (so whatever was typed can be shared): a name fits a line; notes
// hold a long interview typed fast (100,000 characters is about 15,000 words).
struct PeopleTextLimits {
    static constexpr std::size_t name = 200;
    static constexpr std::size_t notes = 100'000;
};
// 64-bit FNV-1a of the bytes: a cheap, stable fingerprint (not for security).
std::uint64_t fnv1a(std::string_view bytes);

} // namespace panelist

#include "domain/text.hpp"

#include <algorithm>
#include <cstdint>

namespace panelist {
namespace {
constexpr char hex[] = "0123456789abcdef";

// A code point written as an escape a reader sees: backslash, u, four hex digits.
std::string fmt_u(unsigned cp) {
    std::string out = "\\u";
    for (int shift = 12; shift >= 0; shift -= 4) out += hex[(cp >> shift) & 15];
    return out;
}
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_slug_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}
} // namespace

std::size_t character_count(std::string_view s) {
    std::size_t n = 0;
    for (const unsigned char c : s) n += (c & 0xC0) != 0x80; // every byte but a continuation
    return n;
}

namespace {

struct CodeRange {
    char32_t first, last;
};

// Zero-width: combining marks, zero-width space and joiners, variation selectors.
constexpr CodeRange zero_width[] = {{0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x0610, 0x061A},
                                    {0x064B, 0x065F}, {0x0900, 0x0903}, {0x093A, 0x094F}, {0x1AB0, 0x1AFF},
                                    {0x1DC0, 0x1DFF}, {0x200B, 0x200F}, {0x20D0, 0x20FF}, {0xFE00, 0xFE0F},
                                    {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}, {0xE0100, 0xE01EF}};
// Two cells: East Asian Wide and Fullwidth (Unicode's EastAsianWidth W and F) and the emoji blocks.
constexpr CodeRange double_width[] = {
    {0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},   {0x23E9, 0x23EC}, {0x23F0, 0x23F3},
    {0x25FD, 0x25FE},   {0x2614, 0x2615},   {0x2648, 0x2653},   {0x26A1, 0x26A1}, {0x26AA, 0x26AB},
    {0x26BD, 0x26BE},   {0x26C4, 0x26C5},   {0x26D4, 0x26D4},   {0x26EA, 0x26EA}, {0x26F2, 0x26F5},
    {0x26FA, 0x26FD},   {0x2705, 0x2705},   {0x270A, 0x270B},   {0x2728, 0x2728}, {0x274C, 0x274C},
    {0x2753, 0x2755},   {0x2757, 0x2757},   {0x2795, 0x2797},   {0x27B0, 0x27B0}, {0x27BF, 0x27BF},
    {0x2B1B, 0x2B1C},   {0x2B50, 0x2B50},   {0x2B55, 0x2B55},   {0x2E80, 0x303E}, {0x3041, 0x33FF},
    {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},   {0xA960, 0xA97F}, {0xAC00, 0xD7A3},
    {0xF900, 0xFAFF},   {0xFE10, 0xFE19},   {0xFE30, 0xFE6F},   {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6},
    {0x16FE0, 0x18CFF}, {0x1B000, 0x1B2FF}, {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E},
    {0x1F191, 0x1F19A}, {0x1F200, 0x1F2FF}, {0x1F300, 0x1F64F}, {0x1F680, 0x1F6FF}, {0x1F7E0, 0x1F7EB},
    {0x1F90C, 0x1F9FF}, {0x1FA70, 0x1FAFF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD}};

template <std::size_t N>
bool in(const CodeRange (&ranges)[N], char32_t c) {
    for (const auto& r : ranges)
        if (c >= r.first && c <= r.last) return true;
    return false;
}

} // namespace

std::size_t display_width(std::string_view s) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < s.size();) {
        const auto lead = static_cast<unsigned char>(s[i]);
        const std::size_t length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        char32_t c = length == 1 ? lead : lead & (0xFF >> (length + 1));
        for (std::size_t k = 1; k < length && i + k < s.size(); ++k)
            c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        width += in(zero_width, c) ? 0 : in(double_width, c) ? 2 : 1;
        i += length;
    }
    return width;
}

std::size_t prefix_bytes(std::string_view s, std::size_t max_characters) {
    std::size_t characters = 0;
    for (std::size_t i = 0; i < s.size(); ++i)
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && characters++ == max_characters) return i;
    return s.size();
}

std::string excerpt(std::string_view s, std::size_t max_characters) {
    std::size_t characters = 0;
    for (std::size_t i = 0; i < s.size(); ++i)
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && characters++ == max_characters)
            return std::string(s.substr(0, i)) + "...";
    return std::string(s);
}

bool is_slug(std::string_view s) {
    if (s.empty() || s.size() > 200) return false;
    bool segment_empty = true;
    for (char c : s) {
        if (c == '/') {
            if (segment_empty) return false;
            segment_empty = true;
        } else if (is_slug_char(c)) {
            segment_empty = false;
        } else {
            return false;
        }
    }
    return !segment_empty;
}

std::string trim(std::string_view s) {
    auto begin = std::find_if_not(s.begin(), s.end(), is_space);
    auto end = std::find_if_not(s.rbegin(), s.rend(), is_space).base();
    return begin < end ? std::string(begin, end) : std::string();
}

std::string to_lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string normalise_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t end = s.find('\n', start);
        if (end == std::string_view::npos) end = s.size();
        std::string_view line = s.substr(start, end - start);
        while (!line.empty() && (is_space(line.back()))) line.remove_suffix(1);
        out.append(line);
        out.push_back('\n');
        start = end + 1;
    }
    return trim(out);
}

namespace {

// The character that starts at byte `i`, and its length in bytes; length 0 when the bytes there
// break UTF-8 (overlong forms and surrogates included).
struct Decoded {
    char32_t code = 0;
    std::size_t length = 0;
};

Decoded decode_at(std::string_view s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t length = 0;
    std::uint32_t code = 0;
    if (c < 0x80) length = 1, code = c;
    else if ((c & 0xE0) == 0xC0) length = 2, code = c & 0x1F;
    else if ((c & 0xF0) == 0xE0) length = 3, code = c & 0x0F;
    else if ((c & 0xF8) == 0xF0) length = 4, code = c & 0x07;
    else return {};
    if (i + length > s.size()) return {};
    for (std::size_t k = 1; k < length; ++k) {
        const auto next = static_cast<unsigned char>(s[i + k]);
        if ((next & 0xC0) != 0x80) return {};
        code = (code << 6) | (next & 0x3F);
    }
    constexpr std::uint32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < smallest[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return {};
    return {static_cast<char32_t>(code), length};
}

} // namespace

std::size_t invalid_utf8_at(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const Decoded d = decode_at(s, i);
        if (d.length == 0) return i;
        i += d.length;
    }
    return std::string_view::npos;
}

std::vector<char32_t> code_points(std::string_view s) {
    std::vector<char32_t> out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const Decoded d = decode_at(s, i);
        if (d.length > 0) out.push_back(d.code);
        i += std::max<std::size_t>(d.length, 1);
    }
    return out;
}

std::string grouped(long long count) {
    std::string digits = std::to_string(count < 0 ? -static_cast<unsigned long long>(count) : static_cast<unsigned long long>(count));
    for (auto at = static_cast<std::ptrdiff_t>(digits.size()) - 3; at > 0; at -= 3) digits.insert(static_cast<std::size_t>(at), ",");
    return count < 0 ? "-" + digits : digits;
}

std::string readable_text(std::string_view raw) {
    std::string text;
    text.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] != '\r') text += raw[i];
        else if (i + 1 == raw.size() || raw[i + 1] != '\n') text += '\n';
    }
    return visible_controls(text);
}

HiddenControl hidden_control_at(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    // C1 controls are U+0080-U+009F: C2 80 to C2 9F in UTF-8.
    if (byte(i) == 0xc2 && i + 1 < text.size() && byte(i + 1) >= 0x80 && byte(i + 1) <= 0x9f)
        return {byte(i + 1), 2};
    // U+202A-U+202E and U+2066-U+2069: E2 80 AA-AE and E2 81 A6-A9.
    if (byte(i) == 0xe2 && i + 2 < text.size()) {
        const auto b1 = byte(i + 1), b2 = byte(i + 2);
        if ((b1 == 0x80 && b2 >= 0xaa && b2 <= 0xae) || (b1 == 0x81 && b2 >= 0xa6 && b2 <= 0xa9))
            return {0x2000u + ((b1 & 0x3fu) << 6) + (b2 & 0x3fu), 3};
    }
    return {};
}

std::string visible_controls(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) {
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 15];
            continue;
        }
        if (const auto hidden = hidden_control_at(text, i); hidden.length > 0) {
            out += fmt_u(hidden.code);
            i += hidden.length - 1;
            continue;
        }
        out += static_cast<char>(c);
    }
    return out;
}

std::string plural(std::size_t count, std::string_view noun) {
    return std::to_string(count) + " " + std::string(noun) + (count == 1 ? "" : "s");
}

std::uint64_t fnv1a(std::string_view bytes) {
    std::uint64_t h = 0xcbf29ce484222325ull; // the FNV offset basis
    for (const unsigned char c : bytes) {
        h ^= c;
        h *= 0x100000001b3ull;
    }
    return h;
}

} // namespace panelist

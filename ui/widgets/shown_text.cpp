#include "ui/widgets/shown_text.hpp"

#include "domain/text.hpp"
#include "ui/widgets/glyph_needs.hpp"

#include <fribidi.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdlib>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace panelist::ui {
namespace {

// The private use area's first 6,400 characters: what the process has met beyond U+FFFF,
// numbered in the order met. Text that already holds such a character would read it back as
// the one it stands in for, if that one was met too: private use characters carry no meaning
// outside the program that made them, and interview notes have none.
constexpr char32_t stand_ins_first = 0xE000, stand_ins_last = 0xF8FF;

struct StandIns {
    std::mutex mutex;
    std::unordered_map<char32_t, char32_t> of;      // real -> stand-in
    std::unordered_map<char32_t, char32_t> back_to; // stand-in -> real
};
StandIns& stand_ins() {
    static StandIns table;
    return table;
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

bool has_four_byte_characters(std::string_view text) {
    for (const char c : text)
        if (static_cast<unsigned char>(c) >= 0xF0) return true;
    return false;
}

// U+E000-U+F8FF is EE 80 80 to EF A3 BF in UTF-8.
bool may_have_stand_ins(std::string_view text) {
    for (const char c : text)
        if (static_cast<unsigned char>(c) == 0xEE || static_cast<unsigned char>(c) == 0xEF) return true;
    return false;
}

bool is_right_to_left(char32_t c) {
    return (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF);
}

// Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms start with these bytes.
bool may_be_right_to_left(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto b = static_cast<unsigned char>(text[i]);
        if (b >= 0xD6 && b <= 0xDF) return true; // U+0580-U+07FF
        if (b == 0xE0 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0xA3) return true;
        if (b == 0xEF && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0xAC &&
            static_cast<unsigned char>(text[i + 1]) <= 0xBB)
            return true;
    }
    return false;
}

// One line in the order it is seen, Arabic shaped. fribidi takes one paragraph at a time.
void append_visual_line(std::string& out, std::string_view line) {
    std::vector<FriBidiChar> logical;
    for (const char32_t c : code_points(line)) logical.push_back(c);
    const bool any_rtl = std::any_of(logical.begin(), logical.end(), is_right_to_left);
    if (!any_rtl) {
        out.append(line);
        return;
    }
    std::vector<FriBidiChar> visual(logical.size());
    FriBidiParType direction = FRIBIDI_PAR_ON; // from the line's first strong character
    if (!fribidi_log2vis(logical.data(), static_cast<FriBidiStrIndex>(logical.size()), &direction, visual.data(),
                         nullptr, nullptr, nullptr)) {
        out.append(line);
        return;
    }
    for (const FriBidiChar c : visual)
        if (c != 0xFEFF && c != 0x200B) append_utf8(out, c); // what shaping removed, as zero-width
}

std::string visual_order(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t start = 0;;) {
        const auto end = text.find('\n', start);
        append_visual_line(out, text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) break;
        out += '\n';
        start = end + 1;
    }
    return out;
}

} // namespace

char32_t stand_in(char32_t code) {
    if (code <= 0xFFFF) return code;
    StandIns& table = stand_ins();
    const std::lock_guard lock(table.mutex);
    if (const auto it = table.of.find(code); it != table.of.end()) return it->second;
    const auto next = static_cast<char32_t>(stand_ins_first + table.of.size());
    if (next > stand_ins_last) return 0xFFFD; // 6,400 different emoji in one run: "?" from here on
    table.of.emplace(code, next);
    table.back_to.emplace(next, code);
    glyph_needs().changed(); // the atlas has no glyph for it yet
    return next;
}

std::vector<std::pair<char32_t, char32_t>> stand_in_pairs() {
    StandIns& table = stand_ins();
    const std::lock_guard lock(table.mutex);
    std::vector<std::pair<char32_t, char32_t>> out(table.of.begin(), table.of.end());
    std::sort(out.begin(), out.end());
    return out;
}

std::string with_stand_ins(std::string_view text) {
    if (!has_four_byte_characters(text) || invalid_utf8_at(text) != std::string_view::npos) return std::string(text);
    std::string out;
    out.reserve(text.size());
    for (const char32_t c : code_points(text)) append_utf8(out, stand_in(c));
    return out;
}

std::string without_stand_ins(std::string_view text) {
    if (!may_have_stand_ins(text)) return std::string(text);
    StandIns& table = stand_ins();
    const std::lock_guard lock(table.mutex);
    std::string out;
    out.reserve(text.size());
    for (const char32_t c : code_points(text)) {
        const auto it = c >= stand_ins_first && c <= stand_ins_last ? table.back_to.find(c) : table.back_to.end();
        append_utf8(out, it != table.back_to.end() ? it->second : c);
    }
    return out;
}

std::string shown(std::string_view text) {
    if (!may_be_right_to_left(text)) return with_stand_ins(text);
    // The same notes and names are drawn frame after frame; fribidi on a long Arabic note takes
    // milliseconds. Kept until a few hundred different texts have been seen (UI thread only).
    static std::unordered_map<std::string, std::string> ordered;
    if (const auto it = ordered.find(std::string(text)); it != ordered.end()) return with_stand_ins(it->second);
    if (ordered.size() >= 512) ordered.clear();
    std::string out = visual_order(text);
    glyph_needs().add(code_points(out)); // the joined forms of Arabic letters, drawn from the next frame
    return with_stand_ins(ordered.emplace(std::string(text), std::move(out)).first->second);
}

namespace {

std::string typed_beyond_bmp; // this frame's, as stand-ins in UTF-8

// The field's own callback, for the events it asked for, after the typed characters beyond
// U+FFFF go in: at the field's first event of the frame (ImGui 1.86 sends one, and
// ImGuiInputTextFlags_CallbackAlways makes sure there is one), in place of any selection, and
// said to the field's callback as an edit (its length limit applies to them too).
struct FieldCallback {
    ImGuiInputTextFlags asked = 0;
    ImGuiInputTextCallback callback = nullptr;
    void* user_data = nullptr;
};

constexpr ImGuiInputTextFlags filtered = ImGuiInputTextFlags_CharsDecimal | ImGuiInputTextFlags_CharsHexadecimal |
                                         ImGuiInputTextFlags_CharsUppercase | ImGuiInputTextFlags_CharsNoBlank |
                                         ImGuiInputTextFlags_CharsScientific | ImGuiInputTextFlags_CallbackCharFilter;

int call_field(ImGuiInputTextCallbackData* data, const FieldCallback& field, ImGuiInputTextFlags event) {
    if (!field.callback || (event & field.asked) == 0) return 0;
    void* ours = data->UserData;
    const ImGuiInputTextFlags was = data->EventFlag;
    data->UserData = field.user_data;
    data->EventFlag = event;
    const int result = field.callback(data);
    data->UserData = ours;
    data->EventFlag = was;
    return result;
}

int field_callback(ImGuiInputTextCallbackData* data) {
    const auto& field = *static_cast<FieldCallback*>(data->UserData);
    bool inserted = false;
    if (data->EventFlag != ImGuiInputTextFlags_CallbackCharFilter && !typed_beyond_bmp.empty() &&
        (data->Flags & (ImGuiInputTextFlags_ReadOnly | filtered)) == 0) {
        if (data->HasSelection())
            data->DeleteChars(std::min(data->SelectionStart, data->SelectionEnd),
                              std::abs(data->SelectionEnd - data->SelectionStart));
        data->InsertChars(data->CursorPos, typed_beyond_bmp.c_str());
        typed_beyond_bmp.clear();
        inserted = true;
    }
    const int result = call_field(data, field, data->EventFlag);
    if (inserted && data->EventFlag != ImGuiInputTextFlags_CallbackEdit)
        call_field(data, field, ImGuiInputTextFlags_CallbackEdit);
    return result;
}

} // namespace

namespace {

struct Clipboard {
    const char* (*get)(void*) = nullptr;
    void (*set)(void*, const char*) = nullptr;
    std::string pasted; // what the last get returned: ImGui reads it after the call
};
Clipboard clipboard;

} // namespace

void route_clipboard_through_stand_ins() {
    ImGuiIO& io = ImGui::GetIO();
    if (io.GetClipboardTextFn == nullptr || io.SetClipboardTextFn == nullptr) return;
    clipboard.get = io.GetClipboardTextFn;
    clipboard.set = io.SetClipboardTextFn;
    io.GetClipboardTextFn = [](void* user) -> const char* {
        const char* text = clipboard.get(user);
        if (!text) return nullptr;
        clipboard.pasted = with_stand_ins(text);
        return clipboard.pasted.c_str();
    };
    io.SetClipboardTextFn = [](void* user, const char* text) {
        clipboard.set(user, without_stand_ins(text ? text : "").c_str());
    };
}

void type_beyond_bmp(char32_t code) {
    append_utf8(typed_beyond_bmp, stand_in(code));
}

void end_frame_typing() {
    typed_beyond_bmp.clear();
}

bool input_text(const char* label, std::string* text, ImGuiInputTextFlags flags, ImGuiInputTextCallback callback,
                void* user_data) {
    FieldCallback field{flags, callback, user_data};
    return edited_text(text, [&](std::string* held) {
        return ImGui::InputText(label, held, flags | ImGuiInputTextFlags_CallbackAlways, field_callback, &field);
    });
}

bool input_text_with_hint(const char* label, const char* hint, std::string* text, ImGuiInputTextFlags flags,
                          ImGuiInputTextCallback callback, void* user_data) {
    FieldCallback field{flags, callback, user_data};
    return edited_text(text, [&](std::string* held) {
        return ImGui::InputTextWithHint(label, hint, held, flags | ImGuiInputTextFlags_CallbackAlways,
                                        field_callback, &field);
    });
}

bool input_text_multiline(const char* label, std::string* text, const ImVec2& size, ImGuiInputTextFlags flags,
                          ImGuiInputTextCallback callback, void* user_data) {
    FieldCallback field{flags, callback, user_data};
    return edited_text(text, [&](std::string* held) {
        return ImGui::InputTextMultiline(label, held, size, flags | ImGuiInputTextFlags_CallbackAlways,
                                         field_callback, &field);
    });
}

} // namespace panelist::ui

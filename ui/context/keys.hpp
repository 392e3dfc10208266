// Keyboard shortcuts. ImGui 1.86 keeps key state in io.KeysDown[] indexed by the platform's
// key codes; the GLFW backend writes GLFW codes there, so shortcuts are named by those codes
// (tests press them the same way).
#pragma once
#include <imgui.h>

namespace panelist::keys {

constexpr int space = 32;
constexpr int slash = 47;       // '?' with shift
constexpr int digit_0 = 48;     // '0'..'9' are 48..57
constexpr int equal = 61;       // '=' ('+' with shift)
constexpr int minus = 45;
constexpr int letter_a = 65;    // 'A'..'Z' are 65..90
constexpr int escape = 256;
constexpr int enter = 257;
constexpr int tab = 258;
constexpr int right = 262;
constexpr int left = 263;
constexpr int down = 264;
constexpr int up = 265;
constexpr int page_up = 266;
constexpr int page_down = 267;
constexpr int home = 268;
constexpr int end = 269;
constexpr int delete_key = 261;
constexpr int f1 = 290;
constexpr int f2 = 291;
constexpr int keypad_0 = 320;   // keypad digits are 320..329
constexpr int keypad_subtract = 333;
constexpr int keypad_add = 334;
constexpr int keypad_enter = 335;

constexpr int letter(char upper) { return letter_a + (upper - 'A'); }
constexpr int digit(int d) { return digit_0 + d; }

inline bool pressed(int key) { return ImGui::IsKeyPressed(key, false); }
inline bool pressed_repeat(int key) { return ImGui::IsKeyPressed(key, true); }
inline bool ctrl() { return ImGui::GetIO().KeyCtrl; }
inline bool shift() { return ImGui::GetIO().KeyShift; }
inline bool alt() { return ImGui::GetIO().KeyAlt; }
// True while the user types into a text field: single-key shortcuts must stay quiet then.
inline bool typing() { return ImGui::GetIO().WantTextInput; }
// A plain key press with no modifier, outside text fields.
inline bool command(int key) { return !typing() && !ctrl() && !alt() && pressed(key); }
// Digit d on the main row or the keypad.
inline bool digit_pressed(int d) { return pressed(digit(d)) || pressed(keypad_0 + d); }

} // namespace panelist::keys

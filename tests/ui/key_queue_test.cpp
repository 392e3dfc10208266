// KeyQueue: what one frame of the window takes from what was typed. The window's own test is the
// acceptance scenario test_quick_keys.py (keys tapped faster than frames, through a real X
// server); this checks the rule it relies on.
#include "ui/app/key_queue.hpp"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace panelist;

namespace {

constexpr int release = 0, press = 1, repeat = 2; // GLFW's codes
constexpr int key_3 = 51, key_right = 262, key_backspace = 259, key_ctrl = 341, key_s = 83, key_a = 65;

KeyQueue::Event down(int key) { return {.key = key, .action = press}; }
KeyQueue::Event up(int key) { return {.key = key, .action = release}; }
KeyQueue::Event text(char c) { return {.is_text = true, .codepoint = static_cast<unsigned>(c)}; }

// Each frame's events, written as "3v 3^ 'a'" (v down, ^ up, r repeat), frames split by " | ".
std::string frames(KeyQueue& queue) {
    std::string out;
    while (!queue.empty()) {
        if (!out.empty()) out += " | ";
        std::string frame;
        for (const auto& e : queue.take_frame()) {
            if (!frame.empty()) frame += ' ';
            if (e.is_text)
                frame += std::string("'") + static_cast<char>(e.codepoint) + "'";
            else
                frame += std::to_string(e.key) + (e.action == press ? "v" : e.action == release ? "^" : "r");
        }
        REQUIRE_MESSAGE(!frame.empty(), "a frame must take at least one event, or the queue never empties");
        out += frame;
    }
    return out;
}

} // namespace

TEST_CASE("a key pressed and released between two frames is seen down in one frame and up in the next") {
    KeyQueue queue(press, release);
    queue.push(down(key_3));
    queue.push(up(key_3));
    CHECK(frames(queue) == "51v | 51^");
}

TEST_CASE("keys tapped faster than frames act one after another, in the order typed") {
    KeyQueue queue(press, release);
    for (const int key : {key_right, key_3, key_right, key_3}) {
        queue.push(down(key));
        queue.push(up(key));
    }
    // Right moves on before 3 scores: never a score on the question being left.
    CHECK(frames(queue) == "262v | 262^ 51v | 51^ 262v | 262^ 51v | 51^");
}

TEST_CASE("a shortcut with a modifier keeps the modifier down in the frame of its key") {
    KeyQueue queue(press, release);
    for (const auto& e : {down(key_ctrl), down(key_s), up(key_s), up(key_ctrl)}) queue.push(e);
    CHECK(frames(queue) == "341v 83v | 83^ 341^");
}

TEST_CASE("text goes with the key that typed it; a key after text waits a frame") {
    KeyQueue queue(press, release);
    // "a", Backspace, "c" typed in one frame's time: the Backspace must delete the a, not the c.
    for (const auto& e : {down(key_a), text('a'), up(key_a), down(key_backspace), up(key_backspace), down(67),
                          text('c'), up(67)})
        queue.push(e);
    CHECK(frames(queue) == "65v 'a' | 65^ 259v | 259^ 67v 'c' | 67^");
}

TEST_CASE("repeats change no key and go with the frame; text with no key (an input method) flows on") {
    KeyQueue queue(press, release);
    for (const auto& e : {down(key_backspace), KeyQueue::Event{.key = key_backspace, .action = repeat},
                          KeyQueue::Event{.key = key_backspace, .action = repeat}, up(key_backspace)})
        queue.push(e);
    CHECK(frames(queue) == "259v 259r 259r | 259^");
    for (const char c : std::string("日本")) queue.push(text(c));
    CHECK(queue.take_frame().size() == 6);
    CHECK(queue.empty());
}

TEST_CASE("an empty queue gives an empty frame") {
    KeyQueue queue(press, release);
    CHECK(queue.take_frame().empty());
}

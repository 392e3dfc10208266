// Keys and typed text in the order they came, handed to ImGui a frame's worth at a time.
//
// ImGui 1.86 reads the keyboard as a state: io.KeysDown[key] is looked at once per frame, in
// NewFrame. A key pressed and released between two frames (a quick tap while a frame is slow:
// software GL, a window just opened, a busy machine) is never seen down, and the key is lost;
// keys typed in one frame act in the order the screens look at them, not the order typed.
// ImGui 1.87 fixed this by queueing input and "trickling" it out; this is the same idea for 1.86.
#pragma once

#include <cstddef>
#include <deque>
#include <vector>

namespace panelist {

class KeyQueue {
public:
    struct Event {
        bool is_text = false;  // a typed character rather than a key going down or up
        int key = 0;           // the platform's key code (GLFW's), as io.KeysDown is indexed
        int scancode = 0;
        int action = 0;        // press, release or repeat, as the platform says
        int mods = 0;
        unsigned codepoint = 0; // the character, for text
        bool operator==(const Event&) const = default;
    };

    // The platform's codes for a key going down and coming up (GLFW_PRESS, GLFW_RELEASE); any
    // other action (a repeat) changes no key.
    KeyQueue(int press, int release) : press_(press), release_(release) {}

    void push(const Event& event) { events_.push_back(event); }
    // Events a frame took but could not use, back at the front, in their order.
    void put_back(const std::vector<Event>& events) { events_.insert(events_.begin(), events.begin(), events.end()); }
    bool empty() const { return events_.empty(); }
    std::size_t size() const { return events_.size(); }
    void clear() { events_.clear(); }

    // The events for the next frame, oldest first. A frame stops before
    //  - a key that already went down or up in it: a press and its release land in different
    //    frames, so the press is seen;
    //  - any key event after text: ImGui handles a frame's text before its keys, so a Backspace
    //    typed after a letter must come a frame later to delete that letter.
    // Text always goes with the key that typed it: a shortcut that opens a text field in the
    // frame of its key must not find its own letter typed into the field on the next frame.
    std::vector<Event> take_frame();

private:
    int press_, release_;
    std::deque<Event> events_;
};

} // namespace panelist

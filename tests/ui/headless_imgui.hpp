// Drives ImGui frames with no window: a context, a display size, a built font atlas, and
// keys and text pushed between frames. Tests then assert on application state, and on the
// text a frame drew (captured through ImGui's own logging).
#pragma once
#include "ui/context/clock.hpp"

#include <functional>
#include <string>

struct ImGuiContext;

namespace panelist::test {

class HeadlessImGui {
public:
    explicit HeadlessImGui(float width = 1500, float height = 1000);
    ~HeadlessImGui();
    HeadlessImGui(const HeadlessImGui&) = delete;
    HeadlessImGui& operator=(const HeadlessImGui&) = delete;

    // One frame; returns every piece of text the frame drew. Capturing text turns off ImGui's
    // list clipping (it logs every row), so benchmarks draw with `capture_text` false.
    std::string frame(const std::function<void()>& draw, bool capture_text = true);
    // Presses a key (GLFW code) for one frame, with modifiers, then releases it in the next.
    void press(const std::function<void()>& draw, int key, bool ctrl = false, bool shift = false, bool alt = false);
    // Types UTF-8 text into whatever has keyboard focus.
    void type(const std::function<void()>& draw, const std::string& text);

private:
    ::ImGuiContext* context_;
};

// A clock the test moves by hand.
class FakeClock final : public Clock {
public:
    TimePoint now() const override { return now_; }
    std::string today() const override { return "2026-11-23"; }
    void advance(std::chrono::milliseconds d) { now_ += d; }

private:
    TimePoint now_{std::chrono::hours(1000)};
};

} // namespace panelist::test

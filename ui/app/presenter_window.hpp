// The presenter's own OS window: a second GLFW window with its own ImGui context, sharing
// nothing with the main window but the process. It shows what it is given and never keeps the
// keyboard: opening it leaves the focus on the main window, and keys typed while it has the
// focus anyway (the user clicked it) go to the main window, as if typed there.
#pragma once
#include "ui/app/frame_damage.hpp"

#include <cstdint>
#include <functional>

struct GLFWwindow;
struct ImGuiContext;

namespace panelist {

class PresenterWindow {
public:
    PresenterWindow() = default;
    ~PresenterWindow() { close(); }
    PresenterWindow(const PresenterWindow&) = delete;
    PresenterWindow& operator=(const PresenterWindow&) = delete;

    // The main window's key and text callbacks: what is typed into the presenter goes there, as
    // if typed there.
    struct KeyboardOwner {
        void (*key)(GLFWwindow*, int key, int scancode, int action, int mods) = nullptr;
        void (*text)(GLFWwindow*, unsigned codepoint) = nullptr;
    };

    // Opens the window if it is not open; `keyboard_owner` is the main window, `owner` its
    // keyboard callbacks. Returns false if no window could be made.
    bool open(float font_pixels, GLFWwindow* keyboard_owner, KeyboardOwner owner);
    void close();
    bool is_open() const { return handle_ != nullptr; }
    // True once the user closed it with the window manager.
    bool close_requested() const;
    // One frame of `draw` in the presenter's context; the caller's GL and ImGui contexts are
    // restored afterwards. Drawn and swapped only when it differs from the frame on screen, or
    // the window system lost that: the presenter's content changes with the question, not the
    // interviewer's clock, and a frame of this large window costs ~5 ms under software GL.
    void render(const std::function<void()>& draw);

private:
    void load_font();

    GLFWwindow* handle_ = nullptr;
    GLFWwindow* keyboard_owner_ = nullptr;
    KeyboardOwner owner_;
    ImGuiContext* context_ = nullptr;
    FrameDamage shown_;
    float font_pixels_ = 0;
    std::uint64_t glyph_generation_ = 0; // glyph_needs()'s when the atlas was built
};

} // namespace panelist

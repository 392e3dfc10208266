// The window loop: GLFW, an OpenGL 3.3 context, Dear ImGui, and sleeping while nothing changes.
//
// Index:
// [SECTION] Waking from other threads
// [SECTION] Window state and GLFW callbacks
// [SECTION] Text size and scale
// [SECTION] Opening and closing
// [SECTION] The loop
#include "ui/app/runner.hpp"

#include "ui/app/fonts.hpp"
#include "ui/app/frame_damage.hpp"
#include "ui/widgets/glyph_needs.hpp"
#include "ui/widgets/shown_text.hpp"
#include "ui/app/key_queue.hpp"
#include "ui/app/presenter_window.hpp"
#include "ui/app/screenshot.hpp"
#include "ui/app/software_gl.hpp"

#include <glad/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <imgui_internal.h> // ActiveIdIsJustActivated, InputTextState: see keep_text_for_new_field

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace panelist {
namespace {

// After input ImGui needs a few frames to settle (hover, layout of new windows); then sleep.
constexpr int frames_after_input = 3;
// Screenshot mode: enough frames for windows to auto-size and fonts to be uploaded.
constexpr int screenshot_frame = 4;
constexpr double clock_wake_seconds = 1.0;
constexpr float font_scale_step = 1.1f, font_scale_min = 0.6f, font_scale_max = 3.0f;

// What the running window shares with the app's callbacks (text_scale(), last_window_place(),
// set_theme()) and with GLFW's C callbacks: one window runs per process, so one state.
struct RunningWindow {
    TextScale text_scale;
    WindowSize size;
    WindowPlace place;
    std::optional<Theme> requested_theme; // set by set_theme() during a frame, applied before the next
    KeyQueue keys{GLFW_PRESS, GLFW_RELEASE}; // typed, not yet handed to ImGui
};
RunningWindow running;

//-------------------------------------------------------------------------------------------------
// [SECTION] Waking from other threads
//-------------------------------------------------------------------------------------------------

// glfwPostEmptyEvent may be called from any thread, but only between glfwInit and glfwTerminate.
std::mutex window_open_mutex;
bool window_open = false;

struct WindowOpenFlag {
    WindowOpenFlag() { set(true); }
    ~WindowOpenFlag() { set(false); }
    WindowOpenFlag(const WindowOpenFlag&) = delete;
    WindowOpenFlag& operator=(const WindowOpenFlag&) = delete;
    static void set(bool open) {
        const std::lock_guard lock(window_open_mutex);
        window_open = open;
    }
};

//-------------------------------------------------------------------------------------------------
// [SECTION] Window state and GLFW callbacks
//-------------------------------------------------------------------------------------------------

// Reached from GLFW callbacks through the window's user pointer.
struct Window {
    const RunnerSettings& settings;
    GLFWwindow* handle = nullptr;
    Theme theme = settings.theme;
    float style_scale = 1.0f; // device pixels per logical pixel, for the theme
    bool input_seen = false;
    bool exposed = false; // the window system lost what the window showed: draw it all again
    bool fonts_stale = true;
    bool font_texture_uploaded = false;
    int frames_to_render = frames_after_input;
    // Benchmark baseline (docs/performance.md): the stock ImGui loop, drawing every frame.
    bool always_redraw = std::getenv("PANELIST_ALWAYS_REDRAW") != nullptr;
};

Window& window_of(GLFWwindow* handle) {
    return *static_cast<Window*>(glfwGetWindowUserPointer(handle));
}

void note_input(GLFWwindow* handle) {
    window_of(handle).input_seen = true;
}

void change_font_scale(Window& window, float new_scale) {
    new_scale = std::clamp(std::round(new_scale * 20.0f) / 20.0f, font_scale_min, font_scale_max);
    if (new_scale == running.text_scale.font_scale) return;
    running.text_scale.font_scale = new_scale;
    window.fonts_stale = true;
}

// Ctrl+= / Ctrl+- / Ctrl+0 by the character on the key in the user's layout, or by the US key
// position for layouts where that character needs Shift or sits elsewhere.
void on_key(GLFWwindow* handle, int key, int scancode, int action, int mods) {
    Window& window = window_of(handle);
    window.input_seen = true;
    if (action == GLFW_RELEASE || (mods & GLFW_MOD_CONTROL) == 0) return;
    const char* name = glfwGetKeyName(key, scancode);
    const char typed = name && name[0] != '\0' && name[1] == '\0' ? name[0] : '\0';
    const float scale = running.text_scale.font_scale;
    if (typed == '=' || typed == '+' || key == GLFW_KEY_EQUAL || key == GLFW_KEY_KP_ADD)
        change_font_scale(window, scale * font_scale_step);
    else if (typed == '-' || key == GLFW_KEY_MINUS || key == GLFW_KEY_KP_SUBTRACT)
        change_font_scale(window, scale / font_scale_step);
    else if (action == GLFW_PRESS && (typed == '0' || key == GLFW_KEY_0 || key == GLFW_KEY_KP_0))
        change_font_scale(window, 1.0f);
}

// Every key typed in our windows (the main one, or the presenter when the user focused it) waits
// here until a frame takes it (KeyQueue: a quick tap during a slow frame is not lost).
void queue_key(GLFWwindow* handle, int key, int scancode, int action, int mods) {
    running.keys.push({.key = key, .scancode = scancode, .action = action, .mods = mods});
    note_input(handle);
}

void queue_text(GLFWwindow* handle, unsigned codepoint) {
    glyph_needs().add(static_cast<char32_t>(codepoint)); // 한 typed for the first time: its glyph next frame
    running.keys.push({.is_text = true, .codepoint = codepoint});
    note_input(handle);
}

// Hands ImGui this frame's keys and text through its GLFW backend, which calls on_key first.
// Returns the text it handed over.
std::vector<KeyQueue::Event> take_frame_keys(GLFWwindow* handle) {
    std::vector<KeyQueue::Event> text;
    auto events = running.keys.take_frame();
    for (std::size_t i = 0; i < events.size(); ++i) {
        const KeyQueue::Event& e = events[i];
        if (e.is_text && e.codepoint > 0xFFFF) {
            // 👍 would reach ImGui as "�": the field with the keyboard puts it in at its cursor
            // (shown_text.hpp), after this frame's text; what was typed after it waits a frame.
            ui::type_beyond_bmp(static_cast<char32_t>(e.codepoint));
            running.keys.put_back({events.begin() + static_cast<std::ptrdiff_t>(i) + 1, events.end()});
            break;
        }
        if (e.is_text) {
            ImGui_ImplGlfw_CharCallback(handle, e.codepoint);
            text.push_back(e);
        } else {
            ImGui_ImplGlfw_KeyCallback(handle, e.key, e.scancode, e.action, e.mods);
        }
    }
    return text;
}

// A text field that a key opened (N for notes) becomes active a frame later, and ImGui 1.86
// ignores text in the frame a field becomes active: what was typed right after the key would
// be lost. When no field had the keyboard before the frame and one was just given it, the
// frame's text goes back to be typed there on the next frame.
void keep_text_for_new_field(bool was_typing, const std::vector<KeyQueue::Event>& text) {
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    if (was_typing || text.empty() || !g.ActiveIdIsJustActivated) return;
    if (g.ActiveId != 0 && g.InputTextState.ID == g.ActiveId) running.keys.put_back(text); // a text field
}

void on_content_scale(GLFWwindow* handle, float, float) {
    window_of(handle).fonts_stale = true;
}

// Installed before ImGui's backend, which calls them before its own (it chains what it finds).
void install_callbacks(Window& window) {
    GLFWwindow* h = window.handle;
    glfwSetWindowUserPointer(h, &window);
    glfwSetKeyCallback(h, on_key);
    glfwSetCharCallback(h, [](GLFWwindow* w, unsigned) { note_input(w); });
    glfwSetMouseButtonCallback(h, [](GLFWwindow* w, int, int, int) { note_input(w); });
    glfwSetScrollCallback(h, [](GLFWwindow* w, double, double) { note_input(w); });
    glfwSetCursorPosCallback(h, [](GLFWwindow* w, double, double) { note_input(w); });
    glfwSetCursorEnterCallback(h, [](GLFWwindow* w, int) { note_input(w); });
    glfwSetWindowFocusCallback(h, [](GLFWwindow* w, int) { note_input(w); });
    glfwSetFramebufferSizeCallback(h, [](GLFWwindow* w, int, int) { note_input(w); });
    glfwSetWindowRefreshCallback(h, [](GLFWwindow* w) { window_of(w).input_seen = window_of(w).exposed = true; });
    glfwSetWindowContentScaleCallback(h, on_content_scale);
    // Where the window is, kept as it moves rather than asked of the X server every frame.
    glfwGetWindowPos(h, &running.place.x, &running.place.y);
    running.place.has_position = true;
    glfwSetWindowPosCallback(h, [](GLFWwindow*, int x, int y) {
        running.place.x = x;
        running.place.y = y;
    });
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Text size and scale
//-------------------------------------------------------------------------------------------------

// The atlas's pixel size for the user's text size on a monitor of this content scale.
float font_pixels(const RunnerSettings& settings, float content_scale) {
    return std::round(settings.font_size * running.text_scale.font_scale * content_scale);
}

// Rebuilds the font atlas at the pixel size the monitor and the user's text size ask for, so
// text stays crisp at every size (scaling a built atlas would blur it).
void refresh_fonts(Window& window) {
    float content_x = 1.0f, content_y = 1.0f;
    glfwGetWindowContentScale(window.handle, &content_x, &content_y);
    int window_w = 0, window_h = 0, buffer_w = 0, buffer_h = 0;
    glfwGetWindowSize(window.handle, &window_w, &window_h);
    glfwGetFramebufferSize(window.handle, &buffer_w, &buffer_h);
    // Where window coordinates are logical (Wayland, macOS) the framebuffer is denser than the
    // window: rasterise for the framebuffer, draw at the logical size.
    const float density = window_w > 0 && buffer_w > 0
                              ? static_cast<float>(buffer_w) / static_cast<float>(window_w)
                              : 1.0f;

    running.text_scale.content_scale = content_x;
    // Already built for the size the monitor predicted while the window opened (run_window):
    // only a different size, a new text size, or characters it has no glyph for need the atlas
    // rasterised again.
    const float pixels = font_pixels(window.settings, content_x);
    if (fonts().pixel_size != pixels || fonts().glyph_generation != glyph_needs().generation()) {
        load_fonts(pixels);
        if (window.font_texture_uploaded) {
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui_ImplOpenGL3_CreateFontsTexture();
        }
    }
    ImGui::GetIO().FontGlobalScale = 1.0f / density;
    window.style_scale = content_x / density;
    apply_theme(window.theme, window.style_scale);
    window.fonts_stale = false;
}

float window_font_pixels() {
    return 17.0f * running.text_scale.font_scale * running.text_scale.content_scale;
}

void take_requested_theme(Window& window) {
    if (!running.requested_theme) return;
    window.theme = *std::exchange(running.requested_theme, std::nullopt);
    apply_theme(window.theme, window.style_scale);
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Opening and closing
//-------------------------------------------------------------------------------------------------

std::string glfw_error() {
    const char* description = nullptr;
    glfwGetError(&description);
    return description ? description : "unknown GLFW error";
}

struct GlfwLibrary {
    bool ready = glfwInit() == GLFW_TRUE;
    GlfwLibrary() = default;
    ~GlfwLibrary() { glfwTerminate(); }
    GlfwLibrary(const GlfwLibrary&) = delete;
    GlfwLibrary& operator=(const GlfwLibrary&) = delete;
};

// The window's size in screen units: em of the starting text size, shrunk to fit the primary
// monitor's work area. GLFW_SCALE_TO_MONITOR multiplies it by the content scale where needed.
std::pair<int, int> initial_size(const RunnerSettings& settings) {
    const float em = settings.font_size * settings.font_scale;
    float width = settings.width_em * em, height = settings.height_em * em;
    if (settings.width > 0 && settings.height > 0) {
        width = static_cast<float>(settings.width);
        height = static_cast<float>(settings.height);
    }
    if (GLFWmonitor* monitor = glfwGetPrimaryMonitor()) {
        int x = 0, y = 0, work_w = 0, work_h = 0;
        float scale_x = 1.0f, scale_y = 1.0f;
        glfwGetMonitorWorkarea(monitor, &x, &y, &work_w, &work_h);
        glfwGetMonitorContentScale(monitor, &scale_x, &scale_y);
        if (work_w > 0 && work_h > 0 && scale_x > 0.0f && scale_y > 0.0f) {
            width = std::min(width, 0.95f * static_cast<float>(work_w) / scale_x);
            height = std::min(height, 0.95f * static_cast<float>(work_h) / scale_y);
        }
    }
    return {static_cast<int>(width), static_cast<int>(height)};
}

GLFWwindow* open_window(const RunnerSettings& settings) {
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE); // shown once ready: never an empty window
    const auto [width, height] = initial_size(settings);
    glfwWindowHint(GLFW_FLOATING, settings.floating ? GLFW_TRUE : GLFW_FALSE);
    GLFWwindow* handle = glfwCreateWindow(width, height, settings.title.c_str(), nullptr, nullptr);
    glfwDefaultWindowHints(); // the presenter window opens visible
    if (!handle) return nullptr;
    if (settings.placed) glfwSetWindowPos(handle, settings.x, settings.y); // where the user left it
    glfwMakeContextCurrent(handle);
    glfwSwapInterval(1);
    return handle;
}

// Dear ImGui for the window: the context first, so the fonts can be built while the window
// opens; the GLFW and OpenGL backends once the window exists.
struct ImGuiSession {
    ImGuiSession() {
        IMGUI_CHECKVERSION();
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr; // layout comes from the app's own UI state, not imgui.ini
        io.LogFilename = nullptr;
    }
    void attach(GLFWwindow* handle) {
        ImGui_ImplGlfw_InitForOpenGL(handle, true);
        ImGui_ImplOpenGL3_Init("#version 330");
        attached = true;
    }
    ~ImGuiSession() {
        if (attached) {
            ImGui_ImplOpenGL3_Shutdown();
            ImGui_ImplGlfw_Shutdown();
        }
        ImGui::DestroyContext();
    }
    ImGuiSession(const ImGuiSession&) = delete;
    ImGuiSession& operator=(const ImGuiSession&) = delete;
    bool attached = false;
};

// The content scale the window will most likely get: the primary monitor's (on X11, every
// window's).
float predicted_content_scale() {
    float x = 1.0f, y = 1.0f;
    if (GLFWmonitor* monitor = glfwGetPrimaryMonitor()) glfwGetMonitorContentScale(monitor, &x, &y);
    return x > 0.0f ? x : 1.0f;
}

int fail(const std::string& message) {
    std::fprintf(stderr, "panelist: %s\n", message.c_str());
    return 1;
}

// No window after all: `ready` still runs first, so a failure of the caller's own start-up
// (say, a damaged database) is what the user reads, as when it came first.
int cannot_open(const RunnerCallbacks& callbacks, const std::string& message) {
    if (callbacks.ready && !callbacks.ready()) return 1;
    return fail(message);
}

//-------------------------------------------------------------------------------------------------
// [SECTION] The loop
//-------------------------------------------------------------------------------------------------

// Sleeps until there is a reason to draw: input, a posted redraw, a moment the app asked for (the
// next turn of a visible clock's second, a pending autosave), or a second passing while a clock
// is visible. Never spins.
void wait_for_reason_to_draw(Window& window, const RunnerCallbacks& callbacks, bool screenshot) {
    if (window.always_redraw) window.frames_to_render = frames_after_input;
    std::optional<double> timeout;
    if (callbacks.wants_clock && callbacks.wants_clock()) timeout = clock_wake_seconds;
    // A millisecond late rather than early: GLFW rounds the timeout down to microseconds, and a
    // clock woken just before its second turns would draw the same frame again.
    if (callbacks.seconds_until_wake)
        if (auto wake = callbacks.seconds_until_wake()) {
            const double late = *wake + 0.001;
            timeout = std::min(timeout.value_or(late), late);
        }
    if (screenshot || window.frames_to_render > 0)
        glfwPollEvents();
    else if (timeout)
        glfwWaitEventsTimeout(std::max(*timeout, 0.001));
    else
        glfwWaitEvents();
    if (std::exchange(window.input_seen, false)) window.frames_to_render = frames_after_input;
}

// One frame of UI: laid out and turned into draw lists, not drawn yet.
void render_frame(Window& window, const std::function<void()>& draw) {
    const bool was_typing = ImGui::GetIO().WantTextInput;
    const auto text = take_frame_keys(window.handle);
    ImGui_ImplOpenGL3_NewFrame();
    window.font_texture_uploaded = true;
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    if (draw) draw();
    ImGui::Render();
    ui::end_frame_typing();
    keep_text_for_new_field(was_typing, text);
    glfwGetWindowSize(window.handle, &running.size.width, &running.size.height);
    running.place.width = running.size.width;
    running.place.height = running.size.height;
}

// Compact mode and back: the window manager may adjust what we ask; the next frame reads
// what it did.
void apply(GLFWwindow* handle, const WindowRequest& request) {
    glfwSetWindowAttrib(handle, GLFW_FLOATING, request.floating ? GLFW_TRUE : GLFW_FALSE);
    if (request.place.known()) glfwSetWindowSize(handle, request.place.width, request.place.height);
    if (request.place.has_position) glfwSetWindowPos(handle, request.place.x, request.place.y);
}

ImVec4 background_color() {
    return ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
}

// Draws the frame ImGui built into the back buffer, whole.
void draw_whole_frame(Window& window) {
    int width = 0, height = 0;
    glfwGetFramebufferSize(window.handle, &width, &height);
    glViewport(0, 0, width, height);
    const ImVec4 background = background_color();
    glClearColor(background.x, background.y, background.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

// What show_frame did.
struct Shown {
    enum class How { nothing, areas, whole, whole_resized } how = How::nothing;
    long long pixels = 0; // drawn into the back buffer
};

// Puts the frame ImGui built on screen: not at all if it looks like the frame there; under
// software GL (see SoftwareGl) only the areas that changed, the back buffer holding the rest;
// otherwise whole, swapped. After whole_resized the next frame must be drawn whole again.
Shown show_frame(Window& window, SoftwareGl& gl, const FrameChange& change) {
    using How = Shown::How;
    if (change.none()) return {};
    int width = 0, height = 0;
    glfwGetFramebufferSize(window.handle, &width, &height);
    const long long whole = 1LL * width * height;
    if (!gl.draws_areas()) {
        draw_whole_frame(window);
        glfwSwapBuffers(window.handle);
        return {How::whole, whole};
    }
    if (width != gl.buffer_width || height != gl.buffer_height) {
        // A new size: swap, so the driver makes buffers of that size, which hold nothing yet.
        draw_whole_frame(window);
        glfwSwapBuffers(window.handle);
        gl.buffer_width = width;
        gl.buffer_height = height;
        return {How::whole_resized, whole};
    }
    ImDrawData& frame = *ImGui::GetDrawData();
    const bool same_size = static_cast<int>(frame.DisplaySize.x * frame.FramebufferScale.x) == width &&
                           static_cast<int>(frame.DisplaySize.y * frame.FramebufferScale.y) == height;
    if (change.everything || !same_size || change.area() * 2 >= whole) {
        draw_whole_frame(window); // beyond half the window, one pass is cheaper
        gl.show({0, 0, width, height}, height);
        return {How::whole, whole};
    }
    glViewport(0, 0, width, height);
    const ImVec4 background = background_color();
    glClearColor(background.x, background.y, background.z, 1.0f);
    AreaLimit limit(frame);
    for (const PixelRect& area : change.areas) {
        glEnable(GL_SCISSOR_TEST);
        glScissor(area.x0, height - area.y1, area.x1 - area.x0, area.y1 - area.y0);
        glClear(GL_COLOR_BUFFER_BIT);
        limit.limit_to(area);
        ImGui_ImplOpenGL3_RenderDrawData(&frame);
    }
    glDisable(GL_SCISSOR_TEST);
    for (const PixelRect& area : change.areas) gl.show(area, height);
    return {How::areas, change.area()};
}

// PANELIST_ANNOUNCE_FRAMES=1: a line on stderr per turn of the loop, saying what it drew (the
// idle test and docs/performance.md).
void announce(int frame, const Shown& shown) {
    constexpr const char* how[] = {"nothing", "areas", "whole", "whole"};
    std::fprintf(stderr, "panelist: frame %d at %lld ms drew %s, %lld px\n", frame,
                 static_cast<long long>(glfwGetTime() * 1000.0), how[static_cast<int>(shown.how)], shown.pixels);
    std::fflush(stderr);
}

// Opens, draws or closes the presenter window to match what the app wants.
void update_presenter(PresenterWindow& presenter, const RunnerCallbacks& callbacks, GLFWwindow* main_window) {
    const bool wanted = callbacks.presenter_open && callbacks.presenter_open();
    if (presenter.close_requested()) {
        presenter.close();
        if (callbacks.presenter_closed) callbacks.presenter_closed();
        return;
    }
    if (!wanted) {
        presenter.close();
        return;
    }
    const float em = window_font_pixels();
    // Whole pixels: FreeType rasterises at whole sizes, and the emoji drawn beside must match.
    if (!presenter.open(std::round(em * 2.6f), main_window, {queue_key, queue_text})) return;
    presenter.render(callbacks.draw_presenter ? callbacks.draw_presenter : [] {});
}

int run_loop(Window& window, const RunnerCallbacks& callbacks) {
    const auto& screenshot = window.settings.screenshot;
    PresenterWindow presenter;
    FrameDamage damage;
    // Screenshots and the stock-loop baseline draw every frame whole and swap, as ImGui's loop.
    const bool whole_frames = screenshot.has_value() || window.always_redraw;
    SoftwareGl gl = whole_frames ? SoftwareGl{} : SoftwareGl::of_current_context();
    glfwGetFramebufferSize(window.handle, &gl.buffer_width, &gl.buffer_height);
    const bool announce_frames = std::getenv("PANELIST_ANNOUNCE_FRAMES") != nullptr;
    // PANELIST_SLOW_FRAMES_MS=N: every frame takes N ms longer, as on a slow machine (the
    // quick-keys acceptance scenario; trying the window by hand).
    const char* slow = std::getenv("PANELIST_SLOW_FRAMES_MS");
    const auto slow_frame = std::chrono::milliseconds(slow ? std::clamp(std::atoi(slow), 0, 2000) : 0);
    for (int frame = 1; !glfwWindowShouldClose(window.handle); ++frame) {
        wait_for_reason_to_draw(window, callbacks, screenshot.has_value());
        if (fonts().glyph_generation != glyph_needs().generation()) window.fonts_stale = true;
        if (window.fonts_stale) {
            refresh_fonts(window);
            damage.forget(); // the font texture may be new: the same triangles, other pixels
        }
        if (std::exchange(window.exposed, false)) damage.forget();
        take_requested_theme(window);
        render_frame(window, callbacks.draw);
        if (slow_frame.count() > 0) std::this_thread::sleep_for(slow_frame);
        if (window.frames_to_render > 0) --window.frames_to_render;
        if (!running.keys.empty()) window.frames_to_render = std::max(window.frames_to_render, 1);
        if (running.requested_theme) window.frames_to_render = std::max(window.frames_to_render, 1);

        Shown shown;
        if (whole_frames) {
            draw_whole_frame(window);
            if (screenshot && frame == screenshot_frame) {
                int width = 0, height = 0;
                glfwGetFramebufferSize(window.handle, &width, &height);
                std::string error;
                if (!write_framebuffer_png(*screenshot, width, height, error)) return fail(error);
                return 0;
            }
            glfwSwapBuffers(window.handle);
            shown.how = Shown::How::whole;
        } else {
            shown = show_frame(window, gl, damage.compare(*ImGui::GetDrawData(), background_color()));
            if (shown.how == Shown::How::whole_resized) {
                damage.forget();
                window.frames_to_render = std::max(window.frames_to_render, 1);
            }
        }
        if (announce_frames) announce(frame, shown);
        if (frame == 1 && std::getenv("PANELIST_ANNOUNCE_FIRST_FRAME")) {
            std::fputs("panelist: first frame\n", stderr); // start-up benchmark's finish line
            std::fflush(stderr);
        }
        update_presenter(presenter, callbacks, window.handle);
        if (callbacks.window_request)
            if (const auto request = callbacks.window_request()) {
                apply(window.handle, *request);
                window.frames_to_render = std::max(window.frames_to_render, 1);
            }
        if (callbacks.wants_close && callbacks.wants_close()) break;
    }
    return 0;
}

// How long start-up may show nothing before the window shows what it waits for.
constexpr double show_waiting_after_seconds = 0.3;

// Until `ready` would return at once, shows draw_waiting frames once the wait is longer than a
// moment, redrawn ten times a second for the progress. Input is ignored meanwhile. Closing the
// window (or a stop signal) hides it: the work cannot stop half-way, so the window does not come
// back and the process ends once the work is done.
void wait_until_ready(Window& window, const RunnerCallbacks& callbacks) {
    if (!callbacks.ready_now || !callbacks.draw_waiting) return;
    const bool announce = std::getenv("PANELIST_ANNOUNCE_FRAMES") || std::getenv("PANELIST_ANNOUNCE_FIRST_FRAME");
    const double start = glfwGetTime();
    while (!callbacks.ready_now()) {
        if (callbacks.wants_close && callbacks.wants_close()) glfwSetWindowShouldClose(window.handle, GLFW_TRUE);
        if (glfwWindowShouldClose(window.handle)) {
            glfwHideWindow(window.handle);
        } else if (glfwGetTime() - start >= show_waiting_after_seconds) {
            glfwShowWindow(window.handle);
            render_frame(window, callbacks.draw_waiting);
            draw_whole_frame(window);
            glfwSwapBuffers(window.handle);
            if (announce) {
                std::fputs("panelist: waiting frame\n", stderr); // tests/reliability/startup_test.cpp
                std::fflush(stderr);
            }
        }
        glfwWaitEventsTimeout(0.1);
    }
}

} // namespace

WindowSize last_window_size() {
    return running.size;
}

WindowPlace last_window_place() {
    return running.place;
}

const TextScale& text_scale() {
    return running.text_scale;
}

void set_theme(Theme theme) {
    running.requested_theme = theme;
}

int run_window(const RunnerSettings& settings, const RunnerCallbacks& callbacks) {
    const GlfwLibrary glfw;
    if (!glfw.ready) return cannot_open(callbacks, "cannot open a window: " + glfw_error());
    running.text_scale = {std::clamp(settings.font_scale, font_scale_min, font_scale_max), 1.0f};
    running.requested_theme.reset();
    Window window{settings};

    int result = 0;
    {
        ImGuiSession imgui;
        {
            // Start-up in parallel (docs/performance.md): fontconfig and FreeType rasterise the
            // atlas for the size the monitor predicts while GLX and Mesa make the window and
            // its context; refresh_fonts rebuilds only if the window's scale differs.
            std::jthread fonts_loading([pixels = font_pixels(settings, predicted_content_scale())] {
                load_fonts(pixels);
            });
            window.handle = open_window(settings);
            std::string error;
            if (!window.handle)
                error = "cannot open a window: " + glfw_error();
            else if (gladLoadGL(glfwGetProcAddress) == 0)
                error = "cannot load OpenGL 3.3 functions";
            fonts_loading.join(); // ImGui is single-threaded from here on
            if (!error.empty()) return cannot_open(callbacks, error);
        }
        install_callbacks(window);
        imgui.attach(window.handle);
        ui::route_clipboard_through_stand_ins();
        // Keys and text go through the queue: the backend's own callbacks (which call ours) are
        // called as frames take them. ImGui_ImplGlfw_Shutdown puts ours back.
        running.keys.clear();
        glfwSetKeyCallback(window.handle, queue_key);
        glfwSetCharCallback(window.handle, queue_text);
        refresh_fonts(window);
        ImGui_ImplOpenGL3_CreateDeviceObjects(); // shaders and font texture, before the wait
        window.font_texture_uploaded = true;
        const WindowOpenFlag open; // from here other threads may wake the loop
        if (!window.settings.screenshot) wait_until_ready(window, callbacks);
        if (callbacks.ready && !callbacks.ready()) {
            result = 1; // closed; the caller says why
        } else {
            if (!glfwWindowShouldClose(window.handle)) glfwShowWindow(window.handle);
            result = run_loop(window, callbacks);
            if (callbacks.on_exit) callbacks.on_exit();
        }
    }
    glfwDestroyWindow(window.handle);
    return result;
}

void request_redraw() {
    const std::lock_guard lock(window_open_mutex);
    if (window_open) glfwPostEmptyEvent();
}

} // namespace panelist

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
#include "ui/app/presenter_window.hpp"
#include "ui/app/screenshot.hpp"

#include <glad/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <optional>
#include <utility>

namespace panelist {
namespace {

// After input ImGui needs a few frames to settle (hover, layout of new windows); then sleep.
constexpr int frames_after_input = 3;
// Screenshot mode: enough frames for windows to auto-size and fonts to be uploaded.
constexpr int screenshot_frame = 4;
constexpr double clock_wake_seconds = 1.0;
constexpr float font_scale_step = 1.1f, font_scale_min = 0.6f, font_scale_max = 3.0f;

TextScale current_text_scale;
WindowSize current_window_size;
// Set by set_theme() during a frame, applied before the next one.
std::optional<Theme> requested_theme;

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
    if (new_scale == current_text_scale.font_scale) return;
    current_text_scale.font_scale = new_scale;
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
    const float scale = current_text_scale.font_scale;
    if (typed == '=' || typed == '+' || key == GLFW_KEY_EQUAL || key == GLFW_KEY_KP_ADD)
        change_font_scale(window, scale * font_scale_step);
    else if (typed == '-' || key == GLFW_KEY_MINUS || key == GLFW_KEY_KP_SUBTRACT)
        change_font_scale(window, scale / font_scale_step);
    else if (action == GLFW_PRESS && (typed == '0' || key == GLFW_KEY_0 || key == GLFW_KEY_KP_0))
        change_font_scale(window, 1.0f);
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
    glfwSetWindowRefreshCallback(h, note_input);
    glfwSetWindowContentScaleCallback(h, on_content_scale);
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Text size and scale
//-------------------------------------------------------------------------------------------------

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

    current_text_scale.content_scale = content_x;
    load_fonts(std::round(window.settings.font_size * current_text_scale.font_scale * content_x));
    ImGui::GetIO().FontGlobalScale = 1.0f / density;
    window.style_scale = content_x / density;
    apply_theme(window.theme, window.style_scale);
    if (window.font_texture_uploaded) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    window.fonts_stale = false;
}

float window_font_pixels() {
    return 17.0f * current_text_scale.font_scale * current_text_scale.content_scale;
}

void take_requested_theme(Window& window) {
    if (!requested_theme) return;
    window.theme = *std::exchange(requested_theme, std::nullopt);
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
    const auto [width, height] = initial_size(settings);
    GLFWwindow* handle = glfwCreateWindow(width, height, settings.title.c_str(), nullptr, nullptr);
    if (!handle) return nullptr;
    glfwMakeContextCurrent(handle);
    glfwSwapInterval(1);
    return handle;
}

struct ImGuiSession {
    explicit ImGuiSession(GLFWwindow* handle) {
        IMGUI_CHECKVERSION();
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr; // layout comes from the app's own UI state, not imgui.ini
        io.LogFilename = nullptr;
        ImGui_ImplGlfw_InitForOpenGL(handle, true);
        ImGui_ImplOpenGL3_Init("#version 330");
    }
    ~ImGuiSession() {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
    }
    ImGuiSession(const ImGuiSession&) = delete;
    ImGuiSession& operator=(const ImGuiSession&) = delete;
};

int fail(const std::string& message) {
    std::fprintf(stderr, "panelist: %s\n", message.c_str());
    return 1;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] The loop
//-------------------------------------------------------------------------------------------------

// Sleeps until there is a reason to draw: input, a posted redraw, the next tick of a visible
// clock, or a moment the app asked for (a pending autosave). Never spins.
void wait_for_reason_to_draw(Window& window, const RunnerCallbacks& callbacks, bool screenshot) {
    if (window.always_redraw) window.frames_to_render = frames_after_input;
    std::optional<double> timeout;
    if (callbacks.wants_clock && callbacks.wants_clock()) timeout = clock_wake_seconds;
    if (callbacks.seconds_until_wake)
        if (auto wake = callbacks.seconds_until_wake()) timeout = std::min(timeout.value_or(*wake), *wake);
    if (screenshot || window.frames_to_render > 0)
        glfwPollEvents();
    else if (timeout)
        glfwWaitEventsTimeout(std::max(*timeout, 0.001));
    else
        glfwWaitEvents();
    if (std::exchange(window.input_seen, false)) window.frames_to_render = frames_after_input;
}

void render_frame(Window& window, const RunnerCallbacks& callbacks) {
    ImGui_ImplOpenGL3_NewFrame();
    window.font_texture_uploaded = true;
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    if (callbacks.draw) callbacks.draw();
    ImGui::Render();

    glfwGetWindowSize(window.handle, &current_window_size.width, &current_window_size.height);
    int width = 0, height = 0;
    glfwGetFramebufferSize(window.handle, &width, &height);
    glViewport(0, 0, width, height);
    const ImVec4 background = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(background.x, background.y, background.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

// Opens, draws or closes the presenter window to match what the app wants.
void update_presenter(PresenterWindow& presenter, const RunnerCallbacks& callbacks) {
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
    if (!presenter.open(em * 2.6f)) return;
    presenter.render(callbacks.draw_presenter ? callbacks.draw_presenter : [] {});
}

int run_loop(Window& window, const RunnerCallbacks& callbacks) {
    const auto& screenshot = window.settings.screenshot;
    PresenterWindow presenter;
    for (int frame = 1; !glfwWindowShouldClose(window.handle); ++frame) {
        wait_for_reason_to_draw(window, callbacks, screenshot.has_value());
        if (window.fonts_stale) refresh_fonts(window);
        take_requested_theme(window);
        render_frame(window, callbacks);
        if (window.frames_to_render > 0) --window.frames_to_render;
        if (requested_theme) window.frames_to_render = std::max(window.frames_to_render, 1);

        if (screenshot && frame == screenshot_frame) {
            int width = 0, height = 0;
            glfwGetFramebufferSize(window.handle, &width, &height);
            std::string error;
            if (!write_framebuffer_png(*screenshot, width, height, error)) return fail(error);
            return 0;
        }
        glfwSwapBuffers(window.handle);
        if (frame == 1 && std::getenv("PANELIST_ANNOUNCE_FIRST_FRAME")) {
            std::fputs("panelist: first frame\n", stderr); // start-up benchmark's finish line
            std::fflush(stderr);
        }
        update_presenter(presenter, callbacks);
        if (callbacks.wants_close && callbacks.wants_close()) break;
    }
    return 0;
}

} // namespace

WindowSize last_window_size() {
    return current_window_size;
}

const TextScale& text_scale() {
    return current_text_scale;
}

void set_theme(Theme theme) {
    requested_theme = theme;
}

int run_window(const RunnerSettings& settings, const RunnerCallbacks& callbacks) {
    const GlfwLibrary glfw;
    if (!glfw.ready) return fail("cannot open a window: " + glfw_error());
    current_text_scale = {std::clamp(settings.font_scale, font_scale_min, font_scale_max), 1.0f};
    requested_theme.reset();
    Window window{settings};
    window.handle = open_window(settings);
    if (!window.handle) return fail("cannot open a window: " + glfw_error());
    if (gladLoadGL(glfwGetProcAddress) == 0) return fail("cannot load OpenGL 3.3 functions");
    install_callbacks(window);

    int result = 0;
    {
        const ImGuiSession imgui(window.handle);
        const WindowOpenFlag open;
        result = run_loop(window, callbacks);
        if (callbacks.on_exit) callbacks.on_exit();
    }
    glfwDestroyWindow(window.handle);
    return result;
}

void request_redraw() {
    const std::lock_guard lock(window_open_mutex);
    if (window_open) glfwPostEmptyEvent();
}

} // namespace panelist

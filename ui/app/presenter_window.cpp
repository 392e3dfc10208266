#include "ui/app/presenter_window.hpp"

#include "ui/app/fonts.hpp"
#include "ui/widgets/glyph_needs.hpp"

#include <glad/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

namespace panelist {
namespace {

// Restores the caller's GL and ImGui contexts when a presenter call returns.
struct ContextGuard {
    GLFWwindow* gl = glfwGetCurrentContext();
    ImGuiContext* imgui = ImGui::GetCurrentContext();
    ~ContextGuard() {
        glfwMakeContextCurrent(gl);
        ImGui::SetCurrentContext(imgui);
    }
};

} // namespace

bool PresenterWindow::open(float font_pixels, GLFWwindow* keyboard_owner, KeyboardOwner owner) {
    if (handle_) return true;
    const ContextGuard guard;
    keyboard_owner_ = keyboard_owner;
    owner_ = owner;
    glfwWindowHint(GLFW_FOCUS_ON_SHOW, GLFW_FALSE);
    glfwWindowHint(GLFW_FOCUSED, GLFW_FALSE);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    // Made hidden and shown once ready: a window that can take the focus before its keys are
    // wired and before it hands the focus back would race the interviewer's next key.
    glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
    handle_ = glfwCreateWindow(1100, 620, "Panelist - presenter", nullptr, nullptr);
    glfwWindowHint(GLFW_VISIBLE, GLFW_TRUE);
    if (!handle_) return false;
    glfwMakeContextCurrent(handle_);
    glfwSwapInterval(0); // the main window's vsync paces the loop
    glfwSetWindowUserPointer(handle_, this);
    glfwSetWindowRefreshCallback(handle_, [](GLFWwindow* w) {
        static_cast<PresenterWindow*>(glfwGetWindowUserPointer(w))->shown_.forget(); // exposed: draw it all
    });
    // Keys reach the main window (its ImGui is current while events are polled), whichever
    // window the window manager gave the focus to.
    glfwSetKeyCallback(handle_, [](GLFWwindow* w, int key, int scancode, int action, int mods) {
        const auto& self = *static_cast<PresenterWindow*>(glfwGetWindowUserPointer(w));
        self.owner_.key(self.keyboard_owner_, key, scancode, action, mods);
    });
    glfwSetCharCallback(handle_, [](GLFWwindow* w, unsigned c) {
        const auto& self = *static_cast<PresenterWindow*>(glfwGetWindowUserPointer(w));
        self.owner_.text(self.keyboard_owner_, c);
    });
    shown_.forget();
    context_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(context_);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    font_pixels_ = font_pixels;
    load_font();
    ImGui::StyleColorsLight();
    ImGui::GetStyle().Colors[ImGuiCol_WindowBg] = {1, 1, 1, 1};
    ImGui_ImplGlfw_InitForOpenGL(handle_, false); // its own ImGui takes no input: nothing to click
    ImGui_ImplOpenGL3_Init("#version 330");
    glfwShowWindow(handle_);
    // Window managers focus new windows: ask for the focus back at once, before the
    // interviewer's next key.
    if (keyboard_owner_) glfwFocusWindow(keyboard_owner_);
    return true;
}

// The presenter has its own atlas: one large font, the default for everything it draws, with
// the glyphs the prompts need (glyph_needs.hpp).
void PresenterWindow::load_font() {
    glyph_generation_ = load_single_font(font_pixels_);
}

void PresenterWindow::close() {
    if (!handle_) return;
    const ContextGuard guard;
    glfwMakeContextCurrent(handle_);
    ImGui::SetCurrentContext(context_);
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext(context_);
    glfwDestroyWindow(handle_);
    handle_ = nullptr;
    context_ = nullptr;
}

bool PresenterWindow::close_requested() const { return handle_ && glfwWindowShouldClose(handle_); }

void PresenterWindow::render(const std::function<void()>& draw) {
    if (!handle_) return;
    const ContextGuard guard;
    glfwMakeContextCurrent(handle_);
    ImGui::SetCurrentContext(context_);
    if (glyph_generation_ != glyph_needs().generation()) { // a prompt in a script it had no glyphs for
        load_font();
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
        shown_.forget();
    }
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    draw();
    ImGui::Render();
    const ImVec4 background{1, 1, 1, 1};
    if (shown_.compare(*ImGui::GetDrawData(), background).none()) return;
    int width = 0, height = 0;
    glfwGetFramebufferSize(handle_, &width, &height);
    glViewport(0, 0, width, height);
    glClearColor(background.x, background.y, background.z, background.w);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glfwSwapBuffers(handle_);
}

} // namespace panelist

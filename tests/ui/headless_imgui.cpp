#include "tests/ui/headless_imgui.hpp"

#include "ui/context/keys.hpp"

#include <imgui.h>

namespace panelist::test {
namespace {
// ImGui's logging hands the captured text to the clipboard callback when it finishes; reading
// it there keeps us on the public API (Debian's build of the library may lay out internals
// differently from the header).
std::string captured_text;
void capture(void*, const char* text) { captured_text = text; }
} // namespace

HeadlessImGui::HeadlessImGui(float width, float height) {
    IMGUI_CHECKVERSION();
    context_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(context_); // CreateContext only does this for the first context
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.DisplaySize = {width, height};
    io.DeltaTime = 1.0f / 60.0f;
    io.SetClipboardTextFn = capture;
    // As the OpenGL3 backend declares: large draw lists are split, not limited to 64k vertices.
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    // The same key map the GLFW backend installs.
    io.KeyMap[ImGuiKey_Tab] = keys::tab;
    io.KeyMap[ImGuiKey_LeftArrow] = keys::left;
    io.KeyMap[ImGuiKey_RightArrow] = keys::right;
    io.KeyMap[ImGuiKey_UpArrow] = keys::up;
    io.KeyMap[ImGuiKey_DownArrow] = keys::down;
    io.KeyMap[ImGuiKey_PageUp] = keys::page_up;
    io.KeyMap[ImGuiKey_PageDown] = keys::page_down;
    io.KeyMap[ImGuiKey_Home] = keys::home;
    io.KeyMap[ImGuiKey_End] = keys::end;
    io.KeyMap[ImGuiKey_Insert] = 260;
    io.KeyMap[ImGuiKey_Delete] = 261;
    io.KeyMap[ImGuiKey_Backspace] = 259;
    io.KeyMap[ImGuiKey_Space] = keys::space;
    io.KeyMap[ImGuiKey_Enter] = keys::enter;
    io.KeyMap[ImGuiKey_Escape] = keys::escape;
    io.KeyMap[ImGuiKey_KeyPadEnter] = keys::keypad_enter;
    io.KeyMap[ImGuiKey_A] = 'A';
    io.KeyMap[ImGuiKey_C] = 'C';
    io.KeyMap[ImGuiKey_V] = 'V';
    io.KeyMap[ImGuiKey_X] = 'X';
    io.KeyMap[ImGuiKey_Y] = 'Y';
    io.KeyMap[ImGuiKey_Z] = 'Z';
}

HeadlessImGui::~HeadlessImGui() { ImGui::DestroyContext(context_); }

std::string HeadlessImGui::frame(const std::function<void()>& draw, bool capture_text) {
    ImGui::SetCurrentContext(context_);
    ImGui::NewFrame();
    captured_text.clear();
    if (capture_text) ImGui::LogToClipboard();
    draw();
    if (capture_text) ImGui::LogFinish();
    ImGui::Render();
    return captured_text;
}

void HeadlessImGui::press(const std::function<void()>& draw, int key, bool ctrl, bool shift, bool alt) {
    ImGui::SetCurrentContext(context_);
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = ctrl;
    io.KeyShift = shift;
    io.KeyAlt = alt;
    io.KeysDown[key] = true;
    frame(draw);
    io.KeysDown[key] = false;
    io.KeyCtrl = false;
    io.KeyShift = false;
    io.KeyAlt = false;
    frame(draw);
}

void HeadlessImGui::type(const std::function<void()>& draw, const std::string& text) {
    ImGui::SetCurrentContext(context_);
    ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
    frame(draw);
}

} // namespace panelist::test

#include "ui/widgets/layout_probe.hpp"

#include <imgui_internal.h>

namespace panelist::ui {
namespace {
std::vector<LaidOutItem>* recording = nullptr; // test hook: set only by record_layout
} // namespace

void record_layout(std::vector<LaidOutItem>* items) { recording = items; }

void laid_out(const char* group, const std::string& name) {
    if (!recording) return;
    const ImGuiWindow* window = ImGui::GetCurrentWindowRead();
    recording->push_back({group, name, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), window->ClipRect.Min,
                          window->ClipRect.Max});
}

} // namespace panelist::ui

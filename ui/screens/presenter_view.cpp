#include "ui/screens/presenter_view.hpp"

#include "ui/widgets/font_roles.hpp"
#include "ui/widgets/widgets.hpp"

#include <fmt/format.h>

namespace panelist {

void draw_presenter(const PresenterContent& content) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ui::em(3, 2.5f));
    ImGui::Begin("presenter", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    if (content.count > 0) {
        ui::muted(fmt::format("Question {} of {}", content.position, content.count));
        ImGui::Spacing();
        const bool large = ui::push_font(ui::font_roles().large);
        ui::wrapped(content.prompt);
        ui::pop_font(large);
    } else {
        ui::muted("Waiting for the first question...");
    }
    ImGui::End();
    ImGui::PopStyleVar();
}

} // namespace panelist

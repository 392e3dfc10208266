#include "ui/screens/opening_screen.hpp"

#include "domain/text.hpp"
#include "ui/widgets/font_roles.hpp"
#include "ui/widgets/widgets.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace panelist {

OpeningMessage opening_message(const OpeningProgress& progress) {
    using Stage = OpeningProgress::Stage;
    switch (progress.stage.load()) {
    case Stage::checking:
        return {"Checking the file for damage...",
                "It changed since Panelist last closed it (or Panelist did not close it), so it "
                "is read through once before anything is written to it.",
                -1.0f};
    case Stage::indexing: {
        const long long done = progress.indexed.load(), total = progress.to_index.load();
        return {fmt::format("Updating the search index: {} of {} questions", grouped(done), grouped(total)),
                "This version of Panelist keeps its search index differently, so it is rebuilt "
                "once. Panelist opens when it is done.",
                total > 0 ? std::clamp(static_cast<float>(done) / static_cast<float>(total), 0.0f, 1.0f) : 0.0f};
    }
    case Stage::starting:
        break;
    }
    return {"Opening...", "", -1.0f};
}

void draw_opening_screen(const OpeningProgress& progress, const std::filesystem::path& database) {
    const OpeningMessage message = opening_message(progress);
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ImGui::Begin("opening", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    // One column of about 36 em, a little above the middle, as a dialog would sit.
    const float width = std::min(ui::em(36), viewport->Size.x - ui::em(4));
    ImGui::SetCursorPos({(viewport->Size.x - width) / 2, viewport->Size.y * 0.3f});
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    const bool large = ui::push_font(ui::font_roles().large);
    ImGui::TextUnformatted(fmt::format("Opening {}", database.filename().string()).c_str());
    ui::pop_font(large);
    ui::muted(database.string());
    ImGui::Dummy(ui::em(0, 1));
    ImGui::TextUnformatted(message.doing.c_str());
    if (message.fraction >= 0) {
        ImGui::Dummy(ui::em(0, 0.3f));
        ImGui::ProgressBar(message.fraction, {width, 0}, "");
    }
    if (!message.why.empty()) {
        ImGui::Dummy(ui::em(0, 0.6f));
        ui::muted(message.why);
    }
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::End();
}

} // namespace panelist

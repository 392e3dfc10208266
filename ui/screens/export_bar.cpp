#include "ui/screens/export_bar.hpp"

#include "persistence/files/file_problem.hpp"
#include "persistence/files/files.hpp"
#include "ui/context/app_context.hpp"
#include "ui/context/keys.hpp"
#include "ui/widgets/shown_text.hpp"
#include "ui/widgets/widgets.hpp"

#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <imgui_stdlib.h>

namespace panelist {
namespace {
std::string home_folder() {
    const char* home = std::getenv("HOME");
    return home && *home ? home : ".";
}
} // namespace

bool ExportBar::export_now(AppContext& ctx, const Render& render) {
    if (folder_.empty()) folder_ = home_folder();
    const auto& chosen = formats_[static_cast<std::size_t>(format_)];
    try {
        auto [stem, bytes] = render(format_);
        const auto path = std::filesystem::path(folder_) / fmt::format("{}.{}", stem, chosen.extension);
        write_file_atomically(path, bytes, 0600);
        ctx.tell("Wrote " + path.string());
        return true;
    } catch (const FileError& e) {
        ctx.warn(e.what());
    } catch (const std::exception& e) {
        ctx.warn(fmt::format("Nothing was written: {}", e.what()));
    }
    return false;
}

void ExportBar::draw(AppContext& ctx, const Render& render) {
    if (folder_.empty()) folder_ = home_folder();
    const int count = static_cast<int>(formats_.size());
    if (keys::command(keys::letter('F'))) format_ = (format_ + 1) % count;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Export to");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(std::min(ui::em(24), ImGui::GetContentRegionAvail().x * 0.4f));
    ui::input_text("##folder", &folder_);
    ImGui::SameLine();
    ImGui::TextUnformatted("as");
    for (int i = 0; i < count; ++i) {
        ImGui::SameLine();
        if (ImGui::GetContentRegionAvail().x < ui::em(5)) ImGui::NewLine();
        if (ImGui::RadioButton(formats_[static_cast<std::size_t>(i)].label, format_ == i)) format_ = i;
    }
    ImGui::SameLine();
    ui::muted("(F)");
    ImGui::SameLine();
    if (ImGui::Button("Export (X)") || keys::command(keys::letter('X'))) export_now(ctx, render);
}

} // namespace panelist

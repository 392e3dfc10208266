#include "ui/screens/share_panel.hpp"

#include "persistence/bundle.hpp"
#include "persistence/files.hpp"
#include "ui/app/app_context.hpp"
#include "ui/widgets/widgets.hpp"

#include <fmt/format.h>
#include <imgui_stdlib.h>

namespace panelist {

void SharePanel::draw(AppContext& ctx) {
    ui::heading("Share scorecards");
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##bundle-out", "export to: path/to/scorecards.json", &export_path_);
    const auto loop = ctx.people.find_loop(ctx.loop_id);
    auto write = [&](const std::optional<Bundle>& bundle) {
        if (!bundle || export_path_.empty()) return;
        try {
            write_file_atomically(export_path_, write_bundle(*bundle), 0600);
            log_ = {fmt::format("Wrote {} interview(s) to {}", bundle->interviews.size(), export_path_)};
            error_ = false;
        } catch (const FileError& e) {
            log_ = {e.what()};
            error_ = true;
        }
    };
    if (ImGui::Button("Export this interview") && ctx.interview_id)
        write(bundle_for_interview(ctx.db, std::to_string(ctx.interview_id)));
    ImGui::SameLine();
    if (ImGui::Button("Export the whole loop") && loop) write(bundle_for_loop(ctx.db, loop->name));
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##bundle-in", "import: a.json; b.json (from other interviewers)", &import_paths_);
    if (ImGui::Button("Merge bundles")) {
        std::vector<std::filesystem::path> paths;
        std::size_t start = 0;
        while (start <= import_paths_.size()) {
            auto end = import_paths_.find(';', start);
            if (end == std::string::npos) end = import_paths_.size();
            auto part = import_paths_.substr(start, end - start);
            while (!part.empty() && part.front() == ' ') part.erase(part.begin());
            while (!part.empty() && part.back() == ' ') part.pop_back();
            if (!part.empty()) paths.emplace_back(part);
            start = end + 1;
        }
        try {
            const auto report = import_bundle_files(ctx.db, paths);
            log_.clear();
            for (const auto& m : report.interviews) log_.push_back(m.describe());
            log_.push_back(fmt::format("{} added, {} replaced, {} unchanged, {} skipped",
                                       report.count(MergeOutcome::added), report.count(MergeOutcome::replaced),
                                       report.count(MergeOutcome::unchanged),
                                       report.count(MergeOutcome::skipped_older) + report.count(MergeOutcome::skipped_conflict)));
            error_ = false;
        } catch (const FileError& e) {
            log_ = {std::string(e.what()), "Nothing was imported."};
            error_ = true;
        }
    }
    for (const auto& line : log_) ui::outcome(line, error_);
}

} // namespace panelist

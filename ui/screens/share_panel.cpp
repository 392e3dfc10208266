#include "ui/screens/share_panel.hpp"

#include "domain/text.hpp"
#include "persistence/formats/bundle.hpp"
#include "persistence/files/files.hpp"
#include "ui/context/app_context.hpp"
#include "ui/context/keys.hpp"
#include "ui/widgets/shown_text.hpp"
#include "ui/widgets/widgets.hpp"

#include <fmt/format.h>
#include <imgui_stdlib.h>

namespace panelist {

namespace {

void write_bundle_file(const std::string& path, const std::optional<Bundle>& bundle, std::vector<std::string>& log,
                       bool& error) {
    if (!bundle) {
        log = {"Nothing to export: pick an interview or a loop first."};
        error = true;
        return;
    }
    if (path.empty()) {
        log = {"Type the file to export to first."};
        error = true;
        return;
    }
    try {
        const std::string text = write_bundle(*bundle);
        write_file_atomically(path, text, 0600);
        log = {fmt::format("Wrote {} to {}", plural(bundle->interviews.size(), "interview"), path)};
        const auto warning = bundle_too_large_to_import(text);
        if (warning) log.push_back(*warning);
        error = warning.has_value();
    } catch (const FileError& e) {
        log = {e.what()};
        error = true;
    }
}

} // namespace

void SharePanel::export_interview(AppContext& ctx, const std::string& path) {
    write_bundle_file(path, ctx.interview_id ? bundle_for_interview(ctx.db, std::to_string(ctx.interview_id))
                                             : std::nullopt,
                      log_, error_);
}

void SharePanel::export_loop(AppContext& ctx, const std::string& path) {
    const auto loop = ctx.people.find_loop(ctx.loop_id);
    write_bundle_file(path, loop ? bundle_for_loop(ctx.db, loop->name) : std::nullopt, log_, error_);
}

void SharePanel::merge(AppContext& ctx, const std::string& list) {
    std::vector<std::filesystem::path> paths;
    std::size_t start = 0;
    while (start <= list.size()) {
        auto end = list.find(';', start);
        if (end == std::string::npos) end = list.size();
        auto part = list.substr(start, end - start);
        while (!part.empty() && part.front() == ' ') part.erase(part.begin());
        while (!part.empty() && part.back() == ' ') part.pop_back();
        if (!part.empty()) paths.emplace_back(part);
        start = end + 1;
    }
    merge(ctx, paths, false);
}

void SharePanel::take_as_one(AppContext& ctx) {
    merge(ctx, std::exchange(asked_paths_, {}), true);
}

void SharePanel::cancel_merge() {
    asked_paths_.clear();
    log_ = {"Nothing was imported."};
    error_ = false;
}

void SharePanel::merge(AppContext& ctx, const std::vector<std::filesystem::path>& paths, bool same_names_are_one) {
    asked_paths_.clear();
    try {
        const auto report = import_bundle_files(ctx.db, paths, same_names_are_one ? SameNames::merge : SameNames::refuse);
        ctx.text_arrived();
        log_.clear();
        for (const auto& m : report.interviews) log_.push_back(m.describe());
        log_.push_back(fmt::format("{} added, {} replaced, {} unchanged, {} skipped", report.count(MergeOutcome::added),
                                   report.count(MergeOutcome::replaced), report.count(MergeOutcome::unchanged),
                                   report.count(MergeOutcome::skipped_older) + report.count(MergeOutcome::skipped_conflict) +
                                       report.count(MergeOutcome::skipped_behind)));
        if (report.loops_matched + report.candidates_matched > 0)
            log_.push_back(fmt::format("taken as one with those here: {} loop{}, {} candidate{}", report.loops_matched,
                                       report.loops_matched == 1 ? "" : "s", report.candidates_matched,
                                       report.candidates_matched == 1 ? "" : "s"));
        error_ = false;
    } catch (const FileError& e) {
        log_ = {std::string(e.what()), "Nothing was imported."};
        error_ = true;
    } catch (const SameNamesFound& e) {
        log_.clear();
        for (const auto& m : e.matches()) log_.push_back(m.describe());
        log_.push_back("Nothing was imported yet. Are they the same? Take them as one (Enter) or leave it (Esc); "
                       "if they are different, rename one first.");
        asked_paths_ = paths;
        error_ = true;
    }
}

void SharePanel::draw(AppContext& ctx) {
    ui::heading("Share scorecards");
    ImGui::SetNextItemWidth(-1);
    ui::input_text_with_hint("##bundle-out", "export to: path/to/scorecards.json", &export_path_);
    if (ImGui::Button("Export this interview")) export_interview(ctx, export_path_);
    ImGui::SameLine();
    if (ImGui::Button("Export the whole loop")) export_loop(ctx, export_path_);
    ImGui::SetNextItemWidth(-1);
    ui::input_text_with_hint("##bundle-in", "import: a.json; b.json (from other interviewers)", &import_paths_);
    if (ImGui::Button("Merge bundles")) merge(ctx, import_paths_);
    for (const auto& line : log_) ui::outcome(line, error_);
    if (asking()) {
        if (ImGui::Button("Take them as one") || (!keys::typing() && keys::pressed(keys::enter))) take_as_one(ctx);
        ImGui::SameLine();
        if (ImGui::Button("Leave it") || (!keys::typing() && keys::pressed(keys::escape))) cancel_merge();
    }
}

} // namespace panelist

#include "ui/screens/library_screen.hpp"

#include "domain/text.hpp"
#include "persistence/files/files.hpp"
#include "persistence/formats/question_import.hpp"
#include "persistence/store/question_draft_repository.hpp"
#include "persistence/formats/toml_shape.hpp"
#include "persistence/store/curation_repository.hpp"
#include "ui/context/app_context.hpp"
#include "ui/context/keys.hpp"
#include "ui/widgets/shown_text.hpp"
#include "ui/widgets/widgets.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <fmt/format.h>
#include <imgui_internal.h> // GetActiveID, ClearActiveID: leaving the search box keeps it
#include <imgui_stdlib.h>

namespace panelist {
namespace {
// Filters on what loops measured look at every match of the index's part of the search (a bank
// of 100k questions is the largest measured, docs/performance.md).
constexpr int every_match = 1'000'000;
constexpr Shortcut library_keys[] = {
    {"Ctrl+F", "focus the search box; Esc or Enter leaves it, keeping the search"},
    {"Up / Down", "move through the results (on Question sets: pick a set)"},
    {"Home / End", "the first / last result"},
    {"E", "edit the selected question (on Duplicates: the pair's right one, to make it different)"},
    {"Ctrl+N", "new question (on Question sets: name a new set, Enter creates it)"},
    {"D", "duplicate the selected question"},
    {"Shift+R", "retire the selected question (never planned again), or restore it"},
    {"Delete", "delete the selected question (asks first); on Question sets: drop it from the set"},
    {"Ctrl+PgDn / Ctrl+PgUp", "next / previous tab: Questions, Question sets, Duplicates, Import / export"},
    {"- / +", "Duplicates: lower / raise the closeness threshold"},
    {"G / Shift+G", "Duplicates: merge the right question into the left / the left into the right (asks first)"},
    {"H", "Duplicates: keep both, different on purpose (the pair is never listed again)"},
    {"Shift+E", "Duplicates: edit the pair's left question"},
    {"/", "Question sets: search the bank to add a question (Up / Down pick one, Enter adds it)"},
    {"PgUp / PgDn", "Question sets: select a question of the set"},
    {"Alt+Up / Alt+Down", "Question sets: move the selected question earlier / later"},
    {"Left / Right", "Question sets: the set is for junior / senior / both"},
    {"Enter", "Question sets: edit the set's name (Tab goes on to role, budget, description)"},
    {"Ctrl+E", "write to a file: on Question sets the set, on Import / export everything (type the path, Enter writes)"},
    {"Ctrl+O", "Import / export: import question files (type the paths; Enter shows what would change, Enter again imports, Esc cancels)"},
    {"Shift+Delete", "Question sets: delete the set (asks first: Y deletes, N or Esc keeps it)"},
    {"Ctrl+D", "complete the next draft question (from an imported page): give it a level and a rubric"},
    {"Alt+J / Alt+S / Alt+B", "while editing: the question is for junior / senior / both"},
    {"Ctrl+S", "save the question being edited"},
    {"Alt+1 .. Alt+3", "show a question close to the one being edited"},
};
} // namespace

std::span<const Shortcut> LibraryScreen::shortcuts() const { return library_keys; }

std::optional<TimePoint> LibraryScreen::wake_at() const {
    if (tab_ == Tab::duplicates && duplicates_.scanning()) return TimePoint{}; // at once: keep comparing
    return editor_.is_open() ? editor_.wake_at() : std::nullopt;
}

void LibraryScreen::run_search(AppContext& ctx) {
    searched_ = query_;
    try {
        const auto query = parse_search_query(query_);
        // A few hundred rows (best first when ranked, else in id order or the order added),
        // and how many matched: more than a screenful is for narrowing, not scrolling.
        if (query.uses_records()) {
            // Filters on what loops measured see every match, then the list is cut.
            found_ = ctx.questions.run_search(query, every_match);
            auto rows = apply_records(std::move(found_.rows), query, records(ctx));
            found_.matches = static_cast<int>(rows.size());
            found_.counted_all = true;
            if (rows.size() > static_cast<std::size_t>(results_shown)) rows.resize(results_shown);
            results_ = std::move(rows);
        } else {
            found_ = ctx.questions.run_search(query, results_shown);
            results_ = std::move(found_.rows);
        }
        query_error_.clear();
    } catch (const QueryError& e) {
        query_error_ = e.what();
        return; // keep the last good results while the user is mid-typing
    }
    if (selected_) {
        cursor_ = -1;
        for (std::size_t i = 0; i < results_.size(); ++i)
            if (results_[i].id == selected_->id) cursor_ = static_cast<int>(i);
    }
    if (cursor_ < 0 && !results_.empty() && !(selected_ && keep_selected_)) select(ctx, 0);
    keep_selected_ = false;
}

void LibraryScreen::select(AppContext& ctx, int index) {
    if (index < 0 || index >= static_cast<int>(results_.size())) return;
    cursor_ = index;
    selected_ = ctx.questions.find(results_[index].id);
    scroll_to_cursor_ = true;
    confirm_delete_ = false;
}

void LibraryScreen::draw_tabs() {
    if (keys::ctrl() && !keys::alt()) {
        const int now = static_cast<int>(tab_);
        if (keys::pressed(keys::page_down)) requested_tab_ = static_cast<Tab>((now + 1) % tab_count);
        if (keys::pressed(keys::page_up)) requested_tab_ = static_cast<Tab>((now + tab_count - 1) % tab_count);
    }
    const auto flags = [&](Tab tab) {
        return requested_tab_ == tab ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None;
    };
    if (!ImGui::BeginTabBar("library-tabs")) return;
    if (ImGui::BeginTabItem("Questions", nullptr, flags(Tab::questions))) {
        tab_ = Tab::questions;
        ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Question sets", nullptr, flags(Tab::sets))) {
        tab_ = Tab::sets;
        ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Duplicates", nullptr, flags(Tab::duplicates))) {
        tab_ = Tab::duplicates;
        ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Import / export", nullptr, flags(Tab::files))) {
        tab_ = Tab::files;
        ImGui::EndTabItem();
    }
    requested_tab_.reset();
    ImGui::EndTabBar();
}

void LibraryScreen::draw(AppContext& ctx) {
    draw_tabs();
    if (tab_ == Tab::files) {
        draw_files(ctx);
        return;
    }
    if (tab_ == Tab::sets) {
        sets_.draw(ctx, selected_ ? selected_->id : std::string());
        return;
    }
    if (tab_ == Tab::duplicates) {
        if (const auto edit = duplicates_.draw(ctx)) {
            // "Make different": the question opens in the editor on the Questions tab.
            if (auto q = ctx.questions.find(*edit)) {
                selected_ = *q;
                if (const auto draft = drafts(ctx).find(q->id); draft != drafts(ctx).end()) editor_.open_draft(*q, draft->second);
                else editor_.open(*q, q->id);
                requested_tab_ = Tab::questions;
            }
        }
        return;
    }
    const float list_width = ImGui::GetContentRegionAvail().x * 0.44f;
    ImGui::BeginChild("library-left", {list_width, 0});
    draw_search(ctx);
    draw_results(ctx);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("library-right", {0, 0}, false);
    if (editor_.is_open()) {
        if (auto saved = editor_.draw(ctx)) {
            selected_ = ctx.questions.find(*saved);
            searched_.reset(); // the list may have changed
            keep_selected_ = true;
        }
    } else {
        draw_detail(ctx);
    }
    ImGui::EndChild();
}

const std::map<std::string, DraftState>& LibraryScreen::drafts(AppContext& ctx) {
    return drafts_.get(ctx.db, true, [&] { return QuestionDraftRepository(ctx.db).all(); });
}

// The draft after the one selected (the first after the last), selected and open in the editor.
void LibraryScreen::open_next_draft(AppContext& ctx) {
    const auto& all = drafts(ctx);
    if (all.empty()) {
        ctx.tell("No draft questions to complete.");
        return;
    }
    // In the order of the pages: by file, then line ("team-wiki.md:5" before "team-wiki.md:12").
    std::vector<std::pair<std::pair<std::string, long>, std::string>> order;
    for (const auto& [id, draft] : all) {
        const auto colon = draft.source.rfind(':');
        const std::string file = colon == std::string::npos ? draft.source : draft.source.substr(0, colon);
        const long line = colon == std::string::npos ? 0 : std::strtol(draft.source.c_str() + colon + 1, nullptr, 10);
        order.push_back({{file, line}, id});
    }
    std::sort(order.begin(), order.end());
    auto next = order.begin();
    if (selected_)
        for (auto it = order.begin(); it != order.end(); ++it)
            if (it->second == selected_->id) next = std::next(it) == order.end() ? order.begin() : std::next(it);
    auto q = ctx.questions.find(next->second);
    if (!q) return;
    selected_ = *q;
    keep_selected_ = true;
    editor_.open_draft(*q, all.at(next->second));
}

void LibraryScreen::draw_search(AppContext& ctx) {
    if (!editor_.is_open() && keys::ctrl() && keys::pressed(keys::letter('D'))) open_next_draft(ctx);
    if (const auto n = drafts(ctx).size(); n > 0)
        ui::outcome(fmt::format("{} from imported pages to complete: Ctrl+D opens the next", plural(n, "draft question")),
                    true);
    if (keys::ctrl() && keys::pressed(keys::letter('F'))) ImGui::SetKeyboardFocusHere();
    // Esc or Enter leaves the search box with the search as typed (ImGui's Esc would revert it),
    // so Up and Down then move through the results.
    const ImGuiID search_id = ImGui::GetID("##search");
    if (ImGui::GetActiveID() == search_id && (keys::pressed(keys::escape) || keys::pressed(keys::enter)))
        ImGui::ClearActiveID();
    ImGui::SetNextItemWidth(-1);
    ui::input_text_with_hint("##search", "Search: topic:monitoring level:senior drift -\"feature store\"",
                             &query_);
    // Search in the same frame as the keystroke, so the list never lags the query.
    if (!searched_ || *searched_ != query_) run_search(ctx);
    if (!query_error_.empty()) {
        ui::warning(query_error_);
    } else {
        const std::string matched = grouped(found_.matches) + (found_.counted_all ? "" : "+");
        const bool cut = found_.matches > static_cast<int>(results_.size());
        if (cut && found_.order == SearchOrder::added)
            ui::muted(fmt::format("{} matches, the first {} added listed: add words or filters to narrow", matched,
                                  results_.size()));
        else if (cut)
            ui::muted(fmt::format("the first {} of {} questions: search or filter to narrow", results_.size(), matched));
        else
            ui::muted(fmt::format("{} question{}", results_.size(), results_.size() == 1 ? "" : "s"));
    }
}

void LibraryScreen::draw_results(AppContext& ctx) {
    if (!editor_.is_open() && !keys::typing()) {
        if (keys::pressed_repeat(keys::down)) select(ctx, cursor_ + 1);
        if (keys::pressed_repeat(keys::up)) select(ctx, cursor_ - 1);
        if (keys::pressed(keys::home)) select(ctx, 0);
        if (keys::pressed(keys::end)) select(ctx, static_cast<int>(results_.size()) - 1);
    }
    // Counted over every interview: read again only when the store changed, not per keystroke.
    const auto& times_asked = times_asked_.get(ctx.db, true, [&] { return ctx.questions.times_asked(); });
    const auto& retired = retired_.get(ctx.db, true, [&] { return CurationRepository(ctx.db).retired(); });
    const auto& draft_ids = drafts(ctx);
    const auto& measured = records(ctx); // once a frame: each read asks the store whether it changed
    ImGui::BeginChild("results", {0, 0}, true);
    const float row_height = ImGui::GetTextLineHeightWithSpacing() * 2.0f + ui::em(0.2f);
    ImGuiListClipper clipper; // only the visible rows are laid out: smooth at 100k questions
    clipper.Begin(static_cast<int>(results_.size()), row_height);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const auto& q = results_[static_cast<std::size_t>(i)];
            ImGui::PushID(i);
            const ImVec2 start = ImGui::GetCursorPos();
            if (ImGui::Selectable("##row", i == cursor_, 0, {0, row_height - ui::em(0.2f)})) select(ctx, i);
            ImGui::SetCursorPos({start.x + ui::em(0.3f), start.y});
            ImGui::TextUnformatted(ui::one_line(q.prompt, ImGui::GetContentRegionAvail().x - ui::em(0.6f)).c_str());
            ImGui::SetCursorPos({start.x + ui::em(0.3f), start.y + ImGui::GetTextLineHeightWithSpacing()});
            ui::muted(q.id);
            ImGui::SameLine(0, ui::em(0.6f));
            if (retired.contains(q.id)) ui::badge("retired", ui::warning_color());
            if (draft_ids.contains(q.id)) ui::badge("draft", ui::warning_color());
            ui::badge(name(q.level), ui::level_color(name(q.level)));
            ui::badge(name(q.difficulty), ui::difficulty_color(name(q.difficulty)));
            const auto asked = times_asked.find(q.id);
            const auto record = measured.find(q.id);
            if (record != measured.end() && record->second.low_quality())
                ui::badge("not telling apart", ui::warning_color());
            if (record != measured.end() && record->second.over_exposed())
                ui::badge("over-exposed", ui::warning_color());
            // Asked: in submitted interviews, as the asked: filter counts; planned: in the others.
            const int all = asked == times_asked.end() ? 0 : asked->second;
            const int submitted = record == measured.end() ? 0 : record->second.asked;
            std::string use = submitted > 0 ? fmt::format("  - asked {}x, last {}", submitted, record->second.last_asked)
                                            : std::string(all > 0 ? "  - not asked yet" : "  - never asked");
            if (all > submitted) use += fmt::format(" (+{} planned)", all - submitted);
            ui::muted(fmt::format("{} min{}", q.minutes, use));
            ImGui::SetCursorPos({start.x, start.y + row_height});
            ImGui::PopID();
        }
    }
    if (scroll_to_cursor_ && cursor_ >= 0) {
        const float top = static_cast<float>(cursor_) * row_height;
        if (top < ImGui::GetScrollY()) ImGui::SetScrollY(top);
        if (top + row_height > ImGui::GetScrollY() + ImGui::GetWindowHeight())
            ImGui::SetScrollY(top + row_height - ImGui::GetWindowHeight() + ui::em(0.5f));
        scroll_to_cursor_ = false;
    }
    ImGui::EndChild();
}

void LibraryScreen::draw_detail(AppContext& ctx) {
    if (confirm_delete_ && selected_) {
        draw_delete_confirmation(ctx); // it owns the keyboard until answered
        return;
    }
    if (ImGui::Button("New question (Ctrl+N)") || (keys::ctrl() && keys::pressed(keys::letter('N')))) {
        Question blank;
        blank.id = "topic/new-question";
        blank.topic = "topic";
        blank.prompt = "";
        editor_.open(blank, "");
        return;
    }
    if (!selected_) {
        ui::muted("No question selected.");
        return;
    }
    const Question& q = *selected_;
    ImGui::SameLine();
    if (ImGui::Button("Edit") || keys::command(keys::letter('E'))) {
        if (const auto draft = drafts(ctx).find(q.id); draft != drafts(ctx).end()) editor_.open_draft(q, draft->second);
        else editor_.open(q, q.id);
    }
    ImGui::SameLine();
    if (ImGui::Button("Duplicate") || keys::command(keys::letter('D'))) {
        Question copy = q;
        copy.id = q.id + "-copy";
        editor_.open(copy, "");
    }
    ImGui::SameLine();
    const bool is_retired = retired_.get(ctx.db, true, [&] { return CurationRepository(ctx.db).retired(); }).contains(q.id);
    if (ImGui::Button(is_retired ? "Restore (Shift+R)" : "Retire (Shift+R)") ||
        (!keys::typing() && !keys::ctrl() && !keys::alt() && keys::shift() && keys::pressed(keys::letter('R')))) {
        toggle_retired(ctx);
        return;
    }
    ImGui::SameLine();
    if (ImGui::Button("Delete...") || (!keys::typing() && keys::pressed(ImGui::GetKeyIndex(ImGuiKey_Delete))))
        confirm_delete_ = true;

    ImGui::Separator();
    ImGui::BeginChild("detail");
    if (is_retired) {
        ui::badge("retired", ui::warning_color());
        ui::muted("never planned again; past interviews, reports and bundles keep it (Shift+R restores it)");
    }
    if (const auto draft = drafts(ctx).find(q.id); draft != drafts(ctx).end()) {
        ui::badge("draft", ui::warning_color());
        ImGui::PushTextWrapPos(0.0f); // the path and what is missing: wrapped, not cut at the edge
        ui::muted(fmt::format("from {}; before it can be planned it needs {} (Ctrl+D)", draft->second.source,
                              fmt::join(missing_before_planning(q, draft->second), ", ")));
        ImGui::PopTextWrapPos();
    }
    ui::badge(name(q.level), ui::level_color(name(q.level)));
    ui::badge(name(q.difficulty), ui::difficulty_color(name(q.difficulty)));
    for (const auto& t : q.tags) ui::badge(t, ui::muted_text_color());
    ui::muted(fmt::format("{}  -  topic {}  -  {} min", q.id, q.topic, q.minutes));
    ImGui::Spacing();
    ui::wrapped(q.prompt);
    ui::heading("Model answer");
    ui::wrapped(q.answer.empty() ? "(none yet)" : q.answer);
    ui::heading("Follow-ups");
    for (const auto& f : q.follow_ups) {
        ImGui::Bullet();
        ui::wrapped(f);
    }
    ui::heading("Rubric");
    for (int score : {1, 3, 5}) ui::score_line(score, q.rubric.words_for(score));
    draw_record(ctx, q);
    draw_versions(ctx, q);
    ImGui::EndChild();
}

const std::map<std::string, QuestionRecord>& LibraryScreen::records(AppContext& ctx) {
    const std::string today = ctx.clock.today();
    return records_.get(ctx.db, today, [&] { return CurationRepository(ctx.db).records(today); });
}

// What submitted interviews measured about the question, and the flags a curator reviews.
void LibraryScreen::draw_record(AppContext& ctx, const Question& q) {
    const auto& measured = records(ctx);
    const auto it = measured.find(q.id);
    ui::heading("What loops measured");
    if (it == measured.end()) {
        ui::muted("Never asked in a submitted interview.");
        return;
    }
    const QuestionRecord& r = it->second;
    ui::wrapped(fmt::format("Asked in {} submitted interview{} ({} in the last year), last on {}.", r.asked,
                            r.asked == 1 ? "" : "s", r.asked_last_year, r.last_asked));
    if (r.mean)
        ui::wrapped(fmt::format("{} scored: mean {:.2f}, from {} to {}.", r.scored, *r.mean, r.lowest, r.highest));
    if (r.separation)
        ui::wrapped(fmt::format("Separation {:+.2f}: candidates in the top half of their loop scored that much more "
                                "on it than the bottom half ({} and {} answers).",
                                *r.separation, r.top_answers, r.bottom_answers));
    else
        ui::muted("Separation: not yet measured (no loop has scored it for both halves).");
    if (r.disagreement)
        ui::wrapped(fmt::format("Two interviewers scoring one candidate on it differed by {:.2f} points on average "
                                "({} pair{}).",
                                *r.disagreement, r.disagreement_pairs, r.disagreement_pairs == 1 ? "" : "s"));
    if (r.low_quality())
        ui::warning(fmt::format("Flagged: it no longer tells candidates apart (separation below {:.1f} with {} "
                                "answers or more on each side). Consider retiring it (Shift+R) or rewriting its rubric.",
                                RecordThresholds::low_separation, RecordThresholds::answers_each_side));
    if (r.over_exposed())
        ui::warning(fmt::format("Flagged: asked in {} interviews this year (more than {}): candidates may know it.",
                                r.asked_last_year, RecordThresholds::over_exposed_a_year));
}

// Which interviews asked this question, and what they were shown when it differs from now:
// an interview keeps the version it was planned with (schema step 6).
void LibraryScreen::draw_versions(AppContext& ctx, const Question& q) {
    const auto& versions = versions_.get(ctx.db, q.id, [&] { return ctx.interviews.versions_of(q.id); });
    if (versions.empty()) return;
    ui::heading(fmt::format("As asked: {} version{}", versions.size(), versions.size() == 1 ? "" : "s"));
    for (std::size_t i = 0; i < versions.size(); ++i) {
        const auto& v = versions[i];
        const std::string label = fmt::format(
            "Version {} ({}){}: {} interview{}###version{}", i + 1, v.created_at.substr(0, 10),
            v.current ? ", as the bank has it now" : ", differs from the bank now", v.interviews.size(),
            v.interviews.size() == 1 ? "" : "s", v.version);
        if (!ImGui::TreeNode(label.c_str())) continue;
        for (const auto& used : v.interviews) {
            ImGui::Bullet();
            ui::wrapped(used);
        }
        if (!v.current) {
            if (v.content.prompt != q.prompt) ui::wrapped("Prompt then: " + v.content.prompt);
            if (v.content.answer != q.answer) ui::wrapped("Model answer then: " + v.content.answer);
            for (int score : {1, 3, 5})
                if (v.content.rubric.words_for(score) != q.rubric.words_for(score))
                    ui::wrapped(fmt::format("Rubric {} then: {}", score, v.content.rubric.words_for(score)));
            if (v.content.follow_ups != q.follow_ups)
                for (const auto& f : v.content.follow_ups) ui::wrapped("Follow-up then: " + f);
        }
        ImGui::TreePop();
    }
}

void LibraryScreen::toggle_retired(AppContext& ctx) {
    CurationRepository curation(ctx.db);
    const std::string& id = selected_->id;
    if (curation.is_retired(id)) {
        curation.restore(id);
        ctx.tell("Restored " + id + ": plans offer it again");
    } else {
        curation.retire(id);
        ctx.tell("Retired " + id + ": never planned again; Shift+R restores it");
    }
}

void LibraryScreen::draw_delete_confirmation(AppContext& ctx) {
    ImGui::PushStyleColor(ImGuiCol_Text, ui::warning_color());
    ui::wrapped(fmt::format("Delete '{}' from the bank? Sets lose it; interviews keep their copy of the "
                            "prompt. Press Y to delete, N or Esc to keep it.",
                            selected_->id));
    ImGui::PopStyleColor();
    if (ImGui::Button("Delete") || keys::command(keys::letter('Y'))) {
        ctx.questions.remove(selected_->id);
        ctx.tell("Deleted " + selected_->id);
        selected_.reset();
        cursor_ = -1;
        searched_.reset();
        confirm_delete_ = false;
        return;
    }
    ImGui::SameLine();
    if (ImGui::Button("Keep (Esc)") || keys::command(keys::escape))
        confirm_delete_ = false;
}

void LibraryScreen::draw_files(AppContext& ctx) {
    // Ctrl+O / Ctrl+E: the keyboard in the import / export path; Enter there does it.
    const bool keys_free = keys::ctrl() && !keys::alt() && !keys::shift();
    ui::heading("Import question files");
    ui::muted("TOML files, CSV from a spreadsheet, or a page of questions (.md or .txt: its questions come in as "
              "drafts), as docs/question-format.md describes. All or nothing: one bad file imports nothing.");
    ImGui::SetNextItemWidth(ui::em(40));
    if (keys_free && keys::pressed(keys::letter('O'))) ImGui::SetKeyboardFocusHere();
    const bool import_enter = ui::input_text_with_hint("##import", "path/to/file.toml or .csv (several: separate with ;) Ctrl+O",
                                                       &import_path_, ImGuiInputTextFlags_EnterReturnsTrue);
    if (preview_ && previewed_path_ != import_path_) preview_.reset(); // the paths changed: preview again
    ImGui::SameLine();
    // Enter in the field previews; Enter again (or the button) imports what the preview said.
    if (ImGui::Button(preview_ ? "Import (Enter)" : "Preview (Enter)") || import_enter) {
        if (preview_) import_files(ctx);
        else preview_import(ctx);
    } else if (preview_ && !keys::typing() && keys::pressed(keys::enter)) {
        import_files(ctx);
    } else if (preview_ && !keys::typing() && keys::pressed(keys::escape)) {
        preview_.reset();
        files_message_ = "Nothing was imported.";
        files_error_ = false;
    }
    if (preview_) {
        ui::begin_panel();
        ui::muted("The import would:");
        for (const auto& line : *preview_) {
            ImGui::Bullet();
            ui::wrapped(line);
        }
        ui::muted("Enter imports, Esc cancels; nothing is written until then.");
        ui::end_panel();
    }
    ui::heading("Export");
    ImGui::SetNextItemWidth(ui::em(40));
    if (keys_free && keys::pressed(keys::letter('E'))) ImGui::SetKeyboardFocusHere();
    const bool export_enter = ui::input_text_with_hint("##export", "path/to/bank.toml, or .csv for a spreadsheet (Ctrl+E)", &export_path_,
                                                       ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if (ImGui::Button("Export everything") || export_enter) export_everything(ctx);
    ui::muted("To export one set, use the Question sets tab.");
    if (!files_message_.empty()) {
        ImGui::Spacing();
        ui::outcome(files_message_, files_error_);
    }
}

std::vector<std::filesystem::path> LibraryScreen::import_paths() const {
    std::vector<std::filesystem::path> paths;
    std::size_t start = 0;
    while (start <= import_path_.size()) {
        auto end = import_path_.find(';', start);
        if (end == std::string::npos) end = import_path_.size();
        auto p = trim(import_path_.substr(start, end - start));
        if (!p.empty()) paths.emplace_back(p);
        start = end + 1;
    }
    return paths;
}

void LibraryScreen::preview_import(AppContext& ctx) {
    const auto paths = import_paths();
    files_message_.clear();
    if (paths.empty()) {
        files_message_ = "Type the path of a question file first.";
        files_error_ = true;
        return;
    }
    try {
        auto texts = read_text_files(paths);
        preview_ = describe(preview_question_texts(ctx.db, texts));
        previewed_texts_ = std::move(texts);
        previewed_path_ = import_path_;
    } catch (const FileError& e) {
        files_message_ = std::string(e.what()) + "\nNothing was imported.";
        files_error_ = true;
    } catch (const DatabaseError& e) {
        files_message_ = e.what();
        files_error_ = true;
    }
}

void LibraryScreen::import_files(AppContext& ctx) {
    const auto paths = import_paths();
    const bool previewed = preview_ && previewed_path_ == import_path_;
    preview_.reset();
    if (paths.empty()) {
        files_message_ = "Type the path of a question file first.";
        files_error_ = true;
        return;
    }
    try {
        auto r = previewed ? import_question_texts(ctx.db, previewed_texts_) : import_question_files(ctx.db, paths);
        previewed_texts_.clear();
        files_message_ = fmt::format("Questions: {} added, {} updated, {} unchanged. Sets: {} added, {} "
                                     "updated, {} unchanged.",
                                     r.questions.added, r.questions.updated, r.questions.unchanged, r.sets.added,
                                     r.sets.updated, r.sets.unchanged);
        if (r.drafts > 0)
            files_message_ += fmt::format("\n{} from pages: drafts, never planned until each has a level and a rubric. "
                                          "Ctrl+D opens the next draft to complete.",
                                          plural(r.drafts, "question"));
        if (r.skipped > 0) files_message_ += fmt::format("\n{} the bank already had: skipped.", plural(r.skipped, "question"));
        files_error_ = false;
        searched_.reset();
        ctx.text_arrived();
    } catch (const FileError& e) {
        files_message_ = std::string(e.what()) + "\nNothing was imported.";
        files_error_ = true;
    } catch (const DatabaseError& e) { // busy (another Panelist writing), read-only, full
        files_message_ = std::string(e.what()) + "\nNothing was imported.";
        files_error_ = true;
    }
}

void LibraryScreen::export_everything(AppContext& ctx) {
    if (export_path_.empty()) {
        files_message_ = "Type the path of the file to write first.";
        files_error_ = true;
        return;
    }
    try {
        const std::string text = write_questions(export_path_, collect_all_for_export(ctx.db));
        write_file_atomically(export_path_, text, 0644);
        const auto warning = is_csv_name(export_path_) ? std::nullopt : too_large_to_import(text);
        files_message_ = "Wrote " + export_path_ + (warning ? "\n" + *warning : "");
        files_error_ = warning.has_value();
    } catch (const FileError& e) {
        files_message_ = e.what();
        files_error_ = true;
    } catch (const DatabaseError& e) {
        files_message_ = e.what();
        files_error_ = true;
    }
}

} // namespace panelist

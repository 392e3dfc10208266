// Library: search the bank as you type, read a question in full, edit it, build sets, and
// import or export question files.
#pragma once
#include "domain/question_draft.hpp"
#include "persistence/files/files.hpp"
#include "persistence/store/question_versions.hpp"
#include "persistence/store/question_repository.hpp"
#include "ui/context/store_cache.hpp"
#include "ui/screens/duplicate_review.hpp"
#include "ui/screens/question_editor.hpp"
#include "ui/screens/screen.hpp"
#include "ui/screens/set_panel.hpp"

#include <map>
#include <set>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace panelist {

class LibraryScreen final : public Screen {
public:
    // Ranked searches show this many best matches (and count the rest).
    static constexpr int results_shown = 200; // a screenful is ~20: more is for narrowing, not scrolling

    std::string_view title() const override { return "Library"; }
    void draw(AppContext&) override;
    std::span<const Shortcut> shortcuts() const override;
    std::optional<TimePoint> wake_at() const override;
    const QuestionEditor& editor() const { return editor_; }

    // For tests and the shell: the search text and what it found.
    void set_query(const std::string& text) { query_ = text; }
    const std::vector<QuestionSummary>& results() const { return results_; }
    const std::string& query_error() const { return query_error_; }
    const std::optional<Question>& selected() const { return selected_; }
    const DuplicateReview& duplicates() const { return duplicates_; }

private:
    void run_search(AppContext&);
    void select(AppContext&, int index);
    void draw_search(AppContext&);
    void draw_results(AppContext&);
    void draw_detail(AppContext&);
    void draw_versions(AppContext&, const Question&);
    void draw_delete_confirmation(AppContext&);
    void draw_tabs();
    void toggle_retired(AppContext&);
    void draw_files(AppContext&);
    void import_files(AppContext&);
    void preview_import(AppContext&);
    std::vector<std::filesystem::path> import_paths() const;
    void export_everything(AppContext&);

    enum class Tab { questions, sets, duplicates, files };
    static constexpr int tab_count = 4;
    Tab tab_ = Tab::questions;
    std::optional<Tab> requested_tab_; // from the keyboard (Ctrl+PgDn / Ctrl+PgUp) or a review's "edit"
    std::string query_;
    std::optional<std::string> searched_; // the query the results belong to
    std::string query_error_;
    std::vector<QuestionSummary> results_;
    SearchResult found_; // counts and order of the last search (its rows moved to results_)
    StoreCache<bool, std::map<std::string, int>> times_asked_;
    StoreCache<bool, std::set<std::string>> retired_;
    StoreCache<bool, std::map<std::string, DraftState>> drafts_; // questions from pages, not complete yet
    const std::map<std::string, DraftState>& drafts(AppContext&);
    void open_next_draft(AppContext&); // Ctrl+D
    // What submitted interviews measured, by question (docs/curation.md), for today's date.
    StoreCache<std::string, std::map<std::string, QuestionRecord>> records_;
    const std::map<std::string, QuestionRecord>& records(AppContext&);
    void draw_record(AppContext&, const Question&);
    StoreCache<std::string, std::vector<QuestionVersionUse>> versions_; // of the selected question
    int cursor_ = -1;
    std::optional<Question> selected_;
    bool scroll_to_cursor_ = false;
    // After a save: the question saved stays selected even when the list, cut at its first
    // rows, does not show it (Shift+R or Delete must act on it, not on the list's first row).
    bool keep_selected_ = false;
    bool confirm_delete_ = false;
    QuestionEditor editor_;
    SetPanel sets_;
    DuplicateReview duplicates_;
    std::string import_path_;
    std::string export_path_;
    std::string files_message_;
    // What the import would do, shown before anything is written; Enter then imports.
    std::optional<std::vector<std::string>> preview_;
    std::string previewed_path_;
    std::vector<NamedText> previewed_texts_; // what was read for the preview is what Enter imports
    bool files_error_ = false;
};

} // namespace panelist

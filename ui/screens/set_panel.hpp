// The Library's question-set tab: build, rename, reorder, delete and export sets, all of it from
// the keyboard too (the keys are in the Library's list, "Question sets: ...").
#pragma once
#include "domain/question.hpp"
#include "domain/question_set.hpp"
#include "domain/set_coverage.hpp"
#include "ui/context/store_cache.hpp"
#include "ui/screens/question_picker.hpp"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace panelist {

class AppContext;

class SetPanel {
public:
    // `library_selection` is the question selected on the Questions tab, offered for adding.
    void draw(AppContext&, const std::string& library_selection);

private:
    void load(AppContext&, const std::string& name);
    void save(AppContext&);
    void create(AppContext&);
    void draw_list(AppContext&);
    // The chosen set's keys, outside text fields; true when they changed the set.
    bool handle_keys();
    void draw_set(AppContext&, const std::string& library_selection);
    bool draw_questions(AppContext&, const SetCoverage&);
    void draw_coverage(const SetCoverage&);
    void draw_export(AppContext&);
    void draw_delete_confirmation(AppContext&);

    std::optional<QuestionSet> draft_;
    std::string original_name_;
    std::string new_name_;
    std::string export_path_;
    bool confirm_delete_ = false; // it owns the keyboard until answered
    int selected_ = 0;            // the question PgUp / PgDn select, Alt+arrows move, Delete drops
    bool scroll_to_selected_ = false;
    bool focus_new_ = false;      // Ctrl+N
    bool focus_name_ = false;     // Enter
    bool focus_export_ = false;   // Ctrl+E
    QuestionPicker picker_;       // "/"
    // Read when the store (or the draft's list) changes, not every frame.
    StoreCache<int, std::vector<QuestionSet>> sets_;
    StoreCache<std::vector<std::string>, std::vector<std::optional<Question>>> questions_;
    StoreCache<QuestionSet, SetCoverage> coverage_; // of the draft, as saved
    StoreCache<bool, std::set<std::string>> retired_;
    StoreCache<bool, std::set<std::string>> drafts_; // never added to a set until complete
};

} // namespace panelist

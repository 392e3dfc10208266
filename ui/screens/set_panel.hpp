// The Library's question-set tab: build, rename, reorder, delete and export sets.
#pragma once
#include "domain/question.hpp"
#include "domain/question_set.hpp"
#include "domain/set_coverage.hpp"
#include "ui/context/store_cache.hpp"

#include <optional>
#include <vector>
#include <string>

namespace panelist {

class AppContext;

class SetPanel {
public:
    // `library_selection` is the question selected on the Questions tab, offered for adding.
    void draw(AppContext&, const std::string& library_selection);

private:
    void load(AppContext&, const std::string& name);
    void save(AppContext&);
    void draw_set(AppContext&, const std::string& library_selection);
    void draw_coverage(AppContext&);

    std::optional<QuestionSet> draft_;
    std::string original_name_;
    std::string new_name_;
    std::string export_path_;
    bool confirm_delete_ = false;
    // Read when the store (or the draft's list) changes, not every frame.
    StoreCache<int, std::vector<QuestionSet>> sets_;
    StoreCache<std::vector<std::string>, std::vector<std::optional<Question>>> questions_;
    StoreCache<QuestionSet, SetCoverage> coverage_; // of the draft, as saved
};

} // namespace panelist

// Plan: assemble a new interview's question list, from a role set as-is or by the domain's
// assembly rules, then reorder, add and drop before creating the interview.
#pragma once
#include "domain/plan_assembly.hpp"
#include "persistence/store/practice_repository.hpp"
#include "persistence/store/question_repository.hpp"
#include "domain/people.hpp"
#include "ui/context/store_cache.hpp"
#include "ui/screens/question_picker.hpp"
#include "ui/screens/screen.hpp"

#include <map>
#include <string>
#include <vector>

namespace panelist {

class PlanScreen final : public Screen {
public:
    std::string_view title() const override { return "Plan"; }
    void draw(AppContext&) override;
    std::span<const Shortcut> shortcuts() const override;

    // For tests: what the plan holds now, and the knobs of the assembly.
    const std::vector<InterviewQuestion>& plan() const { return plan_; }
    int selected() const { return selected_; }
    void use_set(AppContext&, const std::string& set_name);
    void assemble(AppContext&);
    PlanRequest& request() { return request_; }
    std::int64_t create_interview(AppContext&);
    void set_interviewer(std::string name) { interviewer_ = std::move(name); }
    // The questions planned so far, for Practice to offer before the interview.
    PracticeSource practice_source() const;

private:
    void prepare(AppContext&);
    void load_bank(AppContext&);
    const std::set<std::string>& retired_now(AppContext&);
    const std::set<std::string>& drafts_now(AppContext&);
    void draw_source(AppContext&);
    void draw_plan(AppContext&);
    void draw_add(AppContext&);
    void add(const QuestionSummary&);
    void handle_list_keys();

    std::int64_t prepared_for_ = -1; // the candidate the draft belongs to
    std::vector<Question> bank_; // what assembly needs of each question (no answers, rubrics)
    // The candidate and the role sets, read when the store changes rather than every frame.
    struct Inputs {
        std::optional<Candidate> candidate;
        std::vector<QuestionSet> sets;
    };
    const Inputs& inputs(AppContext&);
    StoreCache<std::int64_t, Inputs> inputs_;
    StoreCache<bool, std::set<std::string>> retired_cache_;
    StoreCache<bool, std::set<std::string>> drafts_cache_;
    std::set<std::string> already_asked_;
    std::set<std::string> retired_;             // never planned (docs/curation.md)
    std::vector<std::string> retired_in_set_;   // the chosen set's retired questions, left out
    std::set<std::string> drafts_;              // never planned until complete (domain/question_draft.hpp)
    std::vector<std::string> drafts_in_set_;    // the chosen set's drafts, left out
    int mode_ = 0; // 0: role set, 1: assemble
    std::string set_name_;
    PlanRequest request_;
    std::map<std::string, float> weights_;
    std::vector<InterviewQuestion> plan_;
    int selected_ = 0;        // the planned question PgUp / PgDn select, Alt+arrows move, Delete drops
    bool scroll_to_selected_ = false;
    QuestionPicker picker_;   // "/" : search the bank to add a question
    std::vector<std::string> skipped_;
    std::string interviewer_;
    std::string date_;
};

} // namespace panelist

// Candidates: loops and their candidates, and each candidate's interviews with their status.
#pragma once
#include "domain/interview.hpp"
#include "domain/people.hpp"
#include "ui/context/store_cache.hpp"
#include "ui/screens/screen.hpp"
#include "ui/screens/share_panel.hpp"
#include "ui/screens/team_panel.hpp"
#include "ui/widgets/widgets.hpp"
#include "domain/text.hpp"

#include <optional>
#include <string>
#include <vector>

namespace panelist {

class CandidatesScreen final : public Screen {
public:
    std::string_view title() const override { return "Candidates"; }
    void draw(AppContext&) override;
    std::span<const Shortcut> shortcuts() const override;
    SharePanel& share() { return share_; }
    TeamPanel& team() { return team_; }
    // Erases the selected candidate for good (persistence/erase.hpp) when `typed_name` is their
    // name exactly, as the confirmation asks; says what happened in the status line.
    bool erase_selected(AppContext&, const std::string& typed_name);

private:
    void draw_loops(AppContext&);
    void draw_candidates(AppContext&);
    void draw_candidate(AppContext&);

    bool show_archived_ = false;
    bool share_asking_ = false; // the Share panel asks a question, and Enter answers it
    Loop new_loop_;
    Candidate new_candidate_;
    int new_candidate_level_ = 0;
    Candidate editing_; // the selected candidate's editable copy
    ui::FieldLimit notes_limit_{PeopleTextLimits::notes};
    bool confirming_erase_ = false;
    std::string erase_typed_; // the name typed to confirm an erase
    std::string error_;
    SharePanel share_;
    TeamPanel team_;

    // What the three columns show, read once per change of the store, not once per frame.
    struct LoopRow {
        Loop loop;
        std::size_t candidates = 0;
    };
    struct CandidateRow {
        Candidate candidate;
        int submitted = 0;
        std::size_t interviews = 0;
    };
    struct LoopView {
        std::optional<Loop> loop;
        std::vector<CandidateRow> rows;
    };
    struct CandidateView {
        std::optional<Candidate> candidate;
        std::vector<Interview> interviews;
    };
    StoreCache<bool, std::vector<LoopRow>> loops_;
    StoreCache<std::pair<std::int64_t, bool>, LoopView> loop_view_;
    StoreCache<std::int64_t, CandidateView> candidate_view_;
};

} // namespace panelist

// Candidates: loops and their candidates, and each candidate's interviews with their status.
#pragma once
#include "domain/people.hpp"
#include "ui/screens/screen.hpp"
#include "ui/screens/share_panel.hpp"

#include <string>

namespace panelist {

class CandidatesScreen final : public Screen {
public:
    std::string_view title() const override { return "Candidates"; }
    void draw(AppContext&) override;
    std::span<const Shortcut> shortcuts() const override;
    SharePanel& share() { return share_; }

private:
    void draw_loops(AppContext&);
    void draw_candidates(AppContext&);
    void draw_candidate(AppContext&);

    bool show_archived_ = false;
    Loop new_loop_;
    Candidate new_candidate_;
    int new_candidate_level_ = 0;
    Candidate editing_; // the selected candidate's editable copy
    std::string error_;
    SharePanel share_;
};

} // namespace panelist

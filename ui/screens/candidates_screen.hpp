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
    // Erases the selected candidate for good (persistence/erase.hpp) when `typed_name` is their
    // name exactly, as the confirmation asks; says what happened in the status line.
    bool erase_selected(AppContext&, const std::string& typed_name);

private:
    void draw_loops(AppContext&);
    void draw_candidates(AppContext&);
    void draw_candidate(AppContext&);

    bool show_archived_ = false;
    Loop new_loop_;
    Candidate new_candidate_;
    int new_candidate_level_ = 0;
    Candidate editing_; // the selected candidate's editable copy
    bool confirming_erase_ = false;
    std::string erase_typed_; // the name typed to confirm an erase
    std::string error_;
    SharePanel share_;
};

} // namespace panelist

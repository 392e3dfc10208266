// Compare: a loop's candidates side by side, by topic and overall, with each interviewer's
// scores, the spread between them, disagreement flags, a blind mode and a topic chart.
#pragma once
#include "domain/loop_comparison.hpp"
#include "ui/screens/screen.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace panelist {

class CompareScreen final : public Screen {
public:
    CompareScreen();
    std::string_view title() const override { return "Compare"; }
    void draw(AppContext&) override;
    std::span<const Shortcut> shortcuts() const override;

    bool blind() const { return blind_; }
    void set_blind(bool on) { blind_ = on; stale_ = true; }
    const std::optional<LoopComparison>& comparison() const { return comparison_; }

private:
    void load(AppContext&);
    void draw_table();
    void draw_chart();
    void draw_agreement();
    void draw_questions();
    void draw_export(AppContext&);

    std::optional<LoopComparison> comparison_;
    std::int64_t loaded_loop_ = -1;
    bool stale_ = true;
    bool blind_ = false;
    std::uint64_t blind_seed_; // fixed while the app runs, so the blind order does not jump
    std::string export_path_;
    std::string message_;
    bool message_is_error_ = false;
};

} // namespace panelist

// Compare: a loop's candidates side by side, by topic and overall, with each interviewer's
// scores, the spread between them, disagreement flags, a blind mode and a topic chart.
#pragma once
#include "domain/practice_accuracy.hpp"
#include "domain/loop_comparison.hpp"
#include "ui/context/store_cache.hpp"
#include "ui/screens/export_bar.hpp"
#include "ui/screens/screen.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>

namespace panelist {

class CompareScreen final : public Screen {
public:
    CompareScreen();
    std::string_view title() const override { return "Compare"; }
    void draw(AppContext&) override;
    std::span<const Shortcut> shortcuts() const override;

    bool blind() const { return blind_; }
    void set_blind(bool on) { blind_ = on; }
    const std::optional<LoopComparison>& comparison() const { return comparison_; }
    void set_export_folder(std::string folder) { export_.set_folder(std::move(folder)); }

private:
    void load(AppContext&);
    void draw_export_bar(AppContext&);
    void draw_table();
    void draw_chart();
    void draw_agreement(AppContext&);
    void draw_questions();

    // Read again when the store changes (a scorecard merged, an interview submitted), the loop,
    // viewer or blind mode does, or R asks for it; comparison_ is the working copy the table
    // sorts, renewed after each load.
    StoreCache<std::tuple<std::int64_t, std::string, bool, int>, std::optional<LoopComparison>> cache_;
    // Each interviewer's calibration practice, shown beside their leniency in the loop.
    StoreCache<int, std::map<std::string, PracticeAccuracy>> practice_;
    int loaded_generation_ = -1;
    int reloads_ = 0;
    std::optional<LoopComparison> comparison_;
    bool blind_ = false;
    std::uint64_t blind_seed_; // fixed while the app runs, so the blind order does not jump
    ExportBar export_{{{"CSV", "csv"}, {"Markdown", "md"}, {"HTML", "html"}, {"JSON", "json"}}};
};

} // namespace panelist

// Report: the selected candidate's scorecard, previewed, then exported with one key.
#pragma once
#include "domain/candidate_report.hpp"
#include "ui/context/store_cache.hpp"
#include "ui/screens/export_bar.hpp"
#include "ui/screens/screen.hpp"

#include <optional>
#include <string>
#include <tuple>

namespace panelist {

class ReportScreen final : public Screen {
public:
    std::string_view title() const override { return "Report"; }
    void draw(AppContext&) override;
    std::span<const Shortcut> shortcuts() const override;
    const std::optional<CandidateReport>& report() const { return shown_ ? *shown_ : none_; }
    void set_export_folder(std::string folder) { export_.set_folder(std::move(folder)); }

private:
    void draw_preview();
    // Read again whenever the store changes (an interview scored elsewhere, a bundle merged),
    // the candidate or the viewer does, or R asks for it.
    StoreCache<std::tuple<std::int64_t, std::string, int>, std::optional<CandidateReport>> cache_;
    const std::optional<CandidateReport>* shown_ = nullptr; // in cache_
    std::optional<CandidateReport> none_;                   // before the first draw
    int reloads_ = 0;
    ExportBar export_{{{"Markdown", "md"}, {"HTML", "html"}, {"PDF", "pdf"}, {"JSON", "json"}}};
};

} // namespace panelist

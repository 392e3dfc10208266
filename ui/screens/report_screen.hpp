// Report: the selected candidate's scorecard, previewed, then exported with one key.
#pragma once
#include "domain/candidate_report.hpp"
#include "ui/screens/screen.hpp"

#include <optional>
#include <string>

namespace panelist {

class ReportScreen final : public Screen {
public:
    std::string_view title() const override { return "Report"; }
    void draw(AppContext&) override;
    std::span<const Shortcut> shortcuts() const override;
    const std::optional<CandidateReport>& report() const { return report_; }
    // Writes the report in `format` ("md", "html", "pdf", "json") beside export_folder_.
    bool export_as(AppContext&, const std::string& format);
    void set_export_folder(std::string folder) { export_folder_ = std::move(folder); }

private:
    void draw_preview();
    std::optional<CandidateReport> report_;
    std::int64_t loaded_for_ = -1;
    std::string export_folder_;
    int format_ = 0; // index into the export formats: F picks the next, X exports
    std::string message_;
    bool message_is_error_ = false;
};

} // namespace panelist

// A candidate report as Markdown (pastes into an ATS), HTML (one self-contained printable file),
// JSON (stable schema, docs/report-format.md) and PDF (cairo + pango, paginated).
#pragma once
#include "domain/candidate_report.hpp"

#include <string>

namespace panelist {

enum class ReportFormat { markdown, html, json, pdf };

std::string report_markdown(const CandidateReport&);
std::string report_html(const CandidateReport&);
std::string report_json(const CandidateReport&);
std::string report_pdf(const CandidateReport&); // the PDF file's bytes

std::string render_report(const CandidateReport&, ReportFormat);

// Text helpers, exposed for tests: each makes any user text inert in its format.
std::string escape_html(std::string_view);
std::string escape_markdown(std::string_view);
// One line of Markdown (a table cell, a heading, a list item): escaped, and line breaks kept as
// <br>, so a name or note with a newline never ends the table or the heading early.
std::string markdown_cell(std::string_view);

} // namespace panelist

// The text formats of a candidate report: Markdown, HTML and JSON.
#include "persistence/reports/report_formats.hpp"
#include "domain/text.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace panelist {
namespace {

std::string score_text(const std::optional<int>& s) { return s ? std::to_string(*s) : "-"; }

std::string minutes_text(int seconds) { return fmt::format("{}:{:02}", seconds / 60, seconds % 60); }

std::string recommendation_text(const std::optional<Recommendation>& r) {
    return r ? std::string(label(*r)) : "none yet";
}

std::string cell(std::string_view text) { return markdown_cell(text); }

} // namespace

std::string markdown_cell(std::string_view text) {
    std::string out;
    for (char c : escape_markdown(text)) out += c == '\n' ? std::string("<br>") : std::string(1, c);
    return out;
}

std::string escape_html(std::string_view raw) {
    const std::string text = readable_text(raw); // NUL and ESC are not HTML; a pager shows the file too
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string escape_markdown(std::string_view raw) {
    // Inline syntax is escaped everywhere; list, heading and quote markers only where a line
    // starts, so ordinary text like "2026-Q4" stays readable when pasted into an ATS. Controls
    // first become escapes: `cat report.md` must not clear the screen.
    const std::string text = readable_text(raw);
    std::string out;
    out.reserve(text.size());
    bool line_start = true;
    for (char c : text) {
        const bool inline_special = std::string_view("\\`*_[]<>|~").find(c) != std::string_view::npos;
        const bool block_special = line_start && std::string_view("#-+=!.>").find(c) != std::string_view::npos;
        if (inline_special || block_special) out += '\\';
        out += c;
        if (c == '\n') line_start = true;
        else if (c != ' ') line_start = false;
    }
    return out;
}

std::string report_markdown(const CandidateReport& r) {
    std::string md = fmt::format("# {}\n\n", escape_markdown(r.candidate));
    md += fmt::format("{} ({}), loop: {}\n\n", escape_markdown(r.role.empty() ? "Candidate" : r.role), name(r.level),
                      escape_markdown(r.loop));
    md += fmt::format("**Overall:** {}  \n**Coverage:** {} of {} questions scored ({:.0f}%)  \n**Panel:** {}\n\n",
                      r.overall ? fmt::format("{:.2f} / 5", *r.overall) : "not scored", r.scored, r.planned,
                      100 * r.coverage(), recommendation_text(r.panel));
    if (r.sealed > 0)
        md += fmt::format("_{} interview(s) by other interviewers are sealed until you submit yours._\n\n", r.sealed);
    md += "## Interviewers\n\n| Interviewer | Date | Status | Scored | Recommendation |\n|---|---|---|---|---|\n";
    for (const auto& v : r.verdicts)
        md += fmt::format("| {} | {} | {} | {} / {} | {} |\n", cell(v.interviewer), v.date, label(v.status), v.scored,
                          v.planned, recommendation_text(v.recommendation));
    md += "\n## Topics\n\n| Topic | Mean | n | Spread |\n|---|---|---|---|\n";
    for (const auto& t : r.topics)
        md += fmt::format("| {} | {:.2f} | {} | {} |\n", cell(t.topic), t.mean, t.n, t.spread);
    md += "\n## Answers\n\n| Interviewer | Topic | Question | Score | Rubric | Notes | Time |\n|---|---|---|---|---|---|---|\n";
    for (const auto& a : r.answers)
        md += fmt::format("| {} | {} | {} | {} | {} | {} | {} / {}:00 |\n", cell(a.interviewer), cell(a.topic),
                          cell(a.prompt), score_text(a.score), cell(a.rubric_words), cell(a.notes),
                          minutes_text(a.seconds), a.planned_minutes);
    md += "\n## Overall notes\n\n";
    for (const auto& v : r.verdicts)
        if (!v.overall_notes.empty())
            md += fmt::format("**{}:** {}\n\n", escape_markdown(v.interviewer), cell(v.overall_notes));
    return md;
}

namespace {

// Topic means as horizontal bars, drawn inline so the HTML file needs nothing else.
std::string topic_chart_svg(const CandidateReport& r) {
    const int row = 26, label_width = 190, bar_width = 360;
    const int height = static_cast<int>(r.topics.size()) * row + 30;
    std::string svg = fmt::format(R"(<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" role="img" )"
                                  R"(aria-label="Mean score per topic">)",
                                  label_width + bar_width + 60, height);
    for (int tick = 1; tick <= 5; ++tick) {
        const int x = label_width + bar_width * tick / 5;
        svg += fmt::format(R"(<line x1="{0}" y1="0" x2="{0}" y2="{1}" stroke="#d0d6e0"/>)"
                           R"(<text x="{0}" y="{2}" font-size="11" text-anchor="middle" fill="#667">{3}</text>)",
                           x, height - 20, height - 6, tick);
    }
    int y = 0;
    for (const auto& t : r.topics) {
        const int w = static_cast<int>(bar_width * t.mean / 5.0);
        const char* colour = t.mean >= 4 ? "#3aa17e" : t.mean >= 3 ? "#4a7bd0" : t.mean >= 2 ? "#e0a526" : "#cc4b4b";
        svg += fmt::format(R"(<text x="{}" y="{}" font-size="13" text-anchor="end" fill="#223">{}</text>)",
                           label_width - 8, y + 17, escape_html(t.topic));
        svg += fmt::format(R"(<rect x="{}" y="{}" width="{}" height="18" rx="3" fill="{}"/>)", label_width, y + 4, w, colour);
        svg += fmt::format(R"(<text x="{}" y="{}" font-size="12" fill="#223">{:.1f} (n={})</text>)", label_width + w + 6,
                           y + 17, t.mean, t.n);
        y += row;
    }
    return svg + "</svg>";
}

} // namespace

std::string report_html(const CandidateReport& r) {
    std::string h = R"(<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>)" + escape_html(r.candidate) + R"( - Panelist report</title>
<style>
body { font-family: "Noto Sans", "DejaVu Sans", sans-serif; color: #1d2733; margin: 2em auto; max-width: 60em; line-height: 1.45; }
h1 { margin-bottom: 0.1em; } .meta { color: #5b6675; }
table { border-collapse: collapse; width: 100%; margin: 0.8em 0 1.6em; font-size: 0.93em; }
th, td { border-bottom: 1px solid #d8dee8; padding: 0.35em 0.5em; text-align: left; vertical-align: top; }
th { background: #eef2f8; } td.score { font-weight: bold; text-align: center; }
.summary span { display: inline-block; margin-right: 2em; } .sealed { color: #a5541c; }
.notes { white-space: pre-wrap; } td { overflow-wrap: anywhere; } td.time { white-space: nowrap; }
svg { max-width: 100%; height: auto; }
/* Print (A4 or Letter, as the browser's print dialog says): no row cut across two pages, each
   table's header again at the top of every page it continues on, headings kept with what
   follows them, the shaded header printed. tests/persistence/html_print_test.py prints it. */
@page { margin: 14mm 12mm 16mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 9.5pt; }
  thead { display: table-header-group; }
  tr, svg, .summary { break-inside: avoid; page-break-inside: avoid; }
  h1, h2 { break-after: avoid; page-break-after: avoid; }
  th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; }
}
</style></head><body>
)";
    h += fmt::format("<h1 dir=\"auto\">{}</h1>\n<p class=\"meta\">{} ({}) &middot; loop: {}</p>\n", escape_html(r.candidate),
                     escape_html(r.role.empty() ? "Candidate" : r.role), name(r.level), escape_html(r.loop));
    h += fmt::format("<p class=\"summary\"><span><b>Overall</b> {}</span><span><b>Coverage</b> {} of {} ({:.0f}%)</span>"
                     "<span><b>Panel</b> {}</span></p>\n",
                     r.overall ? fmt::format("{:.2f} / 5", *r.overall) : "not scored", r.scored, r.planned,
                     100 * r.coverage(), recommendation_text(r.panel));
    if (r.sealed > 0)
        h += fmt::format("<p class=\"sealed\">{} interview(s) by other interviewers are sealed until you submit yours.</p>\n",
                         r.sealed);
    h += "<h2>Interviewers</h2>\n<table><thead><tr><th>Interviewer</th><th>Date</th><th>Status</th><th>Scored</th>"
         "<th>Recommendation</th><th>Overall notes</th></tr></thead>\n";
    for (const auto& v : r.verdicts)
        h += fmt::format("<tr><td dir=\"auto\">{}</td><td>{}</td><td>{}</td><td>{} / {}</td><td>{}</td>"
                         "<td class=\"notes\" dir=\"auto\">{}</td></tr>\n",
                         escape_html(v.interviewer), escape_html(v.date), label(v.status), v.scored, v.planned,
                         recommendation_text(v.recommendation), escape_html(v.overall_notes));
    h += "</table>\n<h2>Topics</h2>\n" + topic_chart_svg(r) +
         "\n<table><thead><tr><th>Topic</th><th>Mean</th><th>n</th><th>Spread</th></tr></thead>\n";
    for (const auto& t : r.topics)
        h += fmt::format("<tr><td>{}</td><td>{:.2f}</td><td>{}</td><td>{}</td></tr>\n", escape_html(t.topic), t.mean, t.n,
                         t.spread);
    h += "</table>\n<h2>Answers</h2>\n<table><thead><tr><th>Interviewer</th><th>Question</th><th>Score</th><th>Notes</th>"
         "<th>Time</th></tr></thead>\n";
    for (const auto& a : r.answers)
        h += fmt::format("<tr><td dir=\"auto\">{}</td><td dir=\"auto\"><small>{}</small><br>{}</td><td class=\"score\">{}</td>"
                         "<td class=\"notes\" dir=\"auto\">{}{}</td><td class=\"time\">{} / {}:00</td></tr>\n",
                         escape_html(a.interviewer), escape_html(a.topic), escape_html(a.prompt), score_text(a.score),
                         a.rubric_words.empty() ? "" : "<i>" + escape_html(a.rubric_words) + "</i>\n",
                         escape_html(a.notes), minutes_text(a.seconds), a.planned_minutes);
    h += "</table>\n<p class=\"meta\">Made with Panelist.</p>\n</body></html>\n";
    return h;
}

std::string report_json(const CandidateReport& r) {
    using nlohmann::json;
    auto optional_number = [](const auto& v) { return v ? json(*v) : json(nullptr); };
    json j;
    j["format"] = 1;
    j["candidate"] = {{"name", r.candidate}, {"role", r.role}, {"level", name(r.level)}, {"loop", r.loop}};
    j["overall"] = optional_number(r.overall);
    j["scored"] = r.scored;
    j["planned"] = r.planned;
    j["coverage"] = r.coverage();
    j["panel_recommendation"] = r.panel ? json(std::string(name(*r.panel))) : json(nullptr);
    j["sealed_interviews"] = r.sealed;
    j["interviewers"] = json::array();
    for (const auto& v : r.verdicts)
        j["interviewers"].push_back({{"interviewer", v.interviewer}, {"date", v.date}, {"status", name(v.status)},
                                     {"recommendation", v.recommendation ? json(std::string(name(*v.recommendation))) : json(nullptr)},
                                     {"overall_notes", v.overall_notes}, {"scored", v.scored}, {"planned", v.planned}});
    j["topics"] = json::array();
    for (const auto& t : r.topics)
        j["topics"].push_back({{"topic", t.topic}, {"mean", t.mean}, {"n", t.n}, {"spread", t.spread}});
    j["answers"] = json::array();
    for (const auto& a : r.answers)
        j["answers"].push_back({{"interviewer", a.interviewer}, {"date", a.date}, {"question_id", a.question_id},
                                {"topic", a.topic}, {"prompt", a.prompt}, {"score", optional_number(a.score)},
                                {"rubric", a.rubric_words}, {"notes", a.notes}, {"seconds", a.seconds},
                                {"planned_minutes", a.planned_minutes}});
    // Invalid UTF-8 from an old database must not make the export fail: replace it instead.
    return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string render_report(const CandidateReport& r, ReportFormat f) {
    switch (f) {
    case ReportFormat::markdown: return report_markdown(r);
    case ReportFormat::html: return report_html(r);
    case ReportFormat::json: return report_json(r);
    case ReportFormat::pdf: return report_pdf(r);
    }
    return {};
}

} // namespace panelist

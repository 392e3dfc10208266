#include "persistence/reports/comparison_formats.hpp"
#include "domain/text.hpp"
#include "persistence/store/store_edge.hpp"

#include "persistence/store/interview_repository.hpp"
#include "persistence/store/people_repository.hpp"
#include "persistence/store/question_repository.hpp"
#include "persistence/reports/report_formats.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

namespace panelist {
namespace {

std::string number(const std::optional<double>& v) { return v ? fmt::format("{:.2f}", *v) : ""; }

std::string recommendation_text(const std::optional<Recommendation>& r) { return r ? std::string(label(*r)) : ""; }

std::string interviewer_summary(const ComparisonRow& row) {
    std::string out;
    for (const auto& s : row.interviewers)
        out += fmt::format("{}{}: {} ({})", out.empty() ? "" : "; ", s.interviewer, s.overall ? fmt::format("{:.1f}", *s.overall) : "-",
                           s.recommendation ? std::string(label(*s.recommendation)) : "open");
    return out;
}

std::string join(const std::vector<std::string>& items) {
    return fmt::format("{}", fmt::join(items, ", "));
}

std::string csv(const LoopComparison& c) {
    std::string out = "candidate,level,overall,coverage,panel,spread,disagreements";
    for (const auto& t : c.topics) out += "," + csv_field(t);
    out += ",interviewers\r\n";
    for (const auto& r : c.rows) {
        out += fmt::format("{},{},{},{:.2f},{},{:.2f},{}", csv_field(r.label), name(r.level), number(r.overall), r.coverage,
                           csv_field(recommendation_text(r.panel)), r.spread, csv_field(join(r.disagreements)));
        for (const auto& t : c.topics) {
            auto it = r.topics.find(t);
            out += "," + (it == r.topics.end() ? std::string() : fmt::format("{:.2f}", it->second.mean));
        }
        out += "," + csv_field(interviewer_summary(r)) + "\r\n";
    }
    return out;
}

std::string markdown(const LoopComparison& c) {
    auto cell = [](const std::string& s) { return markdown_cell(s); };
    std::string md = fmt::format("# {}{}\n\n", cell(c.loop), c.blind ? " (blind)" : "");
    if (!c.comparable) md += "> " + cell(c.comparability) + "\n\n";
    md += "| Candidate | Overall | Coverage | Panel | Spread | Disagree on |";
    for (const auto& t : c.topics) md += " " + cell(t) + " |";
    md += "\n|---|---|---|---|---|---|";
    for (std::size_t i = 0; i < c.topics.size(); ++i) md += "---|";
    md += "\n";
    for (const auto& r : c.rows) {
        md += fmt::format("| {} | {} | {:.0f}% | {} | {:.1f} | {} |", cell(r.label), number(r.overall), 100 * r.coverage,
                          recommendation_text(r.panel), r.spread, cell(join(r.disagreements)));
        for (const auto& t : c.topics) {
            auto it = r.topics.find(t);
            md += " " + (it == r.topics.end() ? std::string("-") : fmt::format("{:.1f}", it->second.mean)) + " |";
        }
        md += "\n";
    }
    md += "\n## Interviewers\n\n";
    for (const auto& r : c.rows) md += fmt::format("- **{}**: {}\n", cell(r.label), cell(interviewer_summary(r)));
    return md;
}

std::string html(const LoopComparison& c) {
    std::string h = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape_html(c.loop) +
                    " - comparison</title>\n<style>body{font-family:\"Noto Sans\",sans-serif;color:#1d2733;margin:2em auto;"
                    "max-width:70em}table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #d8dee8;"
                    "padding:.35em .5em;text-align:left}th{background:#eef2f8}.warn{color:#a5541c}.flag{color:#b3261e;"
                    "font-weight:bold}@page{margin:14mm 12mm 16mm}@media print{body{margin:0;max-width:none}thead{display:table-header-group}tr{break-inside:avoid;page-break-inside:avoid}h1,h2{break-after:avoid;page-break-after:avoid}}</style></head><body>\n";
    h += fmt::format("<h1>{}{}</h1>\n", escape_html(c.loop), c.blind ? " (blind)" : "");
    if (!c.comparable) h += "<p class=\"warn\">" + escape_html(c.comparability) + "</p>\n";
    h += "<table><tr><th>Candidate</th><th>Overall</th><th>Coverage</th><th>Panel</th><th>Spread</th>";
    for (const auto& t : c.topics) h += "<th>" + escape_html(t) + "</th>";
    h += "<th>Interviewers</th></tr>\n";
    for (const auto& r : c.rows) {
        h += fmt::format("<tr><td>{}</td><td>{}</td><td>{:.0f}%</td><td>{}</td><td>{:.1f}</td>", escape_html(r.label),
                         number(r.overall), 100 * r.coverage, recommendation_text(r.panel), r.spread);
        for (const auto& t : c.topics) {
            auto it = r.topics.find(t);
            const bool flagged = std::find(r.disagreements.begin(), r.disagreements.end(), t) != r.disagreements.end();
            h += it == r.topics.end() ? "<td>-</td>"
                                      : fmt::format("<td{}>{:.1f}{}</td>", flagged ? " class=\"flag\"" : "", it->second.mean,
                                                    flagged ? " &#9888;" : "");
        }
        h += "<td>" + escape_html(interviewer_summary(r)) + "</td></tr>\n";
    }
    h += "</table>\n<p>&#9888; interviewers differ by 2 or more on this topic.</p>\n</body></html>\n";
    return h;
}

std::string json(const LoopComparison& c) {
    using nlohmann::json;
    json j{{"format", 1}, {"loop", c.loop}, {"blind", c.blind}, {"comparable", c.comparable},
           {"comparability", c.comparability}, {"topics", c.topics}, {"candidates", json::array()}};
    for (const auto& r : c.rows) {
        json row{{"candidate", r.label}, {"level", name(r.level)}, {"overall", r.overall ? json(*r.overall) : json(nullptr)},
                 {"coverage", r.coverage}, {"panel", r.panel ? json(std::string(name(*r.panel))) : json(nullptr)},
                 {"spread", r.spread}, {"disagreements", r.disagreements}, {"sealed_interviews", r.sealed},
                 {"topics", json::object()}, {"interviewers", json::array()}};
        for (const auto& [topic, t] : r.topics) row["topics"][topic] = {{"mean", t.mean}, {"n", t.n}, {"spread", t.spread}};
        for (const auto& s : r.interviewers)
            row["interviewers"].push_back({{"interviewer", s.interviewer}, {"overall", s.overall ? json(*s.overall) : json(nullptr)},
                                           {"topics", s.topic_means}, {"submitted", s.submitted},
                                           {"recommendation", s.recommendation ? json(std::string(name(*s.recommendation))) : json(nullptr)}});
        j["candidates"].push_back(row);
    }
    return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

} // namespace

std::string csv_field(std::string_view text) {
    std::string value = readable_text(text); // a spreadsheet or a pager shows what is there
    if (!value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos) value.insert(0, "'");
    std::string out = "\"";
    for (char c : value) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string render_comparison(const LoopComparison& c, ComparisonFormat f) {
    switch (f) {
    case ComparisonFormat::csv: return csv(c);
    case ComparisonFormat::markdown: return markdown(c);
    case ComparisonFormat::html: return html(c);
    case ComparisonFormat::json: return json(c);
    }
    return {};
}

std::optional<LoopComparison> load_loop_comparison(Database& db, const std::string& loop_name, const std::string& viewer,
                                                   bool blind, std::uint64_t blind_seed) {
    return at_store_edge(db.sql(), [&]() -> std::optional<LoopComparison> {
        PeopleRepository people(db);
        const auto loop = people.find_loop_by_name(loop_name);
        if (!loop) return std::nullopt;
        InterviewRepository interviews(db);
        std::vector<CandidateInterviews> all;
        std::vector<Interview> every;
        for (const auto& c : people.candidates(loop->id)) {
            all.push_back({c, interviews.for_candidate(c.id)});
            every.insert(every.end(), all.back().interviews.begin(), all.back().interviews.end());
        }
        return compare_loop(*loop, all, interviews.asked(every), viewer, blind, blind_seed);
    });
}

} // namespace panelist

#include "domain/candidate_report.hpp"
#include "persistence/reports/report_formats.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <regex>

using namespace panelist;

namespace {

InterviewQuestion asked(const std::string& id, const std::string& topic, std::optional<int> score, int minutes,
                        const std::string& notes = "") {
    InterviewQuestion q;
    q.question_id = id;
    q.topic = topic;
    q.prompt = "Prompt of " + id;
    q.planned_minutes = minutes;
    if (score) q.response.score = Score::of(*score);
    q.response.notes = notes;
    q.version = id == "m/a" ? 1 : 0; // only m/a's version is known (its rubric, below)
    return q;
}

Interview interview(const std::string& who, InterviewStatus status, std::optional<Recommendation> r,
                    std::vector<InterviewQuestion> qs) {
    Interview iv;
    iv.interviewer = who;
    iv.date = "2026-11-20";
    iv.status = status;
    iv.recommendation = r;
    iv.questions = std::move(qs);
    return iv;
}

const std::string hostile = "<script>alert('x')</script> | *bold* # head \"quoted\", comma\nsecond line 🚀 `code`";

CandidateReport sample(const std::string& viewer = "") {
    Candidate c;
    c.name = "Dana <b>Candidate</b>";
    c.role = "MLOps Engineer";
    c.level = Level::senior;
    Loop loop;
    loop.name = "Berlin | Q4";
    std::map<std::int64_t, Question> bank; // versions as asked
    Question q;
    q.id = "m/a";
    q.rubric = {"weak", "ok", "strong"};
    bank[1] = q;
    return build_candidate_report(
        c, loop,
        {interview("Ana", InterviewStatus::submitted, Recommendation::yes,
                   {asked("m/a", "monitoring", 5, 10, hostile), asked("s/b", "serving", 3, 5)}),
         interview("Ben", InterviewStatus::submitted, Recommendation::strong_no,
                   {asked("m/c", "monitoring", 2, 10), asked("s/d", "serving", std::nullopt, 5)}),
         interview("Cy", InterviewStatus::in_progress, std::nullopt, {asked("m/e", "monitoring", 4, 5)})},
        bank, viewer);
}

} // namespace

TEST_CASE("topics, overall, coverage and the panel's recommendation") {
    const auto r = sample();
    REQUIRE(r.topics.size() == 2);
    CHECK(r.topics[0].topic == "monitoring");
    CHECK(r.topics[0].n == 3);
    CHECK(r.topics[0].mean == doctest::Approx(11.0 / 3));
    CHECK(r.topics[0].spread == 3);
    CHECK(r.scored == 4);
    CHECK(r.planned == 5);
    CHECK(r.coverage() == doctest::Approx(0.8));
    // Weighted by planned minutes: (5*10 + 3*5 + 2*10 + 4*5) / 30
    REQUIRE(r.overall);
    CHECK(*r.overall == doctest::Approx(105.0 / 30));
    // Submitted: yes and strong no; a split panel leans to caution.
    CHECK(r.panel == Recommendation::strong_no);
    CHECK(r.answers[0].rubric_words == "strong");
}

TEST_CASE("sealed until submitted: an interviewer with an open interview sees only their own") {
    const auto r = sample("Cy");
    CHECK(r.sealed == 2);
    REQUIRE(r.answers.size() == 1);
    CHECK(r.answers[0].question_id == "m/e");
    CHECK(sample("Ana").sealed == 0); // Ana has submitted
}

TEST_CASE("HTML: one self-contained file, every user text escaped") {
    const auto html = report_html(sample());
    CHECK(html.find("<script>") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("Dana &lt;b&gt;Candidate&lt;/b&gt;") != std::string::npos);
    CHECK(html.find("<svg") != std::string::npos); // the topic chart is inline
    CHECK(html.find("@media print") != std::string::npos);
    for (const char* external : {"src=", "href=", "@import", "url(", "<link", "<script"}) // nothing fetched
        CHECK_MESSAGE(html.find(external) == std::string::npos, external);
    CHECK(html.find("🚀") != std::string::npos);
}

TEST_CASE("Markdown: hostile notes cannot break the tables") {
    const auto md = report_markdown(sample());
    CHECK(md.find("<script>") == std::string::npos);
    const std::regex unescaped_pipe(R"((^|[^\\])\|)");
    std::istringstream lines(md);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.rfind("| Ana |", 0) != 0 && line.rfind("| Ben |", 0) != 0) continue;
        const auto count = std::distance(std::sregex_iterator(line.begin(), line.end(), unescaped_pipe), std::sregex_iterator());
        CHECK_MESSAGE((count == 8 || count == 6), line); // answer rows have 7 columns, interviewer rows 5
    }
    CHECK(md.find("second line") != std::string::npos);
    CHECK(md.find("Berlin \\| Q4") != std::string::npos);
}

TEST_CASE("JSON: a stable schema that reads back what was written") {
    const auto j = nlohmann::json::parse(report_json(sample()));
    CHECK(j["format"] == 1);
    CHECK(j["candidate"]["name"] == "Dana <b>Candidate</b>");
    CHECK(j["panel_recommendation"] == "strong_no");
    CHECK(j["answers"][0]["notes"] == hostile);
    CHECK(j["answers"][3]["score"].is_null());
    CHECK(j["topics"].size() == 2);
}

TEST_CASE("PDF: a real paginated PDF, long notes continue on further pages") {
    auto r = sample();
    const auto short_pdf = report_pdf(r);
    CHECK(short_pdf.rfind("%PDF-", 0) == 0);
    CHECK(short_pdf.find("%%EOF") != std::string::npos);
    std::string long_notes;
    for (int i = 0; i < 400; ++i) long_notes += "A long observation about the candidate's answer, line " + std::to_string(i) + ". ";
    r.answers[0].notes = long_notes;
    const auto long_pdf = report_pdf(r);
    const std::regex page(R"(/Type\s*/Page[^s])");
    const auto pages = [&](const std::string& pdf) {
        return std::distance(std::sregex_iterator(pdf.begin(), pdf.end(), page), std::sregex_iterator());
    };
    CHECK(pages(short_pdf) == 1);
    CHECK(pages(long_pdf) > 2);

    // A NUL or an escape in the note no longer ends it, nor makes the block vanish: the long
    // note after them still fills its pages.
    r.answers[0].notes = std::string("Starts here\0 then ", 19) + "\x1b[2J and " + long_notes;
    CHECK(pages(report_pdf(r)) == pages(long_pdf));
    r.answers[0].notes = "Escape \x1b[2J then " + long_notes;
    CHECK(pages(report_pdf(r)) == pages(long_pdf));

    // Line ends of every kind break the line: 300 short lines fill pages whether they end in LF,
    // CRLF or a CR alone; joined by spaces they take fewer.
    const auto lines = [&](const std::string& end) {
        std::string text;
        for (int i = 0; i < 300; ++i) text += "line " + std::to_string(i) + end;
        r.answers[0].notes = text;
        return pages(report_pdf(r));
    };
    const auto by_lf = lines("\n");
    CHECK(by_lf > 2);
    CHECK(lines("\r\n") == by_lf);
    CHECK(lines("\r") == by_lf);
    CHECK(lines(" ") < by_lf);
}

TEST_CASE("one rule per format for controls in a note: escapes in Markdown and HTML, line ends as breaks, JSON as written") {
    auto r = sample();
    r.answers[0].notes = std::string("Clear \x1b[2J, bell \x07, nul ") + std::string(1, '\0') +
                         " C1 \xc2\x9b turn \xe2\x80\xae back\r\nnext\rlast";
    const auto md = report_markdown(r);
    const auto html = report_html(r);
    for (const auto& [format, text] : {std::pair{"md", md}, {"html", html}}) {
        CAPTURE(format);
        for (const char raw : {'\x1b', '\x07', '\0', '\r'}) CHECK(text.find(raw) == std::string::npos);
        CHECK(text.find("\xc2\x9b") == std::string::npos);
        CHECK(text.find("\xe2\x80\xae") == std::string::npos);
        CHECK(text.find("\\x1b") != std::string::npos);
        CHECK(text.find("x00") != std::string::npos);
        CHECK(text.find("u202e") != std::string::npos);
    }
    CHECK(md.find("back<br>next<br>last") != std::string::npos); // in a table cell: one line
    const auto j = nlohmann::json::parse(report_json(r));
    CHECK(j["answers"][0]["notes"] == r.answers[0].notes);
}

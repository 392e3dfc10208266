#include "domain/loop_comparison.hpp"
#include "persistence/reports/comparison_formats.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace panelist;

namespace {

Interview scored(const std::string& who, std::vector<std::pair<std::string, int>> topic_scores, bool submitted = true) {
    Interview iv;
    iv.interviewer = who;
    iv.date = "2026-11-20";
    iv.status = submitted ? InterviewStatus::submitted : InterviewStatus::in_progress;
    if (submitted) iv.recommendation = Recommendation::yes;
    int i = 0;
    for (const auto& [topic, score] : topic_scores) {
        InterviewQuestion q;
        q.question_id = topic + "/q" + std::to_string(i++);
        q.topic = topic;
        q.planned_minutes = 5;
        q.response.score = Score::of(score);
        iv.questions.push_back(q);
    }
    return iv;
}

CandidateInterviews person(const std::string& name, std::vector<Interview> interviews) {
    Candidate c;
    c.name = name;
    c.level = Level::senior;
    return {c, std::move(interviews)};
}

std::vector<CandidateInterviews> loop_of_five() {
    return {person("=HYPERLINK(\"http://x\")", {scored("Ana", {{"monitoring", 5}, {"serving", 4}}), scored("Ben", {{"monitoring", 2}, {"serving", 4}})}),
            person("Bolesław \"B\" Li, Jr.", {scored("Ana", {{"monitoring", 3}, {"serving", 3}})}),
            person("Cyrano", {scored("Ana", {{"monitoring", 4}, {"serving", 2}})}),
            person("Dymphna", {scored("Ana", {{"monitoring", 2}, {"serving", 5}})}),
            person("Eustace", {scored("Ana", {{"monitoring", 1}, {"serving", 1}, {"gpu", 3}})})};
}

Loop loop() {
    Loop l;
    l.name = "Berlin";
    return l;
}

} // namespace

TEST_CASE("candidates side by side with each interviewer, spread and disagreement flags") {
    const auto c = compare_loop(loop(), loop_of_five(), {});
    REQUIRE(c.rows.size() == 5);
    CHECK(c.topics == std::vector<std::string>{"gpu", "monitoring", "serving"});
    const auto& first = c.rows[0];
    CHECK(first.interviewers.size() == 2);
    CHECK(first.topics.at("monitoring").mean == doctest::Approx(3.5));
    CHECK(first.disagreements == std::vector<std::string>{"monitoring"}); // 5 vs 2
    CHECK(first.spread == doctest::Approx(1.5));                            // 4.5 vs 3.0
    CHECK(c.rows[1].disagreements.empty());
}

TEST_CASE("blind mode: letters, no names anywhere, a fixed shuffle per seed") {
    const auto c = compare_loop(loop(), loop_of_five(), {}, "", true, 7);
    for (auto format : {ComparisonFormat::csv, ComparisonFormat::markdown, ComparisonFormat::html, ComparisonFormat::json}) {
        const auto text = render_comparison(c, format);
        for (std::string name : {"HYPERLINK", "Bolesław", "Cyrano", "Dymphna", "Eustace"}) CHECK_MESSAGE(text.find(name) == std::string::npos, name);
        CHECK(text.find("Candidate A") != std::string::npos);
    }
    const auto again = compare_loop(loop(), loop_of_five(), {}, "", true, 7);
    const auto other = compare_loop(loop(), loop_of_five(), {}, "", true, 8);
    auto overall_order = [](const LoopComparison& x) {
        std::vector<double> v;
        for (const auto& r : x.rows) v.push_back(r.overall.value_or(0));
        return v;
    };
    CHECK(overall_order(again) == overall_order(c));
    CHECK(overall_order(other) != overall_order(c));
}

TEST_CASE("a warning when candidates were asked different question lists") {
    CHECK_FALSE(compare_loop(loop(), loop_of_five(), {}).comparable);
    std::vector<CandidateInterviews> same = {person("A", {scored("Ana", {{"monitoring", 3}})}),
                                             person("B", {scored("Ben", {{"monitoring", 4}})})};
    CHECK(compare_loop(loop(), same, {}).comparable);
}

TEST_CASE("sealed until submitted: an interviewer still scoring sees only their own scores") {
    std::vector<CandidateInterviews> people = {
        person("A", {scored("Ana", {{"monitoring", 5}}), scored("Ben", {{"monitoring", 1}}, false)})};
    const auto for_ben = compare_loop(loop(), people, {}, "Ben");
    CHECK(for_ben.rows[0].sealed == 1);
    REQUIRE(for_ben.rows[0].interviewers.size() == 1);
    CHECK(for_ben.rows[0].interviewers[0].interviewer == "Ben");
    CHECK(compare_loop(loop(), people, {}, "Ana").rows[0].interviewers.size() == 2);
}

TEST_CASE("CSV: quoted fields, and cells a spreadsheet would run as formulas are inert") {
    CHECK(csv_field("=1+1") == "\"'=1+1\"");
    CHECK(csv_field("+44 20") == "\"'+44 20\"");
    CHECK(csv_field("-2") == "\"'-2\"");
    CHECK(csv_field("@SUM(A1)") == "\"'@SUM(A1)\"");
    CHECK(csv_field("say \"hi\", then") == "\"say \"\"hi\"\", then\"");
    const auto csv = render_comparison(compare_loop(loop(), loop_of_five(), {}), ComparisonFormat::csv);
    CHECK(csv.find("\"'=HYPERLINK(\"\"http://x\"\")\"") != std::string::npos);
    CHECK(csv.find("\n=") == std::string::npos);
}

TEST_CASE("HTML and JSON carry the flags and escape names") {
    const auto c = compare_loop(loop(), loop_of_five(), {});
    const auto html = render_comparison(c, ComparisonFormat::html);
    CHECK(html.find("Bolesław &quot;B&quot; Li, Jr.") != std::string::npos);
    CHECK(html.find("class=\"flag\"") != std::string::npos);
    const auto j = nlohmann::json::parse(render_comparison(c, ComparisonFormat::json));
    CHECK(j["candidates"][0]["disagreements"][0] == "monitoring");
    CHECK(j["comparable"] == false);
}

TEST_CASE("any column sorts, missing values lowest, ties stable") {
    auto c = compare_loop(loop(), loop_of_five(), {});
    sort_comparison(c, static_cast<int>(ComparisonColumn::overall), false);
    for (std::size_t i = 1; i < c.rows.size(); ++i) CHECK(c.rows[i - 1].overall.value_or(-1) >= c.rows[i].overall.value_or(-1));
    sort_comparison(c, static_cast<int>(ComparisonColumn::candidate), true);
    CHECK(c.rows.front().label == "=HYPERLINK(\"http://x\")");
    const int gpu = static_cast<int>(ComparisonColumn::first_topic); // topics: gpu, monitoring, serving
    sort_comparison(c, gpu, false);
    CHECK(c.rows.front().label == "Eustace"); // the only one asked about GPUs
    sort_comparison(c, static_cast<int>(ComparisonColumn::spread), false);
    CHECK(c.rows.front().spread == doctest::Approx(1.5));
}

TEST_CASE("one hostile set of names and topics through every comparison format: each stays what it is") {
    // A line break, a table pipe, markup, a formula, an escape sequence, a right-to-left override.
    const std::string name = "Ana\nSmith | <script>alert(1)</script> =cmd \x1b[2J \xe2\x80\xae";
    const std::string topic = "moni\ntoring|x";
    std::vector<CandidateInterviews> loop_data = {
        person(name, {scored("Ben\r\nLee", {{topic, 4}, {"serving", 2}}), scored("Cy", {{topic, 1}, {"serving", 3}})}),
        person("Plain", {scored("Ben\r\nLee", {{topic, 3}, {"serving", 3}})})};
    Loop l;
    l.name = "Berlin\n# not a heading";
    const auto c = compare_loop(l, loop_data, {});

    // Markdown: the heading is one line, and every table row has the header's number of cells.
    const auto md = render_comparison(c, ComparisonFormat::markdown);
    CHECK(md.find("# Berlin<br>\\# not a heading\n") == 0);
    std::vector<std::string> rows;
    std::size_t start = 0;
    for (std::size_t end; (end = md.find('\n', start)) != std::string::npos; start = end + 1)
        if (md[start] == '|') rows.push_back(md.substr(start, end - start));
    REQUIRE(rows.size() == 4); // header, separator, two candidates
    const auto cells = [](const std::string& row) {
        int n = 0;
        for (std::size_t i = 0; i < row.size(); ++i)
            if (row[i] == '|' && (i == 0 || row[i - 1] != '\\')) ++n;
        return n;
    };
    for (const auto& row : rows) CHECK_MESSAGE(cells(row) == cells(rows[0]), row);
    CHECK(md.find("Ana<br>Smith \\| ") != std::string::npos);
    CHECK(md.find("moni<br>toring\\|x") != std::string::npos);

    // HTML: the markup is text.
    const auto html = render_comparison(c, ComparisonFormat::html);
    CHECK(html.find("<script>") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);

    // CSV: the name is one quoted field; a spreadsheet reads no formula from it.
    const auto csv = render_comparison(c, ComparisonFormat::csv);
    CHECK(csv.find("\"Ana\nSmith | <script>") != std::string::npos);
    CHECK(csv.find("\n=") == std::string::npos);

    // Markdown, HTML and CSV are read by people, in pagers too: the escape sequence and the
    // right-to-left override are shown as escapes, never left to act.
    for (const auto& [format, text] : {std::pair{"md", md}, {"html", html}, {"csv", csv}}) {
        CHECK_MESSAGE(text.find('\x1b') == std::string::npos, format);
        CHECK_MESSAGE(text.find("\xe2\x80\xae") == std::string::npos, format);
        CHECK_MESSAGE(text.find("x1b") != std::string::npos, format);
        CHECK_MESSAGE(text.find("u202e") != std::string::npos, format);
    }

    // JSON: the same text back, byte for byte (a program reads it; JSON escapes C0 itself).
    const auto j = nlohmann::json::parse(render_comparison(c, ComparisonFormat::json));
    bool found = false;
    for (const auto& cand : j["candidates"]) found = found || cand["candidate"] == name;
    CHECK(found);
}

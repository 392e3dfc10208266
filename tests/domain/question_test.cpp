#include "domain/question.hpp"
#include "domain/question_set.hpp"
#include "domain/text.hpp"

#include <algorithm>
#include <doctest/doctest.h>

using namespace panelist;

namespace {
Question valid_question() {
    Question q;
    q.id = "monitoring/psi";
    q.topic = "monitoring";
    q.tags = {"drift"};
    q.level = Level::senior;
    q.difficulty = Difficulty::medium;
    q.minutes = 6;
    q.prompt = "How does PSI work?";
    return q;
}

bool has_problem(const Problems& problems, const std::string& field) {
    for (const auto& p : problems)
        if (p.field == field) return true;
    return false;
}
} // namespace

TEST_CASE("a complete question is valid") { CHECK(validate(valid_question()).empty()); }

TEST_CASE("question ids are slugs") {
    for (const char* good : {"monitoring/psi", "a", "ci-cd/model_tests", "x/y/z", "k8s"}) {
        auto q = valid_question();
        q.id = good;
        CHECK_MESSAGE(validate(q).empty(), good);
    }
    for (const char* bad : {"", "Monitoring/PSI", "a//b", "/a", "a/", "has space", "é/x"}) {
        auto q = valid_question();
        q.id = bad;
        CHECK_MESSAGE(has_problem(validate(q), "id"), bad);
    }
}

TEST_CASE("minutes must be between 1 and 120") {
    auto q = valid_question();
    for (int m : {0, -3, 121}) {
        q.minutes = m;
        CHECK(has_problem(validate(q), "minutes"));
    }
    q.minutes = 120;
    CHECK(validate(q).empty());
}

TEST_CASE("an empty or blank prompt is refused") {
    auto q = valid_question();
    q.prompt = "  \n ";
    CHECK(has_problem(validate(q), "prompt"));
}

TEST_CASE("a topic is one slug segment") {
    auto q = valid_question();
    q.topic = "monitoring/drift";
    CHECK(has_problem(validate(q), "topic"));
    q.topic = "";
    CHECK(has_problem(validate(q), "topic"));
}

TEST_CASE("tags are lower-cased, trimmed and de-duplicated in first-seen order") {
    auto q = valid_question();
    q.tags = {" Drift", "statistics", "drift", "", "PSI"};
    CHECK(normalised(q).tags == std::vector<std::string>{"drift", "statistics", "psi"});
    q.tags = {"two words"};
    CHECK(has_problem(validate(normalised(q)), "tags"));
}

TEST_CASE("texts are normalised: trailing spaces and surrounding blank lines go") {
    CHECK(normalise_text("\n  first line   \n\nsecond\t\n\n") == "first line\n\nsecond");
    auto q = valid_question();
    q.follow_ups = {"  one ", "", "two"};
    CHECK(normalised(q).follow_ups == std::vector<std::string>{"one", "two"});
}

TEST_CASE("the rubric gives words for every score") {
    Rubric r{"Cannot name a drift test.", "Names PSI and KS.", "Explains when each misleads."};
    CHECK(r.words_for(1) == "Cannot name a drift test.");
    CHECK(r.words_for(2) == "Between 1 and 3.");
    CHECK(r.words_for(5) == "Explains when each misleads.");
    CHECK(r.words_for(0).empty());
    CHECK(Rubric{}.words_for(2).empty());
}

TEST_CASE("levels: a question fits a candidate of its level, and 'both' fits everyone") {
    CHECK(fits(Level::both, Level::junior));
    CHECK(fits(Level::senior, Level::senior));
    CHECK_FALSE(fits(Level::senior, Level::junior));
    CHECK_FALSE(fits(Level::junior, Level::senior));
    CHECK(parse_level("senior") == Level::senior);
    CHECK_FALSE(parse_level("Senior"));
    CHECK(parse_difficulty("hard") == Difficulty::hard);
    CHECK_FALSE(parse_difficulty("extreme"));
}

TEST_CASE("question sets: a name, a budget, no question twice") {
    QuestionSet s;
    s.name = "Senior onsite";
    s.minutes = 60;
    s.question_ids = {"a/b", "c/d"};
    CHECK(validate(s).empty());
    s.question_ids.push_back("a/b");
    CHECK(has_problem(validate(s), "questions"));
    s.question_ids.pop_back();
    s.minutes = 0;
    CHECK(has_problem(validate(s), "minutes"));
    s.minutes = 60;
    s.name = "  ";
    CHECK(has_problem(validate(normalised(s)), "name"));
}

TEST_CASE("ValidationError names what is invalid and every problem") {
    auto q = valid_question();
    q.minutes = 0;
    q.prompt = "";
    try {
        throw_if_invalid("question 'monitoring/psi'", validate(q));
        FAIL("expected an error");
    } catch (const ValidationError& e) {
        const std::string what = e.what();
        CHECK(what.find("question 'monitoring/psi'") != std::string::npos);
        CHECK(what.find("minutes") != std::string::npos);
        CHECK(what.find("prompt") != std::string::npos);
        CHECK(e.problems().size() == 2);
    }
}

TEST_CASE("counts are grouped by thousands") {
    CHECK(grouped(0) == "0");
    CHECK(grouped(999) == "999");
    CHECK(grouped(1000) == "1,000");
    CHECK(grouped(10170) == "10,170");
    CHECK(grouped(1234567) == "1,234,567");
    CHECK(grouped(-2000) == "-2,000");
}

TEST_CASE("text for a terminal shows control characters as escapes instead of obeying them") {
    CHECK(visible_controls("plain text, Zoë, 你好, مرحبا 🚀") == "plain text, Zoë, 你好, مرحبا 🚀");
    CHECK(visible_controls("two\nlines\tand a tab") == "two\nlines\tand a tab");
    CHECK(visible_controls("clear \x1b[2J screen") == "clear \\x1b[2J screen");
    CHECK(visible_controls("bell\a cr\r del\x7f nul") == "bell\\x07 cr\\x0d del\\x7f nul");
    CHECK(visible_controls(std::string("nul\0here", 8)) == "nul\\x00here");
    CHECK(visible_controls("csi \xc2\x9b" "31m") == "csi \\u009b31m");             // C1 CSI
    CHECK(visible_controls("turn \xe2\x80\xae" "around") == "turn \\u202earound"); // right-to-left override
    CHECK(visible_controls("isolate \xe2\x81\xa6" "x") == "isolate \\u2066x");
    CHECK(visible_controls("not C1: \xc2\xa9") == "not C1: \xc2\xa9"); // the copyright sign stays
}

TEST_CASE("texts have a length limit counted in characters, with the count in the message") {
    auto q = valid_question();
    // 4,000 characters of three bytes each fit: the limit counts characters, not bytes.
    std::string prompt;
    for (std::size_t i = 0; i < QuestionTextLimits::prompt; ++i) prompt += "\xe5\x95\x8f"; // 問
    q.prompt = prompt;
    CHECK(validate(q).empty());
    q.prompt += "?";
    const auto problems = validate(q);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0] == Problem{"prompt", "4,001 characters; at most 4,000 fit"});

    q = valid_question();
    q.answer.assign(QuestionTextLimits::answer + 1, 'a');
    q.rubric.five.assign(QuestionTextLimits::rubric_anchor + 1, 'a');
    q.follow_ups.assign(QuestionTextLimits::follow_ups + 1, "Why?");
    q.tags.assign(1, std::string(QuestionTextLimits::tag + 1, 't'));
    const auto many = validate(q);
    CHECK(has_problem(many, "answer"));
    CHECK(has_problem(many, "rubric.5"));
    CHECK(has_problem(many, "tags"));
    CHECK(std::find(many.begin(), many.end(), Problem{"follow_ups", "31 follow-ups; at most 30 fit"}) != many.end());

    QuestionSet s;
    s.name = std::string(QuestionSetLimits::name + 1, 'n');
    s.minutes = 60;
    for (std::size_t i = 0; i <= QuestionSetLimits::questions; ++i) s.question_ids.push_back("q/" + std::to_string(i));
    const auto set_problems = validate(s);
    CHECK(has_problem(set_problems, "name"));
    CHECK(std::find(set_problems.begin(), set_problems.end(), Problem{"questions", "501 questions; at most 500 fit"}) !=
          set_problems.end());
}

TEST_CASE("the characters of UTF-8 text, in order; bytes that break UTF-8 are skipped") {
    CHECK(code_points("aé王👍") == std::vector<char32_t>{U'a', U'é', U'王', U'👍'});
    CHECK(code_points("a\xFF" "b\xE2\x82") == std::vector<char32_t>{U'a', U'b'});
    CHECK(code_points("").empty());
}

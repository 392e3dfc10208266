#include "persistence/formats/question_file.hpp"
#include "persistence/formats/toml_shape.hpp"
#include "tests/persistence/fixtures.hpp"

#include <array>
#include <fstream>
#include <sstream>
#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace panelist;

namespace {
const char* good_file = R"toml(format = 1

[[question]]
id = "monitoring/psi"
topic = "monitoring"
tags = ["drift", "statistics"]
level = "senior"
difficulty = "medium"
minutes = 6
prompt = "How does PSI work?"
answer = """
First paragraph.

Second paragraph."""
follow_ups = ["Which bins?", "And when labels arrive late?"]

[question.rubric]
1 = "Has not heard of it."
3 = "Gives the formula."
5 = "Knows when it misleads."

[[question.sample]]
score = 2
answer = "It compares two distributions, I think with a chi-squared test."
why = "Knows it compares distributions but not how PSI does it: between 1 and 3."

[[question.sample]]
score = 5
answer = """
Bin the reference window, compare production shares per bin.

It misleads on seasonal features."""
why = "Knows when it misleads."

[[set]]
name = "Senior onsite"
minutes = 60
questions = ["monitoring/psi"]
)toml";

// The first problem of reading `text`, as "line:column field: message".
std::string first_problem(const std::string& text) {
    auto r = read_question_file(text, "bank.toml");
    if (r.problems.empty()) return "";
    return r.problems[0].to_string();
}

std::string with_question(const std::string& fields) {
    return "[[question]]\n" + fields;
}
const std::string minimal =
    "id = \"a/b\"\ntopic = \"a\"\nlevel = \"both\"\ndifficulty = \"easy\"\nminutes = 3\n"
    "prompt = \"P\"\n";
} // namespace

TEST_CASE("a good file reads every field") {
    auto r = read_question_file(good_file, "bank.toml");
    REQUIRE(r.problems.empty());
    REQUIRE(r.content.questions.size() == 1);
    const auto& q = r.content.questions[0];
    CHECK(q.id == "monitoring/psi");
    CHECK(q.level == Level::senior);
    CHECK(q.answer == "First paragraph.\n\nSecond paragraph.");
    CHECK(q.follow_ups.size() == 2);
    CHECK(q.rubric.five == "Knows when it misleads.");
    REQUIRE(q.samples.size() == 2);
    CHECK(q.samples[0].score == 2);
    CHECK(q.samples[0].why.find("between 1 and 3") != std::string::npos);
    CHECK(q.samples[1].answer == "Bin the reference window, compare production shares per bin.\n\nIt misleads on seasonal features.");
    CHECK(r.content.question_positions[0].line == 3);
    REQUIRE(r.content.sets.size() == 1);
    CHECK(r.content.sets[0].level == Level::both);
    CHECK(r.content.sets[0].question_ids == std::vector<std::string>{"monitoring/psi"});
}

TEST_CASE("problems name file, line, column and field") {
    CHECK(first_problem(with_question(minimal + "minutes = 0\n")).find("bank.toml:") == 0);
    CHECK(first_problem("[[question]]\nid = \"a/b\"\nminutes = 0\n")
              .find("bank.toml:3:11: minutes: 0 is not between 1 and 120") == 0);
    const auto missing = first_problem("[[question]]\nid = \"a/b\"\n");
    CHECK(missing.find("bank.toml:1:1: topic: missing") == 0);
    CHECK(first_problem(with_question(minimal + "level2 = \"x\"\n")).find("8:1: level2: unknown field") !=
          std::string::npos);
    CHECK(first_problem(with_question("id = 5\n" + minimal.substr(minimal.find('\n') + 1)))
              .find("2:6: id: expected a string, found an integer") != std::string::npos);
    auto level = minimal;
    level.replace(level.find("\"both\""), 6, "\"expert\"");
    CHECK(first_problem(with_question(level)).find("level: 'expert' is not one of junior, senior, both") !=
          std::string::npos);
    CHECK(first_problem(with_question(minimal + "tags = \"drift\"\n"))
              .find("tags: expected an array of strings") != std::string::npos);
    CHECK(first_problem(with_question(minimal + "[question.rubric]\n2 = \"x\"\n"))
              .find("rubric.2: a rubric describes scores 1, 3 and 5 only") != std::string::npos);
    CHECK(first_problem(with_question(minimal + "minutes = 99999999999999999999\n")).find("bank.toml:8") == 0);
}

TEST_CASE("syntax errors, bad UTF-8 and binary junk are reported, not thrown") {
    CHECK(first_problem("[[question]\nid = 1").find("bank.toml:1:") == 0);
    CHECK_FALSE(first_problem("title = \"caf\xC3\x28\"\n").empty());
    CHECK_FALSE(first_problem(std::string("\x00\x01\x02\xFF\xFE", 5)).empty());
    CHECK_FALSE(first_problem("format = 1\nformat = 1\n").empty());
    // Nesting past the reader's depth is said in the file's terms, not the library's settings.
    const auto deep = first_problem("format = 1\nx = " + std::string(300, '[') + std::string(300, ']') + "\n");
    CHECK(deep.find("bank.toml:2:") == 0);
    CHECK(deep.find("nested more than 256 deep") != std::string::npos);
    CHECK(deep.find("TOML_MAX") == std::string::npos);
}

TEST_CASE("duplicate ids and set names within a file are refused") {
    const auto twice = with_question(minimal) + "\n" + with_question(minimal);
    CHECK(first_problem(twice).find("'a/b' is defined twice") != std::string::npos);
    const std::string sets = "[[set]]\nname = \"S\"\nminutes = 5\nquestions = []\n"
                             "[[set]]\nname = \"S\"\nminutes = 5\nquestions = []\n";
    CHECK(first_problem(sets).find("defined twice") != std::string::npos);
}

TEST_CASE("a sample answer's problems are named with their place: score out of range, a field missing or unknown") {
    const auto sample = [](const std::string& fields) {
        return with_question(minimal) + "\n[[question.sample]]\n" + fields;
    };
    CHECK(first_problem(sample("score = 7\nanswer = \"A\"\nwhy = \"W\"\n")) ==
          "bank.toml:10:9: sample.score: 7 is not between 1 and 5");
    CHECK(first_problem(sample("score = 3\nanswer = \"A\"\n")) ==
          "bank.toml:9:1: sample.why: missing (every sample answer needs it)");
    CHECK(first_problem(sample("score = 3\nanswer = \"A\"\nwhy = \"W\"\nmark = 3\n")) ==
          "bank.toml:13:1: sample.mark: unknown field (known: score, answer, why)");
    CHECK(first_problem(sample("score = 3\nanswer = \"  \"\nwhy = \"W\"\n")).find("a sample answer is empty") !=
          std::string::npos);
    CHECK(first_problem(with_question(minimal + "sample = \"fine\"\n")).find("expected [[question.sample]] tables") !=
          std::string::npos);
}

TEST_CASE("a file from a newer format is refused") {
    CHECK(first_problem("format = 2\n").find("format 2 is newer") != std::string::npos);
}

TEST_CASE("unknown top-level keys are refused: a typo never passes silently") {
    CHECK(first_problem("[[questions]]\nid = \"x\"\n").find("questions: unknown field") !=
          std::string::npos);
}

TEST_CASE("writing is canonical and reading it back gives the same content") {
    auto r = read_question_file(good_file, "bank.toml");
    const std::string once = write_question_file(r.content);
    auto again = read_question_file(once, "export.toml");
    REQUIRE(again.problems.empty());
    CHECK(again.content.questions == r.content.questions);
    CHECK(again.content.sets == r.content.sets);
    CHECK(write_question_file(again.content) == once);
}

TEST_CASE("awkward text survives the round trip") {
    QuestionFile file;
    auto q = test::question("x/awkward", "x", "Say \"hi\"\\ then \"\"\" three quotes");
    q.answer = "Line one with \"quotes\" and a trailing quote \"\n\nback\\slash, tab\there, "
               "\"\"\"\"\"five quotes, unicode: naïve → café 🚀, control \x01 char\"";
    q.follow_ups = {"multi\nline follow-up", "ends with a quote\""};
    q.rubric.one = "a\nb";
    file.questions.push_back(normalised(q));
    const std::string text = write_question_file(file);
    auto back = read_question_file(text, "x.toml");
    REQUIRE_MESSAGE(back.problems.empty(), (back.problems.empty() ? "" : back.problems[0].to_string()));
    CHECK(back.content.questions[0] == file.questions[0]);
    CHECK(write_question_file(back.content) == text);
}

TEST_CASE("a file past the value limit is refused where it passed it; strings and comments are not counted") {
    // "format =" and "[x]" count one each, so the 500,001st value is the "=" of key 499,998 on line 500,001.
    std::string many = "format = 1\n[x]\n";
    for (std::size_t i = 0; i < max_question_file_values; ++i) many += fmt::format("k{}=1\n", i);
    const auto limit_problem = first_problem(many);
    CHECK_MESSAGE(limit_problem.find("bank.toml:500001:8: holds more than") == 0, limit_problem);
    CHECK(limit_problem.find("holds more than 500,000 values") != std::string::npos);

    // The same characters inside strings of every kind and in comments are text, not values:
    // 300 questions with 2,000 commas in their answers and as many in a comment read as they are.
    const std::string commas(2000, ',');
    const std::array<std::pair<std::string, std::string>, 4> quotes{
        {{"\"", "\""}, {"'", "'"}, {"\"\"\"\n", "\"\"\""}, {"'''\n", "'''"}}};
    std::string quiet = "format = 1\n";
    for (int i = 0; i < 300; ++i) {
        const auto& [open, close] = quotes[static_cast<std::size_t>(i) % quotes.size()];
        quiet += fmt::format("[[question]]\nid = \"q/{}\"\ntopic = \"q\"\nlevel = \"both\"\ndifficulty = \"easy\"\n"
                             "minutes = 3\nprompt = \"P\"\nanswer = {}{}{}\n# {}\n",
                             i, open, commas, close, commas);
    }
    const auto read = read_question_file(quiet, "bank.toml");
    CHECK(read.problems.empty());
    REQUIRE(read.content.questions.size() == 300);
    for (const auto& q : read.content.questions) CHECK(q.answer == commas);
}

TEST_CASE("a file of thousands of mistakes keeps the first hundred and says more follow") {
    std::string empty_tables = "format = 1\n";
    for (int i = 0; i < 5000; ++i) empty_tables += "[[question]]\n";
    const auto read = read_question_file(empty_tables, "bank.toml");
    REQUIRE(read.problems.size() == max_file_problems + 1);
    CHECK(read.problems[0].to_string() == "bank.toml:2:1: id: missing (every question needs it)");
    CHECK(read.problems.back().message == "more problems follow; the ones above come first");
}

TEST_CASE("an export more than one import reads says so; an ordinary one says nothing") {
    Question q;
    q.id = "big/one";
    q.topic = "big";
    q.level = Level::both;
    q.difficulty = Difficulty::easy;
    q.minutes = 5;
    q.prompt = "P";
    q.answer.assign(QuestionTextLimits::answer, 'a');
    QuestionFile file;
    file.questions.push_back(q);
    CHECK_FALSE(too_large_to_import(write_question_file(file)).has_value());
    // 1,700 questions with answers at their limit: 34 MB, over the 32 MiB one import reads.
    for (int i = 0; i < 1700; ++i) {
        q.id = fmt::format("big/q{}", i);
        file.questions.push_back(q);
    }
    const auto warning = too_large_to_import(write_question_file(file));
    REQUIRE(warning.has_value());
    CHECK(*warning == "This file is more than one import reads (32 MiB or 500,000 values): to move the bank, "
                      "cut it at [[question]] lines into smaller files and import them one after another, the "
                      "part with the [[set]] tables last.");
}

TEST_CASE("a string or comment left open at the very end is toml++'s to report, and the count stops there") {
    // Found by the fuzzer: one quote, or an escape at the end, made the count read past the text.
    for (const std::string text : {"\"", "'", "\"\"\"", "'''", "x = \"a\\", "#", "x = \"\"\"a\\"}) {
        CAPTURE(text);
        const auto read = read_question_file(text, "bank.toml");
        REQUIRE_FALSE(read.problems.empty());
        CHECK(read.problems[0].to_string().find("bank.toml:1:") == 0);
    }
}

TEST_CASE("a problem's field from the file is shown short and with its controls as escapes, never cut") {
    // A NUL in a key used to end the message there when read as a C string: the reason was lost.
    const auto nul = first_problem(std::string("\"a\\u0000b\" = 1\n"));
    CHECK(nul == "bank.toml:1:1: a\\x00b: unknown field (a question file holds format, [[question]], [[set]] and [[kept_apart]])");
    const auto long_key = first_problem("\"" + std::string(100000, 'k') + "\" = 1\n");
    CHECK(long_key.size() < 300);
    CHECK(long_key.find(std::string(60, 'k') + "...: unknown field") != std::string::npos);
}

TEST_CASE("the complete example in docs/question-format.md reads without a problem, samples and all") {
    std::ifstream in(std::string(PANELIST_DOCS_DIR) + "/question-format.md");
    std::stringstream doc;
    doc << in.rdbuf();
    const std::string text = doc.str();
    const auto start = text.find("```toml\n");
    REQUIRE(start != std::string::npos);
    const auto end = text.find("```", start + 8);
    auto r = read_question_file(text.substr(start + 8, end - start - 8), "question-format.md");
    REQUIRE_MESSAGE(r.problems.empty(), (r.problems.empty() ? "" : r.problems[0].to_string()));
    REQUIRE(r.content.questions.size() == 1);
    CHECK(r.content.questions[0].samples.size() == 2);
    CHECK(r.content.sets.size() == 1);
}

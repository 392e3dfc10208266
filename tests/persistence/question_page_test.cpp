#include "domain/text.hpp"
#include "persistence/formats/question_import.hpp"
#include "persistence/formats/question_page.hpp"
#include "persistence/store/question_draft_repository.hpp"
#include "persistence/store/question_repository.hpp"

#include <doctest/doctest.h>

using namespace panelist;

namespace {

// The shapes public interview-question pages use, on one page.
const std::string page = R"(# Top MLOps interview questions

An introduction that is not a question.

## 1. What is MLOps?

MLOps applies DevOps practice to machine learning.
It versions data and models.

### How do you detect data drift?

**Answer:** Compare live feature distributions with training data.

1. a numbered list inside the answer
2. stays in the answer

```
3. Not a question either?
```

**How would you roll back a bad model?**

Keep the previous version behind the same endpoint.

Q: What is a feature store?
A: One place that serves the same feature values to training and serving.

7) Why pin dependency versions?

## Further reading

Links, not an answer.
)";

std::vector<std::string> prompts(const QuestionFile& f) {
    std::vector<std::string> out;
    for (const auto& q : f.questions) out.push_back(q.prompt);
    return out;
}

} // namespace

TEST_CASE("a Markdown page's questions become drafts: headings, numbered, bold and Q: lines, answers below") {
    const auto reading = read_question_page(page, "team-wiki.md");
    REQUIRE(reading.problems.empty());
    const auto& f = reading.content;
    CHECK(prompts(f) == std::vector<std::string>{"What is MLOps?", "How do you detect data drift?",
                                                 "How would you roll back a bad model?", "What is a feature store?",
                                                 "Why pin dependency versions?"});
    CHECK(f.drafts.size() == 5);
    CHECK(f.questions[0].id == "team-wiki/what-is-mlops");
    CHECK(f.questions[0].topic == "team-wiki");
    CHECK(f.questions[0].answer == "MLOps applies DevOps practice to machine learning.\nIt versions data and models.");
    CHECK(f.questions[1].answer.rfind("Compare live feature distributions", 0) == 0); // "Answer:" left out
    CHECK(f.questions[1].answer.find("2. stays in the answer") != std::string::npos);
    CHECK(f.questions[1].answer.find("3. Not a question either?") != std::string::npos);
    CHECK(f.questions[3].answer == "One place that serves the same feature values to training and serving.");
    CHECK(f.questions[4].answer.empty()); // the heading after it is not its answer
    CHECK(f.question_positions[0].line == 5);
    CHECK(f.question_positions[3].line == 25);
    for (const auto& q : f.questions) CHECK(q.rubric.empty());
}

TEST_CASE("a page with no question, or not UTF-8, is refused with FILE:LINE and nothing is imported") {
    auto db = Database::open(":memory:");
    const auto none = read_question_page("Just notes.\nNothing asked here.\n", "notes.txt");
    REQUIRE(none.problems.size() == 1);
    CHECK(none.problems[0].to_string().rfind("notes.txt:1:", 0) == 0);
    const auto binary = read_question_page("Q: What is it?\nA: caf\xE9\n", "latin1.md");
    REQUIRE(binary.problems.size() == 1);
    CHECK(binary.problems[0].at.line == 2);
    CHECK_THROWS_AS(import_question_texts(db, {{"good.md", page}, {"notes.txt", "Nothing asked.\n"}}), FileError);
    CHECK(QuestionRepository(db).all().empty());
    CHECK(QuestionDraftRepository(db).all().empty());
}

TEST_CASE("a page is previewed, then imported as drafts; imported again it adds only what is new") {
    auto db = Database::open(":memory:");
    const auto preview = preview_question_texts(db, {{"team-wiki.md", page}});
    CHECK(preview.drafts_added.size() == 5);
    CHECK(preview.questions_added.empty());
    CHECK(describe(preview)[0].rfind("adds 5 draft questions (never planned until each has a level and a rubric)", 0) == 0);
    CHECK(QuestionRepository(db).all().empty()); // a preview writes nothing

    const auto report = import_question_texts(db, {{"team-wiki.md", page}});
    CHECK(report.drafts == 5);
    const auto drafts = QuestionDraftRepository(db).all();
    REQUIRE(drafts.size() == 5);
    CHECK(drafts.at("team-wiki/what-is-mlops").source == "team-wiki.md:5");
    CHECK_FALSE(drafts.at("team-wiki/what-is-mlops").level_given);

    // A curator completes one; the page imported again neither undoes it nor adds twins.
    auto q = *QuestionRepository(db).find("team-wiki/what-is-mlops");
    q.rubric = {"Only a buzzword.", "Names versioning and automation.", "Weighs what to automate first, and why."};
    QuestionRepository(db).upsert(q);
    QuestionDraftRepository(db).finish(q.id);
    const auto again = preview_question_texts(db, {{"team-wiki.md", page + "\nQ: What is a shadow deployment?\n"}});
    CHECK(again.drafts_added == std::vector<std::string>{"team-wiki/what-is-a-shadow-deployment"});
    CHECK(again.skipped.size() == 5);
    CHECK(again.skipped[0] == "team-wiki.md:5 (What is MLOps?): the bank already asks it as team-wiki/what-is-mlops");
    import_question_texts(db, {{"team-wiki.md", page + "\nQ: What is a shadow deployment?\n"}});
    CHECK(QuestionRepository(db).find("team-wiki/what-is-mlops")->rubric == q.rubric);
    CHECK(QuestionDraftRepository(db).all().size() == 5);
}

TEST_CASE("what a draft lacks before it may be planned") {
    Question q;
    CHECK(missing_before_planning(q, {"p.md:1", false}) ==
          std::vector<std::string>{"a level", "the rubric's 1 anchor", "the rubric's 3 anchor", "the rubric's 5 anchor"});
    q.rubric = {"a", "b", "c"};
    CHECK(missing_before_planning(q, {"p.md:1", true}).empty());
}

TEST_CASE("pages as they come: a byte order mark, comments, bold labels, section headings, other scripts") {
    const auto reading = read_question_page("\xEF\xBB\xBF## 1. Fundamentals\n\n"
                                            "### Explain the difference between batch and online serving\nLatency.\n\n"
                                            "<!-- ## What is hidden?\nnot shown -->\n"
                                            "**Q1.** What is a feature store?\nA shared store.\n\n"
                                            "## 2. Monitoring\n\n"
                                            "1. What is drift?\nChange in data.\n",
                                            "wiki.md");
    REQUIRE(reading.problems.empty());
    CHECK(prompts(reading.content) == std::vector<std::string>{"Explain the difference between batch and online serving",
                                                                "What is a feature store?", "What is drift?"});
    const auto chinese = read_question_page("1. 什么是特征存储？\n共享的特征。\n", "部署面试.md");
    REQUIRE(chinese.problems.empty());
    REQUIRE(chinese.content.questions.size() == 1);
    CHECK(is_slug(chinese.content.questions[0].id));
    CHECK(chinese.content.questions[0].id.rfind("page-", 0) == 0);
}

TEST_CASE("a page question whose id is taken by a different question gets a free id; two pages never collide") {
    auto db = Database::open(":memory:");
    import_question_texts(db, {{"wiki.md", "1. How would you monitor a model in production?\nDashboards.\n"}});
    const auto report = import_question_texts(
        db, {{"wiki.md", "1. How would you monitor a model for fairness regressions?\nSlices.\n"
                         "2. How would you monitor a model in production?\nDashboards.\n"},
             {"other/wiki.md", "1. How would you monitor a model for latency spikes?\nPercentiles.\n"}});
    CHECK(report.drafts == 2);
    CHECK(report.skipped == 1);
    CHECK(QuestionRepository(db).all().size() == 3);
}

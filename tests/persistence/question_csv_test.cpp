// Questions from and to a spreadsheet: headers by name, multi-line cells, rubric and samples in
// columns, the team's own columns kept out, and every mistake named with its row and column.
#include "persistence/formats/question_csv.hpp"
#include "persistence/formats/question_import.hpp"
#include "persistence/store/curation_repository.hpp"
#include "persistence/store/question_repository.hpp"
#include "tests/persistence/fixtures.hpp"

#include <doctest/doctest.h>

using namespace panelist;

namespace {
const char* sheet =
    "ID,Topic,Tags,Level,Difficulty,Minutes,Question,Model answer,Follow-ups,Rubric 1,Rubric 3,Rubric 5,# owner\r\n"
    "monitoring/psi,monitoring,\"drift, statistics\",senior,medium,6,How does PSI work?,\"First paragraph.\n\nSecond, "
    "with \"\"quotes\"\".\",\"Which bins?\nAnd when labels arrive late?\",Has not heard of it.,Gives the formula.,"
    "Knows when it misleads.,Ana\r\n"
    "serving/batch,serving,,both,easy,4,Batch or online?,,,,,,Ben\r\n";

std::string first_problem(const std::string& text) {
    const auto r = read_question_csv(text, "sheet.csv");
    return r.problems.empty() ? "" : r.problems[0].to_string();
}
} // namespace

TEST_CASE("a spreadsheet's rows become questions: headers by name, multi-line cells, the team's # columns left out") {
    const auto r = read_question_csv(sheet, "sheet.csv");
    REQUIRE_MESSAGE(r.problems.empty(), (r.problems.empty() ? "" : r.problems[0].to_string()));
    REQUIRE(r.content.questions.size() == 2);
    const auto& q = r.content.questions[0];
    CHECK(q.id == "monitoring/psi");
    CHECK(q.tags == std::vector<std::string>{"drift", "statistics"});
    CHECK(q.level == Level::senior);
    CHECK(q.minutes == 6);
    CHECK(q.answer == "First paragraph.\n\nSecond, with \"quotes\".");
    CHECK(q.follow_ups == std::vector<std::string>{"Which bins?", "And when labels arrive late?"});
    CHECK(q.rubric.five == "Knows when it misleads.");
    CHECK(r.content.question_positions[1].line == 6); // the answer and follow-ups of the first row took three lines more
}

TEST_CASE("exported to CSV and read back, questions are the same, samples, retirement and formula-like text included") {
    QuestionFile file;
    auto q = test::question("a/one", "a", "=SUM(A1) is not a formula here?");
    q.answer = "Line one\nline two, \"quoted\"";
    q.samples = {{2, "-1 would be wrong, I think.", "Guesses."}, {5, "@team: it depends.", "Weighs it."}};
    file.questions.push_back(normalised(q));
    auto plain = normalised(test::question("a/two", "a", "Plain?"));
    plain.samples.clear();
    file.questions.push_back(plain);
    file.retired = {"a/two"};
    const std::string text = write_question_csv(file);
    CHECK(text.find("\"'=SUM(A1)") != std::string::npos); // a spreadsheet shows it as text
    const auto back = read_question_csv(text, "out.csv");
    REQUIRE_MESSAGE(back.problems.empty(), (back.problems.empty() ? "" : back.problems[0].to_string()));
    CHECK(back.content.questions == file.questions);
    CHECK(back.content.retired == file.retired);
    CHECK(write_question_csv(back.content) == text);
}

TEST_CASE("a bad sheet is refused with the row, column and why; a typo in a header never drops a column") {
    const std::string header = "id,topic,level,difficulty,minutes,prompt\r\n";
    CHECK(first_problem("") == "sheet.csv:1:1: the file is empty; expected a header row (id, topic, level, ...) and a row per question");
    CHECK(first_problem("id,topic,level,difficulty,minutes,promt\r\n").find("sheet.csv:1:35: promt: unknown column") == 0);
    CHECK(first_problem("id,topic,level,difficulty,minutes\r\n") == "sheet.csv:1:1: prompt: missing column (every question needs it)");
    CHECK(first_problem(header + "a/b,a,expert,easy,5,P?\r\n") == "sheet.csv:2:7: level: 'expert' is not one of junior, senior, both");
    CHECK(first_problem(header + "a/b,a,both,easy,five,P?\r\n") == "sheet.csv:2:17: minutes: expected a whole number, found 'five'");
    CHECK(first_problem(header + "a/b,a,both,easy,5,P?\r\na/b,a,both,easy,5,Q?\r\n") ==
          "sheet.csv:3:1: id: 'a/b' is already on line 2: one row per question");
    CHECK(first_problem(header + "a/b,a,both,easy,5,\"never closed\r\n") == "sheet.csv:2:19: this quote is never closed");
    CHECK(first_problem(header + "A B,a,both,easy,5,P?\r\n").find("sheet.csv:2:1: id: 'A B' is not a slug") == 0);
    CHECK(first_problem(header) == "sheet.csv:1:41: the file has a header but no question rows");
    CHECK(first_problem("id,topic,level,difficulty,minutes,prompt,sample_1_score\r\na/b,a,both,easy,5,P?,9\r\n")
              .find("sample_1_score: a sample answer's score is a whole number from 1 to 5") != std::string::npos);
}

TEST_CASE("importing a .csv file goes through the same all-or-nothing import as TOML") {
    auto db = Database::open(":memory:");
    CHECK(import_question_texts(db, {{"team.csv", sheet}}).questions.added == 2);
    CHECK(QuestionRepository(db).find("monitoring/psi")->follow_ups.size() == 2);
    // One bad row: nothing of the file is written.
    CHECK_THROWS_AS(import_question_texts(db, {{"team.csv", "ID,Topic,Level,Difficulty,Minutes,Question\r\nn/new,n,both,easy,3,New?\r\nn/bad,n,both,easy,x,Bad?\r\n"}}), FileError);
    CHECK_FALSE(QuestionRepository(db).find("n/new"));
    // Exported as CSV from the store and imported into another, the questions are the same.
    const auto text = write_questions("bank.csv", collect_all_for_export(db));
    auto other = Database::open(":memory:");
    import_question_texts(other, {{"bank.csv", text}});
    CHECK(QuestionRepository(other).all() == QuestionRepository(db).all());
}

TEST_CASE("a preview says what an import would add, change and leave, and writes nothing") {
    auto db = Database::open(":memory:");
    import_question_texts(db, {{"team.csv", sheet}});
    CurationRepository(db).retire("serving/batch");
    std::string edited = sheet;
    edited.replace(edited.find("How does PSI work?"), 18, "How does PSI really work?");
    edited += "new/one,new,,junior,easy,3,New?,,,,,,\r\n";
    const auto before = QuestionRepository(db).all();
    const auto p = preview_question_texts(db, {{"team.csv", edited}});
    CHECK(p.questions_added == std::vector<std::string>{"new/one"});
    REQUIRE(p.questions_changed.size() == 1);
    CHECK(p.questions_changed[0].id == "monitoring/psi");
    CHECK(p.questions_changed[0].fields == "prompt");
    CHECK(p.questions_unchanged == 1);
    CHECK(p.staying_retired == std::vector<std::string>{"serving/batch"});
    CHECK(QuestionRepository(db).all() == before);
    const auto lines = describe(p);
    CHECK(lines[0] == "adds 1 question: new/one");
    CHECK(lines[1] == "changes 1 question: monitoring/psi (prompt)");
    CHECK(lines[2] == "leaves 1 question as they are");
    CHECK(lines[3] == "keeps 1 question retired here (an import never restores one): serving/batch");
    // A bad file is refused by the preview as by the import.
    CHECK_THROWS_AS(preview_question_texts(db, {{"bad.csv", "id\r\n"}}), FileError);
}

TEST_CASE("a sheet as Excel saves it: a byte order mark, empty rows and empty trailing columns are no problem") {
    const std::string excel = "\xEF\xBB\xBFid,topic,level,difficulty,minutes,prompt,,\r\n"
                              "a/b,a,both,easy,5,P?,,\r\n"
                              ",,,,,,,\r\n";
    const auto r = read_question_csv(excel, "excel.csv");
    REQUIRE_MESSAGE(r.problems.empty(), (r.problems.empty() ? "" : r.problems[0].to_string()));
    CHECK(r.content.questions.size() == 1);
    CHECK(read_question_csv("id,topic,level,difficulty,minutes,prompt,\r\na/b,a,both,easy,5,P?,lost?\r\n", "s.csv")
              .problems[0]
              .to_string() == "s.csv:2:22: this cell is in a column without a header; name the column");
}

TEST_CASE("a short sheet over the bank changes what it holds and keeps what it has no column for") {
    auto db = Database::open(":memory:");
    auto q = test::question("m/a", "m", "Old prompt?");
    QuestionRepository(db).upsert(q);
    import_question_texts(db, {{"short.csv", "id,topic,level,difficulty,minutes,prompt\r\nm/a,m,both,medium,5,New prompt?\r\n"}});
    const auto now = *QuestionRepository(db).find("m/a");
    CHECK(now.prompt == "New prompt?");
    CHECK(now.answer == q.answer);   // no answer column: kept
    CHECK(now.rubric == q.rubric);   // no rubric columns: kept
    CHECK(now.samples == q.samples); // no sample columns: kept
    CHECK(now.follow_ups == q.follow_ups);
    // A column that is there but empty does empty the field: the sheet says so.
    import_question_texts(db, {{"cleared.csv", "id,topic,level,difficulty,minutes,prompt,answer\r\nm/a,m,both,medium,5,New prompt?,\r\n"}});
    CHECK(QuestionRepository(db).find("m/a")->answer.empty());
}

TEST_CASE("text that starts like the formula guard survives the round trip") {
    QuestionFile file;
    file.questions.push_back(normalised(test::question("a/one", "a", "'=quoted on purpose?")));
    const auto back = read_question_csv(write_question_csv(file), "out.csv");
    REQUIRE(back.problems.empty());
    CHECK(back.content.questions[0].prompt == "'=quoted on purpose?");
}

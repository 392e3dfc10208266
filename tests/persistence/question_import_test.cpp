#include "persistence/formats/question_import.hpp"
#include "persistence/store/question_repository.hpp"
#include "persistence/store/question_set_repository.hpp"
#include "tests/support/temp_dir.hpp"

#include <doctest/doctest.h>

using namespace panelist;

namespace {
std::string question_toml(const std::string& id, const std::string& prompt) {
    return "[[question]]\nid = \"" + id + "\"\ntopic = \"t\"\nlevel = \"both\"\n"
           "difficulty = \"easy\"\nminutes = 3\nprompt = \"" + prompt + "\"\n";
}
std::string set_toml(const std::string& name, const std::string& ids) {
    return "[[set]]\nname = \"" + name + "\"\nminutes = 30\nquestions = [" + ids + "]\n";
}
int count(Database& db, const char* table) {
    return db.sql().execAndGet(std::string("SELECT count(*) FROM ") + table).getInt();
}
} // namespace

TEST_CASE("import reports added, updated and unchanged questions and sets") {
    auto db = Database::open(":memory:");
    auto r = import_question_texts(db, {{"a.toml", question_toml("t/a", "A") + question_toml("t/b", "B") +
                                                       set_toml("S", "\"t/b\", \"t/a\"")}});
    CHECK(r.questions == ImportCounts{2, 0, 0});
    CHECK(r.sets == ImportCounts{1, 0, 0});
    r = import_question_texts(db, {{"a.toml", question_toml("t/a", "A changed") + question_toml("t/b", "B") +
                                                  set_toml("S", "\"t/b\", \"t/a\"")}});
    CHECK(r.questions == ImportCounts{0, 1, 1});
    CHECK(r.sets == ImportCounts{0, 0, 1});
    CHECK(QuestionSetRepository(db).find("S")->question_ids == std::vector<std::string>{"t/b", "t/a"});
}

TEST_CASE("a set may name questions from another file of the same import or the bank") {
    auto db = Database::open(":memory:");
    import_question_texts(db, {{"sets.toml", set_toml("S", "\"t/a\"")}, {"q.toml", question_toml("t/a", "A")}});
    CHECK(QuestionSetRepository(db).find("S"));
    import_question_texts(db, {{"more.toml", set_toml("T", "\"t/a\"")}});
    CHECK(QuestionSetRepository(db).find("T"));
}

TEST_CASE("one bad file imports nothing at all, and every problem is listed") {
    auto db = Database::open(":memory:");
    import_question_texts(db, {{"base.toml", question_toml("t/a", "Original")}});
    const std::string good = question_toml("t/new", "New") + question_toml("t/a", "Changed");
    std::string bad = question_toml("t/c", "C");
    bad.replace(bad.find("minutes = 3"), 11, "minutes = 0");
    try {
        import_question_texts(db, {{"good.toml", good}, {"bad.toml", bad}});
        FAIL("expected an error");
    } catch (const FileError& e) {
        CHECK(e.problems().size() == 1);
        CHECK(std::string(e.what()).find("bad.toml:6:11: minutes") == 0);
    }
    CHECK(count(db, "question") == 1);
    CHECK(count(db, "question_fts") == 1);
    CHECK(QuestionRepository(db).find("t/a")->prompt == "Original");
}

TEST_CASE("problems only visible across files are caught before anything is written") {
    auto db = Database::open(":memory:");
    CHECK_THROWS_WITH_AS(import_question_texts(db, {{"one.toml", question_toml("t/a", "A")},
                                                    {"two.toml", question_toml("t/a", "A2")}}),
                         doctest::Contains("'t/a' is also defined at one.toml:1"), FileError);
    CHECK_THROWS_WITH_AS(import_question_texts(db, {{"s.toml", set_toml("S", "\"t/ghost\"")}}),
                         doctest::Contains("names question 't/ghost'"), FileError);
    CHECK_THROWS_WITH_AS(import_question_texts(db, {{"x.toml", set_toml("S", "")},
                                                    {"y.toml", set_toml("S", "")}}),
                         doctest::Contains("also in another file"), FileError);
    CHECK(count(db, "question") == 0);
    CHECK(count(db, "question_set") == 0);
}

TEST_CASE("files that cannot be read are reported by path, with nothing imported") {
    test::TempDir dir;
    auto db = Database::open(":memory:");
    test::write_file(dir / "ok.toml", question_toml("t/a", "A"));
    try {
        import_question_files(db, {dir / "ok.toml", dir / "missing.toml", dir.path()});
        FAIL("expected an error");
    } catch (const FileError& e) {
        const std::string what = e.what();
        CHECK(what.find((dir / "missing.toml").string() + ": no such file") != std::string::npos);
        CHECK(what.find("is a folder") != std::string::npos);
    }
    CHECK(count(db, "question") == 0);
}

TEST_CASE("import -> export -> import gives the same database; export -> import -> export the same bytes") {
    auto first = Database::open(":memory:");
    import_question_texts(first, {{"a.toml", question_toml("t/b", "B") + question_toml("t/a", "A \\\"quoted\\\"") +
                                                  set_toml("Screen", "\"t/b\", \"t/a\"") + set_toml("Alpha", "\"t/a\"")}});
    const std::string exported = write_question_file(collect_all_for_export(first));
    auto second = Database::open(":memory:");
    import_question_texts(second, {{"export.toml", exported}});
    CHECK(QuestionRepository(second).all() == QuestionRepository(first).all());
    CHECK(QuestionSetRepository(second).all() == QuestionSetRepository(first).all());
    CHECK(write_question_file(collect_all_for_export(second)) == exported);

    auto one_set = collect_set_for_export(first, "Alpha");
    REQUIRE(one_set);
    CHECK(one_set->questions.size() == 1);
    CHECK(one_set->sets.size() == 1);
    CHECK_FALSE(collect_set_for_export(first, "Nope"));
}

// The shipped bank reaching a user's database: all of it on a new one, and on one an older
// Panelist seeded, only what the newer edition adds; the user's edits, retirements and
// deletions stay as they are.
#include "persistence/files/file_problem.hpp"
#include "persistence/formats/bank_seed.hpp"
#include "persistence/store/curation_repository.hpp"
#include "persistence/store/question_repository.hpp"
#include "persistence/store/question_set_repository.hpp"
#include "tests/support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace panelist;
using panelist::test::TempDir;
using panelist::test::write_file;

namespace {

std::string question(const std::string& id, const std::string& prompt) {
    return fmt::format("\n[[question]]\nid = \"{}\"\ntopic = \"t\"\nlevel = \"both\"\ndifficulty = \"easy\"\n"
                       "minutes = 5\nprompt = \"{}\"\n",
                       id, prompt);
}

std::string set(const std::string& name, const std::string& ids) {
    return fmt::format("\n[[set]]\nname = \"{}\"\nminutes = 30\nquestions = [{}]\n", name, ids);
}

// A bank folder with one file holding `body`.
std::vector<std::filesystem::path> edition(TempDir& dir, const std::string& name, const std::string& body) {
    const auto file = dir / (name + ".toml");
    write_file(file, "format = 1\n" + body);
    return {file};
}

} // namespace

TEST_CASE("a newer edition adds its new questions and sets, and leaves every question the user has as they left it") {
    TempDir dir;
    auto db = Database::open(":memory:");
    const auto first = edition(dir, "first",
                               question("t/kept", "First wording?") + question("t/edited", "Shipped wording?") +
                                   question("t/deleted", "Deleted by the user?") + question("t/retired", "Retired?") +
                                   set("Screen", "\"t/kept\""));
    CHECK(deliver_bank(db, first).seeded);

    QuestionRepository questions(db);
    auto edited = *questions.find("t/edited");
    edited.prompt = "The user's own wording?";
    questions.upsert(edited);
    questions.remove("t/deleted");
    CurationRepository(db).retire("t/retired");

    // The second edition corrects the questions it had, adds two and a set that names one the
    // user deleted.
    const auto second = edition(dir, "first",
                                question("t/kept", "Corrected wording?") + question("t/edited", "Corrected too?") +
                                    question("t/deleted", "Deleted by the user?") + question("t/retired", "Retired?") +
                                    question("t/new-one", "New one?") + question("t/new-two", "New two?") +
                                    set("Screen", "\"t/kept\", \"t/new-one\"") +
                                    set("Onsite", "\"t/deleted\", \"t/new-two\", \"t/edited\""));
    const auto added = deliver_bank(db, second);
    CHECK_FALSE(added.seeded);
    CHECK(added.questions == 2);
    CHECK(added.sets == 1);
    CHECK(questions.find("t/new-one"));
    CHECK(questions.find("t/kept")->prompt == "First wording?");          // never changed under the user
    CHECK(questions.find("t/edited")->prompt == "The user's own wording?");
    CHECK_FALSE(questions.find("t/deleted"));                              // deleted stays deleted
    CHECK(CurationRepository(db).is_retired("t/retired"));                 // retired stays retired
    QuestionSetRepository sets(db);
    CHECK(sets.find("Screen")->question_ids == std::vector<std::string>{"t/kept"});
    CHECK(sets.find("Onsite")->question_ids == std::vector<std::string>{"t/new-two", "t/edited"});

    // The same files again: nothing to do. A question the user deletes now stays deleted too.
    questions.remove("t/new-one");
    const auto again = deliver_bank(db, second);
    CHECK(again.questions == 0);
    CHECK(again.sets == 0);
    CHECK_FALSE(questions.find("t/new-one"));
}

TEST_CASE("a question the user wrote under an id a newer edition ships is theirs: the edition does not overwrite it") {
    TempDir dir;
    auto db = Database::open(":memory:");
    deliver_bank(db, edition(dir, "bank", question("t/one", "One?")));
    QuestionRepository questions(db);
    questions.upsert([] {
        Question q;
        q.id = "t/two";
        q.topic = "t";
        q.prompt = "The user's own question?";
        return q;
    }());
    const auto added = deliver_bank(db, edition(dir, "bank", question("t/one", "One?") + question("t/two", "Shipped two?")));
    CHECK(added.questions == 0);
    CHECK(questions.find("t/two")->prompt == "The user's own question?");
}

TEST_CASE("an unreadable or broken newer edition changes nothing and says which file") {
    TempDir dir;
    auto db = Database::open(":memory:");
    deliver_bank(db, edition(dir, "bank", question("t/one", "One?")));
    const auto broken = edition(dir, "bank", question("t/one", "One?") + "\n[[question]]\nid = 7\n");
    CHECK_THROWS_WITH_AS(deliver_bank(db, broken), doctest::Contains("bank.toml"), FileError);
    CHECK_THROWS_AS(deliver_bank(db, {dir / "missing.toml"}), FileError);
    CHECK(QuestionRepository(db).count() == 1);
}

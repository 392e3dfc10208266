#include "persistence/store/question_repository.hpp"
#include "tests/persistence/fixtures.hpp"
#include "tests/support/temp_dir.hpp"
#include "ui/context/store_cache.hpp"

#include <doctest/doctest.h>

using namespace panelist;

TEST_CASE("a screen's cached read is reused until this or another connection writes, or the key changes") {
    test::TempDir dir;
    auto db = Database::open(dir / "p.db");
    SQLite::Database other((dir / "p.db").string(), SQLite::OPEN_READWRITE);
    QuestionRepository questions(db);
    StoreCache<int, int> count;
    int loads = 0;
    auto read = [&](int key) {
        return count.get(db, key, [&] {
            ++loads;
            return questions.count();
        });
    };
    CHECK(read(1) == 0);
    CHECK(read(1) == 0);
    CHECK(loads == 1); // nothing changed: no second query
    questions.upsert(test::question("a/one", "a", "One"));
    CHECK(read(1) == 1); // our own write
    other.exec("DELETE FROM question");
    CHECK(read(1) == 0); // another process's commit
    CHECK(loads == 3);
    read(2);
    CHECK(loads == 4); // another key
}

#include "domain/people.hpp"
#include "domain/text.hpp"
#include "persistence/store/database.hpp"
#include "persistence/store/people_repository.hpp"
#include "persistence/store/text_characters.hpp"
#include "tests/support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace panelist;
using panelist::test::TempDir;

namespace {
bool has(const std::vector<char32_t>& found, std::string_view text) {
    const auto wanted = code_points(text);
    return std::all_of(wanted.begin(), wanted.end(), [&](char32_t c) {
        return std::binary_search(found.begin(), found.end(), c);
    });
}
Loop saved_loop(PeopleRepository& people, std::string name) {
    Loop loop;
    loop.name = std::move(name);
    people.save(loop);
    return loop;
}

Candidate candidate(std::int64_t loop_id, std::string name, std::string notes) {
    Candidate c;
    c.loop_id = loop_id;
    c.name = std::move(name);
    c.notes = std::move(notes);
    return c;
}
} // namespace

TEST_CASE("the characters to draw are those of names and notes in any script, once each, sorted") {
    TempDir dir;
    auto db = Database::open(dir / "p.db");
    PeopleRepository people(db);
    const Loop loop = saved_loop(people, "Loop ☕");
    Candidate a = candidate(loop.id, "王小明", "Очень хорошо 👍");
    Candidate b = candidate(loop.id, "מרים", "王 again");
    people.save(a);
    people.save(b);

    const auto found = characters_beyond_ascii(db.sql());
    CHECK(has(found, "王小明"));
    CHECK(has(found, "מרים"));
    CHECK(has(found, "Очень"));
    CHECK(has(found, "👍☕"));
    CHECK(std::is_sorted(found.begin(), found.end()));
    CHECK(std::adjacent_find(found.begin(), found.end()) == found.end());
    CHECK(std::none_of(found.begin(), found.end(), [](char32_t c) { return c < 0x80; }));
}

TEST_CASE("an English database needs no character beyond ASCII") {
    TempDir dir;
    auto db = Database::open(dir / "p.db");
    PeopleRepository people(db);
    const Loop loop = saved_loop(people, "Berlin");
    Candidate a = candidate(loop.id, "Grace Hopper", "Plain notes.");
    people.save(a);
    CHECK(characters_beyond_ascii(db.sql()).empty());
}

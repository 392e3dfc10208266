// The curator's commands as a script sees them: similar and duplicates find what is alike;
// retire, unretire, merge and keep-apart act on it. The twins are a fixture's
// (tests/fixtures/twins.toml), imported over the shipped bank: they are found whatever the bank
// holds, and the bank's own questions around them must not hide them.
#include "tests/support/panelist_process.hpp"
#include "tests/support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <string>

using panelist::test::has;
using panelist::test::run_panelist;
using panelist::test::TempDir;

namespace {
const std::string twins = std::string(PANELIST_FIXTURES_DIR) + "/twins.toml";

// A database with the shipped bank and the fixture's twins.
std::string bank_with_twins(TempDir& home) {
    const auto db = (home / "p.db").string();
    REQUIRE(run_panelist(home, {"--db", db, "import", twins}).code == 0);
    return db;
}
} // namespace

TEST_CASE("similar lists a question's twin first, with its closeness, and never the question itself") {
    TempDir home;
    const auto db = bank_with_twins(home);
    const auto r = run_panelist(home, {"--db", db, "similar", "twins/batching-tune", "--limit", "3"});
    CHECK(r.code == 0);
    CHECK(has(r.err, "Closest to twins/batching-tune: What is dynamic batching"));
    REQUIRE(r.out.find('\n') != std::string::npos);
    const std::string first = r.out.substr(0, r.out.find('\n'));
    CHECK(has(first, "%  twins/batching-throughput"));
    CHECK_FALSE(has(r.out, "twins/batching-tune"));
    CHECK(has(r.err, "3 questions"));
}

TEST_CASE("similar takes the text of a question being written and finds the prompts like it") {
    TempDir home;
    const auto db = bank_with_twins(home);
    // The prompt the bank has, typed again: found first, and as close as can be.
    const auto r = run_panelist(home, {"--db", db, "similar",
                                       "What automated gates would you put between a registered model version and production traffic?"});
    CHECK(r.code == 0);
    CHECK(has(r.out.substr(0, r.out.find('\n')), "100%  twins/gate-promotion"));
    const auto nothing = run_panelist(home, {"--db", db, "similar", "What is your favourite holiday?"});
    CHECK(nothing.code == 0);
    CHECK(nothing.out.empty());
    CHECK(has(nothing.err, "Nothing in the bank is like it (every question is under 10% close)."));
}

TEST_CASE("duplicates lists twins, each pair once, closest first; --min and --set narrow it") {
    TempDir home;
    const auto db = bank_with_twins(home);
    const auto all = run_panelist(home, {"--db", db, "duplicates"});
    CHECK(all.code == 0);
    const char* batching = "twins/batching-throughput  ~  twins/batching-tune";
    const char* gates = "twins/gate-promotion  ~  twins/gate-release";
    const char* latency = "twins/latency-ranking  ~  twins/latency-recommend";
    for (const char* pair : {batching, gates, latency}) CHECK_MESSAGE(has(all.out, pair), pair);
    CHECK(all.out.find(batching) < all.out.find(gates)); // 81% before 58%
    CHECK(all.out.find(gates) < all.out.find(latency));  // 58% before 54%
    CHECK_FALSE(has(all.out, "twins/batching-tune  ~  twins/batching-throughput"));
    CHECK(has(all.err, "at 25% closeness or more (pairs kept apart and retired questions are not listed)"));

    const auto stricter = run_panelist(home, {"--db", db, "duplicates", "--min", "70"});
    CHECK(has(stricter.out, batching));
    CHECK_FALSE(has(stricter.out, gates));

    const auto in_set = run_panelist(home, {"--db", db, "duplicates", "--set", "Twins - Junior screen, 30 min"});
    CHECK(in_set.code == 0);
    CHECK_FALSE(has(in_set.out, batching)); // the junior screen holds only twins/psi-basics
    const auto no_set = run_panelist(home, {"--db", db, "duplicates", "--set", "No such set"});
    CHECK(no_set.code == 1);
    CHECK(has(no_set.err, "There is no question set named 'No such set'."));
    CHECK(run_panelist(home, {"--db", db, "duplicates", "--min", "0"}).code == 2);
}

TEST_CASE("keep-apart, retire and merge settle pairs: duplicates stops listing them") {
    TempDir home;
    const auto db = bank_with_twins(home);
    const char* batching = "twins/batching-throughput  ~  twins/batching-tune";
    const char* gates = "twins/gate-promotion  ~  twins/gate-release";
    const char* latency = "twins/latency-ranking  ~  twins/latency-recommend";

    const auto apart = run_panelist(home, {"--db", db, "keep-apart", "twins/latency-recommend", "twins/latency-ranking"});
    CHECK(apart.code == 0);
    CHECK(has(apart.out, "are kept apart: never listed as duplicates again"));
    CHECK(has(run_panelist(home, {"--db", db, "keep-apart", "twins/latency-ranking", "twins/latency-recommend"}).out,
              "were kept apart already"));

    const auto retire = run_panelist(home, {"--db", db, "retire", "twins/gate-promotion"});
    CHECK(retire.code == 0);
    CHECK(has(retire.out, "twins/gate-promotion: retired; past interviews keep it, plans never offer it"));

    const auto merge = run_panelist(home, {"--db", db, "merge", "twins/batching-tune", "twins/batching-throughput"});
    CHECK(merge.code == 0);
    CHECK(has(merge.out, "Merged twins/batching-throughput into twins/batching-tune"));

    const auto after = run_panelist(home, {"--db", db, "duplicates"});
    CHECK_FALSE(has(after.out, batching));
    CHECK_FALSE(has(after.out, latency));
    CHECK_FALSE(has(after.out, gates));
    CHECK_FALSE(has(run_panelist(home, {"--db", db, "questions", "--", "topic:twins"}).out, "twins/batching-throughput"));

    // Restored, the retired question is a duplicate again.
    const auto back = run_panelist(home, {"--db", db, "unretire", "twins/gate-promotion"});
    CHECK(has(back.out, "twins/gate-promotion: restored; plans offer it again"));
    CHECK(has(run_panelist(home, {"--db", db, "duplicates"}).out, gates));
}

TEST_CASE("the curator's commands refuse unknown questions and change nothing") {
    TempDir home;
    const auto db = bank_with_twins(home);
    const std::string bank_before = run_panelist(home, {"--db", db, "questions"}).out;
    const auto retire = run_panelist(home, {"--db", db, "retire", "twins/psi-basics", "no/such"});
    CHECK(retire.code == 1);
    CHECK(has(retire.err, "There is no question 'no/such' in the bank; nothing was retired."));
    CHECK_FALSE(has(run_panelist(home, {"--db", db, "retire", "twins/psi-basics"}).out, "already"));

    const auto merge = run_panelist(home, {"--db", db, "merge", "twins/psi-basics", "no/such"});
    CHECK(merge.code == 1);
    CHECK(has(merge.err, "no question 'no/such' in the bank"));
    const auto self = run_panelist(home, {"--db", db, "merge", "twins/psi-basics", "twins/psi-basics"});
    CHECK(self.code == 1);
    CHECK(has(self.err, "twice: name two questions"));
    const auto apart = run_panelist(home, {"--db", db, "keep-apart", "twins/psi-basics", "no/such"});
    CHECK(apart.code == 1);
    CHECK(run_panelist(home, {"--db", db, "questions"}).out == bank_before); // every question still there
}

TEST_CASE("coverage says what a set covers and warns when it leaves no time for introductions") {
    TempDir home;
    const auto db = bank_with_twins(home);
    const auto r = run_panelist(home, {"--db", db, "coverage", "Twins - Senior onsite, 60 min"});
    CHECK(r.code == 0);
    CHECK(has(r.out, "minutes     55 planned of 60: 5 left for introductions and the candidate's questions (keep 10)"));
    CHECK(has(r.out, "topics      twins 7"));
    CHECK(has(r.out, "beside      Twins - Junior screen, 30 min (30 min, 1 question): 1 shared"));
    CHECK(has(r.out, "warning     Leaves 5 of 60 minutes for introductions"));
    CHECK(has(r.out, "warning     twins/psi-basics is not meant for this set's level."));
    const auto none = run_panelist(home, {"--db", db, "coverage", "No such set"});
    CHECK(none.code == 1);
    CHECK(has(none.err, "There is no question set named 'No such set'."));
}

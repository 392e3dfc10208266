// The curator's commands as a script sees them: similar and duplicates over the shipped bank.
#include "tests/support/panelist_process.hpp"
#include "tests/support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <string>

using panelist::test::has;
using panelist::test::run_panelist;
using panelist::test::TempDir;

TEST_CASE("similar lists a question's twin first, with its closeness, and never the question itself") {
    TempDir home;
    const auto db = (home / "p.db").string();
    const auto r = run_panelist(home, {"--db", db, "similar", "serving/dynamic-batching", "--limit", "3"});
    CHECK(r.code == 0);
    CHECK(has(r.err, "Closest to serving/dynamic-batching: What is dynamic batching"));
    REQUIRE(r.out.find('\n') != std::string::npos);
    const std::string first = r.out.substr(0, r.out.find('\n'));
    CHECK(has(first, "%  inference-optimisation/dynamic-batching"));
    CHECK_FALSE(has(r.out, "serving/dynamic-batching"));
    CHECK(has(r.err, "3 questions"));
}

TEST_CASE("similar takes the text of a question being written and finds the prompts like it") {
    TempDir home;
    const auto db = (home / "p.db").string();
    const auto r = run_panelist(home, {"--db", db, "similar", "How would you detect drift in a categorical feature?"});
    CHECK(r.code == 0);
    CHECK(has(r.out.substr(0, r.out.find('\n')), "monitoring/categorical-drift"));
    const auto nothing = run_panelist(home, {"--db", db, "similar", "What is your favourite holiday?"});
    CHECK(nothing.code == 0);
    CHECK(nothing.out.empty());
    CHECK(has(nothing.err, "Nothing in the bank is like it (every question is under 10% close)."));
}

TEST_CASE("duplicates lists the shipped bank's twins, each pair once, closest first; --set narrows it") {
    TempDir home;
    const auto db = (home / "p.db").string();
    const auto all = run_panelist(home, {"--db", db, "duplicates"});
    CHECK(all.code == 0);
    // Pairs an expert found asking the same thing in other words (issue #15).
    for (const char* pair : {"inference-optimisation/dynamic-batching  ~  serving/dynamic-batching",
                             "cicd/continuous-training  ~  pipelines/continuous-training-triggers",
                             "governance/reconstruct-past-decision  ~  tracking/lineage-audit",
                             "cicd/release-gate  ~  tracking/promotion-gates",
                             "fundamentals/platform-first-steps  ~  scenarios/platform-for-many-teams",
                             "inference-optimisation/latency-budget  ~  serving/latency-budget"})
        CHECK_MESSAGE(has(all.out, pair), pair);
    CHECK(all.out.find("inference-optimisation/dynamic-batching  ~  serving/dynamic-batching") <
          all.out.find("inference-optimisation/latency-budget  ~  serving/latency-budget"));
    CHECK_FALSE(has(all.out, "serving/dynamic-batching  ~  inference-optimisation/dynamic-batching"));
    CHECK(has(all.err, "at 25% closeness or more, among 170 questions"));

    const auto stricter = run_panelist(home, {"--db", db, "duplicates", "--min", "45"});
    CHECK(has(stricter.out, "inference-optimisation/dynamic-batching  ~  serving/dynamic-batching"));
    CHECK_FALSE(has(stricter.out, "serving/latency-budget"));

    const auto no_set = run_panelist(home, {"--db", db, "duplicates", "--set", "No such set"});
    CHECK(no_set.code == 1);
    CHECK(has(no_set.err, "There is no question set named 'No such set'."));
    CHECK(run_panelist(home, {"--db", db, "duplicates", "--min", "0"}).code == 2);
}

// The curator's commands as a script sees them, over the shipped bank: similar and duplicates
// find what is alike; retire, unretire, merge and keep-apart act on it.
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
    CHECK(has(all.err, "at 25% closeness or more (pairs kept apart and retired questions are not listed)"));

    const auto stricter = run_panelist(home, {"--db", db, "duplicates", "--min", "45"});
    CHECK(has(stricter.out, "inference-optimisation/dynamic-batching  ~  serving/dynamic-batching"));
    CHECK_FALSE(has(stricter.out, "serving/latency-budget"));

    const auto no_set = run_panelist(home, {"--db", db, "duplicates", "--set", "No such set"});
    CHECK(no_set.code == 1);
    CHECK(has(no_set.err, "There is no question set named 'No such set'."));
    CHECK(run_panelist(home, {"--db", db, "duplicates", "--min", "0"}).code == 2);
}

TEST_CASE("keep-apart, retire and merge settle pairs: duplicates stops listing them") {
    TempDir home;
    const auto db = (home / "p.db").string();
    const char* batching = "inference-optimisation/dynamic-batching  ~  serving/dynamic-batching";
    const char* latency = "inference-optimisation/latency-budget  ~  serving/latency-budget";
    const char* gates = "cicd/release-gate  ~  tracking/promotion-gates";

    const auto apart = run_panelist(home, {"--db", db, "keep-apart", "serving/latency-budget",
                                           "inference-optimisation/latency-budget"});
    CHECK(apart.code == 0);
    CHECK(has(apart.out, "are kept apart: never listed as duplicates again"));
    CHECK(has(run_panelist(home, {"--db", db, "keep-apart", "inference-optimisation/latency-budget",
                                  "serving/latency-budget"}).out, "were kept apart already"));

    const auto retire = run_panelist(home, {"--db", db, "retire", "tracking/promotion-gates"});
    CHECK(retire.code == 0);
    CHECK(has(retire.out, "tracking/promotion-gates: retired; past interviews keep it, plans never offer it"));

    const auto merge = run_panelist(home, {"--db", db, "merge", "serving/dynamic-batching",
                                           "inference-optimisation/dynamic-batching"});
    CHECK(merge.code == 0);
    CHECK(has(merge.out, "Merged inference-optimisation/dynamic-batching into serving/dynamic-batching"));

    const auto after = run_panelist(home, {"--db", db, "duplicates"});
    CHECK_FALSE(has(after.out, batching));
    CHECK_FALSE(has(after.out, latency));
    CHECK_FALSE(has(after.out, gates));
    CHECK(has(after.out, "governance/reconstruct-past-decision  ~  tracking/lineage-audit")); // untouched
    CHECK_FALSE(has(run_panelist(home, {"--db", db, "questions", "--", "dynamic batching"}).out,
                    "inference-optimisation/dynamic-batching"));

    // Restored, the retired question is a duplicate again.
    const auto back = run_panelist(home, {"--db", db, "unretire", "tracking/promotion-gates"});
    CHECK(has(back.out, "tracking/promotion-gates: restored; plans offer it again"));
    CHECK(has(run_panelist(home, {"--db", db, "duplicates"}).out, gates));
}

TEST_CASE("the curator's commands refuse unknown questions and change nothing") {
    TempDir home;
    const auto db = (home / "p.db").string();
    const std::string bank_before = run_panelist(home, {"--db", db, "questions"}).out;
    const auto retire = run_panelist(home, {"--db", db, "retire", "monitoring/psi-computation", "no/such"});
    CHECK(retire.code == 1);
    CHECK(has(retire.err, "There is no question 'no/such' in the bank; nothing was retired."));
    CHECK_FALSE(has(run_panelist(home, {"--db", db, "retire", "monitoring/psi-computation"}).out, "already"));

    const auto merge = run_panelist(home, {"--db", db, "merge", "monitoring/psi-computation", "no/such"});
    CHECK(merge.code == 1);
    CHECK(has(merge.err, "no question 'no/such' in the bank"));
    const auto self = run_panelist(home, {"--db", db, "merge", "monitoring/psi-computation",
                                          "monitoring/psi-computation"});
    CHECK(self.code == 1);
    CHECK(has(self.err, "twice: name two questions"));
    const auto apart = run_panelist(home, {"--db", db, "keep-apart", "monitoring/psi-computation", "no/such"});
    CHECK(apart.code == 1);
    CHECK(run_panelist(home, {"--db", db, "questions"}).out == bank_before); // every question still there
}

TEST_CASE("coverage says what a set covers and warns when it leaves no time for introductions") {
    TempDir home;
    const auto db = (home / "p.db").string();
    const auto r = run_panelist(home, {"--db", db, "coverage", "MLOps Engineer - Senior onsite, 60 min"});
    CHECK(r.code == 0);
    CHECK(has(r.out, "minutes     56 planned of 60: 4 left for introductions and the candidate's questions (keep 10)"));
    CHECK(has(r.out, "topics      cicd 1, deployment 1, features 1, monitoring 1, serving 1, versioning 1"));
    CHECK(has(r.out, "beside      MLOps Engineer - Junior phone screen, 30 min"));
    CHECK(has(r.out, "warning     Leaves 4 of 60 minutes for introductions"));
    const auto none = run_panelist(home, {"--db", db, "coverage", "No such set"});
    CHECK(none.code == 1);
    CHECK(has(none.err, "There is no question set named 'No such set'."));
}

// What loops measured about a question (docs/curation.md), worked by hand on small loops.
#include "domain/question_record.hpp"

#include <doctest/doctest.h>

using namespace panelist;

namespace {

AskedAnswer answer(std::string id, std::int64_t loop, std::int64_t candidate, std::string who, std::string date,
                   std::optional<int> score) {
    return {std::move(id), loop, candidate, std::move(who), std::move(date), score, 5};
}

} // namespace

TEST_CASE("times asked, spread, separation and disagreement, worked by hand") {
    // Loop 1: A, B, C, D. Overall (equal minutes): A (5+5+3)/3 = 4.33, B 4, C 2, D (1+3)/2 = 2.
    // Sorted 2, 2, 4, 4.33: the median (upper middle) is 4, so A and B are the top half.
    const std::vector<AskedAnswer> answers = {
        answer("q", 1, 1, "X", "2026-11-01", 5), answer("r", 1, 1, "X", "2026-11-01", 5),
        answer("q", 1, 1, "Y", "2026-11-02", 3), // a second interviewer scored A on q
        answer("q", 1, 2, "X", "2026-10-01", 4), answer("r", 1, 2, "X", "2026-10-01", 4),
        answer("q", 1, 3, "X", "2026-10-02", 2), answer("r", 1, 3, "X", "2026-10-02", 2),
        answer("q", 1, 4, "X", "2026-10-03", 1), answer("r", 1, 4, "X", "2026-10-03", 3),
        answer("old", 1, 4, "X", "2025-01-01", std::nullopt), // unscored, long ago
    };
    const auto records = question_records(answers, "2026-12-03");
    const auto& q = records.at("q");
    CHECK(q.asked == 5);
    CHECK(q.asked_last_year == 5);
    CHECK(q.last_asked == "2026-11-02");
    CHECK(q.scored == 5);
    CHECK(*q.mean == doctest::Approx(3.0)); // (5+3+4+2+1)/5
    CHECK(q.lowest == 1);
    CHECK(q.highest == 5);
    // Top half's answers 5, 3, 4 (mean 4.0); bottom half's 2, 1 (mean 1.5).
    CHECK(*q.separation == doctest::Approx(2.5));
    CHECK(q.top_answers == 3);
    CHECK(q.bottom_answers == 2);
    CHECK_FALSE(q.measured()); // fewer than 4 answers on a side: no verdict yet
    // X gave A 5 and Y gave A 3: one pair, 2 points apart.
    CHECK(q.disagreement_pairs == 1);
    CHECK(*q.disagreement == doctest::Approx(2.0));

    const auto& old = records.at("old");
    CHECK(old.asked == 1);
    CHECK(old.asked_last_year == 0); // 2025-01-01 is more than 365 days before 2026-12-03
    CHECK(old.scored == 0);
    CHECK_FALSE(old.mean);
    CHECK_FALSE(old.separation);
    CHECK_FALSE(records.contains("never"));
}

TEST_CASE("a question every candidate scores the same on no longer tells them apart: quality:low") {
    // Loop 2: eight candidates, all 3 on s, spread out on r: four on each side of the median.
    std::vector<AskedAnswer> answers;
    for (int c = 1; c <= 8; ++c) {
        answers.push_back(answer("s", 2, c, "X", "2026-11-10", 3));
        answers.push_back(answer("r", 2, c, "X", "2026-11-10", 1 + (c - 1) / 2)); // 1 1 2 2 3 3 4 4
    }
    const auto records = question_records(answers, "2026-12-03");
    const auto& s = records.at("s");
    CHECK(s.top_answers == 4);
    CHECK(s.bottom_answers == 4);
    CHECK(*s.separation == doctest::Approx(0.0));
    CHECK(s.measured());
    CHECK(s.low_quality());
    CHECK(s.flagged());
    const auto& r = records.at("r");
    CHECK(*r.separation == doctest::Approx(2.0)); // top 3 3 4 4 (3.5) minus bottom 1 1 2 2 (1.5)
    CHECK_FALSE(r.low_quality());

    const auto filter = [](const char* text) { return parse_search_query(text).records.at(0); };
    CHECK(passes(&s, filter("quality:low")));
    CHECK_FALSE(passes(&r, filter("quality:low")));
    CHECK(passes(&r, filter("quality:ok")));
    CHECK_FALSE(passes(&s, filter("-quality:low")));
    CHECK(passes(nullptr, filter("quality:unmeasured"))); // never asked
    CHECK(passes(&s, filter("asked:8")));
    CHECK(passes(&s, filter("asked:>7")));
    CHECK_FALSE(passes(&s, filter("asked:<8")));
    CHECK(passes(&s, filter("asked:<=8")));
    CHECK(passes(nullptr, filter("asked:0")));
    CHECK_FALSE(passes(nullptr, filter("asked:>=1")));
}

TEST_CASE("asked in more than 20 interviews in a year is over-exposed; 20 is not") {
    std::vector<AskedAnswer> answers;
    for (int i = 0; i < 21; ++i) answers.push_back(answer("t", 1, i, "X", "2026-06-01", 4));
    for (int i = 0; i < 20; ++i) answers.push_back(answer("u", 1, i, "X", "2026-06-01", 4));
    for (int i = 0; i < 30; ++i) answers.push_back(answer("v", 1, i, "X", "2024-06-01", 4)); // long ago
    const auto records = question_records(answers, "2026-12-03");
    CHECK(records.at("t").over_exposed());
    CHECK_FALSE(records.at("u").over_exposed());
    CHECK_FALSE(records.at("v").over_exposed());
    CHECK(records.at("v").asked == 30);
}

TEST_CASE("sort:asked, sort:last and sort:quality order the ids, never-asked ones last") {
    std::vector<AskedAnswer> answers;
    for (int c = 1; c <= 8; ++c) {
        answers.push_back(answer("flat", 1, c, "X", "2026-01-01", 3));
        answers.push_back(answer("steep", 1, c, "X", "2026-02-01", 1 + (c - 1) / 2));
    }
    answers.push_back(answer("once", 2, 1, "X", "2026-11-30", 5)); // another loop: the split above stays 4 and 4
    const auto records = question_records(answers, "2026-12-03");
    std::vector<std::string> ids = {"never", "once", "steep", "flat"};
    sort_by_record(ids, RecordSort::asked, records);
    CHECK(ids == std::vector<std::string>{"steep", "flat", "once", "never"});
    sort_by_record(ids, RecordSort::last_asked, records);
    CHECK(ids == std::vector<std::string>{"once", "steep", "flat", "never"});
    sort_by_record(ids, RecordSort::quality, records);
    CHECK(ids.at(0) == "flat"); // the least telling first
    CHECK(ids.at(1) == "steep");
}

TEST_CASE("the search language reads asked:, quality: and sort:, and says what it expects") {
    const auto q = parse_search_query("drift asked:>=20 -quality:low sort:last");
    REQUIRE(q.records.size() == 2);
    CHECK(q.records[0].key == RecordKey::asked);
    CHECK(q.records[0].comparison == Comparison::greater_or_equal);
    CHECK(q.records[0].number == 20);
    CHECK(q.records[1].negated);
    CHECK(q.sort == RecordSort::last_asked);
    CHECK(q.terms.size() == 1);
    CHECK(q.uses_records());
    for (const char* bad : {"asked:many", "asked:>", "quality:great", "sort:name", "-sort:asked", "asked:9999999"})
        CHECK_THROWS_AS(parse_search_query(bad), QueryError);
}

#include "persistence/store/question_repository.hpp"
#include "persistence/store/question_set_repository.hpp"
#include "persistence/search/search_index.hpp"
#include "persistence/sqlite/write_transaction.hpp"
#include "tests/persistence/fixtures.hpp"
#include "tests/support/temp_dir.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <algorithm>
#include <doctest/doctest.h>

using namespace panelist;

namespace {
struct Bank {
    Database db = Database::open(":memory:");
    QuestionRepository repo{db};
    Bank() {
        auto psi = test::question("monitoring/psi", "monitoring",
                                  "How does the population stability index detect drift?",
                                  Level::senior, Difficulty::medium);
        psi.tags = {"drift", "statistics"};
        repo.upsert(psi);
        auto ks = test::question("monitoring/ks", "monitoring",
                                 "When does a KS test mislead on large samples?", Level::senior,
                                 Difficulty::hard);
        ks.tags = {"statistics"};
        repo.upsert(ks);
        auto skew = test::question("features/skew", "features",
                                   "What causes training/serving skew in a feature store?",
                                   Level::both, Difficulty::easy);
        skew.tags = {"feature-store"};
        skew.answer = "Drifting definitions between offline and online code.";
        repo.upsert(skew);
        repo.upsert(test::question("serving/batch", "serving",
                                   "When is batch scoring better than an online endpoint?",
                                   Level::junior, Difficulty::easy));
    }
    std::vector<std::string> ids(const std::string& query) {
        std::vector<std::string> out;
        for (const auto& s : repo.search(parse_search_query(query))) out.push_back(s.id);
        return out;
    }
    std::vector<std::string> sorted_ids(const std::string& query) {
        auto out = ids(query);
        std::sort(out.begin(), out.end());
        return out;
    }
};
using Ids = std::vector<std::string>;
} // namespace

TEST_CASE("an empty query lists the whole bank by id") {
    Bank bank;
    CHECK(bank.ids("") == Ids{"features/skew", "monitoring/ks", "monitoring/psi", "serving/batch"});
}

TEST_CASE("words match prompt, answer, tags and stems, as prefixes while typing") {
    Bank bank;
    CHECK(bank.sorted_ids("drift") == Ids{"features/skew", "monitoring/psi"}); // answer + prompt
    CHECK(bank.ids("popul") == Ids{"monitoring/psi"});                       // prefix
    CHECK(bank.ids("statistics ks") == Ids{"monitoring/ks"});                // every word
    CHECK(bank.ids("STABILITY") == Ids{"monitoring/psi"});                   // case
}

TEST_CASE("the prompt outranks the answer") {
    Bank bank;
    CHECK(bank.ids("drift").front() == "monitoring/psi");
}

TEST_CASE("phrases match words in order") {
    Bank bank;
    CHECK(bank.ids("\"feature store\"") == Ids{"features/skew"});
    CHECK(bank.ids("\"store feature\"").empty());
}

TEST_CASE("filters narrow by topic, tag, level, difficulty and set") {
    Bank bank;
    CHECK(bank.sorted_ids("topic:monitoring") == Ids{"monitoring/ks", "monitoring/psi"});
    CHECK(bank.ids("tag:feature-store") == Ids{"features/skew"});
    CHECK(bank.sorted_ids("level:junior") == Ids{"features/skew", "serving/batch"});
    CHECK(bank.sorted_ids("level:senior") == Ids{"features/skew", "monitoring/ks", "monitoring/psi"});
    CHECK(bank.ids("level:both") == Ids{"features/skew"});
    CHECK(bank.ids("diff:hard") == Ids{"monitoring/ks"});
    CHECK(bank.ids("topic:monitoring diff:medium") == Ids{"monitoring/psi"});
    CHECK(bank.sorted_ids("topic:serving topic:features") == Ids{"features/skew", "serving/batch"});

    QuestionSetRepository sets(bank.db);
    QuestionSet s;
    s.name = "Senior onsite, 60 min";
    s.minutes = 60;
    s.question_ids = {"monitoring/ks", "features/skew"};
    sets.upsert(s);
    CHECK(bank.sorted_ids("set:\"senior onsite\"") == Ids{"features/skew", "monitoring/ks"});
    CHECK(bank.ids("set:onsite statistics") == Ids{"monitoring/ks"});
}

TEST_CASE("negation excludes words, phrases and filters") {
    Bank bank;
    CHECK(bank.ids("drift -feature") == Ids{"monitoring/psi"});
    CHECK(bank.sorted_ids("-topic:monitoring") == Ids{"features/skew", "serving/batch"});
    CHECK(bank.sorted_ids("-\"feature store\" -topic:monitoring") == Ids{"serving/batch"});
    CHECK(bank.ids("-level:junior") == Ids{"monitoring/ks", "monitoring/psi"});
}

TEST_CASE("punctuation and FTS operators typed by a user are plain text") {
    Bank bank;
    CHECK(bank.ids("training/serving").size() == 1);
    CHECK_NOTHROW(bank.ids("NOT AND OR * ^ ( ) :"));
    CHECK_NOTHROW(bank.ids("\"\" x \" \""));
    CHECK(bank.ids("100%").empty());
    CHECK(bank.ids("topic:mon%").empty());
}

TEST_CASE("the index follows edits: an old word stops matching, a new one matches") {
    Bank bank;
    auto q = *bank.repo.find("serving/batch");
    q.prompt = "When would you serve predictions from a nightly job?";
    q.answer = "Nightly jobs.";
    bank.repo.upsert(q);
    CHECK(bank.ids("scoring").empty());
    CHECK(bank.ids("nightly") == Ids{"serving/batch"});
}

TEST_CASE("a search inside a write sees the write's own changes, and leaves the write open") {
    Bank bank;
    WriteTransaction tx(bank.db.sql());
    bank.repo.upsert(test::question("serving/shadow", "serving", "How would you shadow a new model?"));
    CHECK(bank.ids("shadow") == Ids{"serving/shadow"}); // its read transaction nests as nothing
    tx.commit();
    CHECK(bank.ids("shadow") == Ids{"serving/shadow"});
}

TEST_CASE("count_matches agrees with search") {
    Bank bank;
    CHECK(bank.repo.count_matches(parse_search_query("topic:monitoring")) == 2);
    CHECK(bank.repo.count_matches(parse_search_query("")) == 4);
}

TEST_CASE("a ranked search can be cut to the best few, and still counts every match") {
    Bank bank;
    const auto best = bank.repo.search(parse_search_query("drift"), 1);
    REQUIRE(best.size() == 1);
    CHECK(best[0].id == "monitoring/psi"); // the prompt hit ranks first
    CHECK(bank.repo.count_matches(parse_search_query("drift")) == 2);
    CHECK(bank.repo.count_matches(parse_search_query("drift topic:features")) == 1);
}

TEST_CASE("one- and two-letter words match whole words only, longer ones also as a prefix") {
    Bank bank;
    CHECK(bank.ids("ks") == Ids{"monitoring/ks"});   // the word KS
    CHECK(bank.ids("k").empty());                     // not every word starting with k
    CHECK(bank.ids("sta").size() == 2);               // statistics, stability
}

TEST_CASE("a search matching more than can be ranked quickly comes back in bank order") {
    auto db = Database::open(":memory:");
    QuestionRepository repo(db);
    WriteTransaction tx(db.sql());
    for (int i = QuestionRepository::max_ranked_matches; i >= 0; --i) // inserted in reverse order
        repo.upsert(test::question(fmt::format("t/q{:05}", i), "t", "Explain the canary release number " + std::to_string(i)));
    tx.commit();
    const auto rows = repo.search(parse_search_query("canary"), 10);
    REQUIRE(rows.size() == 10);
    CHECK(rows[0].id == fmt::format("t/q{:05}", QuestionRepository::max_ranked_matches)); // first stored
    CHECK(repo.count_matches(parse_search_query("canary")) == QuestionRepository::max_ranked_matches + 1);
}

TEST_CASE("set: follows the sets as they are edited and deleted") {
    Bank bank;
    QuestionSetRepository sets(bank.db);
    QuestionSet s;
    s.name = "Phone screen";
    s.minutes = 30;
    s.question_ids = {"serving/batch"};
    sets.upsert(s);
    CHECK(bank.ids("set:phone") == Ids{"serving/batch"});
    s.question_ids = {"monitoring/psi", "features/skew"};
    sets.upsert(s); // batch leaves the set, two others join
    CHECK(bank.sorted_ids("set:phone") == Ids{"features/skew", "monitoring/psi"});
    CHECK(bank.ids("set:phone drift").front() == "monitoring/psi");
    CHECK(bank.sorted_ids("-set:phone") == Ids{"monitoring/ks", "serving/batch"});
    sets.remove("Phone screen");
    CHECK(bank.ids("set:phone").empty());
    CHECK(bank.ids("set:100%").empty()); // LIKE wildcards in a set name are plain text
}

TEST_CASE("topic: and tag: match the start of a name, one tag at a time") {
    Bank bank;
    CHECK(bank.sorted_ids("topic:MONITOR") == Ids{"monitoring/ks", "monitoring/psi"});
    CHECK(bank.ids("topic:itoring").empty()); // the start, not any part
    CHECK(bank.sorted_ids("tag:stat") == Ids{"monitoring/ks", "monitoring/psi"});
    CHECK(bank.ids("tag:\"drift statistics\"").empty()); // two tags are not one tag
    CHECK(bank.ids("tag:feature-st") == Ids{"features/skew"});
}

TEST_CASE("the word being typed matches what it may become, even past its stem") {
    Bank bank;
    // "stability" is indexed as "stabil": "stabilit" is on its way there.
    CHECK(bank.ids("stabilit") == Ids{"monitoring/psi"});
    CHECK(bank.ids("population stabilit") == Ids{"monitoring/psi"});
    CHECK(bank.ids("stabilitx ").empty()); // a finished word that is not in the bank
    CHECK(bank.ids("zzzzz").empty());
    CHECK(bank.ids("drift sc") .empty()); // two letters: the whole word "sc" only
    CHECK(bank.ids("drift sam").empty()); // no question has both
    CHECK(bank.ids("large sam") == Ids{"monitoring/ks"});
}

TEST_CASE("a search says how many matched, up to a cap, and whether it ranked them") {
    Bank bank;
    const auto ranked = bank.repo.run_search(parse_search_query("drift"), 10);
    CHECK(ranked.order == SearchOrder::best_first);
    CHECK(ranked.matches == 2);
    CHECK(ranked.counted_all);
    const auto listed = bank.repo.run_search(parse_search_query("level:senior"), 10);
    CHECK(listed.order == SearchOrder::id);
    CHECK(listed.matches == 3);
    CHECK(bank.repo.run_search(parse_search_query("level:senior"), 2).matches == 3); // counted past the rows
    CHECK(listed.rows.front().id == "features/skew"); // by id, though added third

    auto db = Database::open(":memory:");
    QuestionRepository repo(db);
    WriteTransaction tx(db.sql());
    for (int i = 0; i <= QuestionRepository::counted_matches; ++i)
        repo.upsert(test::question(fmt::format("t/q{:05}", i), "t", "Explain the canary release"));
    tx.commit();
    const auto many = repo.run_search(parse_search_query("canary"), 5);
    CHECK(many.rows.size() == 5);
    CHECK(many.matches == QuestionRepository::counted_matches);
    CHECK_FALSE(many.counted_all); // "2000+"
    CHECK(many.order == SearchOrder::added);
    // Filters alone: as many as fit are sorted by id; more come in the order added.
    const auto filtered = repo.run_search(parse_search_query("topic:t"), 3);
    CHECK(filtered.matches == QuestionRepository::counted_matches);
    CHECK_FALSE(filtered.counted_all);
    CHECK(filtered.order == SearchOrder::added);
    CHECK(filtered.rows.size() == 3);
    // The whole bank: counted exactly, listed by id.
    const auto bank_rows = repo.run_search(parse_search_query(""), 3);
    CHECK(bank_rows.matches == QuestionRepository::counted_matches + 1);
    CHECK(bank_rows.order == SearchOrder::id);
    REQUIRE(bank_rows.rows.size() == 3);
    CHECK(bank_rows.rows[2].id == "t/q00002");
}

TEST_CASE("an index of an older layout is rebuilt on open, and refused read-only") {
    test::TempDir dir;
    const auto path = dir / "p.db";
    {
        auto db = Database::open(path);
        QuestionRepository repo(db);
        repo.upsert(test::question("monitoring/psi", "monitoring", "How does the population stability index detect drift?"));
        db.sql().exec("UPDATE meta SET value = '1' WHERE key = 'search_index'");
        db.sql().exec("INSERT INTO question_fts (question_fts) VALUES ('delete-all')"); // as if the old index knew nothing
    }
    CHECK_THROWS_WITH_AS(Database::open(path, Access::read_only),
                         doctest::Contains("search index was built by an older Panelist"), DatabaseError);
    auto db = Database::open(path);
    QuestionRepository repo(db);
    CHECK(repo.search(parse_search_query("topic:monitoring stabil")).size() == 1);
}

TEST_CASE("a rebuild of the index counts the questions it has indexed, for the window to show") {
    Bank bank;
    bank.db.sql().exec("UPDATE meta SET value = '0' WHERE key = 'search_index'");
    OpeningProgress progress;
    ensure_search_index(bank.db.sql(), &progress);
    CHECK(progress.stage == OpeningProgress::Stage::indexing);
    CHECK(progress.to_index == 4);
    CHECK(progress.indexed == 4);
    OpeningProgress untouched; // a current index: nothing to do, nothing to show
    ensure_search_index(bank.db.sql(), &untouched);
    CHECK(untouched.stage == OpeningProgress::Stage::starting);
}

TEST_CASE("the term counts behind ranking follow every edit") {
    Bank bank;
    CHECK(term_documents(bank.db.sql(), "drift") == 2); // psi's prompt and tag, skew's answer
    CHECK(term_documents(bank.db.sql(), "statist") == 2);
    CHECK(prefix_documents(bank.db.sql(), "stat") == 2);
    auto skew = *bank.repo.find("features/skew");
    skew.answer = "Definitions that differ between offline and online code.";
    bank.repo.upsert(skew);
    CHECK(term_documents(bank.db.sql(), "drift") == 1);
    bank.repo.remove("monitoring/psi");
    CHECK(term_documents(bank.db.sql(), "drift") == 0);
    CHECK(term_documents(bank.db.sql(), "popul") == 0); // gone with the only question holding it
    CHECK(indexed_terms_starting(bank.db.sql(), "popul", 5).empty());
}

namespace {
// Everything the index holds, read from FTS5's own lists (fts5vocab), with the term counts.
std::vector<std::string> index_contents(SQLite::Database& db) {
    db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.indexed USING fts5vocab(main, question_fts, "
            "'instance')");
    std::vector<std::string> out;
    SQLite::Statement entries(db, "SELECT term, doc, col, offset FROM temp.indexed ORDER BY 1, 2, 3, 4");
    while (entries.executeStep())
        out.push_back(fmt::format("{} {} {} {}", entries.getColumn(0).getString(), entries.getColumn(1).getInt64(),
                                  entries.getColumn(2).getString(), entries.getColumn(3).getInt()));
    SQLite::Statement terms(db, "SELECT term, docs FROM question_term ORDER BY term");
    while (terms.executeStep())
        out.push_back(fmt::format("count {} {}", terms.getColumn(0).getString(), terms.getColumn(1).getInt()));
    out.push_back(fmt::format("rows {}", db.execAndGet("SELECT count(*) FROM question_fts").getInt()));
    return out;
}
} // namespace

TEST_CASE("after edits of every kind the index holds exactly what a rebuild from the questions "
          "makes") {
    // The index keeps no copy of the texts: each edit takes entries out with the texts they
    // were made from. A mistake there leaves words behind or takes the wrong ones out.
    Bank bank;
    QuestionSetRepository sets(bank.db);
    auto batch = *bank.repo.find("serving/batch");
    batch.prompt = "When would you serve predictions from a nightly job?";
    batch.follow_ups = {"What if the job fails at night?"};
    bank.repo.upsert(batch);
    auto psi = *bank.repo.find("monitoring/psi");
    psi.tags = {"drift", "population"};
    psi.rubric.five = "Names the bins and the threshold.";
    bank.repo.upsert(psi);
    QuestionSet loop;
    loop.name = "Senior loop";
    loop.role = "MLOps engineer";
    loop.question_ids = {"monitoring/psi", "monitoring/ks"};
    sets.upsert(loop);
    loop.question_ids = {"monitoring/ks", "features/skew"};
    sets.upsert(loop);
    bank.repo.upsert(test::question("serving/canary", "serving", "How would you canary a new model?"));
    QuestionSet other = loop;
    other.name = "Second loop";
    other.question_ids = {"serving/canary", "monitoring/ks"};
    sets.upsert(other);
    sets.remove("Senior loop");
    bank.repo.remove("features/skew");
    bank.repo.rename("monitoring/ks", "monitoring/kolmogorov");
    auto ks = *bank.repo.find("monitoring/kolmogorov");
    ks.topic = "statistics";
    ks.level = Level::junior;
    bank.repo.upsert(ks);

    const auto edited = index_contents(bank.db.sql());
    CHECK(bank.ids("nightly") == Ids{"serving/batch"});
    CHECK(bank.ids("skew").empty());
    CHECK(bank.ids("set:\"Second loop\"") == Ids{"monitoring/kolmogorov", "serving/canary"});
    bank.db.sql().exec("INSERT INTO question_fts (question_fts) VALUES ('integrity-check')");
    bank.db.sql().exec("UPDATE meta SET value = '0' WHERE key = 'search_index'");
    ensure_search_index(bank.db.sql());
    CHECK(index_contents(bank.db.sql()) == edited);
}

TEST_CASE("panelist_rank scores exactly as FTS5's bm25() with the same weights") {
    Bank bank;
    bank.repo.search(parse_search_query("x")); // registers panelist_rank on this connection
    SQLite::Statement both(bank.db.sql(), "SELECT panelist_rank(question_fts, '2 2'), "
                                          "bm25(question_fts, 10.0, 1.0, 2.0, 1.0, 5.0, 0.0) FROM question_fts "
                                          "WHERE question_fts MATCH ? ORDER BY rowid");
    both.bind(1, "({prompt answer follow_ups rubric tags} : \"drift\") OR ({prompt answer follow_ups rubric tags} : \"statistics\")");
    int rows = 0;
    while (both.executeStep()) {
        ++rows;
        CHECK(both.getColumn(0).getDouble() == doctest::Approx(both.getColumn(1).getDouble()).epsilon(1e-9));
    }
    CHECK(rows == 3);
}

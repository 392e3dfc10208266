// The shipped MLOps bank, loaded through the real importer, meets the bar of the bank issue.
#include "domain/plan_assembly.hpp"
#include "persistence/files/paths.hpp"
#include "persistence/formats/question_import.hpp"
#include "persistence/store/curation_repository.hpp"
#include "persistence/store/question_repository.hpp"
#include "persistence/store/question_set_repository.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

using namespace panelist;

namespace {

std::vector<std::string> words(const std::string& text) {
    std::vector<std::string> out;
    std::string w;
    for (char c : text + " ") {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || c == '\'') w += static_cast<char>(std::tolower(u));
        else if (!w.empty()) out.push_back(std::move(w)), w.clear();
    }
    return out;
}

struct Bank {
    Database db = Database::open(":memory:");
    ImportReport report;
    std::vector<Question> questions;
    std::vector<QuestionSet> sets;
    std::vector<std::pair<std::string, std::string>> kept_apart;
    Bank() {
        report = import_question_files(db, bank_files(PANELIST_BANK_DIR));
        questions = QuestionRepository(db).all();
        sets = QuestionSetRepository(db).all();
        kept_apart = CurationRepository(db).kept_apart();
    }
    int count_topic(const std::string& topic) const {
        return static_cast<int>(std::count_if(questions.begin(), questions.end(), [&](auto& q) { return q.topic == topic; }));
    }
};

const Bank& bank() {
    static const Bank loaded; // loaded once for the whole suite; tests only read it
    return loaded;
}

// Words that carry little meaning, left out when comparing prompts.
const std::set<std::string> stop_words = {
    "a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "is", "are", "you", "your", "how",
    "what", "would", "do", "does", "with", "it", "that", "this", "when", "why", "which", "be", "as",
    "at", "by", "from", "can", "we", "i", "if", "they", "their", "its", "into", "about", "one", "s"};

std::set<std::string> content_words(const std::string& text) {
    std::set<std::string> out;
    for (auto& w : words(text))
        if (!stop_words.count(w)) out.insert(w);
    return out;
}

double jaccard(const std::set<std::string>& a, const std::set<std::string>& b) {
    std::size_t common = 0;
    for (const auto& w : a) common += b.count(w);
    const std::size_t all = a.size() + b.size() - common;
    return all == 0 ? 1.0 : double(common) / double(all);
}

} // namespace

TEST_CASE("the second edition imports cleanly and holds at least 260 questions, with what a 2026 hire needs") {
    CHECK(bank().report.questions.added >= 260);
    CHECK(bank().questions.size() >= 260);
    CHECK(bank().count_topic("llmops") >= 30);
    CHECK(bank().count_topic("behavioural") >= 10);
    CHECK(bank().count_topic("system-design") >= 6);
}

TEST_CASE("every gap the expert review named is asked about somewhere") {
    std::string all;
    for (const auto& q : bank().questions) {
        all += " " + q.id + " " + q.prompt + " " + q.answer;
        for (const auto& t : q.tags) all += " " + t;
    }
    for (auto& c : all) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const char* probe : {"federated", "catastrophic forgetting", "active learning", "automl", "hyperparameter",
                              "tensorflow serving", "hipaa", "ccpa", "serverless", "multi-region", "disaster",
                              "roll forward", "sagemaker", "vertex ai", "multi-cloud", "guardrail", "prompt injection",
                              "lora", "vector-index", "reranker", "tracing", "judge", "time to first token",
                              "image", "embedding-distance", "text-input-drift", "generative-ai-governance"}) {
        CHECK_MESSAGE(all.find(probe) != std::string::npos, std::string(probe));
    }
}

TEST_CASE("no two questions ask the same thing in other words, except the few kept apart on purpose") {
    // The closeness the curator's duplicate review measures (docs/curation.md): prompt and answer
    // terms weighted as the search index weighs them. Pairs the bank's files list under
    // [[kept_apart]] were read and judged different; they are few, and each is named here so a
    // new one is a decision, not a way round the test.
    const std::set<std::pair<std::string, std::string>> kept_on_purpose = {
        {"llmops/paged-kv-continuous-batching", "llmops/ttft-and-token-latency"},
        {"inference-optimisation/dynamic-batching", "llmops/paged-kv-continuous-batching"},
        {"system-design/recommender-10m-users", "system-design/search-ranking-experiments"},
    };
    for (const auto& pair : bank().kept_apart) CHECK_MESSAGE(kept_on_purpose.contains(pair), pair.first << " ~ " << pair.second);
    Database db = Database::open(":memory:");
    import_question_files(db, bank_files(PANELIST_BANK_DIR));
    for (const auto& p : CurationRepository(db).duplicate_pairs(0.25))
        FAIL_CHECK(p.first << " ~ " << p.second << " are " << static_cast<int>(p.closeness * 100) << "% close");
}

TEST_CASE("5-anchors describe judgement, not a longer list") {
    for (const auto& q : bank().questions) {
        INFO(q.id);
        const std::string five = q.rubric.five.substr(0, 12);
        CHECK(five.rfind("Also", 0) != 0);
        CHECK(five.rfind("And also", 0) != 0);
    }
}

TEST_CASE("at least 100 questions carry three sample answers a candidate could say, each scored by the rubric") {
    int with_samples = 0;
    for (const auto& q : bank().questions) {
        if (q.samples.empty()) continue;
        INFO(q.id);
        ++with_samples;
        CHECK(q.samples.size() == 3);
        std::set<int> scores;
        for (const auto& s : q.samples) {
            const auto n = words(s.answer).size();
            CHECK(n >= 60);
            CHECK(n <= 150);
            CHECK(words(s.why).size() >= 4);
            scores.insert(s.score);
        }
        CHECK(scores.size() == q.samples.size()); // a spread, not three of a kind
    }
    CHECK(with_samples >= 100);
}

TEST_CASE("every question of a role set has sample answers: practising a set practises all of it") {
    for (const auto& set : bank().sets)
        for (const auto& id : set.question_ids) {
            const auto q = std::find_if(bank().questions.begin(), bank().questions.end(), [&](auto& x) { return x.id == id; });
            REQUIRE(q != bank().questions.end());
            CHECK_MESSAGE(q->samples.size() == 3, set.name << ": " << id);
        }
}

TEST_CASE("every question is complete: answer, follow-ups, rubric, tags") {
    std::vector<std::size_t> lengths;
    for (const auto& q : bank().questions) {
        INFO(q.id);
        const auto n = words(q.answer).size();
        lengths.push_back(n);
        CHECK(n >= 70);
        CHECK(n <= 240);
        CHECK(q.follow_ups.size() >= 2);
        CHECK_FALSE(q.rubric.one.empty());
        CHECK_FALSE(q.rubric.three.empty());
        CHECK_FALSE(q.rubric.five.empty());
        CHECK_FALSE(q.tags.empty());
        CHECK(q.minutes >= 2);
        CHECK(q.id.rfind(q.topic + "/", 0) == 0); // ids start with their topic
    }
    std::sort(lengths.begin(), lengths.end());
    const auto median = lengths[lengths.size() / 2];
    CHECK(median >= 80);
    CHECK(median <= 200);
}

TEST_CASE("at least 100 questions fit juniors and at least 40 are senior-only") {
    int junior = 0, senior_only = 0;
    for (const auto& q : bank().questions) {
        junior += fits(q.level, Level::junior) ? 1 : 0;
        senior_only += q.level == Level::senior ? 1 : 0;
    }
    CHECK(junior >= 100);
    CHECK(senior_only >= 40);
}

TEST_CASE("every topic the seeds raise is covered") {
    std::map<std::string, int> per_topic;
    for (const auto& q : bank().questions) ++per_topic[q.topic];
    for (const char* topic : {"fundamentals", "tracking", "versioning", "pipelines", "features", "data-quality",
                              "deployment", "serving", "containers", "kubernetes", "iac", "gpu",
                              "inference-optimisation", "training", "cost", "monitoring", "alerting", "cicd",
                              "security", "governance", "explainability", "scenarios"}) {
        INFO(std::string(topic));
        CHECK(per_topic[topic] >= 3);
    }
    std::set<std::string> tags;
    for (const auto& q : bank().questions) tags.insert(q.tags.begin(), q.tags.end());
    for (const char* probe : {"shadow", "canary", "blue-green", "psi", "checkpointing", "secrets", "fairness",
                              "privacy", "feature-store", "reproducibility"}) {
        bool found = false;
        for (const auto& t : tags) found = found || t.find(probe) != std::string::npos;
        CHECK_MESSAGE(found, std::string(probe));
    }
}

TEST_CASE("no two prompts are near-duplicates") {
    const auto& qs = bank().questions;
    std::vector<std::set<std::string>> sets;
    for (const auto& q : qs) sets.push_back(content_words(q.prompt));
    for (std::size_t i = 0; i < qs.size(); ++i)
        for (std::size_t j = i + 1; j < qs.size(); ++j) {
            INFO(qs[i].id << " ~ " << qs[j].id);
            CHECK(jaccard(sets[i], sets[j]) < 0.5);
        }
}

TEST_CASE("at least eight role sets across four roles, each planned as it is with ten minutes to spare") {
    const auto& b = bank();
    CHECK(b.sets.size() >= 8);
    std::set<Level> levels;
    std::set<std::string> roles;
    for (const auto& s : b.sets) {
        INFO(s.name);
        levels.insert(s.level);
        roles.insert(s.role);
        const auto plan = plan_from_set(s, b.questions, {});
        CHECK(plan.questions.size() == s.question_ids.size());
        // Introductions and the candidate's own questions need ten minutes of the slot.
        CHECK(plan.total_minutes() <= s.minutes - 10);
        CHECK(plan.total_minutes() >= s.minutes / 2); // the slot is actually used
        CHECK_FALSE(s.role.empty());
        for (const auto& id : s.question_ids) {
            const auto q = std::find_if(b.questions.begin(), b.questions.end(), [&](auto& x) { return x.id == id; });
            REQUIRE(q != b.questions.end());
            CHECK_MESSAGE(fits(q->level, s.level), id);
        }
    }
    CHECK(levels.count(Level::junior));
    CHECK(levels.count(Level::senior));
    CHECK(roles.size() >= 4);
}

TEST_CASE("the bank is written in our own words: no 10-word run from the seeds") {
    const std::filesystem::path seeds = PANELIST_SEEDS_DIR;
    if (!std::filesystem::is_directory(seeds)) {
        MESSAGE("seed folder not beside the repo; skipping the comparison");
        return;
    }
    std::vector<std::string> seed_words;
    for (const auto& f : std::filesystem::directory_iterator(seeds)) {
        std::ifstream in(f.path());
        std::stringstream s;
        s << in.rdbuf();
        auto w = words(s.str());
        seed_words.insert(seed_words.end(), w.begin(), w.end());
    }
    std::set<std::string> runs;
    for (std::size_t i = 0; i + 10 <= seed_words.size(); ++i) {
        std::string run;
        for (std::size_t k = 0; k < 10; ++k) run += seed_words[i + k] + " ";
        runs.insert(run);
    }
    for (const auto& q : bank().questions) {
        for (const auto* text : {&q.prompt, &q.answer}) {
            const auto w = words(*text);
            for (std::size_t i = 0; i + 10 <= w.size(); ++i) {
                std::string run;
                for (std::size_t k = 0; k < 10; ++k) run += w[i + k] + " ";
                CHECK_MESSAGE(!runs.count(run), q.id << ": " << run);
            }
        }
    }
}

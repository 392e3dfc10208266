#include "benchmarks/synthetic_bank.hpp"

#include "persistence/store/interview_repository.hpp"
#include "persistence/store/people_repository.hpp"
#include "persistence/store/question_repository.hpp"
#include "persistence/sqlite/write_transaction.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <string_view>

namespace panelist::bench {
namespace {

constexpr std::array<std::string_view, 64> words{
    "model", "drift", "feature", "pipeline", "latency", "canary", "shadow", "rollback", "registry", "experiment",
    "dataset", "label", "schema", "validation", "monitoring", "alert", "threshold", "batch", "stream", "gpu",
    "cluster", "kubernetes", "container", "image", "artifact", "lineage", "reproducible", "seed", "checkpoint",
    "quantisation", "distillation", "throughput", "autoscaling", "cost", "budget", "privacy", "fairness",
    "explainability", "governance", "audit", "secret", "token", "endpoint", "serving", "offline", "online",
    "skew", "freshness", "backfill", "orchestrator", "retry", "idempotent", "sla", "slo", "incident", "postmortem",
    "owner", "review", "release", "gate", "metric", "baseline", "ablation", "calibration"};
constexpr std::array<std::string_view, 12> topics{"monitoring", "serving", "features", "pipelines", "deployment",
                                                  "training", "gpu", "cost", "security", "governance", "cicd",
                                                  "data-quality"};

// Real question text follows Zipf's law: a few words everywhere, most words rare. The
// vocabulary is the MLOps words above (the most frequent) followed by 12,000 made-up words
// built from syllables, so a search for a real term matches a realistic share of the bank.
class Vocabulary {
public:
    Vocabulary() {
        constexpr std::array<std::string_view, 24> syllables{"ka", "ve", "lor", "mi", "tan", "su", "rek", "do",
                                                             "pha", "ny", "gel", "bu", "ost", "ri", "zan", "qua",
                                                             "fe", "lim", "to", "sar", "wen", "ix", "mu", "del"};
        for (auto w : words) list_.emplace_back(w);
        for (std::size_t i = 0; list_.size() < 12000 + words.size(); ++i)
            list_.push_back(std::string(syllables[i % 24]) + std::string(syllables[(i / 24) % 24]) +
                            std::string(syllables[(i / 576) % 24]));
        double total = 0;
        for (std::size_t rank = 1; rank <= list_.size(); ++rank) cumulative_.push_back(total += 1.0 / static_cast<double>(rank));
        for (auto& c : cumulative_) c /= total;
    }
    const std::string& pick(double u) const {
        const auto it = std::lower_bound(cumulative_.begin(), cumulative_.end(), u);
        return list_[std::min<std::size_t>(static_cast<std::size_t>(it - cumulative_.begin()), list_.size() - 1)];
    }

private:
    std::vector<std::string> list_;
    std::vector<double> cumulative_;
};

const Vocabulary& vocabulary() {
    static const Vocabulary v; // built once: 12k words and their cumulative frequencies
    return v;
}

struct Words {
    std::uint64_t state;
    std::string_view next() {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return vocabulary().pick(static_cast<double>(state >> 11) / 9007199254740992.0);
    }
    std::string sentence(int n) {
        std::string out;
        for (int i = 0; i < n; ++i) out += (i ? " " : "") + std::string(next());
        return out + ".";
    }
};

} // namespace

Question synthetic_question(std::uint64_t index) {
    Words w{index * 2654435761u + 17};
    Question q;
    q.topic = std::string(topics[index % topics.size()]);
    q.id = fmt::format("{}/synthetic-{:06}", q.topic, index);
    q.tags = {std::string(w.next()), std::string(w.next())};
    q.level = static_cast<Level>(index % 3);
    q.difficulty = static_cast<Difficulty>((index / 3) % 3);
    q.minutes = 3 + static_cast<int>(index % 10);
    q.prompt = w.sentence(40);
    q.answer = w.sentence(75) + " " + w.sentence(75);
    q.follow_ups = {w.sentence(12), w.sentence(12), w.sentence(12)};
    q.rubric = {w.sentence(20), w.sentence(20), w.sentence(20)};
    return q;
}

void fill_bank(Database& db, int count) {
    QuestionRepository questions(db);
    WriteTransaction tx(db.sql());
    for (int i = 0; i < count; ++i) questions.upsert(synthetic_question(static_cast<std::uint64_t>(i)));
    tx.commit();
}

void fill_interviews(Database& db, int count, int questions_each) {
    if (QuestionRepository(db).count() < questions_each) fill_bank(db, questions_each);
    PeopleRepository people(db);
    InterviewRepository interviews(db);
    WriteTransaction tx(db.sql());
    Loop loop;
    loop.name = "Benchmark loop";
    people.save(loop);
    Words w{99};
    for (int i = 0; i < count; ++i) {
        Candidate c;
        c.name = fmt::format("Candidate {}", i);
        c.loop_id = loop.id;
        c.level = Level::senior;
        people.save(c);
        Interview iv;
        iv.candidate_id = c.id;
        iv.interviewer = fmt::format("Interviewer {}", i % 7);
        iv.date = "2026-11-23";
        for (int k = 0; k < questions_each; ++k)
            iv.questions.push_back({synthetic_question(static_cast<std::uint64_t>(k)).id, 5, {}, "", ""});
        interviews.create(iv);
        for (int k = 0; k < questions_each; ++k) {
            const auto& id = iv.questions[static_cast<std::size_t>(k)].question_id;
            interviews.set_score(iv.id, id, Score::of(1 + (i + k) % 5));
            interviews.set_notes(iv.id, id, w.sentence(30));
        }
        interviews.submit(iv.id, Recommendation::yes);
    }
    tx.commit();
}

} // namespace panelist::bench

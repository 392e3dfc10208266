// Closeness between questions (docs/curation.md): twins worded apart come first, a question is
// never its own twin, and a prompt being written finds the prompts like it.
#include "persistence/search/similar_questions.hpp"
#include "persistence/store/question_repository.hpp"
#include "tests/persistence/fixtures.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace panelist;

namespace {
struct Bank {
    Database db = Database::open(":memory:");
    QuestionRepository repo{db};
    void add(const std::string& id, const std::string& prompt, const std::string& answer) {
        auto q = test::question(id, id.substr(0, id.find('/')), prompt, Level::both, Difficulty::medium);
        q.answer = answer;
        repo.upsert(q);
    }
    Bank() {
        add("serving/dynamic-batching", "What is dynamic batching in a model server, and how would you tune it?",
            "The server holds incoming requests for a few milliseconds and runs them through the GPU as one "
            "batch, raising throughput. Tune the maximum batch size and the queue delay against the p99 "
            "latency budget.");
        add("inference/batching-throughput", "How does batching requests on the GPU raise throughput, and what "
            "does it cost in latency?",
            "Requests waiting in a queue are grouped into one batch so the GPU does one larger launch "
            "instead of many small ones; throughput rises while each request waits up to the queue delay, "
            "which counts against the p99 latency budget. Tune the batch size.");
        add("monitoring/psi", "How does the population stability index detect drift?",
            "PSI compares the binned distribution of a feature in production with a reference window.");
        add("features/skew", "What causes training/serving skew in a feature store?",
            "Different code computing the same feature offline and online.");
        add("security/pickle", "Why is loading a pickled model from an unknown source dangerous?",
            "Unpickling runs arbitrary code; prefer safetensors.");
        // A bank of some size, as a curator's is: a word shared by two questions of five is common,
        // by two of forty it tells.
        const char* subjects[] = {"terraform state", "airflow sensors", "spark shuffles", "helm charts",
                                  "label noise", "shadow traffic", "feature flags", "vector clocks"};
        for (int i = 0; i < 35; ++i)
            add(fmt::format("filler/q{}", i), fmt::format("Explain {} in case {}.", subjects[i % 8], i),
                fmt::format("An answer about {} for case {}.", subjects[i % 8], i));
    }
};
} // namespace

TEST_CASE("the twin worded apart comes first, well ahead of the rest, and never the question itself") {
    Bank bank;
    SimilarQuestions similar(bank.db.sql());
    const auto q = *bank.repo.find("serving/dynamic-batching");
    const auto found = similar.closest(q.prompt, q.answer, 10, q.id);
    REQUIRE_FALSE(found.empty());
    CHECK(found[0].id == "inference/batching-throughput");
    CHECK(found[0].closeness > 0.3);
    for (const auto& f : found) CHECK(f.id != q.id);
    for (std::size_t i = 1; i < found.size(); ++i) CHECK(found[i].closeness < found[0].closeness / 2);
    // Seen from the other side the pair is just as close: closeness is symmetric.
    const auto twin = *bank.repo.find("inference/batching-throughput");
    const auto back = similar.closest(twin.prompt, twin.answer, 1, twin.id);
    REQUIRE(back.size() == 1);
    CHECK(back[0].id == q.id);
    CHECK(back[0].closeness == doctest::Approx(found[0].closeness));
}

TEST_CASE("the same question under another id is as close as can be; unrelated text finds nothing") {
    Bank bank;
    SimilarQuestions similar(bank.db.sql());
    const auto psi = *bank.repo.find("monitoring/psi");
    const auto found = similar.closest(psi.prompt, psi.answer, 3);
    REQUIRE_FALSE(found.empty());
    CHECK(found[0].id == "monitoring/psi");
    CHECK(found[0].closeness == doctest::Approx(1.0));
    CHECK(similar.closest("Tell me about your favourite holiday.", "", 5).empty());
    CHECK(similar.closest("", "", 5).empty());
}

TEST_CASE("a prompt being written, with no answer yet, finds the prompts like it") {
    Bank bank;
    SimilarQuestions similar(bank.db.sql());
    const auto found = similar.closest("Why is unpickling a model file from the internet risky?", "", 3);
    REQUIRE_FALSE(found.empty());
    CHECK(found[0].id == "security/pickle");
    CHECK(found[0].closeness > 0.2);
}

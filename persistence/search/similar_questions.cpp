#include "persistence/search/similar_questions.hpp"

#include "persistence/search/search_tokens.hpp"

#include <SQLiteCpp/Statement.h>
#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <unordered_map>

namespace panelist {
namespace {

constexpr double k1 = 1.2, b = 0.75;
constexpr double prompt_weight = 3.0; // a term of the prompt counts as three of the answer
// The index is asked for questions holding any of the text's most telling terms; the closeness
// of each is then measured on every term. More terms find more twins worded apart, and cost
// more: 12 terms and 40 questions take 1.8 ms a keystroke at p95 at 100k (docs/performance.md).
constexpr std::size_t asked_terms = 12;
constexpr int compared_questions = 40;
// The index ranks every question holding an asked term: a term in a tenth of a large bank makes
// that thousands. Terms held by more than 1% of the bank (or 50 questions) are not asked for;
// they still count in the closeness of what the others find. A text of such words only ("How
// would you", early in typing) tells nothing yet, and finds nothing.
constexpr double asked_at_most_share = 0.01;
constexpr double asked_at_most_questions = 50;

using Weights = std::unordered_map<std::string, double>;

} // namespace

struct SimilarQuestions::Impl {
    explicit Impl(SQLite::Database& database)
        : db(database), tokenizer(database),
          documents(database, "SELECT docs FROM question_term WHERE term = ?"),
          texts(database, "SELECT id, prompt, answer FROM question WHERE seq = ?") {}

    SQLite::Database& db;
    SearchTokenizer tokenizer;
    SQLite::Statement documents, texts;
    std::unordered_map<std::string, std::pair<double, double>> counts_of; // term -> (held by, IDF)
    double questions = 0, average_length = 1, prompt_average_length = 1;

    // Once per object: the bank's size and average text length change little while a curator
    // writes, and reading every text's length at 100k questions costs more than a keystroke.
    void count_bank() {
        questions = static_cast<double>(db.execAndGet("SELECT count(*) FROM question").getInt64());
        // Average weighted length of prompt and answer, from a sample of the texts' sizes: close
        // enough for b, at about six characters a word.
        const double chars = db.execAndGet("SELECT coalesce(avg(length(prompt) * 3 + length(answer)), 0) "
                                           "FROM (SELECT prompt, answer FROM question LIMIT 1000)")
                                 .getDouble();
        average_length = std::max(1.0, chars / 6.0);
        prompt_average_length = std::max(1.0, db.execAndGet("SELECT coalesce(avg(length(prompt)), 0) FROM "
                                                            "(SELECT prompt FROM question LIMIT 1000)")
                                                      .getDouble() * 3 / 6.0);
    }

    // As bm25(): a term in more than half the questions is worth almost nothing; a term no
    // question holds cannot bring one closer, and weighs nothing here.
    double idf(const std::string& term) { return counts(term).second; }
    double held_by(const std::string& term) { return counts(term).first; }
    std::pair<double, double> counts(const std::string& term) { // (questions holding it, IDF)
        if (auto it = counts_of.find(term); it != counts_of.end()) return it->second;
        documents.bind(1, term);
        const double held = documents.executeStep() ? documents.getColumn(0).getDouble() : 0;
        documents.reset();
        const double value = held <= 0 ? 0 : std::max(1e-6, std::log((questions - held + 0.5) / (held + 0.5)));
        return counts_of[term] = {held, value};
    }

    // Term frequencies of a question's texts, prompt terms counted three times, and its length.
    std::pair<std::map<std::string, double>, double> frequencies(std::string_view prompt, std::string_view answer,
                                                                 std::map<std::string, std::string>* words = nullptr) {
        std::map<std::string, double> tf;
        double length = 0;
        const auto add = [&](std::string_view text, double weight) {
            for (auto& w : tokenizer.document_words(text)) {
                tf[w.term] += weight;
                length += weight;
                if (words) words->try_emplace(w.term, std::move(w.word));
            }
        };
        add(prompt, prompt_weight);
        add(answer, 1.0);
        return {std::move(tf), length};
    }

    // BM25 weights of each term, and the vector's length for the cosine.
    std::pair<Weights, double> weighted(const std::map<std::string, double>& tf, double length, bool prompt_only) {
        Weights w;
        double squares = 0;
        const double norm = k1 * (1 - b + b * length / (prompt_only ? prompt_average_length : average_length));
        for (const auto& [term, f] : tf) {
            const double value = idf(term) * f * (k1 + 1) / (f + norm);
            if (value <= 0) continue;
            w[term] = value;
            squares += value * value;
        }
        return {std::move(w), std::sqrt(squares)};
    }
};

SimilarQuestions::SimilarQuestions(SQLite::Database& db) : impl_(std::make_unique<Impl>(db)) { impl_->count_bank(); }
SimilarQuestions::~SimilarQuestions() = default;

std::vector<SimilarQuestion> SimilarQuestions::closest(std::string_view prompt, std::string_view answer, int limit,
                                                       std::string_view except_id) {
    Impl& in = *impl_;
    // A prompt being written, with no answer yet, is compared with the other prompts: compared
    // with whole questions, a one-line text would be far from all of them.
    const bool prompt_only = answer.find_first_not_of(" \t\n") == std::string_view::npos;
    std::map<std::string, std::string> words;
    const auto [tf, length] = in.frequencies(prompt, answer, &words);
    const auto [text, text_norm] = in.weighted(tf, length, prompt_only);
    if (text.empty() || limit <= 0) return {};

    // The most telling terms, by weight, among those few questions hold; asked for by the word
    // they came from.
    std::vector<std::pair<double, std::string>> telling;
    const double few = std::max(asked_at_most_questions, asked_at_most_share * in.questions);
    for (const auto& [term, weight] : text)
        if (in.held_by(term) <= few) telling.emplace_back(weight, term);
    if (telling.empty()) return {};
    std::sort(telling.begin(), telling.end(), std::greater<>());
    if (telling.size() > asked_terms) telling.resize(asked_terms);
    std::string match = prompt_only ? "{prompt} : (" : "{prompt answer} : (";
    for (std::size_t i = 0; i < telling.size(); ++i) {
        std::string quoted;
        for (const char c : words[telling[i].second]) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
        match += fmt::format("{}\"{}\"", i ? " OR " : "", quoted);
    }
    match += ")";

    SQLite::Statement found(in.db, "SELECT rowid FROM question_fts WHERE question_fts MATCH ? "
                                   "ORDER BY bm25(question_fts, 3.0, 1.0, 0.0, 0.0, 0.0, 0.0) LIMIT ?");
    found.bind(1, match);
    found.bind(2, compared_questions);
    std::vector<SimilarQuestion> out;
    while (found.executeStep()) {
        in.texts.bind(1, found.getColumn(0).getInt64());
        if (in.texts.executeStep()) {
            SimilarQuestion q{in.texts.getColumn(0).getString(), in.texts.getColumn(1).getString(), 0};
            const auto [other_tf, other_length] =
                in.frequencies(q.prompt, prompt_only ? std::string() : in.texts.getColumn(2).getString());
            const auto [other, other_norm] = in.weighted(other_tf, other_length, prompt_only);
            double dot = 0;
            for (const auto& [term, weight] : other)
                if (auto it = text.find(term); it != text.end()) dot += weight * it->second;
            q.closeness = other_norm > 0 ? dot / (text_norm * other_norm) : 0;
            if (q.id != except_id && q.closeness >= least_closeness) out.push_back(std::move(q));
        }
        in.texts.reset();
    }
    std::sort(out.begin(), out.end(), [](const SimilarQuestion& x, const SimilarQuestion& y) {
        return x.closeness != y.closeness ? x.closeness > y.closeness : x.id < y.id;
    });
    if (out.size() > static_cast<std::size_t>(limit)) out.resize(static_cast<std::size_t>(limit));
    return out;
}

} // namespace panelist

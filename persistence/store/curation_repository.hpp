// The curator's decisions about the bank (docs/curation.md): retiring a question, merging two
// that ask the same thing, keeping two apart on purpose, and the near-duplicate pairs left to
// review.
#pragma once
#include "domain/question_record.hpp"
#include "domain/set_coverage.hpp"
#include "persistence/store/database.hpp"
#include "persistence/store/question_repository.hpp"

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace panelist {

// Two questions close enough to be one, named in id order.
struct DuplicatePair {
    std::string first;
    std::string second;
    double closeness = 0; // 0..1, as SimilarQuestions measures it
    bool operator==(const DuplicatePair&) const = default;
};

// What a merge moved onto the question kept.
struct MergeReport {
    int interviews = 0; // interviews whose answer now belongs to the kept question
    int interviews_kept_apart = 0; // interviews that asked both: each answer stays where it was
    int sets = 0;       // sets that held the merged question
};

class CurationRepository {
public:
    explicit CurationRepository(Database& db) : store_(db), db_(db.sql()) {}

    // Retired questions stay in the bank, in sets and in every interview, report and bundle that
    // used them, but are never planned again. False when there is no such question (retire) or
    // it was not retired (restore).
    bool retire(const std::string& id);
    bool restore(const std::string& id);
    bool is_retired(const std::string& id);
    std::set<std::string> retired();

    // Two questions judged different on purpose: never listed as a pair again. False when the
    // pair was kept apart already; throws ValidationError for an id not in the bank, or the same
    // id twice.
    bool keep_apart(const std::string& a, const std::string& b);
    std::vector<std::pair<std::string, std::string>> kept_apart(); // in id order

    // Folds `drop` into `keep`: interviews that asked `drop` now count for `keep` (their
    // answers, scores and the version they were shown are unchanged), sets hold `keep` where
    // they held `drop`, and `drop` leaves the bank. One transaction. Throws ValidationError for
    // an unknown id or the same id twice.
    MergeReport merge(const std::string& keep, const std::string& drop);

    // What real loops measured about each question, from submitted interviews (`today`:
    // YYYY-MM-DD, for "asked in the last year").
    std::map<std::string, QuestionRecord> records(std::string_view today);
    // What `set` covers (domain/set_coverage.hpp), read from the bank, the sets and the loops.
    SetCoverage coverage(const QuestionSet& set, std::string_view today);

    // Pairs at `least_closeness` or more among `scope` (every question when empty), closest
    // first; pairs kept apart and retired questions are left out. DuplicateScan, run through.
    std::vector<DuplicatePair> duplicate_pairs(double least_closeness, const std::vector<std::string>& scope = {});

private:
    Database& store_;
    SQLite::Database& db_;
};

class SimilarQuestions;

// The rows of a search that pass its filters on what loops measured (asked:, quality:), in its
// sort: order when it has one (SearchQuery::records and sort).
std::vector<QuestionSummary> apply_records(std::vector<QuestionSummary> rows, const SearchQuery&,
                                           const std::map<std::string, QuestionRecord>&);

// The duplicate pairs of the bank, found a slice at a time: every question is compared with the
// bank (about 10 ms each in a debug build), so a window compares a few each frame and stays
// responsive while a large bank is read through. Reads the bank as it is when made: make a new
// one when it changes.
class DuplicateScan {
public:
    DuplicateScan(SQLite::Database&, double least_closeness, const std::vector<std::string>& scope = {});
    ~DuplicateScan();
    DuplicateScan(const DuplicateScan&) = delete;
    DuplicateScan& operator=(const DuplicateScan&) = delete;

    // Compares questions until `budget` has passed (at least one) or all are done.
    void step(std::chrono::milliseconds budget);
    bool done() const { return next_ >= texts_.size(); }
    std::size_t compared() const { return next_; }
    std::size_t total() const { return texts_.size(); }
    // The pairs found so far, closest first.
    std::vector<DuplicatePair> pairs() const;

private:
    struct Text {
        std::string id, prompt, answer;
    };
    double least_;
    std::vector<Text> texts_;
    std::set<std::string> retired_;
    std::set<std::pair<std::string, std::string>> apart_;
    std::unique_ptr<SimilarQuestions> similar_;
    std::map<std::pair<std::string, std::string>, double> found_;
    std::size_t next_ = 0;
};

} // namespace panelist

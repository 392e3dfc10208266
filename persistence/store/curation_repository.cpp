#include "persistence/store/curation_repository.hpp"

#include "domain/problem.hpp"
#include "persistence/search/search_index.hpp"
#include "persistence/search/similar_questions.hpp"
#include "persistence/sqlite/write_transaction.hpp"
#include "persistence/store/question_set_repository.hpp"
#include "persistence/store/store_edge.hpp"

#include <SQLiteCpp/Statement.h>
#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace panelist {
namespace {

std::optional<std::int64_t> seq_of(SQLite::Database& db, const std::string& id) {
    SQLite::Statement stmt(db, "SELECT seq FROM question WHERE id = ?");
    stmt.bind(1, id);
    if (!stmt.executeStep()) return std::nullopt;
    return stmt.getColumn(0).getInt64();
}

std::int64_t existing_seq(SQLite::Database& db, const char* what, const std::string& id) {
    const auto seq = seq_of(db, id);
    if (!seq) throw ValidationError(what, {{"id", fmt::format("no question '{}' in the bank", id)}});
    return *seq;
}

int run(SQLite::Database& db, const char* sql, const std::string& a, const std::string& b = {}) {
    SQLite::Statement stmt(db, sql);
    stmt.bind(1, a);
    if (stmt.getBindParameterCount() > 1) stmt.bind(2, b);
    return stmt.exec();
}

} // namespace

bool CurationRepository::retire(const std::string& id) {
    return at_store_edge(db_, [&] {
        if (!seq_of(db_, id)) return false;
        run(db_, "INSERT OR IGNORE INTO question_retired (question_id) VALUES (?)", id);
        return true;
    });
}

bool CurationRepository::restore(const std::string& id) {
    return at_store_edge(db_, [&] { return run(db_, "DELETE FROM question_retired WHERE question_id = ?", id) > 0; });
}

bool CurationRepository::is_retired(const std::string& id) {
    return at_store_edge(db_, [&] {
        SQLite::Statement stmt(db_, "SELECT 1 FROM question_retired WHERE question_id = ?");
        stmt.bind(1, id);
        return stmt.executeStep();
    });
}

std::set<std::string> CurationRepository::retired() {
    return at_store_edge(db_, [&] {
        std::set<std::string> out;
        SQLite::Statement stmt(db_, "SELECT question_id FROM question_retired");
        while (stmt.executeStep()) out.insert(stmt.getColumn(0).getString());
        return out;
    });
}

bool CurationRepository::keep_apart(const std::string& a, const std::string& b) {
    return at_store_edge(db_, [&] {
        if (a == b) throw ValidationError("keep apart", {{"id", fmt::format("'{}' twice: name two questions", a)}});
        existing_seq(db_, "keep apart", a);
        existing_seq(db_, "keep apart", b);
        return run(db_, "INSERT OR IGNORE INTO question_kept_apart (first_id, second_id) VALUES (?, ?)",
                   std::min(a, b), std::max(a, b)) > 0;
    });
}

std::vector<std::pair<std::string, std::string>> CurationRepository::kept_apart() {
    return at_store_edge(db_, [&] {
        std::vector<std::pair<std::string, std::string>> out;
        SQLite::Statement stmt(db_, "SELECT first_id, second_id FROM question_kept_apart ORDER BY first_id, second_id");
        while (stmt.executeStep()) out.emplace_back(stmt.getColumn(0).getString(), stmt.getColumn(1).getString());
        return out;
    });
}

MergeReport CurationRepository::merge(const std::string& keep, const std::string& drop) {
    return at_store_edge(db_, [&] {
        if (keep == drop) throw ValidationError("merge", {{"id", fmt::format("'{}' twice: name two questions", keep)}});
        WriteTransaction tx(db_);
        const auto keep_seq = existing_seq(db_, "merge", keep);
        const auto drop_seq = existing_seq(db_, "merge", drop);
        // Both index entries come out: the kept question's sets change (the index holds them),
        // and the merged one leaves.
        QuestionReindex reindex(db_, {keep_seq, drop_seq});
        MergeReport report;
        // An interview that asked both keeps two answers: they stay apart.
        report.interviews = run(db_, R"sql(
UPDATE interview_question SET question_id = ?1
WHERE question_id = ?2
  AND interview_id NOT IN (SELECT interview_id FROM interview_question WHERE question_id = ?1))sql",
                                keep, drop);
        SQLite::Statement both(db_, "SELECT count(*) FROM interview_question WHERE question_id = ?");
        both.bind(1, drop);
        both.executeStep();
        report.interviews_kept_apart = both.getColumn(0).getInt();
        // The versions those interviews were shown now list under the kept question.
        run(db_, "UPDATE OR IGNORE question_version SET question_id = ?1 WHERE question_id = ?2", keep, drop);
        SQLite::Statement sets(db_, "SELECT count(*) FROM question_set_item WHERE question_seq = ?");
        sets.bind(1, drop_seq);
        sets.executeStep();
        report.sets = sets.getColumn(0).getInt();
        SQLite::Statement move(db_, R"sql(
UPDATE question_set_item SET question_seq = ?1
WHERE question_seq = ?2
  AND set_seq NOT IN (SELECT set_seq FROM question_set_item WHERE question_seq = ?1))sql");
        move.bind(1, keep_seq);
        move.bind(2, drop_seq);
        move.exec();
        run(db_, "DELETE FROM question_retired WHERE question_id = ?", drop);
        run(db_, "DELETE FROM question_draft WHERE question_id = ?", drop);
        run(db_, "DELETE FROM question_kept_apart WHERE first_id = ?1 OR second_id = ?1", drop);
        SQLite::Statement del(db_, "DELETE FROM question WHERE seq = ?"); // its other set items go with it
        del.bind(1, drop_seq);
        del.exec();
        reindex.finish();
        tx.commit();
        return report;
    });
}

std::map<std::string, QuestionRecord> CurationRepository::records(std::string_view today) {
    return at_store_edge(db_, [&] {
        std::vector<AskedAnswer> answers;
        SQLite::Statement stmt(db_, R"sql(
SELECT iq.question_id, c.loop_id, i.candidate_id, i.interviewer, i.date, iq.score, iq.planned_minutes
FROM interview_question iq
JOIN interview i ON i.id = iq.interview_id
JOIN candidate c ON c.id = i.candidate_id
WHERE i.status = 'submitted')sql");
        while (stmt.executeStep()) {
            AskedAnswer a;
            a.question_id = stmt.getColumn(0).getString();
            a.loop = stmt.getColumn(1).getInt64();
            a.candidate = stmt.getColumn(2).getInt64();
            a.interviewer = stmt.getColumn(3).getString();
            a.date = stmt.getColumn(4).getString();
            if (!stmt.getColumn(5).isNull()) a.score = stmt.getColumn(5).getInt();
            a.planned_minutes = stmt.getColumn(6).getInt();
            answers.push_back(std::move(a));
        }
        return question_records(answers, today);
    });
}

SetCoverage CurationRepository::coverage(const QuestionSet& set, std::string_view today) {
    const auto all = QuestionSetRepository(store_).all();
    QuestionRepository questions(store_);
    std::map<std::string, Question> bank; // the set's questions and those of its role's other sets
    for (const auto& s : all)
        if (s.name == set.name || s.role == set.role)
            for (const auto& id : s.question_ids)
                if (!bank.contains(id))
                    if (auto q = questions.find(id)) bank.emplace(id, std::move(*q));
    for (const auto& id : set.question_ids) // a draft not saved yet
        if (!bank.contains(id))
            if (auto q = questions.find(id)) bank.emplace(id, std::move(*q));
    return set_coverage(set, bank, records(today), retired(), all);
}

std::vector<DuplicatePair> CurationRepository::duplicate_pairs(double least_closeness,
                                                               const std::vector<std::string>& scope) {
    return at_store_edge(db_, [&] {
        DuplicateScan scan(db_, least_closeness, scope);
        while (!scan.done()) scan.step(std::chrono::milliseconds(1000));
        return scan.pairs();
    });
}

std::vector<QuestionSummary> apply_records(std::vector<QuestionSummary> rows, const SearchQuery& query,
                                           const std::map<std::string, QuestionRecord>& records) {
    const auto record_of = [&](const std::string& id) -> const QuestionRecord* {
        const auto it = records.find(id);
        return it == records.end() ? nullptr : &it->second;
    };
    std::erase_if(rows, [&](const QuestionSummary& row) {
        return !std::all_of(query.records.begin(), query.records.end(),
                            [&](const RecordFilter& f) { return passes(record_of(row.id), f); });
    });
    if (query.sort == RecordSort::none) return rows;
    std::vector<std::string> ids;
    for (const auto& row : rows) ids.push_back(row.id);
    sort_by_record(ids, query.sort, records);
    std::map<std::string, QuestionSummary> by_id;
    for (auto& row : rows) by_id.emplace(row.id, std::move(row));
    std::vector<QuestionSummary> sorted;
    for (const auto& id : ids) sorted.push_back(std::move(by_id[id]));
    return sorted;
}

DuplicateScan::DuplicateScan(SQLite::Database& db, double least_closeness, const std::vector<std::string>& scope)
    : least_(least_closeness), similar_(std::make_unique<SimilarQuestions>(db)) {
    SQLite::Statement retired(db, "SELECT question_id FROM question_retired");
    while (retired.executeStep()) retired_.insert(retired.getColumn(0).getString());
    SQLite::Statement apart(db, "SELECT first_id, second_id FROM question_kept_apart");
    while (apart.executeStep()) apart_.emplace(apart.getColumn(0).getString(), apart.getColumn(1).getString());
    const std::set<std::string> wanted(scope.begin(), scope.end());
    SQLite::Statement stmt(db, "SELECT id, prompt, answer FROM question ORDER BY id");
    while (stmt.executeStep()) {
        Text t{stmt.getColumn(0).getString(), stmt.getColumn(1).getString(), stmt.getColumn(2).getString()};
        if ((wanted.empty() || wanted.contains(t.id)) && !retired_.contains(t.id)) texts_.push_back(std::move(t));
    }
}

DuplicateScan::~DuplicateScan() = default;

void DuplicateScan::step(std::chrono::milliseconds budget) {
    const auto until = std::chrono::steady_clock::now() + budget;
    do {
        if (done()) return;
        const Text& t = texts_[next_++];
        for (const auto& s : similar_->closest(t.prompt, t.answer, 10, t.id)) {
            if (s.closeness < least_) break;
            if (retired_.contains(s.id)) continue;
            auto key = t.id < s.id ? std::pair(t.id, s.id) : std::pair(s.id, t.id);
            if (apart_.contains(key)) continue;
            // Each pair once, in id order; the closeness is the same seen from either side.
            auto& closeness = found_[key];
            closeness = std::max(closeness, s.closeness);
        }
    } while (std::chrono::steady_clock::now() < until);
}

std::vector<DuplicatePair> DuplicateScan::pairs() const {
    std::vector<DuplicatePair> out;
    for (const auto& [ids, closeness] : found_) out.push_back({ids.first, ids.second, closeness});
    std::sort(out.begin(), out.end(), [](const DuplicatePair& x, const DuplicatePair& y) {
        return x.closeness != y.closeness ? x.closeness > y.closeness
                                          : std::tie(x.first, x.second) < std::tie(y.first, y.second);
    });
    return out;
}

} // namespace panelist

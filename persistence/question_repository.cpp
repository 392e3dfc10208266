#include "persistence/question_repository.hpp"

#include "persistence/search_sql.hpp"
#include "persistence/write_transaction.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace panelist {
namespace {

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
    std::string out;
    for (const auto& p : parts) {
        if (!out.empty()) out += sep;
        out += p;
    }
    return out;
}

Question read_question(SQLite::Database& db, SQLite::Statement& row) {
    Question q;
    const auto seq = row.getColumn("seq").getInt64();
    q.id = row.getColumn("id").getString();
    q.topic = row.getColumn("topic").getString();
    q.level = parse_level(row.getColumn("level").getString()).value_or(Level::both);
    q.difficulty =
        parse_difficulty(row.getColumn("difficulty").getString()).value_or(Difficulty::medium);
    q.minutes = row.getColumn("minutes").getInt();
    q.prompt = row.getColumn("prompt").getString();
    q.answer = row.getColumn("answer").getString();
    q.rubric = {row.getColumn("rubric_1").getString(), row.getColumn("rubric_3").getString(),
                row.getColumn("rubric_5").getString()};
    SQLite::Statement tags(db, "SELECT tag FROM question_tag WHERE question_seq = ? ORDER BY position");
    tags.bind(1, seq);
    while (tags.executeStep()) q.tags.push_back(tags.getColumn(0).getString());
    SQLite::Statement follow(db, "SELECT text FROM question_follow_up WHERE question_seq = ? "
                                 "ORDER BY position");
    follow.bind(1, seq);
    while (follow.executeStep()) q.follow_ups.push_back(follow.getColumn(0).getString());
    return q;
}

} // namespace

UpsertOutcome QuestionRepository::upsert(const Question& input) {
    const Question q = normalised(input);
    throw_if_invalid(fmt::format("question '{}'", q.id), validate(q));
    WriteTransaction tx(db_);
    const auto existing = find(q.id);
    if (existing && *existing == q) return UpsertOutcome::unchanged;

    std::int64_t seq = 0;
    if (existing) {
        SQLite::Statement update(db_, R"sql(
UPDATE question SET topic = ?, level = ?, difficulty = ?, minutes = ?, prompt = ?, answer = ?,
       rubric_1 = ?, rubric_3 = ?, rubric_5 = ?,
       updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
WHERE id = ? RETURNING seq)sql");
        update.bind(1, q.topic);
        update.bind(2, std::string(name(q.level)));
        update.bind(3, std::string(name(q.difficulty)));
        update.bind(4, q.minutes);
        update.bind(5, q.prompt);
        update.bind(6, q.answer);
        update.bind(7, q.rubric.one);
        update.bind(8, q.rubric.three);
        update.bind(9, q.rubric.five);
        update.bind(10, q.id);
        update.executeStep();
        seq = update.getColumn(0).getInt64();
    } else {
        SQLite::Statement insert(db_, R"sql(
INSERT INTO question (id, topic, level, difficulty, minutes, prompt, answer,
                      rubric_1, rubric_3, rubric_5)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?))sql");
        insert.bind(1, q.id);
        insert.bind(2, q.topic);
        insert.bind(3, std::string(name(q.level)));
        insert.bind(4, std::string(name(q.difficulty)));
        insert.bind(5, q.minutes);
        insert.bind(6, q.prompt);
        insert.bind(7, q.answer);
        insert.bind(8, q.rubric.one);
        insert.bind(9, q.rubric.three);
        insert.bind(10, q.rubric.five);
        insert.exec();
        seq = db_.getLastInsertRowid();
    }
    write_children(seq, q);
    tx.commit();
    return existing ? UpsertOutcome::updated : UpsertOutcome::added;
}

void QuestionRepository::write_children(std::int64_t seq, const Question& q) {
    SQLite::Statement clear_tags(db_, "DELETE FROM question_tag WHERE question_seq = ?");
    clear_tags.bind(1, seq);
    clear_tags.exec();
    SQLite::Statement add_tag(db_, "INSERT INTO question_tag (question_seq, position, tag) "
                                   "VALUES (?, ?, ?)");
    for (std::size_t i = 0; i < q.tags.size(); ++i) {
        add_tag.bind(1, seq);
        add_tag.bind(2, static_cast<int>(i));
        add_tag.bind(3, q.tags[i]);
        add_tag.exec();
        add_tag.reset();
    }
    SQLite::Statement clear_follow(db_, "DELETE FROM question_follow_up WHERE question_seq = ?");
    clear_follow.bind(1, seq);
    clear_follow.exec();
    SQLite::Statement add_follow(db_, "INSERT INTO question_follow_up (question_seq, position, "
                                      "text) VALUES (?, ?, ?)");
    for (std::size_t i = 0; i < q.follow_ups.size(); ++i) {
        add_follow.bind(1, seq);
        add_follow.bind(2, static_cast<int>(i));
        add_follow.bind(3, q.follow_ups[i]);
        add_follow.exec();
        add_follow.reset();
    }
    SQLite::Statement clear_fts(db_, "DELETE FROM question_fts WHERE rowid = ?");
    clear_fts.bind(1, seq);
    clear_fts.exec();
    SQLite::Statement add_fts(db_, "INSERT INTO question_fts (rowid, prompt, answer, follow_ups, "
                                   "rubric, tags) VALUES (?, ?, ?, ?, ?, ?)");
    add_fts.bind(1, seq);
    add_fts.bind(2, q.prompt);
    add_fts.bind(3, q.answer);
    add_fts.bind(4, join(q.follow_ups, "\n"));
    add_fts.bind(5, join({q.rubric.one, q.rubric.three, q.rubric.five}, "\n"));
    add_fts.bind(6, join(q.tags, " "));
    add_fts.exec();
}

std::optional<Question> QuestionRepository::find(const std::string& id) {
    SQLite::Statement row(db_, "SELECT * FROM question WHERE id = ?");
    row.bind(1, id);
    if (!row.executeStep()) return std::nullopt;
    return read_question(db_, row);
}

std::vector<Question> QuestionRepository::all() {
    std::vector<Question> out;
    SQLite::Statement row(db_, "SELECT * FROM question ORDER BY id");
    while (row.executeStep()) out.push_back(read_question(db_, row));
    return out;
}

std::vector<QuestionSummary> QuestionRepository::search(const SearchQuery& query, int limit) {
    SearchSql sql = build_search_sql(query);
    // Ranking costs a few microseconds per matching question: past max_ranked_matches the
    // best-first order is not worth a visible pause, so list them in bank order instead.
    if (sql.ranked && count_matches(query) > max_ranked_matches) {
        if (sql.inner_limit)
            sql.from_where = "FROM (SELECT rowid AS seq FROM question_fts WHERE question_fts MATCH ? LIMIT ?) f "
                             "JOIN question q ON q.seq = f.seq WHERE 1";
        sql.order_by = "q.seq";
    }
    SQLite::Statement stmt(db_, fmt::format("SELECT q.id, q.topic, q.level, q.difficulty, "
                                            "q.minutes, q.prompt {} ORDER BY {} LIMIT ?",
                                            sql.from_where, sql.order_by));
    int index = 1;
    for (const auto& p : sql.parameters) {
        stmt.bind(index++, p);
        if (sql.inner_limit && index == 2) stmt.bind(index++, limit);
    }
    stmt.bind(index, limit);
    std::vector<QuestionSummary> out;
    while (stmt.executeStep()) {
        QuestionSummary s;
        s.id = stmt.getColumn(0).getString();
        s.topic = stmt.getColumn(1).getString();
        s.level = parse_level(stmt.getColumn(2).getString()).value_or(Level::both);
        s.difficulty = parse_difficulty(stmt.getColumn(3).getString()).value_or(Difficulty::medium);
        s.minutes = stmt.getColumn(4).getInt();
        s.prompt = stmt.getColumn(5).getString();
        out.push_back(std::move(s));
    }
    return out;
}

int QuestionRepository::count_matches(const SearchQuery& query) {
    const SearchSql sql = build_search_sql(query);
    if (sql.inner_limit) { // words only: counting needs no ranking
        SQLite::Statement words(db_, "SELECT count(*) FROM question_fts WHERE question_fts MATCH ?");
        words.bind(1, sql.parameters.front());
        words.executeStep();
        return words.getColumn(0).getInt();
    }
    SQLite::Statement stmt(db_, "SELECT count(*) " + sql.from_where);
    int index = 1;
    for (const auto& p : sql.parameters) stmt.bind(index++, p);
    stmt.executeStep();
    return stmt.getColumn(0).getInt();
}

bool QuestionRepository::remove(const std::string& id) {
    WriteTransaction tx(db_);
    SQLite::Statement del(db_, "DELETE FROM question WHERE id = ? RETURNING seq");
    del.bind(1, id);
    if (!del.executeStep()) return false;
    const auto seq = del.getColumn(0).getInt64();
    del.reset(); // finish the statement before touching the index
    SQLite::Statement fts(db_, "DELETE FROM question_fts WHERE rowid = ?");
    fts.bind(1, seq);
    fts.exec();
    tx.commit();
    return true;
}

void QuestionRepository::rename(const std::string& old_id, const std::string& new_id) {
    auto q = find(old_id);
    if (!q) throw ValidationError("rename", {{"id", fmt::format("no question '{}'", old_id)}});
    q->id = new_id;
    throw_if_invalid(fmt::format("question '{}'", new_id), validate(normalised(*q)));
    if (old_id != new_id && find(new_id))
        throw ValidationError("rename", {{"id", fmt::format("'{}' is already taken", new_id)}});
    WriteTransaction tx(db_);
    SQLite::Statement update(db_, "UPDATE question SET id = ? WHERE id = ?");
    update.bind(1, new_id);
    update.bind(2, old_id);
    update.exec();
    SQLite::Statement asked(db_, "UPDATE interview_question SET question_id = ? WHERE question_id = ?");
    asked.bind(1, new_id);
    asked.bind(2, old_id);
    asked.exec();
    tx.commit();
}

int QuestionRepository::count() { return db_.execAndGet("SELECT count(*) FROM question").getInt(); }

std::vector<std::string> QuestionRepository::topics() {
    std::vector<std::string> out;
    SQLite::Statement stmt(db_, "SELECT DISTINCT topic FROM question ORDER BY topic");
    while (stmt.executeStep()) out.push_back(stmt.getColumn(0).getString());
    return out;
}

} // namespace panelist

namespace panelist {

std::map<std::string, int> QuestionRepository::times_asked() {
    std::map<std::string, int> out;
    SQLite::Statement stmt(db_, "SELECT question_id, count(*) FROM interview_question GROUP BY question_id");
    while (stmt.executeStep()) out[stmt.getColumn(0).getString()] = stmt.getColumn(1).getInt();
    return out;
}

} // namespace panelist

#include "persistence/store/question_repository.hpp"
#include "persistence/store/store_edge.hpp"
#include "persistence/sqlite/read_transaction.hpp"

#include "persistence/search/search_index.hpp"
#include "persistence/search/search_rank.hpp"
#include "persistence/search/search_sql.hpp"
#include "persistence/search/search_tokens.hpp"
#include "persistence/sqlite/write_transaction.hpp"

#include <SQLiteCpp/Statement.h>
#include <algorithm>
#include <limits>
#include <fmt/format.h>
#include <span>

namespace panelist {
namespace {

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
    SQLite::Statement samples(db, "SELECT score, answer, why FROM question_sample WHERE question_seq = ? "
                                  "ORDER BY position");
    samples.bind(1, seq);
    while (samples.executeStep())
        q.samples.push_back({samples.getColumn(0).getInt(), samples.getColumn(1).getString(),
                             samples.getColumn(2).getString()});
    return q;
}

} // namespace

QuestionRepository::QuestionRepository(Database& db) : db_(db.sql()) {}
QuestionRepository::~QuestionRepository() = default;

UpsertOutcome QuestionRepository::upsert(const Question& input) {
    return at_store_edge(db_, [&]() -> UpsertOutcome {
        const Question q = normalised(input);
        throw_if_invalid(fmt::format("question '{}'", q.id), validate(q));
        WriteTransaction tx(db_);
        const auto existing = find(q.id);
        if (existing && *existing == q) return UpsertOutcome::unchanged;

        std::int64_t seq = existing ? seq_of(q.id).value_or(0) : 0;
        QuestionReindex reindex(db_, existing ? std::vector{seq} : std::vector<std::int64_t>{});
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
        reindex.include(seq);
        reindex.finish();
        tx.commit();
        return existing ? UpsertOutcome::updated : UpsertOutcome::added;
    });
}

void QuestionRepository::write_children(std::int64_t seq, const Question& q) {
    // Each child table is replaced whole: its rows for the question go, the new ones come in order.
    const auto replace = [&](const char* table, const char* columns, const char* values, std::size_t count,
                             const auto& bind) {
        SQLite::Statement clear(db_, fmt::format("DELETE FROM {} WHERE question_seq = ?", table));
        clear.bind(1, seq);
        clear.exec();
        SQLite::Statement add(db_, fmt::format("INSERT INTO {} (question_seq, position, {}) VALUES (?, ?, {})", table,
                                               columns, values));
        for (std::size_t i = 0; i < count; ++i) {
            add.bind(1, seq);
            add.bind(2, static_cast<int>(i));
            bind(add, i);
            add.exec();
            add.reset();
        }
    };
    replace("question_tag", "tag", "?", q.tags.size(), [&](SQLite::Statement& s, std::size_t i) { s.bind(3, q.tags[i]); });
    replace("question_follow_up", "text", "?", q.follow_ups.size(),
            [&](SQLite::Statement& s, std::size_t i) { s.bind(3, q.follow_ups[i]); });
    replace("question_sample", "score, answer, why", "?, ?, ?", q.samples.size(), [&](SQLite::Statement& s, std::size_t i) {
        s.bind(3, q.samples[i].score);
        s.bind(4, q.samples[i].answer);
        s.bind(5, q.samples[i].why);
    });
}

std::optional<std::int64_t> QuestionRepository::seq_of(const std::string& id) {
    SQLite::Statement row(db_, "SELECT seq FROM question WHERE id = ?");
    row.bind(1, id);
    if (!row.executeStep()) return std::nullopt;
    return row.getColumn(0).getInt64();
}

std::optional<Question> QuestionRepository::find(const std::string& id) {
    return at_store_edge(db_, [&]() -> std::optional<Question> {
        SQLite::Statement row(db_, "SELECT * FROM question WHERE id = ?");
        row.bind(1, id);
        if (!row.executeStep()) return std::nullopt;
        return read_question(db_, row);
    });
}

std::vector<Question> QuestionRepository::all() {
    return at_store_edge(db_, [&]() -> std::vector<Question> {
        std::vector<Question> out;
        SQLite::Statement row(db_, "SELECT * FROM question ORDER BY id");
        while (row.executeStep()) out.push_back(read_question(db_, row));
        return out;
    });
}

namespace {

std::string like_contains(const std::string& text) {
    std::string out = "%";
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\') out += '\\';
        out += c;
    }
    return out + '%';
}

constexpr const char* summary_columns = "q.seq, q.id, q.topic, q.level, q.difficulty, q.minutes, q.prompt";

QuestionSummary read_summary(SQLite::Statement& row) {
    QuestionSummary s;
    s.id = row.getColumn(1).getString();
    s.topic = row.getColumn(2).getString();
    s.level = parse_level(row.getColumn(3).getString()).value_or(Level::both);
    s.difficulty = parse_difficulty(row.getColumn(4).getString()).value_or(Difficulty::medium);
    s.minutes = row.getColumn(5).getInt();
    s.prompt = row.getColumn(6).getString();
    return s;
}

std::vector<std::int64_t> matching_seqs(StatementCache& statements, const std::string& match, int limit) {
    auto stmt = statements.use("SELECT rowid FROM question_fts WHERE question_fts MATCH ? ORDER BY rowid LIMIT ?");
    stmt->bind(1, match);
    stmt->bind(2, limit);
    std::vector<std::int64_t> out;
    while (stmt->executeStep()) out.push_back(stmt->getColumn(0).getInt64());
    return out;
}

std::vector<QuestionSummary> summaries(StatementCache& statements, std::span<const std::int64_t> seqs) {
    auto row = statements.use(fmt::format("SELECT {} FROM question q WHERE q.seq = ?", summary_columns));
    std::vector<QuestionSummary> out;
    out.reserve(seqs.size());
    for (const auto seq : seqs) {
        row->bind(1, seq);
        if (row->executeStep()) out.push_back(read_summary(*row));
        row->reset();
    }
    return out;
}

} // namespace

SearchPlan QuestionRepository::plan(const SearchQuery& query) {
    SearchLookups lookups;
    lookups.sets_named = [this](const std::string& part_of_name) {
        SQLite::Statement sets(db_, "SELECT seq FROM question_set WHERE name LIKE ? ESCAPE '\\'");
        sets.bind(1, like_contains(part_of_name));
        std::vector<std::int64_t> out;
        while (sets.executeStep()) out.push_back(sets.getColumn(0).getInt64());
        return out;
    };
    lookups.word_starts = [this](const std::string& typed) { return word_starts(typed); };
    return plan_search(query, lookups);
}

// Stemming indexes "monitoring" as "monitor", so while a user types "monitori" no term starts
// with what was typed for a few keystrokes: then the longest start of it (dropping up to three
// letters) that some term has stands in for it.
std::optional<std::vector<WordStart>> QuestionRepository::word_starts(const std::string& typed) {
    SearchTokenizer& tokenizer = search_support();
    const auto tokens = tokenizer.query_terms(typed);
    if (tokens.size() != 1) return std::nullopt; // "a/b-te": a phrase, FTS5 expands its end
    std::string start = tokens.front();
    // Three or four letters: FTS5's prefix index answers that start directly (search_index.cpp).
    if (start.size() <= prefix_index_length) return std::nullopt;
    for (int dropped = 0;; ++dropped) {
        auto terms = indexed_terms_starting(db_, start, max_expanded_terms + 1);
        if (static_cast<int>(terms.size()) > max_expanded_terms) return std::nullopt;
        // Each term goes back through the stemmer inside MATCH, and a few stems are not stems of
        // themselves ("caus", indexed for "because", is looked up as "cau"). Those are looked
        // up by the start the stemmer leaves ("cau"*): it still holds them.
        std::vector<WordStart> out;
        for (auto& t : terms) {
            const auto again = tokenizer.query_terms(t);
            if (again == std::vector<std::string>{t}) out.push_back({std::move(t), false});
            else if (again.size() == 1 && t.starts_with(again.front())) out.push_back({std::move(t), true});
            else return std::nullopt; // "analys" -> "anali": let FTS5 expand the typed word
        }
        if (!out.empty()) return out;
        if (dropped == 3) return std::nullopt;
        do start.pop_back(); // whole UTF-8 characters only
        while (!start.empty() && (static_cast<unsigned char>(start.back()) & 0xC0) == 0x80);
        if (start.size() <= prefix_index_length) return std::nullopt;
    }
}

std::vector<std::int64_t> QuestionRepository::best_first(const SearchPlan& plan, int limit) {
    SearchTokenizer& tokenizer = search_support();
    // How many questions hold each phrase, for its weight (search_rank.hpp). A phrase of several
    // words is held by at most as many as its rarest word.
    std::vector<std::int64_t> documents;
    for (const auto& phrase : plan.phrases) {
        if (phrase.kind == PlannedPhrase::Kind::facet) {
            documents.push_back(0); // in the facets column, which weighs nothing
            continue;
        }
        const auto words = tokenizer.query_terms(phrase.text);
        std::int64_t fewest = words.empty() ? 0 : std::numeric_limits<std::int64_t>::max();
        for (std::size_t i = 0; i < words.size(); ++i) {
            const bool start = phrase.kind == PlannedPhrase::Kind::text_prefix && i + 1 == words.size();
            fewest = std::min(fewest, start ? prefix_documents(db_, words[i]) : term_documents(db_, words[i]));
        }
        documents.push_back(fewest);
    }
    auto stmt = statements_.use("SELECT rowid FROM question_fts WHERE question_fts MATCH ? "
                                "ORDER BY panelist_rank(question_fts, ?), rowid LIMIT ?");
    stmt->bind(1, plan.match);
    stmt->bind(2, phrase_documents_argument(documents));
    stmt->bind(3, limit);
    std::vector<std::int64_t> out;
    while (stmt->executeStep()) out.push_back(stmt->getColumn(0).getInt64());
    return out;
}

SearchTokenizer& QuestionRepository::search_support() {
    if (!tokenizer_) {
        tokenizer_ = std::make_unique<SearchTokenizer>(db_);
        register_search_rank(db_);
    }
    return *tokenizer_;
}

SearchResult QuestionRepository::run_search(const SearchQuery& query, int limit) {
    return at_store_edge(db_, [&]() -> SearchResult {
        const ReadTransaction snapshot(db_); // one set of locks, and the count agrees with the rows
        const SearchPlan plan = this->plan(query);
        limit = std::clamp(limit, 0, std::numeric_limits<int>::max() - 1); // counted + 1 below stays an int
        SearchResult result;
        if (plan.match.empty()) { // the whole bank, by id
            SQLite::Statement all(db_, fmt::format("SELECT {} FROM question q ORDER BY q.id LIMIT ?", summary_columns));
            all.bind(1, limit);
            while (all.executeStep()) result.rows.push_back(read_summary(all));
            result.matches = static_cast<int>(result.rows.size()) < limit ? static_cast<int>(result.rows.size()) : count();
            return result;
        }
        // First learn how many match, reading at most counted_matches + 1 of them (cheap: no
        // ranking, no question rows). A set that fits in `limit` comes back in a useful order: best
        // first (ranking costs a few microseconds a match) or, without words, by id. A larger one
        // comes in the order questions were added, and the user narrows it.
        const int counted = std::max(counted_matches, limit);
        const auto seqs = matching_seqs(statements_, plan.match, counted + 1);
        result.matches = std::min<int>(static_cast<int>(seqs.size()), counted);
        result.counted_all = static_cast<int>(seqs.size()) <= counted;
        if (plan.ranked && static_cast<int>(seqs.size()) <= max_ranked_matches) {
            result.order = SearchOrder::best_first;
            result.rows = summaries(statements_, best_first(plan, limit));
        } else if (!plan.ranked && static_cast<int>(seqs.size()) <= limit) {
            result.order = SearchOrder::id;
            result.rows = summaries(statements_, seqs);
            std::sort(result.rows.begin(), result.rows.end(), [](const auto& x, const auto& y) { return x.id < y.id; });
        } else {
            result.order = SearchOrder::added;
            result.rows = summaries(statements_, std::span(seqs).first(std::min<std::size_t>(seqs.size(), limit)));
        }
        return result;
    });
}

int QuestionRepository::count_of(const std::string& match) {
    auto stmt = statements_.use("SELECT count(*) FROM question_fts WHERE question_fts MATCH ?");
    stmt->bind(1, match);
    stmt->executeStep();
    return stmt->getColumn(0).getInt();
}

std::vector<QuestionSummary> QuestionRepository::search(const SearchQuery& query, int limit) {
    return at_store_edge(db_, [&]() -> std::vector<QuestionSummary> {
        return run_search(query, limit).rows;
    });
}

int QuestionRepository::count_matches(const SearchQuery& query) {
    return at_store_edge(db_, [&]() -> int {
        const SearchPlan plan = this->plan(query);
        return plan.match.empty() ? count() : count_of(plan.match);
    });
}

bool QuestionRepository::remove(const std::string& id) {
    return at_store_edge(db_, [&]() -> bool {
        WriteTransaction tx(db_);
        const auto seq = seq_of(id);
        if (!seq) return false;
        QuestionReindex reindex(db_, {*seq}); // its entry out while its rows are still there
        SQLite::Statement del(db_, "DELETE FROM question WHERE id = ?");
        del.bind(1, id);
        del.exec();
        SQLite::Statement draft(db_, "DELETE FROM question_draft WHERE question_id = ?");
        draft.bind(1, id);
        draft.exec();
        reindex.finish(); // nothing goes back in
        tx.commit();
        return true;
    });
}

void QuestionRepository::rename(const std::string& old_id, const std::string& new_id) {
    return at_store_edge(db_, [&]() -> void {
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
        SQLite::Statement draft(db_, "UPDATE question_draft SET question_id = ? WHERE question_id = ?"); // still a draft
        draft.bind(1, new_id);
        draft.bind(2, old_id);
        draft.exec();
        tx.commit();
    });
}

int QuestionRepository::count() {
    return at_store_edge(db_, [&]() -> int { return db_.execAndGet("SELECT count(*) FROM question").getInt(); });
}

std::vector<std::string> QuestionRepository::topics() {
    return at_store_edge(db_, [&]() -> std::vector<std::string> {
        std::vector<std::string> out;
        SQLite::Statement stmt(db_, "SELECT DISTINCT topic FROM question ORDER BY topic");
        while (stmt.executeStep()) out.push_back(stmt.getColumn(0).getString());
        return out;
    });
}

} // namespace panelist

namespace panelist {

std::map<std::string, int> QuestionRepository::times_asked() {
    return at_store_edge(db_, [&]() -> std::map<std::string, int> {
        std::map<std::string, int> out;
        SQLite::Statement stmt(db_, "SELECT question_id, count(*) FROM interview_question GROUP BY question_id");
        while (stmt.executeStep()) out[stmt.getColumn(0).getString()] = stmt.getColumn(1).getInt();
        return out;
    });
}

} // namespace panelist

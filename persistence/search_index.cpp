#include "persistence/search_index.hpp"

#include "domain/text.hpp"
#include "persistence/search_tokens.hpp"
#include "persistence/write_transaction.hpp"

#include <SQLiteCpp/Statement.h>
#include <array>
#include <fmt/format.h>
#include <unordered_set>
#include <vector>

namespace panelist {
namespace facet {
namespace {
std::string spelt(char kind, std::string_view text) {
    std::string out{'x', kind};
    for (const unsigned char c : to_lower_ascii(text)) out += fmt::format("{:03}", c);
    return out;
}
} // namespace

std::string topic(std::string_view name) { return spelt('t', name); }
std::string tag(std::string_view name) { return spelt('g', name); }
std::string level(Level l) { return fmt::format("xl{}", static_cast<int>(l)); }
std::string difficulty(Difficulty d) { return fmt::format("xd{}", static_cast<int>(d)); }
std::string set(std::int64_t set_seq) { return fmt::format("xs{}", set_seq); }
} // namespace facet

namespace {

constexpr const char* create_tables = R"sql(
CREATE VIRTUAL TABLE question_fts USING fts5(
    prompt, answer, follow_ups, rubric, tags, facets,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
-- Every term the texts were ever indexed under (a stale one matches nothing), so the word being
-- typed can be expanded into whole terms: FTS5's own prefix query reads every list it covers.
CREATE TABLE question_term (term TEXT PRIMARY KEY) WITHOUT ROWID;
)sql";

std::string joined(SQLite::Statement& rows, std::string_view separator) {
    std::string out;
    while (rows.executeStep()) {
        if (!out.empty()) out += separator;
        out += rows.getColumn(0).getString();
    }
    rows.reset();
    return out;
}

// Prepared once, so a rebuild of 100k questions does not parse SQL 600k times.
class Indexer {
public:
    explicit Indexer(SQLite::Database& db)
        : question_(db, "SELECT topic, level, difficulty, prompt, answer, rubric_1, rubric_3, "
                        "rubric_5 FROM question WHERE seq = ?"),
          tags_(db, "SELECT tag FROM question_tag WHERE question_seq = ? ORDER BY position"),
          follow_ups_(db, "SELECT text FROM question_follow_up WHERE question_seq = ? ORDER BY "
                          "position"),
          sets_(db, "SELECT set_seq FROM question_set_item WHERE question_seq = ?"),
          remove_(db, "DELETE FROM question_fts WHERE rowid = ?"),
          add_(db, "INSERT INTO question_fts (rowid, prompt, answer, follow_ups, rubric, tags, "
                   "facets) VALUES (?, ?, ?, ?, ?, ?, ?)"),
          add_term_(db, "INSERT OR IGNORE INTO question_term (term) VALUES (?)"),
          tokenizer_(db) {}

    void remove(std::int64_t seq) {
        remove_.bind(1, seq);
        remove_.exec();
        remove_.reset();
    }

    void add(std::int64_t seq) {
        question_.bind(1, seq);
        if (!question_.executeStep()) {
            question_.reset();
            return;
        }
        std::string facets = facet::every;
        facets += ' ' + facet::topic(question_.getColumn(0).getString());
        facets += ' ' + facet::level(parse_level(question_.getColumn(1).getString()).value_or(Level::both));
        facets += ' ' + facet::difficulty(
                            parse_difficulty(question_.getColumn(2).getString()).value_or(Difficulty::medium));
        const std::string prompt = question_.getColumn(3).getString();
        const std::string answer = question_.getColumn(4).getString();
        const std::string rubric = fmt::format("{}\n{}\n{}", question_.getColumn(5).getString(),
                                               question_.getColumn(6).getString(), question_.getColumn(7).getString());
        question_.reset();

        tags_.bind(1, seq);
        std::vector<std::string> tags;
        while (tags_.executeStep()) tags.push_back(tags_.getColumn(0).getString());
        tags_.reset();
        std::string tag_text;
        for (const auto& t : tags) {
            tag_text += (tag_text.empty() ? "" : " ") + t;
            facets += ' ' + facet::tag(t);
        }
        follow_ups_.bind(1, seq);
        const std::string follow_ups = joined(follow_ups_, "\n");
        sets_.bind(1, seq);
        while (sets_.executeStep()) facets += ' ' + facet::set(sets_.getColumn(0).getInt64());
        sets_.reset();
        add_.bind(1, seq);
        add_.bind(2, prompt);
        add_.bind(3, answer);
        add_.bind(4, follow_ups);
        add_.bind(5, rubric);
        add_.bind(6, tag_text);
        add_.bind(7, facets);
        add_.exec();
        add_.reset();
        const std::array<const std::string*, 5> texts{&prompt, &answer, &follow_ups, &rubric, &tag_text};
        for (const auto* text : texts)
            for (auto& term : tokenizer_.document_terms(*text)) add_term(std::move(term));
    }

private:
    void add_term(std::string term) {
        if (!known_terms_.insert(term).second) return;
        add_term_.bind(1, term);
        add_term_.exec();
        add_term_.reset();
    }

    SQLite::Statement question_, tags_, follow_ups_, sets_, remove_, add_, add_term_;
    SearchTokenizer tokenizer_;
    std::unordered_set<std::string> known_terms_; // written by this indexer already
};

int stored_version(SQLite::Database& db) {
    SQLite::Statement row(db, "SELECT value FROM meta WHERE key = 'search_index'");
    return row.executeStep() ? std::atoi(row.getColumn(0).getString().c_str()) : 0;
}

} // namespace

void index_question(SQLite::Database& db, std::int64_t seq) {
    Indexer indexer(db);
    indexer.remove(seq);
    indexer.add(seq);
}

void unindex_question(SQLite::Database& db, std::int64_t seq) { Indexer(db).remove(seq); }

std::vector<std::string> indexed_terms_starting(SQLite::Database& db, const std::string& start, int limit) {
    SQLite::Statement terms(db, "SELECT term FROM question_term WHERE term >= ? ORDER BY term LIMIT ?");
    terms.bind(1, start);
    terms.bind(2, limit);
    std::vector<std::string> out;
    while (terms.executeStep()) {
        std::string term = terms.getColumn(0).getString();
        if (term.compare(0, start.size(), start) != 0) break;
        out.push_back(std::move(term));
    }
    return out;
}

bool search_index_current(SQLite::Database& db) { return stored_version(db) == search_index_version; }

void ensure_search_index(SQLite::Database& db) {
    if (search_index_current(db)) return;
    WriteTransaction tx(db);
    db.exec("DROP TABLE IF EXISTS question_fts; DROP TABLE IF EXISTS question_term");
    db.exec(create_tables);
    {
        Indexer indexer(db);
        SQLite::Statement all(db, "SELECT seq FROM question ORDER BY seq");
        while (all.executeStep()) indexer.add(all.getColumn(0).getInt64());
    }
    SQLite::Statement mark(db, "INSERT OR REPLACE INTO meta (key, value) VALUES ('search_index', ?)");
    mark.bind(1, std::to_string(search_index_version));
    mark.exec();
    tx.commit();
}

} // namespace panelist

#include "persistence/search/search_index.hpp"

#include "domain/text.hpp"
#include "persistence/search/search_tokens.hpp"
#include "persistence/sqlite/write_transaction.hpp"

#include <SQLiteCpp/Statement.h>
#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <memory>
#include <optional>
#include <unordered_map>
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
-- content = '': the index keeps no copy of the texts, which the question tables hold already.
-- The copy was a third of the file, read through at every open that checks the file for damage
-- and copied into every backup (docs/performance.md). An entry is taken out with the texts it
-- was made from, read from the question tables before they change (QuestionReindex).
-- prefix = '3 4': a word typed to three or four letters ("dri", "drif") is answered from a
-- ready-made list of every term starting so, instead of merging the lists of all those terms
-- before the first match comes out (~80 ms for a common start at 100k questions). It costs
-- file: ~19% more at 100k (docs/performance.md).
-- categories adds So (other symbols) to unicode61's letters, digits and private use, so an emoji
-- or a sign such as a check mark is a word that can be searched for. SQLite's tables are those of
-- Unicode 6.1; newer emoji are unassigned there and already count as word characters.
CREATE VIRTUAL TABLE question_fts USING fts5(
    prompt, answer, follow_ups, rubric, tags, facets,
    content = '', prefix = '3 4',
    tokenize = "porter unicode61 remove_diacritics 2 categories 'L* N* Co So'"
);
-- Every indexed term with the number of questions whose texts hold it. Longer words being
-- typed expand into these whole terms (an OR of terms streams), and ranking reads a term's
-- rarity here instead of scanning its list on every search (search_rank.cpp).
CREATE TABLE question_term (
    term TEXT PRIMARY KEY,
    docs INTEGER NOT NULL
) WITHOUT ROWID;
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

// What the index holds of one question: its searchable texts and its facet tokens.
struct IndexEntry {
    std::array<std::string, 5> texts; // prompt, answer, follow-ups, rubric, tags
    std::string facets;
};

} // namespace

// Prepared once, so a rebuild of 100k questions does not parse SQL 600k times. Term counts
// are gathered in memory and written by flush(), once per term.
class QuestionIndexer {
public:
    explicit QuestionIndexer(SQLite::Database& db)
        : question_(db, "SELECT topic, level, difficulty, prompt, answer, rubric_1, rubric_3, "
                        "rubric_5 FROM question WHERE seq = ?"),
          tags_(db, "SELECT tag FROM question_tag WHERE question_seq = ? ORDER BY position"),
          follow_ups_(db, "SELECT text FROM question_follow_up WHERE question_seq = ? ORDER BY "
                          "position"),
          sets_(db, "SELECT set_seq FROM question_set_item WHERE question_seq = ?"),
          // The first column is the table's command column: NULL adds, 'delete' takes out.
          write_(db, "INSERT INTO question_fts (question_fts, rowid, prompt, answer, follow_ups, "
                     "rubric, tags, facets) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
          count_term_(db, "INSERT INTO question_term (term, docs) VALUES (?1, max(?2, 0)) ON CONFLICT "
                          "(term) DO UPDATE SET docs = max(docs + ?2, 0)"),
          drop_term_(db, "DELETE FROM question_term WHERE term = ? AND docs <= 0"),
          tokenizer_(db) {}

    // Takes the question's entry out, made from what the tables hold now: call it before they
    // change. Nothing to do for a question that is not (yet) in the tables.
    void remove(std::int64_t seq) {
        if (const auto entry = read(seq)) write(seq, *entry, -1);
    }
    void add(std::int64_t seq) {
        if (const auto entry = read(seq)) write(seq, *entry, +1);
    }

    // Writes the gathered term counts; terms no question holds any more are dropped.
    void flush() {
        for (const auto& [term, change] : pending_) {
            if (change == 0) continue;
            count_term_.bind(1, term);
            count_term_.bind(2, change);
            count_term_.exec();
            count_term_.reset();
            if (change > 0) continue;
            drop_term_.bind(1, term);
            drop_term_.exec();
            drop_term_.reset();
        }
        pending_.clear();
    }

private:
    std::optional<IndexEntry> read(std::int64_t seq) {
        question_.bind(1, seq);
        if (!question_.executeStep()) {
            question_.reset();
            return std::nullopt;
        }
        IndexEntry entry;
        std::string& facets = entry.facets;
        auto& texts = entry.texts;
        facets = facet::every;
        facets += ' ' + facet::topic(question_.getColumn(0).getString());
        facets += ' ' + facet::level(parse_level(question_.getColumn(1).getString()).value_or(Level::both));
        facets += ' ' + facet::difficulty(
                            parse_difficulty(question_.getColumn(2).getString()).value_or(Difficulty::medium));
        texts[0] = question_.getColumn(3).getString();
        texts[1] = question_.getColumn(4).getString();
        texts[3] = fmt::format("{}\n{}\n{}", question_.getColumn(5).getString(),
                               question_.getColumn(6).getString(), question_.getColumn(7).getString());
        question_.reset();

        tags_.bind(1, seq);
        while (tags_.executeStep()) {
            const std::string tag = tags_.getColumn(0).getString();
            texts[4] += (texts[4].empty() ? "" : " ") + tag;
            facets += ' ' + facet::tag(tag);
        }
        tags_.reset();
        follow_ups_.bind(1, seq);
        texts[2] = joined(follow_ups_, "\n");
        sets_.bind(1, seq);
        while (sets_.executeStep()) facets += ' ' + facet::set(sets_.getColumn(0).getInt64());
        sets_.reset();
        return entry;
    }

    // Adds (+1) or takes out (-1) the entry, and counts its terms the same way.
    void write(std::int64_t seq, const IndexEntry& entry, int change) {
        if (change > 0)
            write_.bind(1); // NULL
        else
            write_.bind(1, "delete");
        write_.bind(2, seq);
        for (int i = 0; i < 5; ++i) write_.bind(i + 3, entry.texts[static_cast<std::size_t>(i)]);
        write_.bind(8, entry.facets);
        write_.exec();
        write_.reset();
        std::unordered_set<std::string> distinct;
        for (const auto& text : entry.texts)
            for (auto& term : tokenizer_.document_terms(text)) distinct.insert(std::move(term));
        for (const auto& term : distinct) pending_[term] += change;
    }

    SQLite::Statement question_, tags_, follow_ups_, sets_, write_, count_term_, drop_term_;
    SearchTokenizer tokenizer_;
    std::unordered_map<std::string, int> pending_; // term -> change in its question count
};

namespace {

int stored_version(SQLite::Database& db) {
    SQLite::Statement row(db, "SELECT value FROM meta WHERE key = 'search_index'");
    return row.executeStep() ? std::atoi(row.getColumn(0).getString().c_str()) : 0;
}

} // namespace

QuestionReindex::QuestionReindex(SQLite::Database& db, std::vector<std::int64_t> seqs)
    : indexer_(std::make_unique<QuestionIndexer>(db)), seqs_(std::move(seqs)) {
    std::sort(seqs_.begin(), seqs_.end());
    seqs_.erase(std::unique(seqs_.begin(), seqs_.end()), seqs_.end()); // each entry once
    for (const auto seq : seqs_) indexer_->remove(seq);
}

QuestionReindex::~QuestionReindex() = default;

void QuestionReindex::include(std::int64_t seq) {
    if (std::find(seqs_.begin(), seqs_.end(), seq) == seqs_.end()) seqs_.push_back(seq);
}

void QuestionReindex::finish() {
    for (const auto seq : seqs_) indexer_->add(seq);
    indexer_->flush();
    seqs_.clear();
}

std::int64_t term_documents(SQLite::Database& db, const std::string& term) {
    SQLite::Statement docs(db, "SELECT docs FROM question_term WHERE term = ?");
    docs.bind(1, term);
    return docs.executeStep() ? docs.getColumn(0).getInt64() : 0;
}

std::int64_t prefix_documents(SQLite::Database& db, const std::string& start) {
    // No UTF-8 text has the byte 0xFF, so start + "\xFF" sorts after every term with that start.
    SQLite::Statement docs(db, "SELECT coalesce(sum(docs), 0) FROM question_term WHERE term >= ? AND term < ?");
    docs.bind(1, start);
    docs.bind(2, start + "\xFF");
    docs.executeStep();
    return docs.getColumn(0).getInt64();
}

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

void ensure_search_index(SQLite::Database& db, OpeningProgress* progress) {
    if (search_index_current(db)) return;
    WriteTransaction tx(db);
    db.exec("DROP TABLE IF EXISTS question_fts; DROP TABLE IF EXISTS question_term");
    db.exec(create_tables);
    if (progress) {
        progress->indexed = 0;
        progress->to_index = db.execAndGet("SELECT count(*) FROM question").getInt64();
        progress->enter(OpeningProgress::Stage::indexing);
    }
    {
        QuestionIndexer indexer(db);
        SQLite::Statement all(db, "SELECT seq FROM question ORDER BY seq");
        while (all.executeStep()) {
            indexer.add(all.getColumn(0).getInt64());
            if (progress) ++progress->indexed;
        }
        indexer.flush();
    }
    SQLite::Statement mark(db, "INSERT OR REPLACE INTO meta (key, value) VALUES ('search_index', ?)");
    mark.bind(1, std::to_string(search_index_version));
    mark.exec();
    tx.commit();
}

} // namespace panelist

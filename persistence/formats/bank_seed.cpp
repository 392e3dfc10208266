#include "persistence/formats/bank_seed.hpp"
#include "persistence/store/store_edge.hpp"

#include "domain/text.hpp"
#include "persistence/files/files.hpp"
#include "persistence/formats/question_import.hpp"
#include "persistence/sqlite/write_transaction.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <set>

namespace panelist {
namespace {

// The shipped files' contents, as one number: a start whose files have not changed reads no TOML.
std::string fingerprint_of(const std::vector<NamedText>& texts) {
    std::uint64_t h = 1469598103934665603ULL;
    for (const auto& t : texts)
        h = (h ^ fnv1a(std::filesystem::path(t.name).filename().string() + '\0' + t.text)) * 1099511628211ULL;
    return fmt::format("{:016x}", h);
}

std::string meta(SQLite::Database& db, const char* key) {
    SQLite::Statement row(db, "SELECT value FROM meta WHERE key = ?");
    row.bind(1, key);
    return row.executeStep() ? row.getColumn(0).getString() : std::string();
}

void set_meta(SQLite::Database& db, const char* key, const std::string& value) {
    SQLite::Statement row(db, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
    row.bind(1, key);
    row.bind(2, value);
    row.exec();
}

std::set<std::string> names(SQLite::Database& db, const char* sql) {
    std::set<std::string> out;
    SQLite::Statement rows(db, sql);
    while (rows.executeStep()) out.insert(rows.getColumn(0).getString());
    return out;
}

void record_shipped(SQLite::Database& db, const char* kind, const std::string& name) {
    SQLite::Statement row(db, "INSERT OR IGNORE INTO bank_shipped (kind, name) VALUES (?, ?)");
    row.bind(1, kind);
    row.bind(2, name);
    row.exec();
}

// What the shipped files hold that this database never got from them.
QuestionFile new_in_edition(SQLite::Database& db, const std::vector<QuestionFile>& files) {
    const auto shipped_questions = names(db, "SELECT name FROM bank_shipped WHERE kind = 'question'");
    const auto shipped_sets = names(db, "SELECT name FROM bank_shipped WHERE kind = 'set'");
    const auto held = names(db, "SELECT id FROM question");
    const auto held_sets = names(db, "SELECT name FROM question_set");
    QuestionFile fresh;
    std::set<std::string> fresh_ids;
    for (const auto& f : files)
        for (const auto& q : f.questions)
            if (!shipped_questions.contains(q.id) && !held.contains(q.id)) {
                fresh.questions.push_back(q);
                fresh_ids.insert(q.id);
            }
    const auto present = [&](const std::string& id) { return held.contains(id) || fresh_ids.contains(id); };
    for (const auto& f : files) {
        for (const auto& s : f.sets) {
            if (shipped_sets.contains(s.name) || held_sets.contains(s.name)) continue;
            auto set = s;
            std::erase_if(set.question_ids, [&](const std::string& id) { return !present(id); });
            fresh.sets.push_back(std::move(set));
        }
        for (const auto& id : f.retired)
            if (fresh_ids.contains(id)) fresh.retired.push_back(id);
        for (const auto& [a, b] : f.kept_apart)
            if ((fresh_ids.contains(a) || fresh_ids.contains(b)) && present(a) && present(b))
                fresh.kept_apart.emplace_back(a, b);
    }
    return fresh;
}

} // namespace

bool bank_seeded(Database& db) {
    return db.sql().execAndGet("SELECT count(*) FROM meta WHERE key = 'bank_seeded'").getInt() > 0;
}

void seed_bank(Database& db, const std::vector<std::filesystem::path>& files) {
    return at_store_edge(db.sql(), [&]() -> void {
        const auto texts = read_text_files(files);
        WriteTransaction tx(db.sql());
        import_question_texts(db, texts);
        db.sql().exec("INSERT OR REPLACE INTO meta (key, value) "
                      "VALUES ('bank_seeded', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
        db.sql().exec("INSERT OR IGNORE INTO bank_shipped (kind, name) SELECT 'question', id FROM question");
        db.sql().exec("INSERT OR IGNORE INTO bank_shipped (kind, name) SELECT 'set', name FROM question_set");
        set_meta(db.sql(), "bank_fingerprint", fingerprint_of(texts));
        tx.commit();
    });
}

BankDelivery deliver_bank(Database& db, const std::vector<std::filesystem::path>& files) {
    if (!bank_seeded(db)) {
        seed_bank(db, files);
        return {.seeded = true};
    }
    return at_store_edge(db.sql(), [&]() -> BankDelivery {
        const auto texts = read_text_files(files);
        const std::string fingerprint = fingerprint_of(texts);
        if (meta(db.sql(), "bank_fingerprint") == fingerprint) return {};
        std::vector<QuestionFile> contents;
        std::vector<FileProblem> problems;
        for (const auto& t : texts) {
            auto reading = read_question_file(t.text, t.name);
            problems.insert(problems.end(), reading.problems.begin(), reading.problems.end());
            contents.push_back(std::move(reading.content));
        }
        if (!problems.empty()) throw FileError(std::move(problems));

        WriteTransaction tx(db.sql());
        const QuestionFile fresh = new_in_edition(db.sql(), contents);
        BankDelivery delivered;
        if (!fresh.questions.empty() || !fresh.sets.empty()) {
            const auto report = import_question_texts(db, {{"the shipped bank's new edition", write_question_file(fresh)}});
            delivered.questions = report.questions.added;
            delivered.sets = report.sets.added;
        }
        for (const auto& f : contents) {
            for (const auto& q : f.questions) record_shipped(db.sql(), "question", q.id);
            for (const auto& s : f.sets) record_shipped(db.sql(), "set", s.name);
        }
        set_meta(db.sql(), "bank_fingerprint", fingerprint);
        tx.commit();
        return delivered;
    });
}

} // namespace panelist

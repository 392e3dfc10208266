#include "persistence/store/question_set_repository.hpp"
#include "persistence/store/store_edge.hpp"

#include "persistence/search/search_index.hpp"
#include "persistence/sqlite/write_transaction.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace panelist {
namespace {

QuestionSet read_set(SQLite::Database& db, SQLite::Statement& row) {
    QuestionSet s;
    const auto seq = row.getColumn("seq").getInt64();
    s.name = row.getColumn("name").getString();
    s.role = row.getColumn("role").getString();
    s.level = parse_level(row.getColumn("level").getString()).value_or(Level::both);
    s.minutes = row.getColumn("minutes").getInt();
    s.description = row.getColumn("description").getString();
    SQLite::Statement items(db, "SELECT q.id FROM question_set_item i JOIN question q ON q.seq = "
                                "i.question_seq WHERE i.set_seq = ? ORDER BY i.position");
    items.bind(1, seq);
    while (items.executeStep()) s.question_ids.push_back(items.getColumn(0).getString());
    return s;
}

} // namespace

UpsertOutcome QuestionSetRepository::upsert(const QuestionSet& input) {
    return at_store_edge(db_, [&]() -> UpsertOutcome {
        const QuestionSet s = normalised(input);
        const std::string what = fmt::format("question set '{}'", s.name);
        throw_if_invalid(what, validate(s));
        WriteTransaction tx(db_);
        const auto existing = find(s.name);
        if (existing && *existing == s) return UpsertOutcome::unchanged;

        std::vector<std::int64_t> question_seqs;
        Problems missing;
        SQLite::Statement lookup(db_, "SELECT seq FROM question WHERE id = ?");
        for (const auto& id : s.question_ids) {
            lookup.bind(1, id);
            if (lookup.executeStep()) question_seqs.push_back(lookup.getColumn(0).getInt64());
            else missing.push_back({"questions", fmt::format("no question '{}' in the bank", id)});
            lookup.reset();
        }
        throw_if_invalid(what, missing);

        SQLite::Statement write(db_, R"sql(
    INSERT INTO question_set (name, role, level, minutes, description) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (name) DO UPDATE SET role = excluded.role, level = excluded.level,
        minutes = excluded.minutes, description = excluded.description,
        updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
    RETURNING seq)sql");
        write.bind(1, s.name);
        write.bind(2, s.role);
        write.bind(3, std::string(name(s.level)));
        write.bind(4, s.minutes);
        write.bind(5, s.description);
        write.executeStep();
        const auto seq = write.getColumn(0).getInt64();
        write.reset();

        // Members old and new carry (or lose) this set's token in the search index.
        std::vector<std::int64_t> touched = members(seq);
        touched.insert(touched.end(), question_seqs.begin(), question_seqs.end());
        QuestionReindex reindex(db_, std::move(touched)); // out while the old membership stands
        SQLite::Statement clear(db_, "DELETE FROM question_set_item WHERE set_seq = ?");
        clear.bind(1, seq);
        clear.exec();
        SQLite::Statement add(db_, "INSERT INTO question_set_item (set_seq, position, question_seq) "
                                   "VALUES (?, ?, ?)");
        for (std::size_t i = 0; i < question_seqs.size(); ++i) {
            add.bind(1, seq);
            add.bind(2, static_cast<int>(i));
            add.bind(3, question_seqs[i]);
            add.exec();
            add.reset();
        }
        reindex.finish();
        tx.commit();
        return existing ? UpsertOutcome::updated : UpsertOutcome::added;
    });
}

std::optional<QuestionSet> QuestionSetRepository::find(const std::string& name) {
    return at_store_edge(db_, [&]() -> std::optional<QuestionSet> {
        SQLite::Statement row(db_, "SELECT * FROM question_set WHERE name = ?");
        row.bind(1, name);
        if (!row.executeStep()) return std::nullopt;
        return read_set(db_, row);
    });
}

std::vector<QuestionSet> QuestionSetRepository::all() {
    return at_store_edge(db_, [&]() -> std::vector<QuestionSet> {
        std::vector<QuestionSet> out;
        SQLite::Statement row(db_, "SELECT * FROM question_set ORDER BY name");
        while (row.executeStep()) out.push_back(read_set(db_, row));
        return out;
    });
}

std::vector<std::int64_t> QuestionSetRepository::members(std::int64_t set_seq) {
    std::vector<std::int64_t> out;
    SQLite::Statement items(db_, "SELECT question_seq FROM question_set_item WHERE set_seq = ?");
    items.bind(1, set_seq);
    while (items.executeStep()) out.push_back(items.getColumn(0).getInt64());
    return out;
}

bool QuestionSetRepository::remove(const std::string& name) {
    return at_store_edge(db_, [&]() -> bool {
        WriteTransaction tx(db_);
        SQLite::Statement find_seq(db_, "SELECT seq FROM question_set WHERE name = ?");
        find_seq.bind(1, name);
        if (!find_seq.executeStep()) return false;
        const auto seq = find_seq.getColumn(0).getInt64();
        QuestionReindex reindex(db_, members(seq)); // out while they still carry the set's token
        SQLite::Statement del(db_, "DELETE FROM question_set WHERE seq = ?"); // items cascade
        del.bind(1, seq);
        del.exec();
        reindex.finish();
        tx.commit();
        return true;
    });
}

void QuestionSetRepository::rename(const std::string& old_name, const std::string& new_name) {
    return at_store_edge(db_, [&]() -> void {
        QuestionSet probe;
        probe.name = new_name;
        throw_if_invalid("question set", validate(normalised(probe)));
        WriteTransaction tx(db_);
        if (old_name != new_name && find(new_name))
            throw ValidationError("question set",
                                  {{"name", fmt::format("a set named '{}' exists already", new_name)}});
        SQLite::Statement update(db_, "UPDATE question_set SET name = ? WHERE name = ?");
        update.bind(1, normalised(probe).name);
        update.bind(2, old_name);
        if (update.exec() == 0)
            throw ValidationError("question set", {{"name", fmt::format("no set named '{}'", old_name)}});
        tx.commit();
    });
}

} // namespace panelist

#include "persistence/store/people_repository.hpp"
#include "persistence/store/store_edge.hpp"

#include "persistence/store/uuid.hpp"
#include "persistence/sqlite/write_transaction.hpp"

#include <SQLiteCpp/Statement.h>

namespace panelist {
namespace {

Loop read_loop(SQLite::Statement& row) {
    Loop l;
    l.id = row.getColumn("id").getInt64();
    l.uuid = row.getColumn("uuid").getString();
    l.name = row.getColumn("name").getString();
    l.role = row.getColumn("role").getString();
    l.archived = row.getColumn("archived").getInt() != 0;
    return l;
}

Candidate read_candidate(SQLite::Statement& row) {
    Candidate c;
    c.id = row.getColumn("id").getInt64();
    c.uuid = row.getColumn("uuid").getString();
    c.loop_id = row.getColumn("loop_id").getInt64();
    c.name = row.getColumn("name").getString();
    c.role = row.getColumn("role").getString();
    c.level = parse_level(row.getColumn("level").getString()).value_or(Level::junior);
    c.notes = row.getColumn("notes").getString();
    c.archived = row.getColumn("archived").getInt() != 0;
    return c;
}

} // namespace

std::int64_t PeopleRepository::save(Loop& loop) {
    return at_store_edge(db_, [&]() -> std::int64_t {
        throw_if_invalid("loop", validate(loop));
        if (loop.uuid.empty()) loop.uuid = new_uuid();
        WriteTransaction tx(db_);
        if (loop.id == 0) {
            SQLite::Statement insert(db_, "INSERT INTO loop (uuid, name, role, archived) VALUES (?, ?, ?, ?)");
            insert.bind(1, loop.uuid);
            insert.bind(2, loop.name);
            insert.bind(3, loop.role);
            insert.bind(4, loop.archived ? 1 : 0);
            insert.exec();
            loop.id = db_.getLastInsertRowid();
        } else {
            SQLite::Statement update(db_, "UPDATE loop SET name = ?, role = ?, archived = ? WHERE id = ?");
            update.bind(1, loop.name);
            update.bind(2, loop.role);
            update.bind(3, loop.archived ? 1 : 0);
            update.bind(4, loop.id);
            update.exec();
        }
        tx.commit();
        return loop.id;
    });
}

std::int64_t PeopleRepository::save(Candidate& c) {
    return at_store_edge(db_, [&]() -> std::int64_t {
        throw_if_invalid("candidate", validate(c));
        if (c.uuid.empty()) c.uuid = new_uuid();
        WriteTransaction tx(db_, WriteTransaction::Inner::join); // an import saves thousands
        if (c.id == 0) {
            auto insert = statements_.use("INSERT INTO candidate (uuid, loop_id, name, role, level, notes, "
                                          "archived) VALUES (?, ?, ?, ?, ?, ?, ?)");
            insert->bind(1, c.uuid);
            insert->bind(2, c.loop_id);
            insert->bind(3, c.name);
            insert->bind(4, c.role);
            insert->bind(5, std::string(name(c.level)));
            insert->bind(6, c.notes);
            insert->bind(7, c.archived ? 1 : 0);
            insert->exec();
            c.id = db_.getLastInsertRowid();
        } else {
            SQLite::Statement update(db_, "UPDATE candidate SET loop_id = ?, name = ?, role = ?, level = ?, "
                                          "notes = ?, archived = ? WHERE id = ?");
            update.bind(1, c.loop_id);
            update.bind(2, c.name);
            update.bind(3, c.role);
            update.bind(4, std::string(name(c.level)));
            update.bind(5, c.notes);
            update.bind(6, c.archived ? 1 : 0);
            update.bind(7, c.id);
            update.exec();
        }
        tx.commit();
        return c.id;
    });
}

std::optional<Loop> PeopleRepository::find_loop(std::int64_t id) {
    return at_store_edge(db_, [&]() -> std::optional<Loop> {
        auto row = statements_.use("SELECT * FROM loop WHERE id = ?");
        row->bind(1, id);
        if (!row->executeStep()) return std::nullopt;
        return read_loop(*row);
    });
}

std::optional<Loop> PeopleRepository::find_loop_by_name(const std::string& loop_name) {
    return at_store_edge(db_, [&]() -> std::optional<Loop> {
        SQLite::Statement row(db_, "SELECT * FROM loop WHERE name = ? ORDER BY id LIMIT 1");
        row.bind(1, loop_name);
        if (!row.executeStep()) return std::nullopt;
        return read_loop(row);
    });
}

std::optional<Candidate> PeopleRepository::find_candidate(std::int64_t id) {
    return at_store_edge(db_, [&]() -> std::optional<Candidate> {
        auto row = statements_.use("SELECT * FROM candidate WHERE id = ?");
        row->bind(1, id);
        if (!row->executeStep()) return std::nullopt;
        return read_candidate(*row);
    });
}

std::optional<Candidate> PeopleRepository::find_candidate_by_name(const std::string& candidate_name) {
    return at_store_edge(db_, [&]() -> std::optional<Candidate> {
        SQLite::Statement row(db_, "SELECT * FROM candidate WHERE name = ? ORDER BY id LIMIT 1");
        row.bind(1, candidate_name);
        if (!row.executeStep()) return std::nullopt;
        return read_candidate(row);
    });
}

std::vector<Loop> PeopleRepository::loops(bool include_archived) {
    return at_store_edge(db_, [&]() -> std::vector<Loop> {
        std::vector<Loop> out;
        SQLite::Statement row(db_, "SELECT * FROM loop WHERE archived = 0 OR ? ORDER BY archived, id DESC");
        row.bind(1, include_archived ? 1 : 0);
        while (row.executeStep()) out.push_back(read_loop(row));
        return out;
    });
}

std::vector<Candidate> PeopleRepository::candidates(std::int64_t loop_id, bool include_archived) {
    return at_store_edge(db_, [&]() -> std::vector<Candidate> {
        std::vector<Candidate> out;
        SQLite::Statement row(db_, "SELECT * FROM candidate WHERE loop_id = ? AND (archived = 0 OR ?) "
                                   "ORDER BY archived, name");
        row.bind(1, loop_id);
        row.bind(2, include_archived ? 1 : 0);
        while (row.executeStep()) out.push_back(read_candidate(row));
        return out;
    });
}

std::vector<Candidate> candidates_named(Database& db, const std::string& who,
                                        const std::string& loop) {
    SQLite::Statement s(
        db.sql(), "SELECT c.id FROM candidate c JOIN loop l ON l.id = c.loop_id "
                  "WHERE (c.name = ? OR c.uuid = ?) AND (? = '' OR l.name = ?) ORDER BY c.id");
    s.bind(1, who);
    s.bind(2, who);
    s.bind(3, loop);
    s.bind(4, loop);
    std::vector<std::int64_t> ids;
    while (s.executeStep())
        ids.push_back(s.getColumn(0).getInt64());
    PeopleRepository people(db);
    std::vector<Candidate> out;
    for (const auto id : ids)
        if (auto c = people.find_candidate(id)) out.push_back(std::move(*c));
    return out;
}

} // namespace panelist

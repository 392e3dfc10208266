// [SECTIONS] finding | the rows | the bytes | the backups
#include "persistence/backups/erase.hpp"
#include "persistence/store/store_edge.hpp"

#include "persistence/backups/backup.hpp"
#include "persistence/store/people_repository.hpp"
#include "persistence/sqlite/write_transaction.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace panelist {
namespace fs = std::filesystem;
namespace {

bool in_memory(Database& db) {
    return db.path() == ":memory:";
}

int count_interviews(Database& db, std::int64_t candidate_id) {
    SQLite::Statement s(db.sql(), "SELECT count(*) FROM interview WHERE candidate_id = ?");
    s.bind(1, candidate_id);
    s.executeStep();
    return s.getColumn(0).getInt();
}

} // namespace

// --- [SECTION] finding ----------------------------------------------------------------------

ErasePlan plan_erase(Database& db, std::int64_t candidate_id) {
    PeopleRepository people(db);
    auto candidate = people.find_candidate(candidate_id);
    if (!candidate)
        throw EraseError(fmt::format("{}: there is no candidate with id {}; nothing was erased",
                                     db.path().string(), candidate_id));
    ErasePlan plan;
    plan.candidate = std::move(*candidate);
    if (auto loop = people.find_loop(plan.candidate.loop_id)) plan.loop = loop->name;
    plan.interviews = count_interviews(db, candidate_id);
    if (!in_memory(db))
        for (const auto& b : list_backups(db.path()))
            plan.backups.push_back(b.path);
    return plan;
}

namespace {

// --- [SECTION] the rows ---------------------------------------------------------------------

// Children first and by name, so the erase never depends on foreign_keys being on.
void delete_rows(Database& db, std::int64_t candidate_id) {
    static constexpr const char* deletes[] = {
        "DELETE FROM interview_event WHERE interview_id IN "
        "(SELECT id FROM interview WHERE candidate_id = ?)",
        "DELETE FROM interview_question WHERE interview_id IN "
        "(SELECT id FROM interview WHERE candidate_id = ?)",
        "DELETE FROM interview WHERE candidate_id = ?",
        "DELETE FROM candidate WHERE id = ?",
    };
    WriteTransaction tx(db.sql());
    for (const char* sql : deletes) {
        SQLite::Statement s(db.sql(), sql);
        s.bind(1, candidate_id);
        s.exec();
    }
    tx.commit();
}

// --- [SECTION] the bytes --------------------------------------------------------------------

// secure_delete on for the erase only: deleted rows are overwritten with zeros instead of left
// readable in free pages. Everyday writes go back to what they were (it costs a write per delete).
class SecureDelete {
  public:
    explicit SecureDelete(SQLite::Database& sql)
        : sql_(sql), before_(sql.execAndGet("PRAGMA secure_delete").getInt()) {
        sql_.exec("PRAGMA secure_delete = ON");
    }
    ~SecureDelete() {
        try {
            sql_.exec(fmt::format("PRAGMA secure_delete = {}", before_));
        } catch (...) {
            // A destructor must not throw; the connection only zeroes more than it needs to.
        }
    }
    SecureDelete(const SecureDelete&) = delete;
    SecureDelete& operator=(const SecureDelete&) = delete;

  private:
    SQLite::Database& sql_;
    int before_;
};

// The old versions of the deleted pages stay in the -wal and in the database file until a
// checkpoint. VACUUM rewrites the file with no free pages at all; the TRUNCATE checkpoint
// copies that into the database file and empties the -wal. Returns what is left, or "".
std::string scrub_file(Database& db) {
    try {
        // VACUUM builds its copy of the whole file in the temporary store: on disk, whatever a
        // caller chose (a team sync keeps savepoints in memory), so a large bank's erase does
        // not take as much memory as the file is big.
        const int temp_store = db.sql().execAndGet("PRAGMA temp_store").getInt();
        db.sql().exec("PRAGMA temp_store = FILE");
        db.sql().exec("VACUUM");
        db.sql().exec(fmt::format("PRAGMA temp_store = {}", temp_store));
        if (in_memory(db)) return "";
        SQLite::Statement checkpoint(db.sql(), "PRAGMA wal_checkpoint(TRUNCATE)");
        checkpoint.executeStep();
        if (checkpoint.getColumn(0).getInt() == 0) return "";
        return "another program (another Panelist window?) is reading the database, so its -wal "
               "file still holds their old bytes; it is emptied when the last one closes the "
               "database";
    } catch (const SQLite::Exception& e) {
        return fmt::format("the file could not be rewritten without them ({}), so its free space "
                           "or -wal file may still hold their old bytes",
                           e.what());
    }
}

// --- [SECTION] the backups ------------------------------------------------------------------

// Files in the backup folder that may hold the candidate but are not backups to delete:
// databases that `restore` moved aside, and copies still being (or never) finished.
std::vector<fs::path> other_copies(const fs::path& database) {
    const std::string stem = database.stem().string();
    std::vector<fs::path> out;
    std::error_code ec;
    for (fs::directory_iterator it(backup_folder(database), ec), end; !ec && it != end;
         it.increment(ec)) {
        const std::string name = it->path().filename().string();
        const bool replaced =
            name.rfind(stem + "-", 0) == 0 && name.find(".replaced.db") != std::string::npos;
        const bool partial =
            name.rfind("." + stem + "-", 0) == 0 && name.find(".partial") != std::string::npos;
        if (replaced || partial) out.push_back(it->path());
    }
    return out;
}

// A fresh backup first, so a backup exists at every moment; then the old ones go. They go even
// when the fresh one fails: the user asked for the erase. Adds what went wrong to `problems`.
void replace_backups(Database& db, Erased& erased, std::vector<std::string>& problems) {
    try {
        erased.fresh_backup = make_backup(db, 0);
    } catch (const BackupError& e) {
        problems.push_back(fmt::format("no new backup could be taken: {}", e.what()));
    }
    // Every backup but the fresh one was taken before the erase.
    for (const auto& backup : list_backups(db.path())) {
        const fs::path& old = backup.path;
        if (erased.fresh_backup && old == *erased.fresh_backup) continue;
        std::error_code ec;
        fs::remove(old, ec);
        if (ec)
            problems.push_back(
                fmt::format("the backup {} still holds them and could not be deleted ({}); "
                            "delete it by hand",
                            old.string(), ec.message()));
        else
            erased.backups_deleted.push_back(old);
    }
    erased.left_behind = other_copies(db.path());
}

} // namespace

Erased erase_candidate(Database& db, std::int64_t candidate_id) {
    return at_store_edge(db.sql(), [&]() -> Erased {
        const ErasePlan plan = plan_erase(db, candidate_id);
        Erased erased;
        erased.candidate = plan.candidate.name;
        erased.loop = plan.loop;
        erased.interviews = plan.interviews;
        std::vector<std::string> problems;
        {
            SecureDelete zeroed(db.sql());
            delete_rows(db, candidate_id);
            if (auto left = scrub_file(db); !left.empty()) problems.push_back(left);
        }
        // Even after a failed scrub: the backup API copies only the current pages, zeroed above.
        if (!in_memory(db)) replace_backups(db, erased, problems);
        if (!problems.empty()) {
            std::string list;
            for (const auto& p : problems)
                list += "\n  " + p;
            throw EraseError(
                fmt::format("{}: {} and their interviews are deleted, but not every trace is gone:{}",
                            db.path().string(), plan.candidate.name, list));
        }
        return erased;
    });
}

} // namespace panelist

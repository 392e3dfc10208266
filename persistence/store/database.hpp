// The Panelist database file: opened safely, migrated to the current schema, ready to use.
#pragma once
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>

#include "persistence/sqlite/opening_progress.hpp"
#include "persistence/store/database_error.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

namespace panelist {


// read_only: for commands that only look (questions, report, compare) at a database this
// process may not write; nothing is created, migrated or seeded, and every write fails with
// "is read-only".
enum class Access { read_write, read_only };

// Changes whenever anything is committed to the database, by this connection or another, so
// screens can keep what they read until it is out of date (ui/app/store_cache.hpp).
struct StoreVersion {
    std::int64_t others = 0; // PRAGMA data_version: commits by other connections
    std::int64_t mine = 0;   // rows changed through this connection
    bool operator==(const StoreVersion&) const = default;
};

class Database {
public:
    // Opens (or creates, mode 0600) the database at `path`, or ":memory:". Refuses, leaving
    // the file byte-for-byte untouched, a file that is not SQLite, belongs to another program,
    // is damaged, or has a newer schema than this build knows; with read_write, also a file
    // or folder this process cannot write ("is read-only: ..."). Looking for damage reads the
    // whole file, except when Panelist closed it intact and nothing touched it since
    // (intact_note.hpp).
    // `progress`, when given, follows the slow parts (opening_progress.hpp).
    static Database open(const std::filesystem::path& path, Access access = Access::read_write,
                         OpeningProgress* progress = nullptr);
    // Closing the last connection of a database opened for writing notes the file as intact,
    // so the next open need not read it all again (intact_note.hpp), unless SQLite reported
    // damage meanwhile: then the note goes, and the next open checks.
    ~Database();
    Database(Database&&) noexcept = default;
    Database& operator=(Database&&) noexcept = default;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    // One more read-only connection to this database, for another thread (the start-up
    // backup). open() has already checked, migrated and indexed the file, so none of that runs
    // again: checking reads the whole file. Not for ":memory:", which would be another database.
    Database another_reader() const;
    // One more read-write connection, for a thread that writes (the notes' writer,
    // draft_writer.hpp); configured as open() configures its own. Not for ":memory:" either.
    Database another_writer() const;

    SQLite::Database& sql() { return *db_; }
    const std::filesystem::path& path() const { return path_; }
    int schema_version();
    // Cheap (no disk read): compare two values to learn whether the data may have changed.
    StoreVersion version();
    // True when the database was created by this open (so the caller may seed it).
    bool created() const { return created_; }
    // The file was there but empty (0 bytes), and the new database was made in it: worth a
    // word, since an empty file where a database should be may be one lost by accident.
    bool made_in_empty_file() const { return made_in_empty_file_; }
    bool read_only() const { return read_only_; }
    // An SQLite failure on this database as the user should read it (busy, read-only, ...).
    DatabaseError error(const SQLite::Exception& e) const;

private:
    Database(std::filesystem::path path, std::unique_ptr<SQLite::Database> db, bool created,
             bool read_only);
    std::filesystem::path path_;
    std::unique_ptr<SQLite::Database> db_;
    bool created_;
    bool made_in_empty_file_ = false;
    bool read_only_;
    bool note_when_closed_ = false;
    long damage_reports_at_open_ = 0; // SQLite's damage reports in this process before the open
};

// Why this process may not write the existing database at `path` (the file, or the folder its
// journal lives in, is read-only), or nothing when it may. Checked with access(2), so it also
// sees an immutable file or a read-only file system when running as root.
std::optional<std::string> read_only_reason(const std::filesystem::path& path);

// An SQLite failure on the database at `path` as the user should read it: "PATH: is busy:
// another Panelist is writing to it ...", "PATH: is read-only: ...", else "PATH: WHAT".
DatabaseError database_error(const std::filesystem::path& path, const SQLite::Exception& e);

} // namespace panelist

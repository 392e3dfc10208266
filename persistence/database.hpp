// The Panelist database file: opened safely, migrated to the current schema, ready to use.
#pragma once
#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

namespace panelist {

// A database that cannot be opened or used; the message names the file and the problem.
class DatabaseError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Database {
public:
    // Opens (or creates, mode 0600) the database at `path`, or ":memory:". Refuses, leaving
    // the file byte-for-byte untouched, a file that is not SQLite, belongs to another program,
    // is damaged, or has a newer schema than this build knows.
    static Database open(const std::filesystem::path& path);

    SQLite::Database& sql() { return *db_; }
    const std::filesystem::path& path() const { return path_; }
    int schema_version();
    // True when the database was created by this open (so the caller may seed it).
    bool created() const { return created_; }

private:
    Database(std::filesystem::path path, std::unique_ptr<SQLite::Database> db, bool created);
    std::filesystem::path path_;
    std::unique_ptr<SQLite::Database> db_;
    bool created_;
};

constexpr std::int32_t panelist_application_id = 0x504E4C53; // "PNLS"

} // namespace panelist

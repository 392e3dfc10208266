#include "persistence/search/fts5.hpp"

#include <stdexcept>

namespace panelist {

fts5_api* fts5_api_of(SQLite::Database& db) {
    fts5_api* api = nullptr;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db.getHandle(), "SELECT fts5(?1)", -1, &stmt, nullptr) == SQLITE_OK) {
        sqlite3_bind_pointer(stmt, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
        sqlite3_step(stmt);
    }
    sqlite3_finalize(stmt);
    if (!api) throw std::runtime_error("this SQLite has no FTS5");
    return api;
}

} // namespace panelist

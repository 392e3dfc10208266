// The FTS5 C API of a connection, reached the documented way (SELECT fts5(?1) with a pointer).
#pragma once
#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

namespace panelist {

fts5_api* fts5_api_of(SQLite::Database&); // throws std::runtime_error when SQLite lacks FTS5

} // namespace panelist

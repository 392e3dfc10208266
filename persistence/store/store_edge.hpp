// The store's edge: every public repository call runs through at_store_edge, so what leaves the
// store is a DatabaseError saying, in words, what happened to which file (busy, read-only,
// damaged, full), never an SQLite exception the screens and commands would have to know.
#pragma once
#include "persistence/store/database.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>

namespace panelist {

template <typename Action> auto at_store_edge(SQLite::Database& db, Action&& action) -> decltype(action()) {
    try {
        return action();
    } catch (const SQLite::Exception& e) {
        throw database_error(db.getFilename(), e);
    }
}

} // namespace panelist

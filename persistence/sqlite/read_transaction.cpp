#include "persistence/sqlite/read_transaction.hpp"

#include <sqlite3.h>

namespace panelist {

ReadTransaction::ReadTransaction(SQLite::Database& db)
    : db_(db), began_(sqlite3_get_autocommit(db.getHandle()) != 0) {
    if (began_) db_.exec("BEGIN"); // deferred: the first read takes the shared lock
}

ReadTransaction::~ReadTransaction() {
    if (!began_) return;
    try {
        db_.exec("COMMIT"); // nothing was written: this only lets the snapshot go
    } catch (...) {
        // A destructor must not throw; closing the connection ends the transaction anyway.
    }
}

} // namespace panelist

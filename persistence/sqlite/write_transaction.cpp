#include "persistence/sqlite/write_transaction.hpp"

#include <sqlite3.h>

namespace panelist {

WriteTransaction::WriteTransaction(SQLite::Database& db, Inner inner)
    : db_(db), outermost_(sqlite3_get_autocommit(db.getHandle()) != 0), joined_(!outermost_ && inner == Inner::join) {
    if (joined_) return;
    db_.exec(outermost_ ? "BEGIN IMMEDIATE" : "SAVEPOINT panelist_write");
}

WriteTransaction::~WriteTransaction() {
    if (done_ || joined_) return;
    try {
        if (outermost_) {
            db_.exec("ROLLBACK");
        } else {
            db_.exec("ROLLBACK TO panelist_write");
            db_.exec("RELEASE panelist_write");
        }
    } catch (...) {
        // A destructor must not throw; SQLite rolls back an unfinished transaction itself.
    }
}

void WriteTransaction::commit() {
    if (!joined_) db_.exec(outermost_ ? "COMMIT" : "RELEASE panelist_write");
    done_ = true;
}

} // namespace panelist

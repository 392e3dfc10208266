// RAII write transaction that nests: the outermost one is BEGIN IMMEDIATE (so two Panelist
// processes never deadlock upgrading a read lock), inner ones are savepoints. Not committed
// means rolled back, also when an exception unwinds through it.
#pragma once
#include <SQLiteCpp/Database.h>

namespace panelist {

class WriteTransaction {
public:
    // What an inner transaction is: its own savepoint (a failure inside it can be caught and
    // the outer transaction go on), or part of the outer one (joined: no savepoint; a failure
    // is for the outer transaction to roll back). Joining is for writes made thousands of times
    // in one import, where opening and releasing a savepoint each time was a fifth of the time.
    enum class Inner { savepoint, join };
    explicit WriteTransaction(SQLite::Database& db, Inner inner = Inner::savepoint);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;
    void commit();

private:
    SQLite::Database& db_;
    bool outermost_;
    bool joined_;
    bool done_ = false;
};

} // namespace panelist

// RAII write transaction that nests: the outermost one is BEGIN IMMEDIATE (so two Panelist
// processes never deadlock upgrading a read lock), inner ones are savepoints. Not committed
// means rolled back, also when an exception unwinds through it.
#pragma once
#include <SQLiteCpp/Database.h>

namespace panelist {

class WriteTransaction {
public:
    explicit WriteTransaction(SQLite::Database& db);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;
    void commit();

private:
    SQLite::Database& db_;
    bool outermost_;
    bool done_ = false;
};

} // namespace panelist

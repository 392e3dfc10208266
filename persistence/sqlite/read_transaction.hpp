// RAII read transaction: the statements inside read one snapshot of the database, and take
// SQLite's locks once instead of once each (a search runs hundreds of small statements: the
// locks were ~15% of its time). Inside another transaction it does nothing.
#pragma once
#include <SQLiteCpp/Database.h>

namespace panelist {

class ReadTransaction {
public:
    explicit ReadTransaction(SQLite::Database& db);
    ~ReadTransaction();
    ReadTransaction(const ReadTransaction&) = delete;
    ReadTransaction& operator=(const ReadTransaction&) = delete;

private:
    SQLite::Database& db_;
    bool began_;
};

} // namespace panelist

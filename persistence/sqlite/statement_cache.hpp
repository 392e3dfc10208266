// Prepared statements kept for the life of their user (a repository), so a hot path (a score, a
// note, a search as you type) prepares each SQL text once instead of on every call.
//
//   auto s = statements_.use("SELECT status FROM interview WHERE id = ?");
//   s->bind(1, id);
//   if (s->executeStep()) ...
//
// `use` hands the statement out reset with no bindings; when the handle goes out of scope it is
// reset again, so an unfinished SELECT never keeps a read snapshot open behind the caller's back.
#pragma once
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <memory>
#include <string>
#include <unordered_map>

namespace panelist {

class StatementCache {
public:
    class Handle {
    public:
        explicit Handle(SQLite::Statement& s) : s_(&s) {}
        ~Handle();
        Handle(const Handle&) = delete;
        Handle& operator=(const Handle&) = delete;
        SQLite::Statement* operator->() const { return s_; }
        SQLite::Statement& operator*() const { return *s_; }

    private:
        SQLite::Statement* s_;
    };

    explicit StatementCache(SQLite::Database& db) : db_(db) {}
    Handle use(const std::string& sql);

private:
    SQLite::Database& db_;
    std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> statements_;
};

} // namespace panelist

// Schema step 2: a small key-value table for facts about the database itself, starting with
// whether the shipped bank was loaded (so an interrupted first start loads it again).
#include "persistence/store/migrations/migration.hpp"

namespace panelist {

void migration_002_meta(SQLite::Database& db) {
    db.exec(R"sql(
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
-- A database from step 1 that has questions got its bank already.
INSERT INTO meta (key, value)
SELECT 'bank_seeded', strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE EXISTS (SELECT 1 FROM question);
)sql");
}

} // namespace panelist

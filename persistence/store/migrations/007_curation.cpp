// Schema step 7: the curator's decisions. A retired question stays in the bank and in every
// interview that asked it but is never planned again; two questions kept apart were judged
// different on purpose and are not listed as duplicates again. Both are keyed by question id,
// not row, so they survive a question being re-imported.
#include "persistence/store/migrations/migration.hpp"

namespace panelist {

void migration_007_curation(SQLite::Database& db) {
    db.exec(R"sql(
CREATE TABLE question_retired (
    question_id TEXT PRIMARY KEY,
    retired_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) WITHOUT ROWID;
CREATE TABLE question_kept_apart (
    first_id  TEXT NOT NULL,
    second_id TEXT NOT NULL,
    kept_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    PRIMARY KEY (first_id, second_id),
    CHECK (first_id < second_id)
) WITHOUT ROWID;
)sql");
}

} // namespace panelist

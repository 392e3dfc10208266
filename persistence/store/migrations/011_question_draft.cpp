// Schema step 11: draft questions. A question imported from a page (Markdown or plain text) has
// a prompt and perhaps an answer; it stays a draft, never planned, until a curator has given it
// a level and a rubric. Keyed by question id, as retired questions are.
#include "persistence/store/migrations/migration.hpp"

namespace panelist {

void migration_011_question_draft(SQLite::Database& db) {
    db.exec(R"sql(
CREATE TABLE question_draft (
    question_id TEXT PRIMARY KEY,
    source      TEXT NOT NULL,
    level_given INTEGER NOT NULL DEFAULT 0 CHECK (level_given IN (0, 1))
) WITHOUT ROWID;
)sql");
}

} // namespace panelist

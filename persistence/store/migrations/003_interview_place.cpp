// Schema step 3: where the interviewer is in each interview, kept as they move, and whether a
// window has the interview open. A crash leaves `open` set, so the next start returns to that
// question and says what was recovered (ui/screens/interview_screen.cpp).
#include "persistence/store/migrations/migration.hpp"

namespace panelist {

void migration_003_interview_place(SQLite::Database& db) {
    db.exec(R"sql(
CREATE TABLE interview_place (
    interview_id INTEGER PRIMARY KEY REFERENCES interview(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0),
    open         INTEGER NOT NULL DEFAULT 0 CHECK (open IN (0, 1)),
    opened_at    TEXT
);
)sql");
}

} // namespace panelist

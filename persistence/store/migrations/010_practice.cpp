// Schema step 10: calibration practice. An interviewer scores the bank's sample answers and
// sees the reference scores. Its own tables, read only by practice: a practice score is never
// a candidate's, so no report, agreement figure, question record, bundle or team folder file
// (all of which read the interview tables) can ever count it.
#include "persistence/store/migrations/migration.hpp"

namespace panelist {

void migration_010_practice(SQLite::Database& db) {
    db.exec(R"sql(
CREATE TABLE practice_session (
    id          INTEGER PRIMARY KEY,
    interviewer TEXT NOT NULL,
    practised   TEXT NOT NULL DEFAULT '',
    started_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX practice_session_by_interviewer ON practice_session(interviewer, started_at);
CREATE TABLE practice_score (
    session_id  INTEGER NOT NULL REFERENCES practice_session(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    question_id TEXT NOT NULL,
    sample      INTEGER NOT NULL,
    given       INTEGER NOT NULL CHECK (given BETWEEN 1 AND 5),
    reference   INTEGER NOT NULL CHECK (reference BETWEEN 1 AND 5),
    why         TEXT NOT NULL DEFAULT '',
    scored_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    PRIMARY KEY (session_id, position)
) WITHOUT ROWID;
)sql");
}

} // namespace panelist

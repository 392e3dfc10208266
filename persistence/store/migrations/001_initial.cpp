// Schema step 1: the bank, question sets, loops, candidates and interviews.
#include "persistence/store/migrations/migration.hpp"

namespace panelist {

void migration_001_initial(SQLite::Database& db) {
    db.exec(R"sql(
CREATE TABLE question (
    seq        INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    topic      TEXT NOT NULL,
    level      TEXT NOT NULL CHECK (level IN ('junior', 'senior', 'both')),
    difficulty TEXT NOT NULL CHECK (difficulty IN ('easy', 'medium', 'hard')),
    minutes    INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 120),
    prompt     TEXT NOT NULL CHECK (prompt <> ''),
    answer     TEXT NOT NULL DEFAULT '',
    rubric_1   TEXT NOT NULL DEFAULT '',
    rubric_3   TEXT NOT NULL DEFAULT '',
    rubric_5   TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX question_by_topic ON question(topic);

CREATE TABLE question_tag (
    question_seq INTEGER NOT NULL REFERENCES question(seq) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    tag          TEXT NOT NULL,
    PRIMARY KEY (question_seq, position)
) WITHOUT ROWID;
CREATE INDEX question_tag_by_tag ON question_tag(tag);

CREATE TABLE question_follow_up (
    question_seq INTEGER NOT NULL REFERENCES question(seq) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    text         TEXT NOT NULL,
    PRIMARY KEY (question_seq, position)
) WITHOUT ROWID;

-- Kept in sync by QuestionRepository in the same transaction as the question; rowid = seq.
CREATE VIRTUAL TABLE question_fts USING fts5(
    prompt, answer, follow_ups, rubric, tags,
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TABLE question_set (
    seq         INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    role        TEXT NOT NULL DEFAULT '',
    level       TEXT NOT NULL CHECK (level IN ('junior', 'senior', 'both')),
    minutes     INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 600),
    description TEXT NOT NULL DEFAULT '',
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE question_set_item (
    set_seq      INTEGER NOT NULL REFERENCES question_set(seq) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    question_seq INTEGER NOT NULL REFERENCES question(seq) ON DELETE CASCADE,
    PRIMARY KEY (set_seq, position),
    UNIQUE (set_seq, question_seq)
) WITHOUT ROWID;
CREATE INDEX question_set_item_by_question ON question_set_item(question_seq);

CREATE TABLE loop (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL CHECK (name <> ''),
    role       TEXT NOT NULL DEFAULT '',
    archived   INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE candidate (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    loop_id    INTEGER NOT NULL REFERENCES loop(id) ON DELETE CASCADE,
    name       TEXT NOT NULL CHECK (name <> ''),
    role       TEXT NOT NULL DEFAULT '',
    level      TEXT NOT NULL CHECK (level IN ('junior', 'senior')),
    notes      TEXT NOT NULL DEFAULT '',
    archived   INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX candidate_by_loop ON candidate(loop_id);

CREATE TABLE interview (
    id             INTEGER PRIMARY KEY,
    uuid           TEXT NOT NULL UNIQUE,
    candidate_id   INTEGER NOT NULL REFERENCES candidate(id) ON DELETE CASCADE,
    interviewer    TEXT NOT NULL CHECK (interviewer <> ''),
    date           TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'submitted')),
    overall_notes  TEXT NOT NULL DEFAULT '',
    recommendation TEXT CHECK (recommendation IN ('strong_no', 'no', 'yes', 'strong_yes')),
    reopen_count   INTEGER NOT NULL DEFAULT 0,
    updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX interview_by_candidate ON interview(candidate_id);

-- A planned question keeps the prompt and topic it was asked with, so reports stay true
-- after the bank is edited or the question deleted.
CREATE TABLE interview_question (
    interview_id     INTEGER NOT NULL REFERENCES interview(id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    question_id      TEXT NOT NULL,
    topic            TEXT NOT NULL,
    prompt           TEXT NOT NULL,
    planned_minutes  INTEGER NOT NULL DEFAULT 0,
    score            INTEGER CHECK (score BETWEEN 1 AND 5),
    notes            TEXT NOT NULL DEFAULT '',
    seconds_spent    INTEGER NOT NULL DEFAULT 0,
    follow_ups_asked TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (interview_id, position),
    UNIQUE (interview_id, question_id)
) WITHOUT ROWID;

-- What happened to an interview and when: submitted, reopened (with a reason), ...
CREATE TABLE interview_event (
    id           INTEGER PRIMARY KEY,
    interview_id INTEGER NOT NULL REFERENCES interview(id) ON DELETE CASCADE,
    at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    kind         TEXT NOT NULL,
    detail       TEXT NOT NULL DEFAULT ''
);
)sql");
}

} // namespace panelist

// Schema step 8: sample answers, part of a question like its follow-ups: what a candidate might
// say, the score the rubric gives it and why, for calibration practice. They go with the
// question (a merged or deleted question takes its samples with it).
#include "persistence/store/migrations/migration.hpp"

namespace panelist {

void migration_008_sample_answers(SQLite::Database& db) {
    db.exec(R"sql(
CREATE TABLE question_sample (
    question_seq INTEGER NOT NULL REFERENCES question(seq) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    score        INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    answer       TEXT NOT NULL,
    why          TEXT NOT NULL,
    PRIMARY KEY (question_seq, position)
) WITHOUT ROWID;
)sql");
}

} // namespace panelist

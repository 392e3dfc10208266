// Schema step 6: questions as asked. An interview keeps the version of each question it planned
// (prompt, model answer, rubric, follow-ups as they were then), so editing or re-importing a
// question never changes what an interview, its report or its bundle shows. One row per
// distinct content: a bank of 200 questions edited now and then makes a few hundred rows,
// however many interviews use them.
#include "persistence/store/migrations/migration.hpp"

#include <SQLiteCpp/Statement.h>

namespace panelist {

void migration_006_question_version(SQLite::Database& db) {
    db.exec(R"sql(
CREATE TABLE question_version (
    id          INTEGER PRIMARY KEY,
    question_id TEXT NOT NULL,
    topic       TEXT NOT NULL,
    prompt      TEXT NOT NULL,
    answer      TEXT NOT NULL,
    rubric_1    TEXT NOT NULL,
    rubric_3    TEXT NOT NULL,
    rubric_5    TEXT NOT NULL,
    follow_ups  TEXT NOT NULL,     -- a JSON array of strings, in order
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (question_id, topic, prompt, answer, rubric_1, rubric_3, rubric_5, follow_ups)
);
ALTER TABLE interview_question ADD COLUMN version_id INTEGER REFERENCES question_version(id);
CREATE INDEX interview_question_by_version ON interview_question(version_id);
)sql");
    // Interviews planned before this step: the prompt and topic they copied, with the answer,
    // rubric and follow-ups the bank has now (all that is known of them), or none when the
    // question has left the bank.
    db.exec(R"sql(
INSERT OR IGNORE INTO question_version (question_id, topic, prompt, answer, rubric_1, rubric_3, rubric_5, follow_ups)
SELECT DISTINCT iq.question_id, iq.topic, iq.prompt,
       coalesce(q.answer, ''), coalesce(q.rubric_1, ''), coalesce(q.rubric_3, ''), coalesce(q.rubric_5, ''),
       coalesce((SELECT json_group_array(text) FROM
                   (SELECT text FROM question_follow_up f WHERE f.question_seq = q.seq ORDER BY position)), '[]')
FROM interview_question iq LEFT JOIN question q ON q.id = iq.question_id;

UPDATE interview_question SET version_id = (
    SELECT v.id FROM question_version v LEFT JOIN question q ON q.id = v.question_id
    WHERE v.question_id = interview_question.question_id AND v.topic = interview_question.topic
      AND v.prompt = interview_question.prompt
      AND v.answer = coalesce(q.answer, '') AND v.rubric_1 = coalesce(q.rubric_1, '')
      AND v.rubric_3 = coalesce(q.rubric_3, '') AND v.rubric_5 = coalesce(q.rubric_5, ''));
)sql");
}

} // namespace panelist

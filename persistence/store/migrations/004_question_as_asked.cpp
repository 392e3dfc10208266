// Schema step 4: an interview keeps the whole question as it was planned, not only its prompt
// and topic: the model answer, the rubric and the follow-ups. Editing or re-importing the bank
// afterwards changes no interview, report or comparison. Interviews planned before this step get
// the bank's text as it is now (the best that is known); a question gone from the bank stays as
// it was, prompt and topic only.
#include "persistence/store/migrations/migration.hpp"

namespace panelist {

void migration_004_question_as_asked(SQLite::Database& db) {
    db.exec(R"sql(
ALTER TABLE interview_question ADD COLUMN answer TEXT NOT NULL DEFAULT '';
ALTER TABLE interview_question ADD COLUMN rubric_1 TEXT NOT NULL DEFAULT '';
ALTER TABLE interview_question ADD COLUMN rubric_3 TEXT NOT NULL DEFAULT '';
ALTER TABLE interview_question ADD COLUMN rubric_5 TEXT NOT NULL DEFAULT '';
-- The follow-ups as they were, joined by the unit separator (0x1F), which no question file may hold.
ALTER TABLE interview_question ADD COLUMN follow_ups TEXT NOT NULL DEFAULT '';
UPDATE interview_question AS iq SET
    answer = q.answer, rubric_1 = q.rubric_1, rubric_3 = q.rubric_3, rubric_5 = q.rubric_5,
    follow_ups = coalesce((SELECT group_concat(text, char(31)) FROM
                              (SELECT text FROM question_follow_up f WHERE f.question_seq = q.seq ORDER BY position)), '')
FROM question AS q WHERE q.id = iq.question_id;
)sql");
}

} // namespace panelist

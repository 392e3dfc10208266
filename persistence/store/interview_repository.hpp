// Interviews in the database: the one writer of the interview tables. Every use case is one
// small committed transaction, so a score is on disk when the key press returns and a crash
// loses nothing older than the last write. What may change when is the domain's rule
// (domain/interview_lifecycle.hpp), asked inside the transaction.
#pragma once
#include "domain/interview.hpp"
#include "domain/interview_lifecycle.hpp"
#include "domain/question.hpp"
#include "persistence/sqlite/statement_cache.hpp"
#include "persistence/store/database.hpp"
#include "persistence/store/question_versions.hpp"

#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace panelist {

// A change to an interview, or a question of it, that is not in the store. (A change its stage
// does not allow throws the domain's InterviewRefused; domain/interview_lifecycle.hpp.)
class InterviewNotFound : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct InterviewEvent {
    std::string at; // UTC, ISO 8601
    std::string kind; // "submitted", "reopened"
    std::string detail;
};

// Where the interviewer is in an interview, and whether a window has it open. Window state,
// not the interview's content: never exported, and writing it does not change updated_at.
struct InterviewPlace {
    int position = 0;      // 0-based index of the question on screen
    bool open = false;     // a window shows it; still true after that window was killed
    std::string opened_at; // UTC, ISO 8601, when a window last opened it
    std::string saved_at;  // UTC, ISO 8601: the interview's last saved change (updated_at)
};

class InterviewRepository {
public:
    explicit InterviewRepository(Database& db) : db_(db.sql()) {}

    // Stores a new interview with its plan; copies each question's prompt and topic from the
    // bank. Throws ValidationError if invalid or a planned question is not in the bank.
    std::int64_t create(Interview&);
    std::optional<Interview> find(std::int64_t id);
    std::vector<Interview> for_candidate(std::int64_t candidate_id);
    // Question ids a candidate already got or has planned, in any interview but `except`.
    std::vector<std::string> question_ids_for_candidate(std::int64_t candidate_id,
                                                        std::int64_t except_interview = 0);

    // Replaces the plan (reorder, add, drop); responses of questions that stay are kept.
    void replace_plan(std::int64_t id, const std::vector<InterviewQuestion>&);
    void set_score(std::int64_t id, const std::string& question_id, Score);
    void set_notes(std::int64_t id, const std::string& question_id, const std::string& notes);
    void add_seconds(std::int64_t id, const std::string& question_id, int seconds);
    void set_follow_ups_asked(std::int64_t id, const std::string& question_id, const std::vector<int>&);
    void set_overall_notes(std::int64_t id, const std::string& notes);
    void set_interviewer_and_date(std::int64_t id, const std::string& interviewer, const std::string& date);
    void start(std::int64_t id);
    // Records the recommendation and locks the interview, in one transaction. Throws
    // ValidationError if the interview does not validate.
    void submit(std::int64_t id, Recommendation);
    // Unlocks a submitted interview; the reason is recorded with the time.
    void reopen(std::int64_t id, const std::string& reason);
    // A whole interview as another laptop has it (bundle merge): inserted when `local_id` is 0,
    // else written over the local copy, its responses and events; `updated_at` kept as theirs.
    // Inside a caller's transaction it is part of it: a failure is the caller's to roll back.
    std::int64_t write_copy(std::int64_t local_id, const Interview&, const std::vector<InterviewEvent>&,
                            const std::string& updated_at);
    std::vector<InterviewEvent> events(std::int64_t id);
    // The questions as these interviews asked them, by version (InterviewQuestion::version):
    // the model answers, rubrics and follow-ups of then, whatever the bank says now.
    std::map<std::int64_t, Question> asked(const std::vector<Interview>&);
    // The version with this content, added if new (a bundle's question as its laptop asked it).
    std::int64_t version_for(const Question& content);
    // The version of a question planned now, or brought by a bundle that does not carry its
    // version: the prompt and topic it copied, with the bank's model answer, rubric and
    // follow-ups as they are now (added if new).
    std::int64_t planned_version(const InterviewQuestion&);
    // Every version of a question some interview asked, with those interviews (the Library).
    std::vector<QuestionVersionUse> versions_of(const std::string& question_id);

    // No place is stored until a window showed the interview.
    std::optional<InterviewPlace> place(std::int64_t id);
    void set_place(std::int64_t id, int position);
    // A window shows the interview, on question `position`; closed: it no longer does.
    void mark_open(std::int64_t id, int position);
    void mark_closed(std::int64_t id);
    // Interviews a window had open when it last stopped without closing them: after a crash.
    std::vector<std::int64_t> left_open();
    bool remove(std::int64_t id);

private:
    // The interview's stage as stored, checked against the change; throws InterviewNotFound or
    // InterviewRefused. Call inside the write's transaction.
    Interview require(std::int64_t id, InterviewChange);
    void write_status(std::int64_t id, InterviewStatus);
    // The plan with its responses; `replacing` clears what the interview had first.
    void write_questions(std::int64_t id, const std::vector<InterviewQuestion>&, bool replacing);
    void touch(std::int64_t id);
    void update_question(std::int64_t id, const std::string& question_id, const char* set_sql,
                         const std::function<void(SQLite::Statement&)>& bind_values);
    SQLite::Database& db_;
    StatementCache statements_{db_}; // the write path of every key press and autosave
};

} // namespace panelist

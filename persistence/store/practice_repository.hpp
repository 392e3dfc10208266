// Calibration practice in the database (schema step 10): sessions of sample answers an
// interviewer scored, each score written as it is given, so a crash loses none.
#pragma once
#include "domain/practice_accuracy.hpp"
#include "persistence/store/database.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace panelist {

struct PracticeScoreRecord {
    PracticeItemScore score;
    std::string why; // the reference score's reason, as the bank gave it then
};

struct PracticeSession {
    std::int64_t id = 0;
    std::string interviewer;
    std::string practised; // what was practised: "set: ...", "topic: ...", "planned: ..."
    std::string started_at; // UTC, ISO 8601
    std::vector<PracticeScoreRecord> scores; // in the order given
};

// Questions to practise on, and what to call them.
struct PracticeSource {
    std::string label;                     // "Planned: Dana Lee, 2026-12-10"
    std::vector<std::string> question_ids; // in interview order
    bool keep_order = true; // false: a pool (a level, a topic) drawn in a new order each session
};

class PracticeRepository {
public:
    explicit PracticeRepository(Database& db) : db_(db.sql()) {}

    // A new session; returns its id. Throws ValidationError for an empty interviewer name.
    std::int64_t start(const std::string& interviewer, const std::string& practised);
    // One scored sample answer, written at once.
    void record(std::int64_t session, const PracticeScoreRecord&);
    // Every session of `interviewer` (all interviewers when empty), oldest first, with scores;
    // sessions with no score are left out.
    std::vector<PracticeSession> sessions(const std::string& interviewer = "");
    // The interviews `interviewer` has planned and not yet started, soonest first: the
    // questions they are about to ask. (Read only: practice never writes an interview.)
    std::vector<PracticeSource> upcoming(const std::string& interviewer);
    // The interviewers who practised, by name.
    std::vector<std::string> interviewers();

private:
    SQLite::Database& db_;
};

} // namespace panelist

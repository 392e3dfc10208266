#include "persistence/store/practice_repository.hpp"

#include "domain/problem.hpp"
#include "domain/text.hpp"
#include "persistence/store/store_edge.hpp"

#include <SQLiteCpp/Statement.h>
#include <map>

namespace panelist {

std::int64_t PracticeRepository::start(const std::string& interviewer, const std::string& practised) {
    if (trim(interviewer).empty())
        throw ValidationError("practice", {{"interviewer", "type your name first: practice is kept per interviewer"}});
    return at_store_edge(db_, [&] {
        SQLite::Statement insert(db_, "INSERT INTO practice_session (interviewer, practised) VALUES (?, ?)");
        insert.bind(1, trim(interviewer));
        insert.bind(2, practised);
        insert.exec();
        return db_.getLastInsertRowid();
    });
}

void PracticeRepository::record(std::int64_t session, const PracticeScoreRecord& r) {
    at_store_edge(db_, [&] {
        SQLite::Statement insert(db_, R"sql(
    INSERT INTO practice_score (session_id, position, question_id, sample, given, reference, why)
    VALUES (?1, (SELECT count(*) FROM practice_score WHERE session_id = ?1), ?2, ?3, ?4, ?5, ?6))sql");
        insert.bind(1, session);
        insert.bind(2, r.score.question_id);
        insert.bind(3, r.score.sample);
        insert.bind(4, r.score.given);
        insert.bind(5, r.score.reference);
        insert.bind(6, r.why);
        insert.exec();
    });
}

std::vector<PracticeSession> PracticeRepository::sessions(const std::string& interviewer) {
    return at_store_edge(db_, [&] {
        std::vector<PracticeSession> out;
        SQLite::Statement rows(db_, R"sql(
    SELECT s.id, s.interviewer, s.practised, s.started_at, p.question_id, p.sample, p.given, p.reference, p.why
    FROM practice_session s JOIN practice_score p ON p.session_id = s.id
    WHERE ?1 = '' OR s.interviewer = ?1
    ORDER BY s.started_at, s.id, p.position)sql");
        rows.bind(1, trim(interviewer)); // as start() stores it
        while (rows.executeStep()) {
            const auto id = rows.getColumn(0).getInt64();
            if (out.empty() || out.back().id != id)
                out.push_back({id, rows.getColumn(1).getString(), rows.getColumn(2).getString(),
                               rows.getColumn(3).getString(), {}});
            out.back().scores.push_back({{rows.getColumn(4).getString(), rows.getColumn(5).getInt(),
                                          rows.getColumn(6).getInt(), rows.getColumn(7).getInt()},
                                         rows.getColumn(8).getString()});
        }
        return out;
    });
}

std::vector<PracticeSource> PracticeRepository::upcoming(const std::string& interviewer) {
    return at_store_edge(db_, [&] {
        std::vector<PracticeSource> out;
        SQLite::Statement rows(db_, R"sql(
    SELECT i.id, c.name, i.date, q.question_id
    FROM interview i JOIN candidate c ON c.id = i.candidate_id
    JOIN interview_question q ON q.interview_id = i.id
    WHERE i.interviewer = ? AND i.status = 'planned'
    ORDER BY i.date, i.id, q.position)sql");
        rows.bind(1, trim(interviewer));
        std::int64_t last = -1;
        while (rows.executeStep()) {
            const auto id = rows.getColumn(0).getInt64();
            if (id != last)
                out.push_back({"Planned: " + rows.getColumn(1).getString() + ", " + rows.getColumn(2).getString(), {}});
            last = id;
            out.back().question_ids.push_back(rows.getColumn(3).getString());
        }
        return out;
    });
}

std::vector<std::string> PracticeRepository::interviewers() {
    return at_store_edge(db_, [&] {
        std::vector<std::string> out;
        SQLite::Statement rows(db_, "SELECT DISTINCT interviewer FROM practice_session s "
                                    "WHERE EXISTS (SELECT 1 FROM practice_score p WHERE p.session_id = s.id) "
                                    "ORDER BY interviewer");
        while (rows.executeStep()) out.push_back(rows.getColumn(0).getString());
        return out;
    });
}

} // namespace panelist

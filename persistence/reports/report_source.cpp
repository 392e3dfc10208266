#include "persistence/reports/report_source.hpp"
#include "persistence/store/store_edge.hpp"

#include "persistence/store/interview_repository.hpp"
#include "persistence/store/people_repository.hpp"
#include "persistence/store/question_repository.hpp"

namespace panelist {

std::optional<CandidateReport> load_candidate_report(Database& db, std::int64_t candidate_id, const std::string& viewer) {
    return at_store_edge(db.sql(), [&]() -> std::optional<CandidateReport> {
        PeopleRepository people(db);
        const auto candidate = people.find_candidate(candidate_id);
        if (!candidate) return std::nullopt;
        const auto loop = people.find_loop(candidate->loop_id).value_or(Loop{});
        const auto interviews = InterviewRepository(db).for_candidate(candidate_id);
        QuestionRepository questions(db);
        std::map<std::string, Question> bank;
        for (const auto& iv : interviews)
            for (const auto& q : iv.questions)
                if (!bank.count(q.question_id))
                    if (auto found = questions.find(q.question_id)) bank.emplace(q.question_id, std::move(*found));
        return build_candidate_report(*candidate, loop, interviews, bank, viewer);
    });
}

} // namespace panelist

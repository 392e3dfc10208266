#include "persistence/reports/report_source.hpp"
#include "persistence/store/store_edge.hpp"

#include "persistence/store/interview_repository.hpp"
#include "persistence/store/people_repository.hpp"

namespace panelist {

std::optional<CandidateReport> load_candidate_report(Database& db, std::int64_t candidate_id, const std::string& viewer) {
    return at_store_edge(db.sql(), [&]() -> std::optional<CandidateReport> {
        PeopleRepository people(db);
        const auto candidate = people.find_candidate(candidate_id);
        if (!candidate) return std::nullopt;
        const auto loop = people.find_loop(candidate->loop_id).value_or(Loop{});
        InterviewRepository repo(db);
        const auto interviews = repo.for_candidate(candidate_id);
        return build_candidate_report(*candidate, loop, interviews, repo.asked(interviews), viewer);
    });
}

} // namespace panelist

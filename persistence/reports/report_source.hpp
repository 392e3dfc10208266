// Gathers what a candidate report needs from the store.
#pragma once
#include "domain/candidate_report.hpp"
#include "persistence/store/database.hpp"

#include <optional>
#include <string>

namespace panelist {

// nullopt when there is no such candidate. `viewer` as in build_candidate_report.
std::optional<CandidateReport> load_candidate_report(Database&, std::int64_t candidate_id, const std::string& viewer = "");

} // namespace panelist

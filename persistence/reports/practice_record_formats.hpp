// An interviewer's practice record as a file (`panelist practice`): every session and score,
// and the accuracy measures over them (docs/agreement.md, "Practice accuracy").
#pragma once
#include "persistence/store/practice_repository.hpp"

#include <string>
#include <vector>

namespace panelist {

// JSON: the interviewer, the accuracy over every score, and each session with its own accuracy
// and scores. Numbers are rounded to 4 places.
std::string practice_record_json(const std::string& interviewer, const std::vector<PracticeSession>&);
// CSV: a row per score (interviewer, session, started_at, practised, question_id, sample, given,
// reference, difference, why), RFC 4180 quoting, CRLF line ends.
std::string practice_record_csv(const std::vector<PracticeSession>&);

} // namespace panelist

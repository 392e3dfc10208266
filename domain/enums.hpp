// The small closed vocabularies of the product: level, difficulty, recommendation, status.
#pragma once
#include <optional>
#include <string_view>

namespace panelist {

enum class Level { junior, senior, both };
enum class Difficulty { easy, medium, hard };
enum class Recommendation { strong_no, no, yes, strong_yes };
enum class InterviewStatus { planned, in_progress, submitted };

std::string_view name(Level);
std::string_view name(Difficulty);
std::string_view name(Recommendation);
std::string_view name(InterviewStatus);
// Words for people ("strong yes", "in progress"), where name() gives the stored token.
std::string_view label(Recommendation);
std::string_view label(InterviewStatus);

std::optional<Level> parse_level(std::string_view);
std::optional<Difficulty> parse_difficulty(std::string_view);
std::optional<Recommendation> parse_recommendation(std::string_view);
std::optional<InterviewStatus> parse_interview_status(std::string_view);

// A question of level `question` may be asked of a candidate of level `candidate`.
bool fits(Level question, Level candidate);

} // namespace panelist

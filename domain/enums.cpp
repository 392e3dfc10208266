#include "domain/enums.hpp"

#include <array>
#include <utility>

namespace panelist {
namespace {

template <typename E, std::size_t N>
using Names = std::array<std::pair<E, std::string_view>, N>;

constexpr Names<Level, 3> level_names{{{Level::junior, "junior"},
                                       {Level::senior, "senior"},
                                       {Level::both, "both"}}};
constexpr Names<Difficulty, 3> difficulty_names{{{Difficulty::easy, "easy"},
                                                 {Difficulty::medium, "medium"},
                                                 {Difficulty::hard, "hard"}}};
constexpr Names<Recommendation, 4> recommendation_names{{{Recommendation::strong_no, "strong_no"},
                                                         {Recommendation::no, "no"},
                                                         {Recommendation::yes, "yes"},
                                                         {Recommendation::strong_yes, "strong_yes"}}};
constexpr Names<InterviewStatus, 3> status_names{{{InterviewStatus::planned, "planned"},
                                                  {InterviewStatus::in_progress, "in_progress"},
                                                  {InterviewStatus::submitted, "submitted"}}};

template <typename E, std::size_t N>
std::string_view find_name(const Names<E, N>& names, E value) {
    for (const auto& [e, n] : names)
        if (e == value) return n;
    return "?";
}

template <typename E, std::size_t N>
std::optional<E> find_value(const Names<E, N>& names, std::string_view text) {
    for (const auto& [e, n] : names)
        if (n == text) return e;
    return std::nullopt;
}

} // namespace

std::string_view name(Level v) { return find_name(level_names, v); }
std::string_view name(Difficulty v) { return find_name(difficulty_names, v); }
std::string_view name(Recommendation v) { return find_name(recommendation_names, v); }
std::string_view name(InterviewStatus v) { return find_name(status_names, v); }

std::string_view label(Recommendation v) {
    switch (v) {
    case Recommendation::strong_no: return "strong no";
    case Recommendation::no: return "no";
    case Recommendation::yes: return "yes";
    case Recommendation::strong_yes: return "strong yes";
    }
    return "?";
}

std::string_view label(InterviewStatus v) {
    switch (v) {
    case InterviewStatus::planned: return "planned";
    case InterviewStatus::in_progress: return "in progress";
    case InterviewStatus::submitted: return "submitted";
    }
    return "?";
}

std::optional<Level> parse_level(std::string_view s) { return find_value(level_names, s); }
std::optional<Difficulty> parse_difficulty(std::string_view s) {
    return find_value(difficulty_names, s);
}
std::optional<Recommendation> parse_recommendation(std::string_view s) {
    return find_value(recommendation_names, s);
}
std::optional<InterviewStatus> parse_interview_status(std::string_view s) {
    return find_value(status_names, s);
}

bool fits(Level question, Level candidate) {
    return question == Level::both || candidate == Level::both || question == candidate;
}

} // namespace panelist

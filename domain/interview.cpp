#include "domain/interview.hpp"

#include "domain/text.hpp"

#include <fmt/format.h>
#include <set>
#include <stdexcept>

namespace panelist {

Score Score::of(int value) {
    if (value < 1 || value > 5)
        throw std::invalid_argument(fmt::format("a score is 1 to 5, not {}", value));
    Score s;
    s.value_ = value;
    return s;
}

int Interview::planned_minutes() const {
    int total = 0;
    for (const auto& q : questions) total += q.planned_minutes;
    return total;
}

int Interview::scored_count() const {
    int n = 0;
    for (const auto& q : questions) n += q.response.score.scored() ? 1 : 0;
    return n;
}

bool is_iso_date(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (s[i] < '0' || s[i] > '9') return false;
    int year = std::stoi(s.substr(0, 4));
    int month = std::stoi(s.substr(5, 2));
    int day = std::stoi(s.substr(8, 2));
    if (month < 1 || month > 12 || day < 1) return false;
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    int limit = days[month - 1] + (month == 2 && leap ? 1 : 0);
    return day <= limit;
}

Problems validate(const Interview& iv) {
    Problems problems;
    if (trim(iv.interviewer).empty())
        problems.push_back({"interviewer", "the interview has no interviewer"});
    if (!is_iso_date(iv.date))
        problems.push_back({"date", fmt::format("'{}' is not a date written YYYY-MM-DD", iv.date)});
    if (iv.candidate_id == 0) problems.push_back({"candidate", "the interview has no candidate"});
    std::set<std::string> seen;
    for (const auto& q : iv.questions) {
        if (!seen.insert(q.question_id).second)
            problems.push_back({"questions", fmt::format("'{}' is planned twice", q.question_id)});
        if (q.planned_minutes < 0)
            problems.push_back({"questions", fmt::format("'{}' has negative minutes", q.question_id)});
        if (q.response.seconds_spent < 0)
            problems.push_back({"time", fmt::format("'{}' has negative time", q.question_id)});
    }
    if (iv.status == InterviewStatus::submitted && !iv.recommendation)
        problems.push_back({"recommendation", "a submitted interview needs a recommendation"});
    return problems;
}

} // namespace panelist

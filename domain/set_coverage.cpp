#include "domain/set_coverage.hpp"

#include "domain/text.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace panelist {
namespace {

bool suits(Level question, Level set) {
    return set == Level::both || question == Level::both || question == set;
}

std::set<std::string> topics_of(const QuestionSet& s, const std::map<std::string, Question>& bank) {
    std::set<std::string> out;
    for (const auto& id : s.question_ids)
        if (const auto it = bank.find(id); it != bank.end()) out.insert(it->second.topic);
    return out;
}

} // namespace

int reserved_minutes(int slot_minutes) { return std::max(5, (slot_minutes + 3) / 6); }

SetCoverage set_coverage(const QuestionSet& set, const std::map<std::string, Question>& bank,
                         const std::map<std::string, QuestionRecord>& records, const std::set<std::string>& retired,
                         const std::vector<QuestionSet>& others) {
    SetCoverage c;
    c.slot_minutes = set.minutes;
    c.reserve = reserved_minutes(set.minutes);
    for (const auto& id : set.question_ids) {
        const auto it = bank.find(id);
        if (it == bank.end()) {
            c.missing.push_back(id);
            continue;
        }
        const Question& q = it->second;
        if (retired.contains(id)) {
            c.retired.push_back(id); // the plan leaves it out: it takes no minutes
            continue;
        }
        ++c.topics[q.topic];
        ++c.levels[q.level];
        if (!suits(q.level, set.level)) c.level_misfits.push_back(id);
        c.planned_minutes += q.minutes;
        if (!c.ladder.empty() && q.difficulty < c.ladder.back())
            c.ladder_drops.push_back(static_cast<int>(c.ladder.size()) + 1);
        c.ladder.push_back(q.difficulty);
        if (!records.contains(id)) c.never_asked.push_back(id);
    }
    const std::string role = to_lower_ascii(trim(set.role));
    const auto here = topics_of(set, bank);
    for (const auto& other : others) {
        if (other.name == set.name || role.empty() || to_lower_ascii(trim(other.role)) != role) continue;
        SiblingSet s{other.name, other.level, other.minutes, static_cast<int>(other.question_ids.size()), 0, {}, {}};
        for (const auto& id : other.question_ids)
            s.shared += static_cast<int>(std::count(set.question_ids.begin(), set.question_ids.end(), id));
        const auto there = topics_of(other, bank);
        std::set_difference(here.begin(), here.end(), there.begin(), there.end(), std::back_inserter(s.topics_only_here));
        std::set_difference(there.begin(), there.end(), here.begin(), here.end(), std::back_inserter(s.topics_only_there));
        c.siblings.push_back(std::move(s));
    }
    return c;
}

std::vector<std::string> SetCoverage::warnings() const {
    std::vector<std::string> out;
    if (planned_minutes > slot_minutes)
        out.push_back(fmt::format("Over the slot: {} minutes of questions for {} minutes, before introductions.",
                                  planned_minutes, slot_minutes));
    else if (slack() < reserve)
        out.push_back(fmt::format("Leaves {} of {} minutes for introductions and the candidate's own questions; keep "
                                  "at least {}.",
                                  slack(), slot_minutes, reserve));
    for (const auto& id : level_misfits) out.push_back(fmt::format("{} is not meant for this set's level.", id));
    for (const int at : ladder_drops)
        out.push_back(fmt::format("Question {} is easier than the one before it: the ladder should rise.", at));
    for (const auto& id : retired) out.push_back(fmt::format("{} is retired: interviews from this set leave it out.", id));
    for (const auto& id : missing) out.push_back(fmt::format("{} is not in the bank.", id));
    return out;
}

} // namespace panelist

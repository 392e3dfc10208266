// What a question set covers and whether it fits its slot (docs/curation.md, "What a set
// covers"): topics and levels, minutes against the slot, the difficulty ladder, questions no loop
// has asked yet, and how it differs from the other sets for the same role.
#pragma once
#include "domain/question.hpp"
#include "domain/question_record.hpp"
#include "domain/question_set.hpp"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace panelist {

// Minutes a slot keeps for introductions and the candidate's own questions: a sixth of it, at
// least 5 (10 of an hour, 5 of a 30-minute screen).
int reserved_minutes(int slot_minutes);

struct SiblingSet {
    std::string name;
    Level level = Level::both;
    int minutes = 0;
    int questions = 0;
    int shared = 0;                        // questions both sets hold
    std::vector<std::string> topics_only_here;  // topics this set covers and the other does not
    std::vector<std::string> topics_only_there; // and the other way round
};

struct SetCoverage {
    std::map<std::string, int> topics;  // topic -> questions
    std::map<Level, int> levels;        // question level -> questions
    std::vector<std::string> level_misfits; // questions whose level does not suit the set's
    int planned_minutes = 0;
    int slot_minutes = 0;
    int slack() const { return slot_minutes - planned_minutes; }
    int reserve = 0;                    // reserved_minutes(slot)
    std::vector<Difficulty> ladder;     // each question's difficulty, in interview order
    std::vector<int> ladder_drops;      // 1-based positions easier than the question before
    std::vector<std::string> never_asked; // no submitted interview asked them
    std::vector<std::string> retired;     // never planned: the set runs without them
    std::vector<std::string> missing;     // named but not in the bank
    std::vector<SiblingSet> siblings;     // the other sets of the same role

    // The warnings a curator should read, in order of weight.
    std::vector<std::string> warnings() const;
};

// `bank`: at least the questions of `set` and of `others`, by id. `others`: every other set;
// those of the same role (ignoring case and spaces around it) are compared.
SetCoverage set_coverage(const QuestionSet& set, const std::map<std::string, Question>& bank,
                         const std::map<std::string, QuestionRecord>& records, const std::set<std::string>& retired,
                         const std::vector<QuestionSet>& others);

} // namespace panelist

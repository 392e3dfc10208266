#include "domain/people.hpp"

#include "domain/text.hpp"

namespace panelist {

Problems validate(const Loop& loop) {
    Problems problems;
    if (trim(loop.name).empty()) problems.push_back({"name", "the loop has no name"});
    return problems;
}

Problems validate(const Candidate& c) {
    Problems problems;
    if (trim(c.name).empty()) problems.push_back({"name", "the candidate has no name"});
    if (c.level == Level::both)
        problems.push_back({"level", "a candidate is either junior or senior"});
    if (c.loop_id == 0) problems.push_back({"loop", "the candidate belongs to no loop"});
    return problems;
}

} // namespace panelist

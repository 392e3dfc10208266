// Sample data that makes every screen show something real: a loop, candidates, interviews.
#pragma once
#include "persistence/store/database.hpp"

namespace panelist {

struct DemoSummary {
    int loops = 0;
    int candidates = 0;
    int interviews = 0;
};

// Adds one loop with five candidates and their interviews (submitted, in progress, planned),
// planned from the bank's role sets and assembly. The bank must hold questions already.
// Deterministic: the same bank gives the same data.
DemoSummary fill_demo(Database&);

} // namespace panelist

// Loops (one opening) and the candidates who interview for them.
#pragma once
#include "domain/enums.hpp"
#include "domain/problem.hpp"

#include <cstdint>
#include <string>

namespace panelist {

// One opening, e.g. "MLOps Engineer, Berlin, 2026-Q4": the unit of comparison.
struct Loop {
    std::int64_t id = 0; // 0 until stored
    std::string uuid;    // stable across databases, for merging bundles
    std::string name;
    std::string role;
    bool archived = false;
    bool operator==(const Loop&) const = default;
};

struct Candidate {
    std::int64_t id = 0;
    std::string uuid;
    std::int64_t loop_id = 0;
    std::string name;
    std::string role;
    Level level = Level::junior;
    std::string notes;
    bool archived = false;
    bool operator==(const Candidate&) const = default;
};

Problems validate(const Loop&);
Problems validate(const Candidate&);

} // namespace panelist

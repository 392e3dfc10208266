// What the store says when a database cannot be opened or used, and the mark that makes a file
// a Panelist database. Apart from database.hpp so the schema steps need not include it.
#pragma once
#include <cstdint>
#include <stdexcept>
#include <string>

namespace panelist {

// What went wrong with the file, for callers that act on it (retry when busy, say so when
// read-only); the message says it in words either way.
enum class StoreProblem { busy, read_only, damaged, full, other };

// A database that cannot be opened or used; the message names the file and the problem.
class DatabaseError : public std::runtime_error {
public:
    explicit DatabaseError(const std::string& what, StoreProblem problem = StoreProblem::other)
        : std::runtime_error(what), problem_(problem) {}
    StoreProblem problem() const { return problem_; }

private:
    StoreProblem problem_;
};

constexpr std::int32_t panelist_application_id = 0x504E4C53; // "PNLS"

} // namespace panelist

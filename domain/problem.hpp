// A rule a value breaks: which field, and what is wrong, in words a user can act on.
#pragma once
#include <stdexcept>
#include <string>
#include <vector>

namespace panelist {

struct Problem {
    std::string field;
    std::string message;
    bool operator==(const Problem&) const = default;
};

using Problems = std::vector<Problem>;

// Thrown when a value that must be valid is not (e.g. a repository asked to store it).
class ValidationError : public std::runtime_error {
public:
    ValidationError(std::string what_invalid, Problems problems);
    const Problems& problems() const { return problems_; }

private:
    Problems problems_;
};

// Throws ValidationError naming `what` when `problems` is not empty.
void throw_if_invalid(const std::string& what, const Problems& problems);

} // namespace panelist

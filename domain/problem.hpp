// A rule a value breaks: which field, and what is wrong, in words a user can act on.
#pragma once
#include <stdexcept>
#include <string>
#include <string_view>
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

// Adds "12,345 characters; at most 4,000 fit" for `field` when `text` is longer than `limit`
// characters, and "31 items; at most 30 fit" when a list has more than `limit` items.
void check_length(Problems&, const char* field, std::string_view text, std::size_t limit);
void check_count(Problems&, const char* field, std::size_t count, std::size_t limit, std::string_view items = "items");

// Throws ValidationError naming `what` when `problems` is not empty.
void throw_if_invalid(const std::string& what, const Problems& problems);

} // namespace panelist

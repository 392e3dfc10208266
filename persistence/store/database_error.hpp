// What the store says when a database cannot be opened or used, and the mark that makes a file
// a Panelist database. Apart from database.hpp so the schema steps need not include it.
#pragma once
#include <cstdint>
#include <stdexcept>

namespace panelist {

// A database that cannot be opened or used; the message names the file and the problem.
class DatabaseError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

constexpr std::int32_t panelist_application_id = 0x504E4C53; // "PNLS"

} // namespace panelist

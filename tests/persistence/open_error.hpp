// The words Database::open refuses a file with, for tests of bad databases.
#pragma once
#include "persistence/store/database.hpp"

#include <filesystem>
#include <string>

namespace panelist::test {

// The refusal's message, or "" when the file opens.
inline std::string open_error(const std::filesystem::path& path, Access access = Access::read_write) {
    try {
        Database::open(path, access);
    } catch (const DatabaseError& e) {
        return e.what();
    }
    return "";
}

} // namespace panelist::test

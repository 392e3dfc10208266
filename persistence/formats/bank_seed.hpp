// Loading the shipped bank into a database once: on its first start, or on the next start if
// that one was interrupted. A bank the user emptied on purpose is not loaded again.
#pragma once
#include "persistence/store/database.hpp"

#include <filesystem>
#include <vector>

namespace panelist {

bool bank_seeded(Database&);
// Imports the files and records that the bank was seeded, in one transaction.
void seed_bank(Database&, const std::vector<std::filesystem::path>& bank_files);

} // namespace panelist

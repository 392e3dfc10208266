// The shipped bank in a user's database: all of it on the first start (or on the next start if
// that one was interrupted; a bank the user emptied on purpose is not loaded again), and on
// later starts what a newer edition adds (docs/curation.md, "New editions of the bank").
#pragma once
#include "persistence/store/database.hpp"

#include <filesystem>
#include <vector>

namespace panelist {

bool bank_seeded(Database&);
// Imports the files and records that the bank was seeded, in one transaction.
void seed_bank(Database&, const std::vector<std::filesystem::path>& bank_files);

// What opening a database took from the shipped bank.
struct BankDelivery {
    bool seeded = false; // a new database: the whole bank
    int questions = 0;   // a database seeded before: the questions a newer edition added
    int sets = 0;        // ... and its new sets
};
// Seeds a new database; on one seeded before, brings the questions and sets the shipped bank
// never brought into it, and nothing else: every question it holds stays as the user left it
// (edited, retired), one the bank brought before and the user deleted stays deleted. A set
// of the new edition leaves out a question the user deleted. The files are read only when
// they changed since the last start. Throws FileError if the shipped files cannot be read,
// changing nothing.
BankDelivery deliver_bank(Database&, const std::vector<std::filesystem::path>& bank_files);

} // namespace panelist

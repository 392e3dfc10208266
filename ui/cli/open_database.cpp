#include "persistence/backups/backup.hpp"
#include "ui/cli/terminal.hpp"
#include "persistence/formats/bank_seed.hpp"
#include "persistence/store/database.hpp"
#include "persistence/files/paths.hpp"
#include "persistence/formats/question_import.hpp"
#include "ui/cli/commands.hpp"

#include <fmt/format.h>

namespace panelist {

Database open_database(const std::optional<std::filesystem::path>& db_path, bool startup_backup,
                       OpeningProgress* progress) {
    Database db = Database::open(db_path.value_or(default_database_path()), Access::read_write, progress);
    if (db.made_in_empty_file())
        say_err("{}: was an empty file; a new Panelist database was made in it\n", db.path().string());
    if (!bank_seeded(db)) {
        // A new database starts with the bank that ships, so the Library is never empty; one
        // whose first start was cut short gets it now.
        if (auto bank = find_bank_directory(executable_directory())) seed_bank(db, bank_files(*bank));
    }
    if (!db.created() && startup_backup) {
        // A start-up backup: a good copy exists before this run writes anything.
        try {
            make_backup(db);
        } catch (const std::exception& e) { // never a reason not to open the database
            say_err("warning: {}\nContinuing without a new backup.\n", e.what());
        }
    }
    return db;
}

} // namespace panelist

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
    // A new database starts with the bank that ships, so the Library is never empty; one whose
    // first start was cut short gets it now; one seeded by an older Panelist gets what the
    // newer bank adds, and nothing it has is changed.
    if (auto bank = find_bank_directory(executable_directory())) {
        if (!bank_seeded(db)) {
            deliver_bank(db, bank_files(*bank));
        } else {
            try {
                const auto added = deliver_bank(db, bank_files(*bank));
                if (added.questions > 0 || added.sets > 0)
                    say_err("{}: the shipped question bank's new edition added {} question{} and {} question set{} "
                            "(your own questions and edits are as they were)\n",
                            db.path().string(), added.questions, added.questions == 1 ? "" : "s", added.sets,
                            added.sets == 1 ? "" : "s");
            } catch (const std::exception& e) { // never a reason not to open the database
                say_err("warning: the shipped question bank could not be read, so its new questions were not added:\n{}\n",
                        e.what());
            }
        }
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

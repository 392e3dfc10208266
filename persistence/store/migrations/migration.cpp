#include "persistence/store/migrations/migration.hpp"

#include "persistence/sqlite/write_transaction.hpp"
#include "persistence/store/database_error.hpp"

#include <array>
#include <fmt/format.h>

namespace panelist {
namespace {
constexpr std::array all_migrations{
    Migration{1, "initial schema", migration_001_initial},
    Migration{2, "meta table", migration_002_meta},
    Migration{3, "where each interview is", migration_003_interview_place},
    Migration{4, "other laptops' names for loops and candidates", migration_004_identity_alias},
    Migration{5, "the team folder", migration_005_team_folder},
    Migration{6, "questions as asked", migration_006_question_version},
    Migration{7, "retired questions and questions kept apart", migration_007_curation},
    Migration{8, "sample answers", migration_008_sample_answers},
    Migration{9, "what the shipped bank brought", migration_009_bank_shipped},
    Migration{10, "calibration practice", migration_010_practice},
    Migration{11, "draft questions", migration_011_question_draft},
};
} // namespace

std::span<const Migration> migrations() { return all_migrations; }
int latest_schema_version() { return all_migrations.back().version; }

void migrate(SQLite::Database& db) {
    // Up to date (every start but the first after an update): no write lock taken at all, so a
    // read-only file opens as before.
    if (db.execAndGet("PRAGMA user_version").getInt() >= latest_schema_version()) return;
    for (const auto& step : all_migrations) {
        // BEGIN IMMEDIATE before the version is read: of two first starts at once, one applies
        // the step and the other, waiting for the lock, then finds it done.
        WriteTransaction tx(db);
        if (db.execAndGet("PRAGMA user_version").getInt() >= step.version) continue; // nothing written
        try {
            step.apply(db);
        } catch (const std::exception& e) {
            throw DatabaseError(fmt::format("{}: schema step {} ({}) failed: {}",
                                            db.getFilename(), step.version, step.name, e.what()));
        }
        db.exec(fmt::format("PRAGMA application_id = {}", panelist_application_id));
        db.exec(fmt::format("PRAGMA user_version = {}", step.version));
        tx.commit();
    }
}

} // namespace panelist

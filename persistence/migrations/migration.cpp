#include "persistence/migrations/migration.hpp"

#include "persistence/database.hpp"

#include <SQLiteCpp/Transaction.h>
#include <array>
#include <fmt/format.h>

namespace panelist {
namespace {
constexpr std::array all_migrations{
    Migration{1, "initial schema", migration_001_initial},
    Migration{2, "meta table", migration_002_meta},
    Migration{3, "where each interview is", migration_003_interview_place},
};
} // namespace

std::span<const Migration> migrations() { return all_migrations; }
int latest_schema_version() { return all_migrations.back().version; }

void migrate(SQLite::Database& db) {
    const int current = db.execAndGet("PRAGMA user_version").getInt();
    for (const auto& step : all_migrations) {
        if (step.version <= current) continue;
        SQLite::Transaction tx(db);
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

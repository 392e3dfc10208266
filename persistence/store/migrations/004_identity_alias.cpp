// Schema step 4: the same loop or candidate made on two laptops has two UUIDs. Once the
// interviewer says they are one (bundle import, team folder), the other laptop's UUID is kept
// here as another name for the local row, so every later file from that laptop lands on it
// without asking again, and exports keep using the local UUID.
#include "persistence/store/migrations/migration.hpp"

namespace panelist {

void migration_004_identity_alias(SQLite::Database& db) {
    db.exec(R"sql(
CREATE TABLE loop_alias (
    uuid    TEXT PRIMARY KEY,
    loop_id INTEGER NOT NULL REFERENCES loop(id) ON DELETE CASCADE
);
CREATE INDEX loop_alias_by_loop ON loop_alias(loop_id);
CREATE TABLE candidate_alias (
    uuid         TEXT PRIMARY KEY,
    candidate_id INTEGER NOT NULL REFERENCES candidate(id) ON DELETE CASCADE
);
CREATE INDEX candidate_alias_by_candidate ON candidate_alias(candidate_id);
-- Same names, letter case and outer spaces aside: how a loop made on two laptops is noticed.
CREATE INDEX loop_by_name ON loop(lower(trim(name)));
CREATE INDEX candidate_by_loop_name ON candidate(loop_id, lower(trim(name)));
)sql");
}

} // namespace panelist

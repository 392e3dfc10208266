// Schema step 5: what this database knows of its team folder (persistence/team/). The folder's
// path itself is a `meta` row ('team_folder'), so the window and the command line share it.
#include "persistence/store/migrations/migration.hpp"

namespace panelist {

void migration_005_team_folder(SQLite::Database& db) {
    db.exec(R"sql(
-- Each file read from the folder as it was then, so a rescan reads only what changed.
CREATE TABLE team_file (
    name     TEXT PRIMARY KEY,   -- relative to the folder: scorecards/<uuid>.json
    size     INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL
) WITHOUT ROWID;
-- Interviews (and loop kits) as they are in the folder: written from here or read from there,
-- so an unchanged interview is never written again.
CREATE TABLE team_copy (
    uuid    TEXT PRIMARY KEY,
    version TEXT NOT NULL        -- the interview's updated_at; a kit's content
) WITHOUT ROWID;
-- Loops this laptop shares as a loop kit (the hiring manager's).
CREATE TABLE team_kit (
    loop_id INTEGER PRIMARY KEY REFERENCES loop(id) ON DELETE CASCADE
);
-- Loops kept in step with the folder: shared from here, or read from it. Only their submitted
-- interviews are written there: a laptop's other loops stay its own.
CREATE TABLE team_loop (
    loop_id INTEGER PRIMARY KEY REFERENCES loop(id) ON DELETE CASCADE
);
-- Candidates erased here or on another laptop: only the UUID, so nothing of them comes back
-- from a scorecard still in someone's folder.
CREATE TABLE erased (
    uuid TEXT PRIMARY KEY,
    at   TEXT NOT NULL
) WITHOUT ROWID;
)sql");
}

} // namespace panelist

// Schema step 9: which questions and sets the shipped bank has brought into this database, so
// a later edition brings only what it adds: never again one the user deleted, never over one
// they edited. A database seeded before this step counts everything it holds as brought (its
// first edition's questions a user deleted are not known, and come back if a later edition
// still ships them).
#include "persistence/store/migrations/migration.hpp"

namespace panelist {

void migration_009_bank_shipped(SQLite::Database& db) {
    db.exec(R"sql(
CREATE TABLE bank_shipped (
    kind TEXT NOT NULL CHECK (kind IN ('question', 'set')),
    name TEXT NOT NULL,
    PRIMARY KEY (kind, name)
) WITHOUT ROWID;
INSERT INTO bank_shipped (kind, name)
    SELECT 'question', id FROM question WHERE EXISTS (SELECT 1 FROM meta WHERE key = 'bank_seeded');
INSERT INTO bank_shipped (kind, name)
    SELECT 'set', name FROM question_set WHERE EXISTS (SELECT 1 FROM meta WHERE key = 'bank_seeded');
)sql");
}

} // namespace panelist

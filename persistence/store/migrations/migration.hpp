// The ordered schema steps. Step N brings a database from user_version N-1 to N; each runs
// in one transaction together with its version bump (see migrate()).
#pragma once
#include <SQLiteCpp/Database.h>

#include <span>

namespace panelist {

struct Migration {
    int version;
    const char* name;
    void (*apply)(SQLite::Database&);
};

std::span<const Migration> migrations();
int latest_schema_version();
// Runs every step newer than the database's user_version. Throws on failure, leaving the
// database at the last step that completed.
void migrate(SQLite::Database&);

void migration_001_initial(SQLite::Database&);
void migration_002_meta(SQLite::Database&);
void migration_003_interview_place(SQLite::Database&);
void migration_004_identity_alias(SQLite::Database&);
void migration_005_team_folder(SQLite::Database&);
void migration_006_question_version(SQLite::Database&);
void migration_007_curation(SQLite::Database&);
void migration_008_sample_answers(SQLite::Database&);
void migration_009_bank_shipped(SQLite::Database&);
void migration_010_practice(SQLite::Database&);
void migration_011_question_draft(SQLite::Database&);

} // namespace panelist

#include "persistence/team/team_sync.hpp"

#include "domain/text.hpp"
#include "persistence/backups/erase.hpp"
#include "persistence/files/file_problem.hpp"
#include "persistence/sqlite/statement_cache.hpp"
#include "persistence/sqlite/write_transaction.hpp"
#include "persistence/store/people_repository.hpp"
#include "persistence/store/store_edge.hpp"
#include "persistence/team/read_ahead.hpp"
#include "persistence/team/team_folder.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <thread>

namespace panelist {

namespace fs = std::filesystem;

namespace {

std::string now_utc(SQLite::Database& sql) {
    return sql.execAndGet("SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now')").getString();
}

std::optional<std::string> meta(SQLite::Database& sql, const char* key) {
    SQLite::Statement s(sql, "SELECT value FROM meta WHERE key = ?");
    s.bind(1, key);
    if (!s.executeStep()) return std::nullopt;
    return s.getColumn(0).getString();
}

void set_meta(SQLite::Database& sql, const char* key, const std::string& value) {
    SQLite::Statement s(sql, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
    s.bind(1, key);
    s.bind(2, value);
    s.exec();
}

// Files as the last scan saw them.
std::map<std::string, TeamFile> seen_files(SQLite::Database& sql) {
    std::map<std::string, TeamFile> seen;
    SQLite::Statement s(sql, "SELECT name, size, mtime_ns FROM team_file");
    while (s.executeStep())
        seen[s.getColumn(0).getString()] = {s.getColumn(0).getString(), s.getColumn(1).getInt64(), s.getColumn(2).getInt64()};
    return seen;
}

// Statements come from one cache for the whole sync: thousands of files are remembered one by one.
void remember_file(StatementCache& sql, const TeamFile& f) {
    auto s = sql.use("INSERT OR REPLACE INTO team_file (name, size, mtime_ns) VALUES (?, ?, ?)");
    s->bind(1, f.name);
    s->bind(2, f.size);
    s->bind(3, f.mtime_ns);
    s->exec();
}

void remember_copy(StatementCache& sql, const std::string& uuid, const std::string& version) {
    auto s = sql.use("INSERT OR REPLACE INTO team_copy (uuid, version) VALUES (?, ?)");
    s->bind(1, uuid);
    s->bind(2, version);
    s->exec();
}

std::set<std::string> erased_uuids(SQLite::Database& sql) {
    std::set<std::string> out;
    SQLite::Statement s(sql, "SELECT uuid FROM erased");
    while (s.executeStep()) out.insert(s.getColumn(0).getString());
    return out;
}

void keep_loop_in_step(SQLite::Database& sql, std::int64_t loop_id) {
    SQLite::Statement s(sql, "INSERT OR IGNORE INTO team_loop (loop_id) VALUES (?)");
    s.bind(1, loop_id);
    s.exec();
}

// The local rows ("loop" or "candidate") a file's UUID is: by that UUID, or one taken as it.
std::vector<std::int64_t> local_ids(StatementCache& sql, const char* table, const std::string& uuid) {
    auto s = sql.use(fmt::format("SELECT id FROM {0} WHERE uuid = ?1 UNION SELECT {0}_id FROM {0}_alias WHERE uuid = ?1",
                                 table));
    s->bind(1, uuid);
    std::vector<std::int64_t> ids;
    while (s->executeStep()) ids.push_back(s->getColumn(0).getInt64());
    return ids;
}

// What keeps a file unread: a conflict or a copy behind this one, shown again at every sync.
bool unsettled(MergeOutcome outcome) {
    return outcome == MergeOutcome::skipped_conflict || outcome == MergeOutcome::skipped_behind;
}

bool unchanged(const std::map<std::string, TeamFile>& seen, const TeamFile& file) {
    const auto it = seen.find(file.name);
    return it != seen.end() && it->second == file;
}

// Every UUID a candidate goes by: their own and those other laptops gave them.
std::vector<std::string> identities(SQLite::Database& sql, std::int64_t candidate_id) {
    std::vector<std::string> out;
    SQLite::Statement s(sql, "SELECT uuid FROM candidate WHERE id = ?1 UNION SELECT uuid FROM candidate_alias "
                             "WHERE candidate_id = ?1");
    s.bind(1, candidate_id);
    while (s.executeStep()) out.push_back(s.getColumn(0).getString());
    return out;
}

void mark_erased(SQLite::Database& sql, const std::vector<std::string>& uuids) {
    SQLite::Statement s(sql, "INSERT OR IGNORE INTO erased (uuid, at) VALUES (?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))");
    for (const auto& uuid : uuids) {
        s.bind(1, uuid);
        s.exec();
        s.reset();
    }
}

// Why a file that does not read as a bundle may be so, in the user's words.
std::string unreadable(const std::string& name, const std::string& why, bool conflict_markers) {
    if (conflict_markers)
        return fmt::format("{}: has git conflict markers; resolve the merge in git, then it is read again", name);
    return fmt::format("{} (perhaps still being written by the sync engine; read again when it changes)", why);
}

// Tombstones: a candidate erased on another laptop is erased here too.
void read_tombstones(Database& db, StatementCache& cache, const TeamFolder& folder, std::map<std::string, TeamFile>& seen,
                     TeamSyncReport& report) {
    SQLite::Database& sql = db.sql();
    for (const auto& file : folder.list(TeamFolder::erased)) {
        if (unchanged(seen, file)) {
            ++report.files_unchanged;
            continue;
        }
        const auto text = folder.read(file);
        if (!text) continue;
        ++report.files_read;
        const auto uuid = read_tombstone(*text);
        if (!uuid) {
            report.problems.push_back(fmt::format("{}: is not a Panelist tombstone; left alone", file.name));
            continue;
        }
        const auto ids = local_ids(cache, "candidate", *uuid);
        std::vector<std::string> all = {*uuid};
        for (const auto id : ids)
            for (auto& other : identities(sql, id)) all.push_back(std::move(other));
        mark_erased(sql, all); // first: nothing of them is imported from here on
        for (const auto id : ids) {
            try {
                report.erased.push_back(erase_candidate(db, id).candidate);
            } catch (const EraseError& e) { // deleted, but a trace is left: said, not retried
                report.problems.push_back(e.what());
            }
        }
        // Only once erased: a sync that stopped before (database busy) reads the tombstone again.
        remember_file(cache, file);
        seen[file.name] = file;
    }
}

// A bundle without what was erased: nothing of an erased candidate comes back.
void drop_erased(Bundle& b, const std::set<std::string>& erased) {
    std::erase_if(b.candidates, [&](const Candidate& c) { return erased.count(c.uuid) > 0; });
    std::erase_if(b.interviews, [&](const BundledInterview& i) { return erased.count(i.candidate_uuid) > 0; });
}

void read_bundles(Database& db, StatementCache& cache, const TeamFolder& folder, std::map<std::string, TeamFile>& seen,
                  SameNames same_names, TeamSyncReport& report) {
    SQLite::Database& sql = db.sql();
    std::map<std::string, TeamFile> files; // by name, for those read
    std::vector<TeamFile> changed;
    for (const char* part : {TeamFolder::kits, TeamFolder::scorecards})
        for (auto& file : folder.list(part)) {
            if (unchanged(seen, file))
                ++report.files_unchanged;
            else
                changed.push_back(std::move(file));
        }
    // Files whose loop or candidates are named like others here wait for an answer; the rest
    // go in, a hundred files to a transaction, so a first sync of thousands never holds the
    // database long enough to make a score typed meanwhile wait. Each round takes out the
    // files a refusal named. The files are read on the other cores meanwhile (read_ahead.hpp).
    constexpr std::size_t per_transaction = 100;
    BundleReadAhead ahead(folder, changed);
    // A chunk of bundles is tens of thousands of small strings, made on the reading threads;
    // freeing them here took a fifth of the import's time, so each chunk is let go of on a
    // thread of its own, one at a time (assigning the next joins the last). Declared after
    // `ahead`, so it is joined first.
    std::jthread letting_go;
    for (std::size_t start = 0; start < changed.size(); start += per_transaction) {
        std::vector<ReadBundle> chunk;
        for (std::size_t i = start; i < std::min(changed.size(), start + per_transaction); ++i) {
            auto r = ahead.take(i);
            if (!r.read) continue;
            ++report.files_read;
            if (r.bundle) {
                chunk.push_back({changed[i].name, std::move(*r.bundle)});
                files[changed[i].name] = changed[i];
            } else {
                report.problems.push_back(unreadable(changed[i].name, r.why, r.conflict_markers));
            }
        }
        while (!chunk.empty()) {
            try {
                WriteTransaction tx(sql);
                // Read again in the transaction: an erase made meanwhile (the window's, while
                // this thread syncs) is seen, and nothing of that candidate comes back.
                const auto erased = erased_uuids(sql);
                for (auto& r : chunk) drop_erased(r.bundle, erased);
                const auto imported = import_bundles(db, chunk, same_names);
                // A file with a conflict stays unread, so the next sync shows it again until
                // someone resolves it: conflicts are never dropped silently.
                std::set<std::string> unread;
                for (const auto& m : imported.interviews)
                    if (unsettled(m.outcome)) unread.insert(m.file);
                for (const auto& [name, b] : chunk) {
                    for (const auto loop : local_ids(cache, "loop", b.loop.uuid)) keep_loop_in_step(sql, loop);
                    for (const auto& iv : b.interviews) remember_copy(cache, iv.interview.uuid, iv.updated_at);
                    if (!unread.count(name)) remember_file(cache, files.at(name));
                }
                tx.commit();
                for (const auto& [name, b] : chunk)
                    if (!unread.count(name)) seen[name] = files.at(name);
                auto& all = report.imported;
                all.loops_added += imported.loops_added;
                all.candidates_added += imported.candidates_added;
                all.loops_matched += imported.loops_matched;
                all.candidates_matched += imported.candidates_matched;
                all.interviews.insert(all.interviews.end(), imported.interviews.begin(), imported.interviews.end());
                break;
            } catch (const SameNamesFound& e) {
                std::set<std::string> held;
                for (const auto& m : e.matches()) {
                    held.insert(m.file);
                    report.waiting.push_back(m);
                }
                std::erase_if(chunk, [&](const ReadBundle& r) { return held.count(r.file) > 0; });
            }
        }
        if (!chunk.empty()) letting_go = std::jthread([done = std::move(chunk)] {});
    }
    for (const auto& m : report.imported.interviews)
        if (unsettled(m.outcome))
            report.conflicts.push_back(m.file + ": " + m.describe());
}

// Candidates erased here whose tombstone is not in the folder yet: written, and their
// scorecards taken out of it (found by the candidate's UUID in the file).
void write_tombstones(Database& db, StatementCache& cache, const TeamFolder& folder, std::map<std::string, TeamFile>& seen,
                      TeamSyncReport& report) {
    SQLite::Database& sql = db.sql();
    std::vector<std::pair<std::string, std::string>> due;
    {
        SQLite::Statement s(sql, "SELECT uuid, at FROM erased WHERE 'erased/' || uuid || '.json' NOT IN "
                                 "(SELECT name FROM team_file)");
        while (s.executeStep()) due.emplace_back(s.getColumn(0).getString(), s.getColumn(1).getString());
    }
    if (due.empty()) return;
    for (const auto& [uuid, at] : due) {
        const TeamFile written = folder.write(TeamFolder::erased, uuid + ".json", write_tombstone(uuid, at));
        remember_file(cache, written);
        seen[written.name] = written;
    }
    // One pass over the scorecards for all of them (a candidate may go by several UUIDs).
    for (const auto& file : folder.list(TeamFolder::scorecards)) {
        const auto text = folder.read(file);
        if (!text) continue;
        if (std::any_of(due.begin(), due.end(), [&](const auto& d) { return text->find(d.first) != std::string::npos; })) {
            folder.remove(TeamFolder::scorecards, file.name.substr(file.name.find('/') + 1));
            ++report.scorecards_removed;
        }
    }
}

// Submitted interviews not in the folder as they are now, and the kits of shared loops.
void write_new(Database& db, StatementCache& cache, const TeamFolder& folder, std::map<std::string, TeamFile>& seen, TeamSyncReport& report) {
    SQLite::Database& sql = db.sql();
    std::vector<std::pair<std::string, std::string>> due; // uuid, updated_at
    {
        SQLite::Statement s(sql, "SELECT i.uuid, i.updated_at FROM interview i JOIN candidate c ON c.id = i.candidate_id "
                                 "JOIN team_loop l ON l.loop_id = c.loop_id LEFT JOIN team_copy t ON t.uuid = i.uuid "
                                 "WHERE i.status = 'submitted' AND (t.version IS NULL OR t.version <> i.updated_at)");
        while (s.executeStep()) due.emplace_back(s.getColumn(0).getString(), s.getColumn(1).getString());
    }
    for (const auto& [uuid, updated_at] : due) {
        const auto bundle = bundle_for_interview(db, uuid);
        if (!bundle) continue;
        const TeamFile written = folder.write(TeamFolder::scorecards, uuid + ".json", write_bundle(*bundle));
        WriteTransaction tx(sql);
        remember_copy(cache, uuid, updated_at);
        remember_file(cache, written); // our own file: not read back at the next scan
        tx.commit();
        seen[written.name] = written;
        ++report.scorecards_written;
    }
    std::vector<std::int64_t> kits;
    {
        SQLite::Statement s(sql, "SELECT loop_id FROM team_kit");
        while (s.executeStep()) kits.push_back(s.getColumn(0).getInt64());
    }
    PeopleRepository people(db);
    for (const auto loop_id : kits) {
        const auto loop = people.find_loop(loop_id);
        if (!loop) continue;
        auto kit = bundle_for_loop(db, loop->name);
        if (!kit || kit->loop.uuid != loop->uuid) continue;
        // Who interviews whom, not how it went: scorecards travel on their own once submitted.
        std::erase_if(kit->interviews, [](const BundledInterview& b) {
            return b.interview.status != InterviewStatus::planned;
        });
        const std::string bytes = write_bundle(*kit);
        const std::string version = fmt::format("{:016x}", fnv1a(bytes)); // changed since written?
        {
            SQLite::Statement s(sql, "SELECT version FROM team_copy WHERE uuid = ?");
            s.bind(1, loop->uuid);
            if (s.executeStep() && s.getColumn(0).getString() == version) continue;
        }
        const TeamFile written = folder.write(TeamFolder::kits, loop->uuid + ".json", bytes);
        WriteTransaction tx(sql);
        remember_copy(cache, loop->uuid, version);
        remember_file(cache, written);
        tx.commit();
        seen[written.name] = written;
        ++report.kits_written;
    }
}

} // namespace

std::optional<fs::path> team_folder_of(Database& db) {
    return at_store_edge(db.sql(), [&]() -> std::optional<fs::path> {
        if (auto value = meta(db.sql(), "team_folder"); value && !value->empty()) return fs::path(*value);
        return std::nullopt;
    });
}

fs::path team_folder_path(const fs::path& folder) {
    fs::path absolute = fs::absolute(folder).lexically_normal();
    if (!absolute.has_filename()) absolute = absolute.parent_path(); // "team/" is "team"
    std::error_code ec;
    if (!fs::is_directory(absolute, ec))
        throw TeamFolderMissing(fmt::format("{}: is not a folder{}; the team folder was not changed", absolute.string(),
                                            fs::exists(absolute, ec) ? " (it is a file)" : " that exists"));
    return absolute;
}

void set_team_folder(Database& db, const std::optional<fs::path>& folder) {
    std::optional<fs::path> absolute;
    if (folder) absolute = team_folder_path(*folder);
    at_store_edge(db.sql(), [&] {
        WriteTransaction tx(db.sql());
        const auto before = meta(db.sql(), "team_folder");
        const std::string value = absolute ? absolute->string() : "";
        if (before.value_or("") != value) {
            // Another folder: what this one holds is unknown yet, and everything is written there.
            db.sql().exec("DELETE FROM team_file; DELETE FROM team_copy;");
            set_meta(db.sql(), "team_folder", value);
            set_meta(db.sql(), "team_synced_at", "");
        }
        tx.commit();
    });
}

std::string team_synced_at(Database& db) {
    return at_store_edge(db.sql(), [&] { return meta(db.sql(), "team_synced_at").value_or(""); });
}

void share_loop_kit(Database& db, std::int64_t loop_id) {
    at_store_edge(db.sql(), [&] {
        WriteTransaction tx(db.sql());
        SQLite::Statement s(db.sql(), "INSERT OR IGNORE INTO team_kit (loop_id) VALUES (?)");
        s.bind(1, loop_id);
        s.exec();
        keep_loop_in_step(db.sql(), loop_id);
        tx.commit();
    });
}

bool shares_loop_kit(Database& db, std::int64_t loop_id) {
    return at_store_edge(db.sql(), [&] {
        SQLite::Statement s(db.sql(), "SELECT 1 FROM team_kit WHERE loop_id = ?");
        s.bind(1, loop_id);
        return s.executeStep();
    });
}

// What a sync writes is in the team folder too: if a power cut takes its last commits back,
// those files are simply read again (the record of what was read goes with them). So a sync
// commits without waiting for the disk; a person's own scores keep FULL. Its savepoint journals
// are kept in memory (on disk they were a temporary file written page by page, two thirds of a
// first sync's write(2) calls), but a tombstone's erase VACUUMs the whole file, and a VACUUM's
// copy would then be in memory too: the erase sets the default back for itself (erase.cpp).
class LazyCommits {
public:
    explicit LazyCommits(SQLite::Database& sql) : sql_(sql) {
        sql_.exec("PRAGMA synchronous = NORMAL");
        sql_.exec("PRAGMA temp_store = MEMORY");
    }
    ~LazyCommits() {
        try {
            sql_.exec("PRAGMA temp_store = DEFAULT");
            sql_.exec("PRAGMA synchronous = FULL");
        } catch (...) { // a destructor must not throw; the next open sets FULL again
        }
    }
    LazyCommits(const LazyCommits&) = delete;
    LazyCommits& operator=(const LazyCommits&) = delete;

private:
    SQLite::Database& sql_;
};

TeamSyncReport sync_team_folder(Database& db, const fs::path& root, SameNames same_names) {
    const TeamFolder folder(root);
    return at_store_edge(db.sql(), [&]() -> TeamSyncReport {
        const LazyCommits lazy(db.sql());
        TeamSyncReport report;
        auto seen = seen_files(db.sql());
        StatementCache cache(db.sql());
        read_tombstones(db, cache, folder, seen, report);
        read_bundles(db, cache, folder, seen, same_names, report);
        try {
            write_tombstones(db, cache, folder, seen, report);
            write_new(db, cache, folder, seen, report);
        } catch (const FileError& e) { // a read-only share, a full disk: written at a later sync
            report.problems.push_back(fmt::format("{} (written at a later sync)", e.what()));
        }
        set_meta(db.sql(), "team_synced_at", now_utc(db.sql()));
        return report;
    });
}

Erased erase_candidate_for_team(Database& db, std::int64_t candidate_id) {
    const auto root = team_folder_of(db);
    if (root) // first, so a sync running meanwhile imports nothing of them again
        at_store_edge(db.sql(), [&] { mark_erased(db.sql(), identities(db.sql(), candidate_id)); });
    Erased erased = erase_candidate(db, candidate_id);
    if (!root) return erased; // no team: nothing of the candidate is kept, not even the UUID
    try {
        const TeamFolder folder(*root);
        auto seen = seen_files(db.sql());
        TeamSyncReport ignored;
        StatementCache cache(db.sql());
        at_store_edge(db.sql(), [&] { write_tombstones(db, cache, folder, seen, ignored); });
    } catch (const std::exception&) {
        // The folder is gone or read-only now: the next sync writes the tombstones.
    }
    return erased;
}

std::string TeamSyncReport::summary() const {
    std::string text = fmt::format("{} scorecard{} written", scorecards_written, scorecards_written == 1 ? "" : "s");
    if (kits_written) text += fmt::format(", {} loop kit{} written", kits_written, kits_written == 1 ? "" : "s");
    const int added = imported.count(MergeOutcome::added), replaced = imported.count(MergeOutcome::replaced);
    text += fmt::format("; read {} new or changed file{} ({} unchanged): {} interview{} added, {} updated",
                        files_read, files_read == 1 ? "" : "s", files_unchanged, added, added == 1 ? "" : "s", replaced);
    if (!erased.empty()) text += fmt::format("; {} candidate{} erased as another laptop asked", erased.size(), erased.size() == 1 ? "" : "s");
    if (!conflicts.empty()) text += fmt::format("; {} conflict{}", conflicts.size(), conflicts.size() == 1 ? "" : "s");
    std::set<std::string> held;
    for (const auto& m : waiting) held.insert(m.file);
    if (!held.empty()) text += fmt::format("; {} file{} waiting for your answer", held.size(), held.size() == 1 ? "" : "s");
    if (!problems.empty()) text += fmt::format("; {} file{} not usable now", problems.size(), problems.size() == 1 ? "" : "s");
    return text;
}

} // namespace panelist

// The window's side of the team folder: syncs on a thread of its own (own connection), at
// start, whenever the folder changes (inotify, after 300 ms of quiet, since a sync engine
// writes files in bursts), every 30 s for shares where inotify sees nothing (network drives),
// and when asked (a scorecard was just submitted). The window is told through `news()` and a
// callback that wakes it; it never waits for a sync.
#pragma once
#include "persistence/store/database.hpp"
#include "persistence/team/team_sync.hpp"

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace panelist {

// What the window shows of the team folder.
struct TeamState {
    std::filesystem::path folder;  // empty: no team folder
    std::string synced_at;         // UTC ISO 8601 of the last sync that reached the folder
    std::optional<TeamSyncReport> last; // the last sync's report
    std::string problem;           // why the last sync failed (the folder is gone, ...), else empty
    std::uint64_t generation = 0;  // changes with every sync or failure
};

class TeamWatcher {
public:
    static constexpr std::chrono::milliseconds quiet{300};
    static constexpr std::chrono::seconds rescan_every{30};

    // On a database file: a thread with its own connection, watching the folder set in the
    // database (if any). On ":memory:" (tests): syncs run at once on the caller's thread.
    // `wake`: called from the thread after each sync, to make the window draw (may be empty).
    TeamWatcher(Database& db, std::function<void()> wake);
    ~TeamWatcher();
    TeamWatcher(const TeamWatcher&) = delete;
    TeamWatcher& operator=(const TeamWatcher&) = delete;

    // Use this folder from now on (or none); syncs at once. Throws TeamFolderMissing.
    void set_folder(const std::optional<std::filesystem::path>&);
    // Sync soon (after a submit, an erase, a shared kit); `same_names`: the answer to a question
    // the last sync asked.
    void request(SameNames same_names = SameNames::refuse);
    // Stops the thread (after the sync under way); nothing is synced or woken after it. For the
    // window's last moments, before the windowing library goes away.
    void stop();
    // Changes with every sync; cheap, for the window to look each frame.
    std::uint64_t generation() const;
    TeamState state() const;

private:
    using Clock = std::chrono::steady_clock;
    void run();
    void sync_now(Database&, SameNames);
    void watch(const std::filesystem::path&);
    void wake_thread(); // out of poll(): something was asked, or stop

    Database* inline_db_ = nullptr;      // ":memory:": sync on the caller's thread
    std::unique_ptr<Database> own_;
    std::function<void()> wake_;
    mutable std::mutex mutex_;
    TeamState state_;
    bool wanted_ = false;                 // a sync was asked for
    SameNames wanted_names_ = SameNames::refuse; // merge, once asked, until that sync runs
    // A folder chosen in the window, applied by the thread between syncs on its own connection,
    // so a sync under way never records the old folder's files under the new one.
    std::optional<std::optional<std::filesystem::path>> new_folder_;
    bool stop_ = false;
    int inotify_ = -1;
    std::filesystem::path watched_;       // the folder inotify watches, and how many parts it had
    int watched_parts_ = 0;
    int stop_pipe_[2] = {-1, -1};          // wakes the thread out of poll()
    std::thread thread_;
};

} // namespace panelist

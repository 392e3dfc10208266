#include "persistence/team/team_watcher.hpp"

#include "persistence/team/team_folder.hpp"

#include <array>
#include <cerrno>
#include <fcntl.h>
#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>
#include <utility>

#include <fmt/format.h>

namespace panelist {

namespace fs = std::filesystem;

TeamWatcher::TeamWatcher(Database& db, std::function<void()> wake) : wake_(std::move(wake)) {
    state_.folder = team_folder_of(db).value_or(fs::path());
    state_.synced_at = team_synced_at(db); // shown until the first sync says more
    if (db.path() == ":memory:") {
        inline_db_ = &db;
        return;
    }
    own_ = std::make_unique<Database>(db.another_writer());
    if (::pipe2(stop_pipe_, O_CLOEXEC | O_NONBLOCK) != 0) stop_pipe_[0] = stop_pipe_[1] = -1;
    wanted_ = true; // the first sync, at start
    thread_ = std::thread([this] { run(); });
}

TeamWatcher::~TeamWatcher() {
    stop();
    for (int fd : {inotify_, stop_pipe_[0], stop_pipe_[1]})
        if (fd >= 0) ::close(fd);
}

void TeamWatcher::stop() {
    if (!thread_.joinable()) return;
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_thread();
    thread_.join();
}

void TeamWatcher::wake_thread() {
    if (stop_pipe_[1] >= 0) [[maybe_unused]] auto n = ::write(stop_pipe_[1], "x", 1);
}

std::uint64_t TeamWatcher::generation() const {
    std::lock_guard lock(mutex_);
    return state_.generation;
}

void TeamWatcher::set_folder(const std::optional<fs::path>& folder) {
    // Checked here, so the window says at once when it is not a folder; written by the thread.
    const std::optional<fs::path> path = folder ? std::optional(team_folder_path(*folder)) : std::nullopt;
    if (inline_db_) set_team_folder(*inline_db_, path);
    {
        std::lock_guard lock(mutex_);
        if (!inline_db_) new_folder_ = path;
        state_.folder = path.value_or(fs::path());
        state_.last.reset();
        state_.problem.clear();
        state_.synced_at.clear();
        ++state_.generation;
    }
    request();
}

void TeamWatcher::request(SameNames same_names) {
    if (!inline_db_ && !thread_.joinable()) return; // stopped
    if (inline_db_) {
        sync_now(*inline_db_, same_names);
        return;
    }
    {
        std::lock_guard lock(mutex_);
        wanted_ = true;
        if (same_names == SameNames::merge) wanted_names_ = SameNames::merge; // an answer is not lost
    }
    wake_thread();
}

TeamState TeamWatcher::state() const {
    std::lock_guard lock(mutex_);
    return state_;
}

void TeamWatcher::sync_now(Database& db, SameNames same_names) {
    TeamState next;
    std::optional<std::optional<fs::path>> change;
    {
        std::lock_guard lock(mutex_);
        change = std::exchange(new_folder_, std::nullopt);
    }
    try {
        if (change) set_team_folder(db, *change);
        const auto folder = team_folder_of(db);
        next.folder = folder.value_or(fs::path());
        if (folder) {
            if (!inline_db_) watch(*folder);
            next.last = sync_team_folder(db, *folder, same_names);
            next.synced_at = team_synced_at(db);
        }
    } catch (const std::exception& e) { // the folder is gone, the database busy: said, tried again later
        next.problem = e.what();
        try {
            next.folder = team_folder_of(db).value_or(fs::path());
        } catch (const std::exception&) { // the database itself: the folder shown stays as it was
            std::lock_guard lock(mutex_);
            next.folder = state_.folder;
        }
    }
    {
        std::lock_guard lock(mutex_);
        if (!next.last && !next.problem.empty()) next.synced_at = state_.synced_at; // the last good one
        next.generation = state_.generation + 1;
        state_ = std::move(next);
    }
    if (wake_) wake_();
}

void TeamWatcher::watch(const fs::path& folder) {
    // Renewed only when there is something new to watch: another folder, or a part created since
    // (by the first file written there). Then all watches go and the folder and parts are added.
    int parts = 0;
    std::error_code ec;
    for (const char* part : {TeamFolder::kits, TeamFolder::scorecards, TeamFolder::erased})
        parts += fs::is_directory(folder / part, ec) ? 1 : 0;
    if (inotify_ >= 0 && folder == watched_ && parts == watched_parts_) return;
    watched_ = folder;
    watched_parts_ = parts;
    if (inotify_ >= 0) ::close(inotify_);
    inotify_ = ::inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
    if (inotify_ < 0) return;
    constexpr std::uint32_t changes = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE |
                                      IN_DELETE_SELF | IN_MOVE_SELF;
    ::inotify_add_watch(inotify_, folder.c_str(), changes);
    for (const char* part : {TeamFolder::kits, TeamFolder::scorecards, TeamFolder::erased})
        ::inotify_add_watch(inotify_, (folder / part).c_str(), changes);
}

void TeamWatcher::run() {
    Database& db = *own_;
    auto next_rescan = Clock::now() + rescan_every;
    std::optional<Clock::time_point> quiet_until; // the folder changed: sync once it is quiet
    for (;;) {
        SameNames names = SameNames::refuse;
        bool now = false;
        {
            std::lock_guard lock(mutex_);
            if (stop_) return;
            if (wanted_) {
                wanted_ = false;
                names = std::exchange(wanted_names_, SameNames::refuse);
                now = true;
            }
        }
        const auto t = Clock::now();
        if (now || (quiet_until && t >= *quiet_until) || t >= next_rescan) {
            sync_now(db, names);
            quiet_until.reset();
            next_rescan = Clock::now() + rescan_every;
            continue;
        }
        bool watching = false;
        {
            std::lock_guard lock(mutex_);
            watching = !state_.folder.empty();
        }
        if (!watching) next_rescan = t + std::chrono::hours(24 * 365); // no folder: sleep until asked
        const auto until = quiet_until ? std::min(*quiet_until, next_rescan) : next_rescan;
        const auto wait_ms = std::min<std::int64_t>(
            std::chrono::duration_cast<std::chrono::milliseconds>(until - t).count() + 1, 3'600'000);
        std::array<pollfd, 2> fds{{{stop_pipe_[0], POLLIN, 0}, {inotify_, POLLIN, 0}}};
        ::poll(fds.data(), inotify_ >= 0 ? 2 : 1, static_cast<int>(wait_ms));
        char buffer[4096];
        if (fds[0].revents & POLLIN)
            while (::read(stop_pipe_[0], buffer, sizeof buffer) > 0) {}
        if (inotify_ >= 0 && (fds[1].revents & POLLIN)) {
            bool any = false;
            while (::read(inotify_, buffer, sizeof buffer) > 0) any = true;
            if (any) quiet_until = Clock::now() + quiet; // a burst of files: wait for its end
        }
    }
}

} // namespace panelist

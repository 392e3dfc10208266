// The team folder from the window (Candidates screen): which folder, when it last synced, what
// the last sync brought or could not use, the question a same-named loop asks, and whether the
// selected loop is shared as a loop kit. The syncing itself is TeamWatcher's, off this thread.
#pragma once
#include "persistence/team/team_watcher.hpp"
#include "ui/context/store_cache.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace panelist {

class AppContext;

class TeamPanel {
public:
    void draw(AppContext&);
    // What the buttons do, also for tests.
    void use_folder(AppContext&, const std::string& path);
    void stop_using(AppContext&);
    void share_selected_loop(AppContext&);
    void take_as_one(AppContext&);

private:
    std::string path_;
    bool path_loaded_ = false; // the field starts with the folder in use
    StoreCache<std::int64_t, bool> shared_;
    std::optional<TeamState> state_; // as the last sync left it // whether the selected loop is shared as a kit
};

} // namespace panelist

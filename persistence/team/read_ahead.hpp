// The team folder's changed files, read and checked on every core while the caller imports
// them. A laptop joining a team reads thousands of scorecards: reading them all first, then
// importing, left one core idle for half the time. The caller takes the files in the folder's
// order, each as soon as it is ready, and reads unclaimed ones itself while it would wait.
#pragma once
#include "persistence/formats/bundle.hpp"
#include "persistence/team/team_folder.hpp"

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace panelist {

class BundleReadAhead {
public:
    struct Read {
        bool read = false;             // false: gone or changing meanwhile; the next scan reads it
        std::optional<Bundle> bundle;  // when it reads as a bundle
        std::string why;               // else why not
        bool conflict_markers = false; // ... and whether git left "<<<<<<<" in it
    };

    BundleReadAhead(const TeamFolder&, const std::vector<TeamFile>&);
    ~BundleReadAhead(); // helpers stop at the next file
    BundleReadAhead(const BundleReadAhead&) = delete;
    BundleReadAhead& operator=(const BundleReadAhead&) = delete;

    // File `i` of the list, once; waits for it, reading other files meanwhile.
    Read take(std::size_t i);

private:
    bool read_next(); // false when every file is claimed
    void read_one(std::size_t i);

    const TeamFolder& folder_;
    const std::vector<TeamFile>& files_;
    std::vector<Read> reads_;
    std::unique_ptr<std::atomic<bool>[]> ready_;
    std::atomic<std::size_t> next_{0};
    std::mutex mutex_;
    std::condition_variable done_;
    std::vector<std::jthread> helpers_;
};

} // namespace panelist

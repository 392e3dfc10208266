#include "persistence/team/read_ahead.hpp"

#include "persistence/files/file_problem.hpp"

#include <algorithm>

namespace panelist {

BundleReadAhead::BundleReadAhead(const TeamFolder& folder, const std::vector<TeamFile>& files)
    : folder_(folder), files_(files), reads_(files.size()), ready_(new std::atomic<bool>[files.size()]) {
    for (std::size_t i = 0; i < files.size(); ++i) ready_[i] = false;
    // A few files are read faster than threads start; the caller reads them alone.
    if (files.size() < 64) return;
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const unsigned helpers = std::min(3u, cores > 1 ? cores - 1 : 1u); // the caller is one more
    for (unsigned t = 0; t < helpers; ++t)
        helpers_.emplace_back([this] {
            while (read_next()) {
            }
        });
}

BundleReadAhead::~BundleReadAhead() {
    next_ = files_.size(); // nothing more to claim: the helpers finish the file in hand
    helpers_.clear();      // and are joined here, before what they write to goes away
}

bool BundleReadAhead::read_next() {
    const std::size_t i = next_++;
    if (i >= files_.size()) return false;
    read_one(i);
    return true;
}

void BundleReadAhead::read_one(std::size_t i) {
    Read& r = reads_[i];
    if (const auto text = folder_.read(files_[i])) {
        r.read = true;
        try {
            r.bundle = read_bundle(*text, files_[i].name);
        } catch (const std::exception& e) { // FileError, or memory running out on a huge file
            r.why = e.what();
            r.conflict_markers = text->find("<<<<<<<") != std::string::npos;
        }
    }
    {
        const std::lock_guard lock(mutex_);
        ready_[i] = true;
    }
    done_.notify_all();
}

BundleReadAhead::Read BundleReadAhead::take(std::size_t i) {
    while (!ready_[i]) {
        if (read_next()) continue;
        std::unique_lock lock(mutex_);
        done_.wait(lock, [&] { return ready_[i].load(); });
    }
    return std::move(reads_[i]);
}

} // namespace panelist

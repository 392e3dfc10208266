// When text the interviewer types is written to disk: once typing pauses, and at the latest a
// bounded time after the first keystroke not yet written, however steadily they type. So a crash
// loses at most `at_most` of typing (plus the write itself), never a whole note typed without a
// pause. The Interview screen and the crash drill (panelist drill) follow this one rule.
#pragma once
#include <chrono>
#include <optional>

namespace panelist {

class DraftTimer {
public:
    using TimePoint = std::chrono::steady_clock::time_point;
    static constexpr std::chrono::milliseconds pause{300};
    static constexpr std::chrono::milliseconds at_most{500};

    // A keystroke (or any change) at `now`.
    void edited(TimePoint now) {
        if (!dirty_) first_ = now;
        last_ = now;
        dirty_ = true;
    }
    bool dirty() const { return dirty_; }
    // When the draft must be written: the earlier of a pause after the last keystroke and the
    // bound after the first unwritten one.
    std::optional<TimePoint> due_at() const {
        if (!dirty_) return std::nullopt;
        return std::min(last_ + pause, first_ + at_most);
    }
    bool due(TimePoint now) const { return dirty_ && now >= *due_at(); }
    // Which of the two made it due, for logs: "pause" or "bound".
    const char* why(TimePoint now) const { return now >= last_ + pause ? "pause" : "bound"; }
    void saved() { dirty_ = false; }
    // The write failed (database busy, disk full): still dirty, tried again a pause later.
    void failed(TimePoint now) { first_ = last_ = now; }

private:
    bool dirty_ = false;
    TimePoint first_{};
    TimePoint last_{};
};

} // namespace panelist

// Time for the UI, injectable so tests can move it by hand.
#pragma once
#include <chrono>
#include <string>

namespace panelist {

using TimePoint = std::chrono::steady_clock::time_point;

class Clock {
public:
    virtual ~Clock() = default;
    virtual TimePoint now() const = 0;
    // Today's local date as YYYY-MM-DD, for new interviews.
    virtual std::string today() const = 0;
};

class SystemClock final : public Clock {
public:
    TimePoint now() const override { return std::chrono::steady_clock::now(); }
    std::string today() const override;
};

// "2026-12-03T07:41:12.345Z" (UTC, as the store writes it) as the local "07:41:12"; the text
// itself when it is not such a time.
std::string local_time_of(const std::string& utc);

// "m:ss", or "h:mm:ss" past an hour; negative values get a minus sign.
std::string format_duration(int seconds);

} // namespace panelist

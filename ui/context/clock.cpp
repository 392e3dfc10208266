#include "ui/context/clock.hpp"

#include <cstdio>
#include <ctime>
#include <fmt/format.h>

namespace panelist {

std::string SystemClock::today() const {
    const std::time_t t = std::time(nullptr);
    std::tm local{};
    localtime_r(&t, &local);
    return fmt::format("{:04}-{:02}-{:02}", local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

std::string local_time_of(const std::string& utc) {
    std::tm parts{};
    if (std::sscanf(utc.c_str(), "%d-%d-%dT%d:%d:%d", &parts.tm_year, &parts.tm_mon, &parts.tm_mday, &parts.tm_hour,
                    &parts.tm_min, &parts.tm_sec) != 6)
        return utc;
    parts.tm_year -= 1900;
    parts.tm_mon -= 1;
    const std::time_t t = timegm(&parts);
    std::tm local{};
    localtime_r(&t, &local);
    return fmt::format("{:02}:{:02}:{:02}", local.tm_hour, local.tm_min, local.tm_sec);
}

std::string format_duration(int seconds) {
    const char* sign = seconds < 0 ? "-" : "";
    const int s = seconds < 0 ? -seconds : seconds;
    if (s >= 3600) return fmt::format("{}{}:{:02}:{:02}", sign, s / 3600, s / 60 % 60, s % 60);
    return fmt::format("{}{}:{:02}", sign, s / 60, s % 60);
}

} // namespace panelist

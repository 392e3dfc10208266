// Turns SIGINT, SIGTERM and SIGHUP into an orderly close of the window, so a logout or Ctrl+C
// still saves the notes being typed. A thread waits for the signals (blocked everywhere else)
// and wakes the loop; nothing unsafe runs inside a signal handler.
#pragma once
#include <atomic>
#include <csignal>
#include <thread>

namespace panelist {

class StopSignals {
public:
    StopSignals();  // call before any other thread starts, so they inherit the blocked mask
    ~StopSignals();
    StopSignals(const StopSignals&) = delete;
    StopSignals& operator=(const StopSignals&) = delete;
    bool requested() const { return requested_; }

private:
    sigset_t set_{};
    sigset_t previous_{};
    std::atomic<bool> requested_{false};
    std::atomic<bool> shutting_down_{false};
    std::thread waiter_;
};

} // namespace panelist

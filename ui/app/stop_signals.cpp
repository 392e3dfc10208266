#include "ui/app/stop_signals.hpp"

#include "ui/app/runner.hpp"

#include <pthread.h>

namespace panelist {

StopSignals::StopSignals() {
    sigemptyset(&set_);
    sigaddset(&set_, SIGINT);
    sigaddset(&set_, SIGTERM);
    sigaddset(&set_, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &set_, &previous_);
    waiter_ = std::thread([this] {
        int signal = 0;
        sigwait(&set_, &signal);
        if (shutting_down_) return;
        requested_ = true;
        request_redraw(); // the loop asks wants_close() after the frame this wakes
    });
}

StopSignals::~StopSignals() {
    shutting_down_ = true;
    if (!requested_) pthread_kill(waiter_.native_handle(), SIGTERM);
    waiter_.join();
    pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
}

} // namespace panelist

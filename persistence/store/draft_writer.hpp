// Notes typed during an interview, written by a thread of their own so the window never waits
// for the disk. A committed note waits for fsync (synchronous = FULL: it must survive a power
// cut), which takes 1-8 ms on this machine and far more on a busy laptop disk, while a frame
// has 16 ms and a typist's next key comes 60 ms later. The window hands the text over (a copy
// under a lock: microseconds) and draws on; the thread writes it at once on its own connection.
#pragma once
#include "persistence/store/database.hpp"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace panelist {

class InterviewRepository;

// Which text: a question's notes, or with no question_id the interview's overall notes.
struct DraftField {
    std::int64_t interview_id = 0;
    std::string question_id;
    auto operator<=>(const DraftField&) const = default;
};

class DraftWriter {
public:
    // How long a text that could not be written (database busy, disk full) waits before the
    // next attempt. It stays waiting, and on screen, until it is written.
    static constexpr std::chrono::seconds retry_after{1};

    // On a database file: a connection and a thread of its own. On ":memory:", which has no
    // second connection (tests), texts are written at once on the caller's thread.
    explicit DraftWriter(Database& db);
    // Writes what still waits (one more attempt), then stops.
    ~DraftWriter();
    DraftWriter(const DraftWriter&) = delete;
    DraftWriter& operator=(const DraftWriter&) = delete;

    // Hands over the latest text of a field; a text still waiting for the same field is
    // replaced, since only the latest matters.
    void post(DraftField field, std::string text);
    // Blocks until every text handed over is written, or has been tried once more and failed,
    // or 2 s have passed (so closing the window on a full disk or a busy database does not
    // hang). For the moments the store must hold the notes: leaving the interview, submitting,
    // closing.
    void wait();
    // Retries what failed once its time has come; only needed without a thread (":memory:").
    void poll();
    // Texts handed over and not written yet (waiting, being written, or failed for now).
    bool waiting() const;
    // What went wrong since the last call, worded for the status bar; then forgotten.
    std::vector<std::string> take_problems();
    // How long a write waits for another process's lock before it counts as failed (5 s
    // unless set; tests shorten it).
    void set_busy_timeout(std::chrono::milliseconds);

private:
    using Clock = std::chrono::steady_clock;
    void run();
    // Writes every waiting text once; those that fail for a reason that may pass wait again.
    // Called with the lock held; releases it while writing.
    void write_waiting(std::unique_lock<std::mutex>&);

    std::unique_ptr<Database> own_;          // the thread's connection (null on ":memory:")
    std::unique_ptr<InterviewRepository> repo_;
    mutable std::mutex mutex_;
    std::condition_variable work_;           // something to write, or stop
    std::condition_variable done_;           // a round of writing ended
    std::map<DraftField, std::string> waiting_;
    bool writing_ = false;                   // a round is under way (its texts left waiting_)
    bool hurry_ = false;                     // wait(): retry failed texts now
    bool stop_ = false;
    std::uint64_t rounds_ = 0;
    Clock::time_point retry_at_{};
    std::vector<std::string> problems_;
    std::thread thread_;                     // last: started once everything above exists
};

} // namespace panelist

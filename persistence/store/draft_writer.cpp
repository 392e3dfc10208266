#include "persistence/store/draft_writer.hpp"

#include "persistence/store/interview_repository.hpp"

#include <fmt/format.h>
#include <utility>

namespace panelist {

namespace {

// Writes one text; returns what the user should read when it failed, and whether trying again
// may help (busy, full, read-only for now) or cannot (the interview was submitted or deleted).
struct Attempt {
    bool written = false;
    bool retry = false;
    std::string problem;
};

Attempt write_one(InterviewRepository& repo, const DraftField& field, const std::string& text) {
    try {
        if (field.question_id.empty())
            repo.set_overall_notes(field.interview_id, text);
        else
            repo.set_notes(field.interview_id, field.question_id, text);
        return {true, false, {}};
    } catch (const InterviewRefused& e) {
        return {false, false, fmt::format("Notes not saved: {}.", e.what())};
    } catch (const InterviewNotFound& e) {
        return {false, false, fmt::format("Notes not saved: {}.", e.what())};
    } catch (const std::exception& e) {
        return {false, true,
                fmt::format("Notes not saved yet: {} What you typed stays on screen and is saved again in a moment.",
                            e.what())};
    }
}

} // namespace

DraftWriter::DraftWriter(Database& db) {
    if (db.path() == ":memory:") {
        repo_ = std::make_unique<InterviewRepository>(db);
        return;
    }
    own_ = std::make_unique<Database>(db.another_writer());
    repo_ = std::make_unique<InterviewRepository>(*own_);
    thread_ = std::thread([this] { run(); });
}

DraftWriter::~DraftWriter() {
    if (thread_.joinable()) {
        {
            std::lock_guard lock(mutex_);
            stop_ = true;
        }
        work_.notify_all();
        thread_.join();
    } else {
        std::unique_lock lock(mutex_);
        write_waiting(lock);
    }
}

void DraftWriter::post(DraftField field, std::string text) {
    std::unique_lock lock(mutex_);
    waiting_[std::move(field)] = std::move(text);
    retry_at_ = {}; // something new: write now, and what failed with it
    if (thread_.joinable()) {
        lock.unlock();
        work_.notify_one();
    } else {
        write_waiting(lock);
    }
}

void DraftWriter::wait() {
    std::unique_lock lock(mutex_);
    if (!thread_.joinable()) {
        write_waiting(lock);
        return;
    }
    // Two rounds at most: one may have begun before the latest texts were handed over. And two
    // seconds at most: a database another process holds (busy) must not freeze the window; the
    // texts stay with the writer and waiting() says so.
    const std::uint64_t enough = rounds_ + 2;
    hurry_ = true;
    work_.notify_one();
    done_.wait_for(lock, std::chrono::seconds(2), [&] { return (waiting_.empty() && !writing_) || rounds_ >= enough; });
    hurry_ = false;
}

void DraftWriter::poll() {
    std::unique_lock lock(mutex_);
    if (!thread_.joinable() && !waiting_.empty() && Clock::now() >= retry_at_) write_waiting(lock);
}

bool DraftWriter::waiting() const {
    std::lock_guard lock(mutex_);
    return !waiting_.empty() || writing_;
}

std::vector<std::string> DraftWriter::take_problems() {
    std::lock_guard lock(mutex_);
    return std::exchange(problems_, {});
}

void DraftWriter::set_busy_timeout(std::chrono::milliseconds timeout) {
    // SQLite serializes calls on one connection, so this is safe while the thread writes.
    if (own_) own_->sql().setBusyTimeout(static_cast<int>(timeout.count()));
}

void DraftWriter::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        if (stop_) {
            write_waiting(lock); // a last attempt; what still fails is lost with the process
            return;
        }
        if (waiting_.empty()) {
            work_.wait(lock, [&] { return stop_ || !waiting_.empty(); });
        } else if (!hurry_ && Clock::now() < retry_at_) {
            // Failed texts wait for their time, unless something new or wait() hurries them.
            work_.wait_until(lock, retry_at_, [&] { return stop_ || hurry_ || Clock::now() >= retry_at_; });
        } else {
            write_waiting(lock);
        }
    }
}

void DraftWriter::write_waiting(std::unique_lock<std::mutex>& lock) {
    if (waiting_.empty()) return;
    auto round = std::exchange(waiting_, {});
    writing_ = true;
    lock.unlock();
    std::vector<std::pair<DraftField, std::string>> again;
    std::vector<std::string> problems;
    for (auto& [field, text] : round) {
        const Attempt a = write_one(*repo_, field, text);
        if (a.written) continue;
        problems.push_back(a.problem);
        if (a.retry) again.emplace_back(field, std::move(text));
    }
    lock.lock();
    for (auto& [field, text] : again) waiting_.try_emplace(field, std::move(text)); // unless newer came
    if (!again.empty()) retry_at_ = Clock::now() + retry_after;
    for (auto& p : problems) problems_.push_back(std::move(p));
    writing_ = false;
    ++rounds_;
    done_.notify_all();
}

} // namespace panelist

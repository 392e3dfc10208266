// The window when a write cannot be made (another process holds the database): it says so,
// keeps what was typed, saves it once the database is free, and never stops.
#include "tests/support/temp_dir.hpp"
#include "tests/ui/app_fixture.hpp"

#include <doctest/doctest.h>
#include <thread>

using namespace panelist;
using namespace panelist::test;
using namespace std::chrono_literals;

namespace {
// An AppFixture on a real file, with a second connection that can hold the write lock.
struct LockedLater {
    TempDir dir;
    std::filesystem::path path = dir / "p.db";
    std::optional<AppFixture> f;
    std::optional<SQLite::Database> other;
    LockedLater() {
        { auto created = Database::open(path); }
        f.emplace(path);
        f->db.sql().setBusyTimeout(20); // fail fast in the test; the app waits 5 s
        other.emplace(path.string(), SQLite::OPEN_READWRITE);
    }
    void lock() { other->exec("BEGIN IMMEDIATE"); }
    void unlock() { other->exec("ROLLBACK"); }
};
} // namespace

TEST_CASE("a score that cannot be written is not shown as saved, and says why") {
    LockedLater t;
    auto& f = *t.f;
    const auto id = f.open_interview();
    t.lock();
    f.press(keys::digit(4));
    CHECK(f.ctx().status().error);
    CHECK(contains(f.ctx().status().text, "is busy"));
    CHECK_FALSE(f.app->interview().interview()->questions[0].response.score.scored());
    t.unlock();
    f.press(keys::digit(4));
    CHECK(f.stored(id).questions[0].response.score == Score::of(4));
}

TEST_CASE("notes typed while the database is busy are kept and saved once it is free") {
    LockedLater t;
    auto& f = *t.f;
    f.ctx().drafts.set_busy_timeout(50ms);
    const auto id = f.open_interview();
    t.lock();
    f.press(keys::letter('N'));
    f.type("Typed while locked");
    f.clock.advance(InterviewScreen::autosave_delay);
    f.frame(); // handed to the writer thread, which meets the lock
    // Frames go on while the writer waits; once it gives up the window says why.
    for (int i = 0; i < 300 && !f.ctx().status().error; ++i) {
        std::this_thread::sleep_for(10ms);
        f.frame();
    }
    CHECK(f.ctx().drafts.waiting());
    CHECK(f.ctx().status().error);
    CHECK(contains(f.ctx().status().text, "is busy"));
    CHECK(f.stored(id).questions[0].response.notes.empty());
    t.unlock();
    // Tried again by itself, without another keystroke.
    for (int i = 0; i < 300 && f.ctx().drafts.waiting(); ++i) std::this_thread::sleep_for(10ms);
    CHECK_FALSE(f.ctx().drafts.waiting());
    CHECK(f.stored(id).questions[0].response.notes == "Typed while locked");
}

TEST_CASE("an interview is not submitted while its notes cannot be written, and is once they are") {
    LockedLater t;
    auto& f = *t.f;
    f.ctx().drafts.set_busy_timeout(50ms);
    const auto id = f.open_interview();
    f.press(keys::digit(4)); // a score, written before the lock
    t.lock();
    f.press(keys::letter('N'));
    f.type("Last words before submitting");
    f.press(keys::escape);
    f.press(keys::enter, true); // Ctrl+Enter: the submit panel
    f.press(keys::digit(3));
    f.press(keys::enter);
    CHECK(f.stored(id).status != InterviewStatus::submitted);
    CHECK(f.ctx().drafts.waiting());
    t.unlock();
    for (int i = 0; i < 300 && f.ctx().drafts.waiting(); ++i) std::this_thread::sleep_for(10ms);
    f.press(keys::enter); // the panel is still open: Enter tries again
    const auto stored = f.stored(id);
    CHECK(stored.status == InterviewStatus::submitted);
    CHECK(stored.questions[0].response.notes == "Last words before submitting");
}

TEST_CASE("an error escaping a screen mid-frame is reported and the window goes on") {
    LockedLater t;
    auto& f = *t.f;
    f.app->show(ScreenId::library);
    f.frame();
    t.lock();
    f.press(261);               // Delete...
    f.press(keys::letter('Y')); // ...yes: the write fails inside the screen's child windows
    CHECK(f.ctx().status().error);
    CHECK(f.ctx().questions.find("t/q1"));
    t.unlock();
    CHECK(contains(f.frame(), "PROMPT-1")); // frames still draw
}

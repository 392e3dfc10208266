#include "domain/draft_timer.hpp"

#include <doctest/doctest.h>

using namespace panelist;
using namespace std::chrono_literals;

TEST_CASE("a draft is due after a pause in typing") {
    DraftTimer t;
    const DraftTimer::TimePoint start{};
    CHECK_FALSE(t.dirty());
    CHECK_FALSE(t.due_at());
    t.edited(start);
    CHECK(*t.due_at() == start + 300ms);
    CHECK_FALSE(t.due(start + 299ms));
    CHECK(t.due(start + 300ms));
    CHECK(std::string(t.why(start + 300ms)) == "pause");
    t.saved();
    CHECK_FALSE(t.dirty());
    CHECK_FALSE(t.due(start + 10s));
}

TEST_CASE("steady typing with no pause is due half a second after its first unwritten keystroke") {
    DraftTimer t;
    const DraftTimer::TimePoint start{};
    for (auto at = start; at < start + 480ms; at += 60ms) {
        t.edited(at);
        CHECK_FALSE(t.due(at));
    }
    t.edited(start + 480ms);
    CHECK(*t.due_at() == start + 500ms);
    CHECK(t.due(start + 500ms));
    CHECK(std::string(t.why(start + 500ms)) == "bound");
    t.saved();
    t.edited(start + 540ms); // the next unwritten keystroke starts the next bound
    CHECK(*t.due_at() == start + 840ms);
}

TEST_CASE("a failed write keeps the draft and tries again a pause later") {
    DraftTimer t;
    const DraftTimer::TimePoint start{};
    t.edited(start);
    t.failed(start + 300ms);
    CHECK(t.dirty());
    CHECK(*t.due_at() == start + 600ms);
}

// The Interview screen takes a backup when an interview is submitted, and only then.
#include "persistence/backups/backup.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/ui/app_fixture.hpp"

#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>

using namespace panelist;
using namespace panelist::test;

TEST_CASE(
    "submitting an interview on the Interview screen leaves a backup that holds the submission") {
    TempDir dir;
    const auto path = dir / "p.db";
    Database db = Database::open(path);
    import_question_texts(db, {{"bank.toml", small_bank()}});
    FakeClock clock;
    HeadlessImGui imgui;
    PanelistApp app(db, clock, UiSettings{});
    const std::function<void()> draw = [&] { app.frame(); };

    auto& ctx = app.context();
    Loop loop;
    loop.name = "MLOps Engineer, Berlin, 2026-Q4";
    ctx.people.save(loop);
    Candidate c;
    c.name = "Dana Candidate";
    c.loop_id = loop.id;
    c.level = Level::junior;
    ctx.people.save(c);
    Interview iv;
    iv.candidate_id = c.id;
    iv.interviewer = "Ana";
    iv.date = "2026-11-23";
    for (int i = 1; i <= 4; ++i)
        iv.questions.push_back({fmt::format("t/q{}", i), 5, {}, "", ""});
    ctx.interviews.create(iv);
    ctx.interview_id = iv.id;
    app.show(ScreenId::interview);
    imgui.frame(draw);

    imgui.press(draw, keys::digit(4));
    imgui.press(draw, keys::enter, true); // Ctrl+Enter: the submit panel
    imgui.press(draw, keys::digit(3));    // yes
    CHECK(list_backups(path).empty());    // scoring and choosing take no backup
    imgui.press(draw, keys::enter);
    REQUIRE(ctx.interviews.find(iv.id)->locked());

    const auto backups = list_backups(path);
    REQUIRE(backups.size() == 1);
    SQLite::Database copy(backups[0].path.string(), SQLite::OPEN_READONLY);
    SQLite::Statement s(copy, "SELECT status, recommendation FROM interview WHERE id = ?");
    s.bind(1, iv.id);
    REQUIRE(s.executeStep());
    CHECK(s.getColumn(0).getString() == "submitted");
    CHECK(s.getColumn(1).getString() == "yes");
}

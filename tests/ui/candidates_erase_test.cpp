// The Candidates screen's "Erase candidate...": only the typed name confirms it.
#include "persistence/backups/backup.hpp"
#include "tests/persistence/erase_fixture.hpp"
#include "tests/ui/app_fixture.hpp"
#include "tests/ui/headless_imgui.hpp"
#include "ui/context/app_context.hpp"
#include "ui/screens/candidates_screen.hpp"

#include <doctest/doctest.h>

using namespace panelist;
using namespace panelist::test;
namespace fs = std::filesystem;

TEST_CASE("the Candidates screen erases the selected candidate only when their name is typed") {
    TempDir dir;
    Database db = Database::open(dir / "p.db");
    const EraseScene s = add_erase_scene(db);
    make_backup(db);
    FakeClock clock;
    AppContext ctx(db, clock);
    ctx.loop_id = s.loop.id;
    ctx.candidate_id = s.erased.id;
    ctx.interview_id = s.erased_interview;
    CandidatesScreen screen;

    for (const std::string typed : {"", "zyxwvut qmarble", "Zyxwvut", "Keep Ostrander"}) {
        CHECK_FALSE(screen.erase_selected(ctx, typed));
        CHECK(ctx.status().error);
        CHECK(ctx.status().text.find("Nothing was erased") != std::string::npos);
        CHECK(ctx.people.find_candidate(s.erased.id));
        CHECK(list_backups(db.path()).size() == 1);
    }

    CHECK(screen.erase_selected(ctx, "Zyxwvut Qmarble"));
    CHECK_FALSE(ctx.status().error);
    CHECK(ctx.status().text.find("Erased Zyxwvut Qmarble and 1 interview") != std::string::npos);
    CHECK(ctx.status().text.find("Deleted 1 older backup") != std::string::npos);
    CHECK(ctx.candidate_id == 0);
    CHECK(ctx.interview_id == 0); // it was theirs
    CHECK_FALSE(ctx.people.find_candidate(s.erased.id));
    CHECK(ctx.people.find_candidate(s.kept.id));
    CHECK(traces_under(dir.path(), erased_words) == std::vector<std::string>{});
}

TEST_CASE("the button sits by Archive candidate and the screen draws on after the erase") {
    AppFixture f;
    f.add_candidate("Zyxwvut Qmarble", Level::junior);
    f.app->show(ScreenId::candidates);
    const std::string before = f.frame();
    CHECK(contains(before, "Archive candidate"));
    CHECK(contains(before, "Erase candidate..."));
    CHECK_FALSE(contains(before, "Type their name to confirm")); // asked only after the click
    CHECK(contains(before, "junior, 0 of 0 interviews submitted"));
    REQUIRE(f.app->candidates().erase_selected(f.ctx(), "Zyxwvut Qmarble"));
    const std::string after = f.frame();
    CHECK(contains(after, "Pick a candidate."));
    CHECK_FALSE(contains(after, "junior, 0 of 0 interviews submitted")); // gone from the loop's list
    CHECK(contains(after, "Erased Zyxwvut Qmarble"));
}

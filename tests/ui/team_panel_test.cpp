// The team folder from the window: set on the Candidates screen, what arrives is said in the
// status bar, a same-named loop asks before it is taken as one, a gone folder is said.
#include "persistence/store/demo_data.hpp"
#include "persistence/team/team_sync.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/ui/app_fixture.hpp"

#include <doctest/doctest.h>

using namespace panelist;
using namespace panelist::test;
namespace fs = std::filesystem;

namespace {
// Another laptop: the demo loop, made there, synced into `folder`.
void other_laptop_writes(const fs::path& db_path, const fs::path& folder) {
    Database other = Database::open(db_path);
    import_question_texts(other, {{"bank.toml", small_bank()}});
    fill_demo(other);
    set_team_folder(other, folder);
    share_loop_kit(other, PeopleRepository(other).loops().front().id);
    sync_team_folder(other, folder);
}
} // namespace

TEST_CASE("the team panel takes a folder, says what arrived, and shows it on the Candidates screen") {
    TempDir dir;
    const fs::path folder = dir / "team";
    fs::create_directories(folder);
    other_laptop_writes(dir / "other.db", folder);

    AppFixture f;
    f.app->show(ScreenId::candidates);
    CHECK(contains(f.frame(), "No team folder"));
    f.app->candidates().team().use_folder(f.ctx(), folder.string());
    const auto text = f.frame();
    CHECK(contains(f.ctx().status().text, "scorecards arrived"));
    CHECK(contains(text, "Synced at"));
    CHECK(contains(text, "Amara Okafor"));
    CHECK(f.ctx().people.loops().size() == 1);
    CHECK(team_folder_of(f.db) == fs::absolute(folder).lexically_normal());
}

TEST_CASE("a loop made here under the same name waits in the team panel until taken as one") {
    TempDir dir;
    const fs::path folder = dir / "team";
    fs::create_directories(folder);
    other_laptop_writes(dir / "other.db", folder);

    AppFixture f;
    fill_demo(f.db); // the same loop, made on this laptop too
    f.app->show(ScreenId::candidates);
    f.frame();
    f.app->candidates().team().use_folder(f.ctx(), folder.string());
    auto text = f.frame();
    CHECK(f.ctx().status().error);
    CHECK(contains(f.ctx().status().text, "waits for your answer"));
    CHECK(contains(text, "here already, made separately on this laptop"));
    CHECK(contains(text, "Amara Okafor"));
    CHECK(contains(text, "Take them as one"));
    CHECK(f.ctx().people.loops().size() == 1);

    f.app->candidates().team().take_as_one(f.ctx());
    text = f.frame();
    CHECK_FALSE(contains(text, "Take them as one"));
    CHECK(f.ctx().people.loops().size() == 1);
    CHECK(f.ctx().people.candidates(f.ctx().people.loops().front().id).size() == 5);
}

TEST_CASE("a team folder that is not there is refused when set, and said when it goes away") {
    TempDir dir;
    AppFixture f;
    f.app->show(ScreenId::candidates);
    f.app->candidates().team().use_folder(f.ctx(), (dir / "nowhere").string());
    CHECK(f.ctx().status().error);
    CHECK(contains(f.ctx().status().text, "is not a folder that exists; the team folder was not changed"));
    CHECK_FALSE(team_folder_of(f.db));

    const fs::path folder = dir / "team";
    fs::create_directories(folder);
    f.app->candidates().team().use_folder(f.ctx(), folder.string());
    f.frame();
    fs::rename(folder, dir / "unmounted");
    f.ctx().team.request();
    const auto text = f.frame();
    CHECK(contains(f.ctx().status().text, "the team folder is not there"));
    CHECK(contains(text, "Nothing is lost"));
}

TEST_CASE("a candidate erased on another laptop leaves the open interview, which is not written to again") {
    TempDir dir;
    const fs::path folder = dir / "team";
    fs::create_directories(folder);
    other_laptop_writes(dir / "other.db", folder);

    AppFixture f;
    f.app->candidates().team().use_folder(f.ctx(), folder.string());
    const auto amara = f.ctx().people.find_candidate_by_name("Amara Okafor");
    REQUIRE(amara);
    const auto interviews = f.ctx().interviews.for_candidate(amara->id);
    REQUIRE_FALSE(interviews.empty());
    f.ctx().candidate_id = amara->id;
    f.ctx().interview_id = interviews.front().id;
    f.app->show(ScreenId::interview);
    CHECK(contains(f.frame(), "Amara Okafor"));

    {
        Database other = Database::open(dir / "other.db");
        erase_candidate_for_team(other, PeopleRepository(other).find_candidate_by_name("Amara Okafor")->id);
    }
    f.ctx().team.request();
    const auto text = f.frame();
    CHECK(f.ctx().interview_id == 0);
    CHECK(f.ctx().candidate_id == 0);
    CHECK(contains(text, "No interview open")); // her interview is gone from the screen too
    CHECK(contains(f.ctx().status().text, "Amara Okafor erased, as another laptop asked"));
    CHECK_FALSE(f.ctx().people.find_candidate_by_name("Amara Okafor"));
}

// The team folder's files as a sync engine leaves them: hidden temporaries, files deleted or
// rewritten between the scan and the read, tombstones good and bad.
#include "persistence/team/team_folder.hpp"
#include "tests/support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <thread>

using namespace panelist;
namespace fs = std::filesystem;

TEST_CASE("a scan lists the parts' JSON files and leaves out hidden temporaries and other files") {
    test::TempDir dir;
    fs::create_directories(dir / "scorecards");
    test::write_file(dir / "scorecards" / "b.json", "{}");
    test::write_file(dir / "scorecards" / "a.json", "{}");
    test::write_file(dir / "scorecards" / ".a.json.XYZ123", "{");             // ours, mid-write
    test::write_file(dir / "scorecards" / ".syncthing.c.json.tmp", "{");      // Syncthing's
    test::write_file(dir / "scorecards" / "notes.txt", "hello");
    test::write_file(dir / "secret", "not the team's");
    fs::create_symlink(dir / "secret", dir / "scorecards" / "c.json"); // points out of the folder
    const TeamFolder folder(dir.path());
    const auto files = folder.list(TeamFolder::scorecards);
    REQUIRE(files.size() == 2);
    CHECK(files[0].name == "scorecards/a.json");
    CHECK(files[1].name == "scorecards/b.json");
    CHECK(folder.list(TeamFolder::kits).empty()); // not there yet
}

TEST_CASE("a file deleted or rewritten after the scan is not read now, but at the next scan") {
    test::TempDir dir;
    const TeamFolder folder(dir.path());
    folder.write(TeamFolder::scorecards, "x.json", "{\"first\": 1}");
    auto listed = folder.list(TeamFolder::scorecards);
    REQUIRE(listed.size() == 1);
    CHECK(folder.read(listed[0]) == std::optional<std::string>("{\"first\": 1}"));

    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    test::write_file(dir / "scorecards" / "x.json", "{\"second\": 22}"); // the sync engine again
    CHECK_FALSE(folder.read(listed[0]));                                  // changed since the scan
    listed = folder.list(TeamFolder::scorecards);
    CHECK(folder.read(listed[0]) == std::optional<std::string>("{\"second\": 22}"));

    fs::remove(dir / "scorecards" / "x.json");
    CHECK_FALSE(folder.read(listed[0])); // gone meanwhile: no error, nothing read
}

TEST_CASE("a folder that is not there, or is a file, is refused with words") {
    test::TempDir dir;
    CHECK_THROWS_WITH_AS(TeamFolder(dir / "nowhere"), doctest::Contains("the team folder is not there"), TeamFolderMissing);
    test::write_file(dir / "file", "x");
    CHECK_THROWS_WITH_AS(TeamFolder(dir / "file"), doctest::Contains("it is a file, not a folder"), TeamFolderMissing);
}

TEST_CASE("tombstones read back, and anything else is not taken for one") {
    const std::string uuid = "0f8fad5b-d9cb-469f-a165-70867728950e";
    CHECK(read_tombstone(write_tombstone(uuid, "2026-12-03T10:00:00Z")) == uuid);
    CHECK_FALSE(read_tombstone("{\"format\": 1, \"erased\": \"candidate\", \"uuid\": \"not-a-uuid\"}"));
    CHECK_FALSE(read_tombstone("{\"format\": \"one\", \"erased\": \"candidate\"}"));
    CHECK_FALSE(read_tombstone("[1, 2]"));
    CHECK_FALSE(read_tombstone("{\"format\": 1, \"erased\": \"cand"));
}

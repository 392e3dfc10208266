#include "persistence/files.hpp"
#include "persistence/question_file.hpp"
#include "tests/support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <sys/stat.h>

using namespace panelist;

TEST_CASE("an atomic write replaces the file whole, with the requested mode, leaving no temp") {
    test::TempDir dir;
    const auto path = dir / "out.toml";
    test::write_file(path, "old");
    write_file_atomically(path, "new contents", 0600);
    CHECK(test::read_file(path) == "new contents");
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    int entries = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path())) ++entries;
    CHECK(entries == 1);
}

TEST_CASE("an atomic write into a missing folder fails clearly and leaves nothing") {
    test::TempDir dir;
    CHECK_THROWS_WITH_AS(write_file_atomically(dir / "no" / "such" / "out.toml", "x"),
                         doctest::Contains("cannot be written"), FileError);
}

TEST_CASE("reading refuses missing files and folders with the path") {
    test::TempDir dir;
    CHECK_THROWS_WITH_AS(read_text_file(dir / "nope.toml"), doctest::Contains("nope.toml: no such file"),
                         FileError);
    CHECK_THROWS_WITH_AS(read_text_file(dir.path()), doctest::Contains("is a folder"), FileError);
}

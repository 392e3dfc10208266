#include "persistence/files/files.hpp"
#include "persistence/formats/question_file.hpp"
#include "tests/support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <csignal>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

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

TEST_CASE("an export killed mid-write leaves the old file or the whole new one, never half") {
    test::TempDir dir;
    const auto path = dir / "report.pdf";
    const std::string old_bytes = "the previous report";
    const std::string new_bytes(24u << 20, 'x'); // big enough to be caught in the middle
    int caught_mid_write = 0;
    for (int trial = 0; trial < 12; ++trial) {
        test::write_file(path, old_bytes);
        const pid_t pid = ::fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            write_file_atomically(path, new_bytes, 0600);
            ::_exit(0);
        }
        ::usleep(static_cast<useconds_t>(trial * 4000)); // 0 to 44 ms into the write
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
        const auto now = test::read_file(path);
        CHECK((now == old_bytes || now == new_bytes));
        if (WIFSIGNALED(status) && now == old_bytes) ++caught_mid_write;
    }
    CHECK(caught_mid_write > 0); // the kills did land during writes
}

TEST_CASE("a folder's reader takes regular files only: a FIFO is refused at once, never waited on") {
    test::TempDir dir;
    const auto fifo = dir / "scorecard.json";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    // No writer ever comes: opening it for reading the usual way would wait for one forever.
    CHECK_THROWS_WITH_AS(read_text_file(fifo, max_input_file_bytes, FileKinds::regular_only),
                         doctest::Contains("scorecard.json: is not a regular file"), FileError);
    test::write_file(dir / "real.json", "{}");
    std::filesystem::create_symlink(dir / "real.json", dir / "link.json");
    CHECK_THROWS_WITH_AS(read_text_file(dir / "link.json", max_input_file_bytes, FileKinds::regular_only),
                         doctest::Contains("link.json: is a symbolic link, not a file"), FileError);
    CHECK(read_text_file(dir / "real.json", max_input_file_bytes, FileKinds::regular_only) == "{}");
}

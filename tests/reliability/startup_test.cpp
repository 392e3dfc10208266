// Start-up against a database Panelist may not write (a read-only file or folder) or may not
// write yet (another Panelist holds the write lock): a clear message, no crash, nothing written.
#include "persistence/database.hpp"
#include "persistence/people_repository.hpp"
#include "persistence/question_repository.hpp"
#include "tests/support/panelist_process.hpp"

#include <csignal>
#include <doctest/doctest.h>
#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace panelist;
using panelist::test::TempDir;
using panelist::test::has;
namespace fs = std::filesystem;

namespace {

std::string open_error(const fs::path& path, Access access = Access::read_write) {
    try {
        Database::open(path, access);
    } catch (const DatabaseError& e) {
        return e.what();
    }
    return "";
}

// Takes write permission away from a file or folder for as long as it lives. chmod is enough
// for a normal user; root ignores it, so as root the file is also made immutable, which root
// cannot write either (needs CAP_LINUX_IMMUTABLE and a file system that has the flag).
class ReadOnly {
public:
    explicit ReadOnly(fs::path path) : path_(std::move(path)) {
        ::chmod(path_.c_str(), fs::is_directory(path_) ? 0500 : 0400);
        if (::access(path_.c_str(), W_OK) == 0) immutable_ = set_immutable(true);
    }
    ~ReadOnly() {
        if (immutable_) set_immutable(false);
        ::chmod(path_.c_str(), fs::is_directory(path_) ? 0700 : 0600);
    }
    ReadOnly(const ReadOnly&) = delete;
    ReadOnly& operator=(const ReadOnly&) = delete;
    // False when this process can write it anyway (root without CAP_LINUX_IMMUTABLE).
    bool holds() const { return ::access(path_.c_str(), W_OK) != 0; }

private:
    bool set_immutable(bool on) {
        const int fd = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
        if (fd < 0) return false;
        int flags = 0;
        bool ok = ::ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0;
        flags = on ? (flags | FS_IMMUTABLE_FL) : (flags & ~FS_IMMUTABLE_FL);
        ok = ok && ::ioctl(fd, FS_IOC_SETFLAGS, &flags) == 0;
        ::close(fd);
        return ok;
    }
    fs::path path_;
    bool immutable_ = false;
};

// A database closed cleanly: one self-contained file, no -wal or -shm beside it.
void make_database(const fs::path& path) {
    auto db = Database::open(path);
    QuestionRepository(db).count();
    Loop loop;
    loop.name = "Platform";
    loop.role = "MLOps Engineer";
    PeopleRepository(db).save(loop);
}

bool beside(const fs::path& path, const char* suffix) { return fs::exists(path.string() + suffix); }

int loop_count(const fs::path& path) {
    auto db = Database::open(path, Access::read_only);
    return static_cast<int>(PeopleRepository(db).loops(true).size());
}

} // namespace

TEST_CASE("a read-only database file is refused for writing, named, and left untouched") {
    TempDir dir;
    const auto path = dir / "panelist.db";
    make_database(path);
    const auto before = test::read_file(path);
    ReadOnly lock(path);
    if (!lock.holds()) {
        MESSAGE("running as root without CAP_LINUX_IMMUTABLE: no file is read-only to this "
                "process, so only SQLite's read-only error is tested (next test case)");
        return;
    }
    CHECK(read_only_reason(path));
    const auto error = open_error(path);
    CHECK(has(error, path.string()));
    CHECK(has(error, "is read-only: the file cannot be written"));
    CHECK(test::read_file(path) == before);
    CHECK_FALSE(beside(path, "-wal"));

    // Reading is allowed; writing fails with the same clear words.
    auto db = Database::open(path, Access::read_only);
    CHECK(db.read_only());
    CHECK(PeopleRepository(db).loops(true).size() == 1);
    Loop loop;
    loop.name = "Data";
    try {
        PeopleRepository(db).save(loop);
        FAIL("a write to a read-only database succeeded");
    } catch (const SQLite::Exception& e) {
        CHECK(has(db.error(e).what(), "is read-only: Panelist cannot save changes"));
    }
    CHECK(test::read_file(path) == before);
}

TEST_CASE("a database in a read-only folder is refused for writing, named, and left untouched") {
    TempDir dir;
    fs::create_directories(dir / "shared");
    const auto path = dir / "shared" / "panelist.db";
    make_database(path);
    const auto before = test::read_file(path);
    ReadOnly lock(dir / "shared");
    if (!lock.holds()) {
        MESSAGE("running as root without CAP_LINUX_IMMUTABLE: no folder is read-only to this "
                "process; untested here");
        return;
    }
    const auto error = open_error(path);
    CHECK(has(error, path.string()));
    CHECK(has(error, "is read-only: its folder"));
    CHECK(has(error, "-wal"));
    CHECK(test::read_file(path) == before);

    // SQLite cannot create the -shm there; the reader opens the quiet file as immutable.
    CHECK(loop_count(path) == 1);
    CHECK_FALSE(beside(path, "-wal"));
    CHECK_FALSE(beside(path, "-shm"));
    CHECK(test::read_file(path) == before);
}

TEST_CASE("SQLite's own read-only error reads as 'is read-only', also for root") {
    TempDir dir;
    const auto path = dir / "panelist.db";
    make_database(path);
    {
        auto db = Database::open(path, Access::read_only);
        Loop loop;
        loop.name = "Data";
        try {
            PeopleRepository(db).save(loop);
            FAIL("a write through a read-only connection succeeded");
        } catch (const SQLite::Exception& e) {
            const std::string message = db.error(e).what();
            CHECK(has(message, path.string()));
            CHECK(has(message, "is read-only: Panelist cannot save changes to it"));
        }
    }
    CHECK(loop_count(path) == 1);
    CHECK(has(open_error(dir / "missing.db", Access::read_only), "does not exist"));
    CHECK_FALSE(fs::exists(dir / "missing.db"));
}

TEST_CASE("a new database killed before its first checkpoint opens again as Panelist's") {
    TempDir dir;
    const auto path = dir / "new.db";
    const auto copy = dir / "copy.db";
    {
        auto db = Database::open(path);
        Loop loop;
        loop.name = "Platform";
        PeopleRepository(db).save(loop);
        // What a kill leaves: the file whose header still says nothing, and the -wal with all.
        fs::copy_file(path, copy);
        fs::copy_file(path.string() + "-wal", copy.string() + "-wal");
    }
    CHECK(open_error(copy) == "");
    CHECK(loop_count(copy) == 1);
}

TEST_CASE("an old database that is read-only is refused rather than read with the wrong schema") {
    TempDir dir;
    const auto path = dir / "old.db";
    {
        auto db = Database::open(path);
        db.sql().exec("PRAGMA user_version = 1");
    }
    const auto before = test::read_file(path);
    const auto error = open_error(path, Access::read_only);
    CHECK(has(error, "older Panelist"));
    CHECK(test::read_file(path) == before);
}

TEST_CASE("the command line reads a read-only database and refuses to write it") {
    TempDir home;
    const auto path = home / "panelist.db";
    const auto made = test::run_process(PANELIST_EXE, home, {"--db", path.string(), "questions"});
    REQUIRE(made.code == 0);
    fs::remove_all(home / "backups");
    const auto before = test::read_file(path);
    ReadOnly lock(path);
    if (!lock.holds()) {
        MESSAGE("running as root without CAP_LINUX_IMMUTABLE: untested here");
        return;
    }
    const auto listed = test::run_process(PANELIST_EXE, home, {"--db", path.string(), "questions"});
    CHECK(listed.code == 0);
    CHECK(listed.out == made.out);

    const auto demo = test::run_process(PANELIST_EXE, home, {"--db", path.string(), "demo"});
    CHECK(demo.code == 1);
    CHECK(has(demo.err, path.string() + ": is read-only"));
    CHECK(test::read_file(path) == before);
    CHECK_FALSE(fs::exists(home / "backups")); // refused before the start-up backup
}

TEST_CASE("a database another Panelist keeps busy gets a clear message, no crash, nothing lost") {
    TempDir home;
    const auto path = home / "panelist.db";
    const std::string questions = PANELIST_CORPUS_DIR "/good/questions.toml";
    REQUIRE(test::run_process(PANELIST_EXE, home, {"--db", path.string(), "questions"}).code == 0);
    auto question_count = [&] {
        auto db = Database::open(path, Access::read_only);
        return QuestionRepository(db).count();
    };
    const int before = question_count();

    // The other Panelist: holds the write lock for longer than the 5 s busy timeout.
    int pipe_fds[2];
    REQUIRE(::pipe2(pipe_fds, O_CLOEXEC) == 0);
    const pid_t holder = ::fork();
    REQUIRE(holder >= 0);
    if (holder == 0) {
        ::dup2(pipe_fds[1], STDOUT_FILENO);
        ::execl(HOLD_WRITE_LOCK_EXE, HOLD_WRITE_LOCK_EXE, path.c_str(), "30", nullptr);
        ::_exit(127);
    }
    ::close(pipe_fds[1]);
    char said[16] = {};
    const ssize_t n = ::read(pipe_fds[0], said, sizeof said - 1);
    ::close(pipe_fds[0]);
    REQUIRE_MESSAGE(n > 0, "hold_write_lock did not start");
    REQUIRE(std::string(said) == "holding\n");

    const auto blocked =
        test::run_process(PANELIST_EXE, home, {"--db", path.string(), "import", questions});
    ::kill(holder, SIGKILL);
    int status = 0;
    ::waitpid(holder, &status, 0);
    INFO("stderr: " << blocked.err);
    CHECK(blocked.code == 1); // not a crash: an uncaught exception ends in a signal, not 1
    CHECK(has(blocked.err, path.string() + ": is busy: another Panelist is writing to it"));
    CHECK(question_count() == before);

    // Once the other one is gone the same import works, and the database is whole.
    const auto again =
        test::run_process(PANELIST_EXE, home, {"--db", path.string(), "import", questions});
    CHECK(again.code == 0);
    CHECK(question_count() > before);
    auto db = Database::open(path);
    CHECK(db.sql().execAndGet("PRAGMA integrity_check").getString() == "ok");
}

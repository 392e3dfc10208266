// Start-up against a database Panelist may not write (a read-only file or folder) or may not
// write yet (another Panelist holds the write lock): a clear message, no crash, nothing written.
// The window opens its database on another thread while it makes itself; it must refuse a bad
// one in the same words, untouched, whether or not a window could be opened.
#include "persistence/backups/backup.hpp"
#include "persistence/store/database.hpp"
#include "persistence/store/people_repository.hpp"
#include "persistence/store/question_repository.hpp"
#include "tests/persistence/open_error.hpp"
#include "tests/support/panelist_process.hpp"
#include "tests/support/process_io.hpp"

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <doctest/doctest.h>
#include <fcntl.h>
#include <fstream>
#include <linux/fs.h>
#include <optional>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace panelist;
using panelist::test::TempDir;
using panelist::test::has;
using panelist::test::open_error;
using panelist::test::bytes_read_so_far;
namespace fs = std::filesystem;

namespace {

// Takes write permission away from a file or folder for as long as it lives. chmod is enough
// for a normal user; root ignores it, so as root the file is also made immutable, which root
// cannot write either (needs CAP_LINUX_IMMUTABLE and a file system that has the flag).
class ReadOnly {
public:
    explicit ReadOnly(fs::path path) : path_(std::move(path)) {
        ::chmod(path_.c_str(), fs::is_directory(path_) ? 0500 : 0400);
        if (::access(path_.c_str(), W_OK) == 0) immutable_ = set_immutable(true);
    }
    ~ReadOnly() { release(); }
    // Writable again, as a user would make it with chmod.
    void release() {
        if (immutable_) set_immutable(false);
        immutable_ = false;
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
    } catch (const DatabaseError& e) {
        CHECK(e.problem() == StoreProblem::read_only);
        CHECK(has(e.what(), "is read-only: Panelist cannot save changes"));
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
        } catch (const DatabaseError& e) { // translated at the store's edge
            CHECK(e.problem() == StoreProblem::read_only);
            const std::string message = e.what();
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
    // Reading created nothing beside the file, so nothing is left to block a later writer.
    CHECK_FALSE(beside(path, "-wal"));
    CHECK_FALSE(beside(path, "-shm"));

    const auto demo = test::run_process(PANELIST_EXE, home, {"--db", path.string(), "demo"});
    CHECK(demo.code == 1);
    CHECK(has(demo.err, path.string() + ": is read-only"));
    CHECK(test::read_file(path) == before);
    CHECK_FALSE(fs::exists(home / "backups")); // refused before the start-up backup

    // Made writable again, it takes an import at once.
    lock.release();
    const auto imported = test::run_process(PANELIST_EXE, home, {"--db", path.string(), "import", PANELIST_CORPUS_DIR "/good/questions.toml"});
    CHECK_MESSAGE(imported.code == 0, imported.err);
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

//-------------------------------------------------------------------------------------------------
// The window's start-up: the database opened beside the window, the backup after the first frame
//-------------------------------------------------------------------------------------------------

namespace {

// An environment variable set to `value`, or unset, while this lives (child processes inherit).
class EnvVar {
  public:
    EnvVar(const char* name, const std::optional<std::string>& value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        if (value)
            ::setenv(name, value->c_str(), 1);
        else
            ::unsetenv(name);
    }
    ~EnvVar() {
        if (old_)
            ::setenv(name_, old_->c_str(), 1);
        else
            ::unsetenv(name_);
    }
    EnvVar(const EnvVar&) = delete;
    EnvVar& operator=(const EnvVar&) = delete;

  private:
    const char* name_;
    std::optional<std::string> old_;
};

// Reads what `fd` has until `done` says enough, it closes, or `limit` passes.
template <class Done>
void read_until(int fd, std::string& into, std::chrono::seconds limit, Done done) {
    const auto until = std::chrono::steady_clock::now() + limit;
    while (!done(into)) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            until - std::chrono::steady_clock::now());
        if (left.count() <= 0) return;
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return;
        char buf[4096];
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n <= 0) return;
        into.append(buf, static_cast<std::size_t>(n));
    }
}

// An X server of the test's own (Xvfb on a free display), so the real window can be opened;
// none when Xvfb is not installed.
class VirtualDisplay {
  public:
    VirtualDisplay() {
        int fds[2];
        REQUIRE(::pipe2(fds, O_CLOEXEC) == 0);
        pid_ = ::fork();
        REQUIRE(pid_ >= 0);
        if (pid_ == 0) {
            ::dup2(fds[1], 9); // -displayfd: Xvfb writes the display it took there when ready
            const int null = ::open("/dev/null", O_RDWR);
            ::dup2(null, STDOUT_FILENO);
            ::dup2(null, STDERR_FILENO);
            ::execlp("Xvfb", "Xvfb", "-displayfd", "9", "-screen", "0", "1280x800x24", "-nolisten",
                     "tcp", static_cast<char*>(nullptr));
            ::_exit(127);
        }
        ::close(fds[1]);
        std::string said;
        read_until(fds[0], said, std::chrono::seconds(20),
                   [](const std::string& s) { return has(s, "\n"); });
        ::close(fds[0]);
        if (has(said, "\n")) name_ = ":" + said.substr(0, said.find('\n'));
    }
    ~VirtualDisplay() {
        ::kill(pid_, SIGTERM);
        int status = 0;
        ::waitpid(pid_, &status, 0);
    }
    VirtualDisplay(const VirtualDisplay&) = delete;
    VirtualDisplay& operator=(const VirtualDisplay&) = delete;
    // ":N", or nothing when no server started.
    const std::optional<std::string>& name() const { return name_; }

  private:
    pid_t pid_ = -1;
    std::optional<std::string> name_;
};

// For a window opened on the display, with AddressSanitizer: Mesa's driver keeps a few bytes
// it never frees and is unloaded at exit, so LeakSanitizer can neither tell them from ours nor
// suppress them by library. Leaks are left to the headless tests; every other check stays on.
std::string asan_options_without_leak_check() {
    const char* options = std::getenv("ASAN_OPTIONS");
    return (options && *options ? std::string(options) + ":" : std::string()) + "detect_leaks=0";
}

// The display a window test opens its window on: Xvfb, DISPLAY set to it, Wayland unset and no
// leak check (above). Without Xvfb it says the test went untested.
class WindowDisplay {
  public:
    WindowDisplay() {
        if (!display_.name()) {
            MESSAGE("Xvfb is not installed: the window cannot be opened here; untested");
            return;
        }
        x_.emplace("DISPLAY", display_.name());
        no_wayland_.emplace("WAYLAND_DISPLAY", std::nullopt);
        asan_.emplace("ASAN_OPTIONS", asan_options_without_leak_check());
    }
    bool ready() const { return display_.name().has_value(); }

  private:
    VirtualDisplay display_;
    std::optional<EnvVar> x_, no_wayland_, asan_;
};

struct WindowRun {
    int code = -1;
    std::string err;
    bool first_frame = false;
};

// Opens the window on `db` on the current DISPLAY and closes it (SIGTERM, as the desktop does at
// log-out) as soon as its first frame is on screen.
// Opens the window and sends SIGTERM once stderr shows `stop_at` (by default, the first frame).
WindowRun open_and_close_window(const TempDir& home, const fs::path& db,
                                const std::string& stop_at = "panelist: first frame\n") {
    int fds[2];
    REQUIRE(::pipe2(fds, O_CLOEXEC) == 0);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::setenv("PANELIST_ANNOUNCE_FIRST_FRAME", "1", 1);
        ::setenv("HOME", home.path().c_str(), 1);
        ::setenv("XDG_DATA_HOME", (home / "data").c_str(), 1);
        ::setenv("XDG_CONFIG_HOME", (home / "config").c_str(), 1);
        ::dup2(fds[1], STDERR_FILENO);
        const int null = ::open("/dev/null", O_RDWR);
        ::dup2(null, STDIN_FILENO);
        ::dup2(null, STDOUT_FILENO);
        ::execl(PANELIST_EXE, PANELIST_EXE, "--db", db.c_str(), "--view", "library",
                static_cast<char*>(nullptr));
        ::_exit(127);
    }
    ::close(fds[1]);
    WindowRun run;
    const auto seen = [&](const std::string& s) { return has(s, stop_at); };
    read_until(fds[0], run.err, std::chrono::seconds(60), seen);
    ::kill(pid, SIGTERM);
    read_until(fds[0], run.err, std::chrono::seconds(60), [](const std::string&) { return false; });
    run.first_frame = has(run.err, "panelist: first frame\n");
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    run.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

// Files the window must refuse, each with the words Database::open refuses it in.
std::vector<std::pair<fs::path, std::string>> bad_databases(const TempDir& dir) {
    std::vector<fs::path> files;
    files.push_back(dir / "notes.db");
    test::write_file(files.back(), "These are my interview notes, not a database.\n");
    files.push_back(dir / "invoices.db");
    {
        SQLite::Database other(files.back().string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        other.exec("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)");
    }
    files.push_back(dir / "future.db");
    {
        auto db = Database::open(files.back());
        db.sql().exec("PRAGMA user_version = 999");
        db.sql().exec("PRAGMA journal_mode = DELETE");
    }
    files.push_back(dir / "damaged.db");
    make_database(files.back());
    {
        // In rollback mode: a WAL-mode file gets -wal and -shm beside it from any reader,
        // the integrity check's own read-only connection included.
        SQLite::Database(files.back().string(), SQLite::OPEN_READWRITE)
            .exec("PRAGMA journal_mode = DELETE");
        auto bytes = test::read_file(files.back());
        REQUIRE(bytes.size() > 8192);
        for (std::size_t i = 4096; i < bytes.size(); ++i)
            bytes[i] = static_cast<char>(i * 7 + 3);
        test::write_file(files.back(), bytes);
    }
    std::vector<std::pair<fs::path, std::string>> out;
    for (const auto& file : files) {
        const auto error = open_error(file);
        REQUIRE(!error.empty());
        out.emplace_back(file, error);
    }
    return out;
}

} // namespace

TEST_CASE("the window refuses a bad database in the database's own words, untouched, with or "
          "without a display") {
    TempDir home;
    const auto bad = bad_databases(home);
    std::vector<std::string> before;
    for (const auto& [file, error] : bad)
        before.push_back(test::read_file(file));

    const auto refuses = [&](const char* how) {
        for (const auto& [file, error] : bad) {
            INFO(std::string(how) << ": " << file.string());
            // The window, then a screenshot of it: both open the database beside the window.
            const auto window = test::run_panelist(home, {"--db", file.string()});
            CHECK(window.code == 1);
            CHECK(window.err == error + "\n"); // not a word about the window
            const auto shot = home / "shot.png";
            const auto screenshot =
                test::run_panelist(home, {"--db", file.string(), "--screenshot", shot.string()});
            CHECK(screenshot.code == 1);
            CHECK(screenshot.err == error + "\n");
            CHECK_FALSE(fs::exists(shot));
        }
    };
    {
        const EnvVar no_x("DISPLAY", std::nullopt), no_wayland("WAYLAND_DISPLAY", std::nullopt);
        refuses("no display");
    }
    const VirtualDisplay display;
    if (display.name()) {
        const EnvVar x("DISPLAY", display.name()), no_wayland("WAYLAND_DISPLAY", std::nullopt);
        const EnvVar asan("ASAN_OPTIONS", asan_options_without_leak_check());
        refuses("a display");
    } else {
        MESSAGE("Xvfb is not installed: the window was only tried without a display");
    }

    for (std::size_t i = 0; i < bad.size(); ++i) {
        const auto& file = bad[i].first;
        CHECK(test::read_file(file) == before[i]);
        CHECK_FALSE(beside(file, "-wal"));
        CHECK_FALSE(beside(file, "-shm"));
        CHECK_FALSE(beside(file, "-journal"));
    }
    CHECK_FALSE(fs::exists(backup_folder(bad.front().first)));
}

TEST_CASE("the window opens a good database, and its start-up backup is taken even if it is closed "
          "at once") {
    const WindowDisplay display;
    if (!display.ready()) return;
    TempDir home;
    const auto path = home / "panelist.db";
    make_database(path);

    const auto run = open_and_close_window(home, path);
    INFO("stderr: " << run.err);
    CHECK(run.first_frame);
    CHECK(run.code == 0);
    const auto backups = list_backups(path);
    REQUIRE(backups.size() == 1); // copied after the first frame, before the process ended
    CHECK_NOTHROW(check_backup(backups.front().path));
    CHECK(loop_count(path) == 1);

    const auto shot = home / "shot.png";
    const auto screenshot =
        test::run_panelist(home, {"--db", path.string(), "--screenshot", shot.string()});
    CHECK(screenshot.code == 0);
    CHECK(fs::file_size(shot) > 0);
    CHECK(list_backups(path).size() == 1); // a screenshot takes no backup
}

TEST_CASE("a start that must rebuild the search index shows what it is doing, then opens") {
    const WindowDisplay display;
    if (!display.ready()) return;
    TempDir home;
    const auto path = home / "panelist.db";
    make_database(path);
    {
        // Enough questions that indexing them takes a second or more, written straight into
        // the tables; then the index is marked as an older Panelist's, as after an update.
        auto db = Database::open(path);
        db.sql().exec(R"sql(
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6000)
INSERT INTO question (id, topic, level, difficulty, minutes, prompt, answer)
SELECT 'bulk/' || i, 'bulk', 'both', 'medium', 5, 'How would you roll out model ' || i || '?',
       replace(hex(randomblob(300)), '0', ' ') FROM n)sql");
        db.sql().exec("UPDATE meta SET value = '0' WHERE key = 'search_index'");
    }

    const auto run = open_and_close_window(home, path);
    INFO("stderr: " << run.err);
    CHECK(run.code == 0);
    CHECK(run.first_frame);
    const auto waiting = run.err.find("panelist: waiting frame");
    CHECK(waiting != std::string::npos);
    CHECK(waiting < run.err.find("panelist: first frame"));
    {
        auto db = Database::open(path, Access::read_only); // refuses an index of the old layout
        CHECK(QuestionRepository(db).count_matches(parse_search_query("topic:bulk roll")) == 6000);
    }

    // Stopped while it waits: the window goes, the rebuild finishes (it cannot stop half-way),
    // and the process ends without ever drawing the Library.
    {
        auto db = Database::open(path);
        db.sql().exec("UPDATE meta SET value = '0' WHERE key = 'search_index'");
    }
    const auto stopped = open_and_close_window(home, path, "panelist: waiting frame\n");
    INFO("stderr: " << stopped.err);
    CHECK(stopped.code == 0);
    CHECK_FALSE(stopped.first_frame);
    auto db = Database::open(path, Access::read_only);
    CHECK(QuestionRepository(db).count_matches(parse_search_query("topic:bulk roll")) == 6000);
}

TEST_CASE(
    "a second reader of an open database does not check the whole file again, and can back it up") {
    TempDir dir;
    const auto path = dir / "panelist.db";
    make_database(path);
    {
        // A few megabytes more, so reading the whole file stands out.
        auto db = Database::open(path);
        db.sql().exec("CREATE TABLE ballast (b BLOB)");
        db.sql().exec(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 64) "
            "INSERT INTO ballast SELECT randomblob(65536) FROM n");
    }
    REQUIRE(fs::file_size(path) > 4'000'000);

    auto read_since = bytes_read_so_far();
    auto db = Database::open(path);
    CHECK(bytes_read_so_far() - read_since >= 4'000'000); // the integrity check reads it all

    read_since = bytes_read_so_far();
    auto reader = db.another_reader();
    CHECK(reader.read_only());
    CHECK(PeopleRepository(reader).loops(true).size() == 1);
    CHECK(bytes_read_so_far() - read_since < 1'000'000);

    Loop loop;
    loop.name = "Data";
    CHECK_THROWS_AS(PeopleRepository(reader).save(loop), DatabaseError);
    const auto backup = make_backup(reader);
    REQUIRE(backup);
    CHECK_NOTHROW(check_backup(*backup));
    CHECK_THROWS_AS(Database::open(":memory:").another_reader(), DatabaseError);
}

TEST_CASE("a read-only database can still be exported: question files and bundles only read it") {
    TempDir dir;
    const auto path = dir / "panelist.db";
    REQUIRE(test::run_panelist(dir, {"demo", "--db", path.string()}).code == 0); // the bank and a loop
    for (const char* suffix : {"-wal", "-shm"}) fs::remove(path.string() + suffix);
    ReadOnly lock(path);
    if (!lock.holds()) {
        MESSAGE("running as root without CAP_LINUX_IMMUTABLE: no file is read-only to this process; untested here");
        return;
    }
    const auto bank = test::run_panelist(dir, {"--db", path.string(), "export", "--all", "--out", (dir / "all.toml").string()});
    CHECK(bank.code == 0);
    CHECK(fs::exists(dir / "all.toml"));
    const auto loop = test::run_panelist(dir, {"--db", path.string(), "bundle", "export", "--loop",
                                               "MLOps Engineer, Berlin, 2026-Q4", "--out", (dir / "loop.json").string()});
    CHECK(loop.code == 0);
    CHECK(fs::exists(dir / "loop.json"));
    CHECK_FALSE(beside(path, "-wal"));
}

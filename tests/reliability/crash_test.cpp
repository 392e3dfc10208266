// The crash drill: a real `panelist drill` killed with SIGKILL at seeded random moments, then the
// database reopened and held to every write the drill reported as committed before it died.
#include "persistence/backups/backup.hpp"
#include "persistence/store/database.hpp"
#include "persistence/store/interview_repository.hpp"
#include "tests/support/temp_dir.hpp"

#include <chrono>
#include <csignal>
#include <doctest/doctest.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <map>
#include <optional>
#include <poll.h>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace panelist;
using panelist::test::TempDir;
namespace fs = std::filesystem;
using std::chrono::milliseconds;

namespace {

constexpr int trials = 80;
constexpr int shortest_life_ms = 20;
constexpr int longest_life_ms = 400;

struct Ended {
    std::string out;
    int status = 0;
};

// Runs `panelist ARGS...` with stdout into a pipe. With a `life`, kills it with SIGKILL that long
// after its first line of output (start-up speed varies with load and sanitizers; the window
// that matters is the one in which it writes); without, waits for it to exit.
Ended run_panelist(const std::vector<std::string>& args, const fs::path& stderr_file,
                   std::optional<milliseconds> life = std::nullopt) {
    std::vector<std::string> words{PANELIST_EXE};
    words.insert(words.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& w : words)
        argv.push_back(w.data());
    argv.push_back(nullptr);

    int pipe_fds[2];
    REQUIRE(::pipe2(pipe_fds, O_CLOEXEC) == 0);
    auto started = std::chrono::steady_clock::now();
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::dup2(pipe_fds[1], STDOUT_FILENO);
        const int err = ::open(stderr_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (err >= 0) ::dup2(err, STDERR_FILENO);
        const int in = ::open("/dev/null", O_RDONLY);
        if (in >= 0) ::dup2(in, STDIN_FILENO);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    ::close(pipe_fds[1]);
    Ended ended;
    char buffer[4096];
    bool killed = false;
    bool writing = false; // the first line has come: the countdown runs from there
    for (;;) {
        int wait_ms = -1;
        if (life && !killed && !writing) {
            if (std::chrono::steady_clock::now() - started > std::chrono::seconds(30)) {
                ::kill(pid, SIGKILL); // never started writing: let the checks report it
                killed = true;
            } else {
                wait_ms = 1000;
            }
        } else if (life && !killed) {
            const auto left = *life - std::chrono::duration_cast<milliseconds>(
                                          std::chrono::steady_clock::now() - started);
            if (left.count() <= 0) {
                ::kill(pid, SIGKILL);
                killed = true;
            } else {
                wait_ms = static_cast<int>(left.count());
            }
        }
        pollfd p{pipe_fds[0], POLLIN, 0};
        if (::poll(&p, 1, wait_ms) == 0) continue; // time to kill, or to look again
        const ssize_t n = ::read(pipe_fds[0], buffer, sizeof buffer);
        if (n > 0 && !writing) {
            writing = true;
            started = std::chrono::steady_clock::now();
        }
        if (n > 0)
            ended.out.append(buffer, static_cast<std::size_t>(n));
        else if (n == 0)
            break; // the process is gone and the pipe is drained
    }
    ::close(pipe_fds[0]);
    ::waitpid(pid, &ended.status, 0);
    return ended;
}

std::uint64_t fnv1a(std::string_view text) {
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (unsigned char c : text)
        h = (h ^ c) * 0x100000001b3ull;
    return h;
}

// One line the drill printed: "writing score Q V SEQ", "score Q V SEQ",
// "writing notes Q LEN SEQ", "notes Q LEN SEQ HASH WHY".
struct Write {
    bool committed = false;
    std::string kind; // "score" or "notes"
    std::string question;
    std::size_t number = 0; // the score (0 = cleared) or the notes' length in bytes
    std::uint64_t seq = 0;
    std::uint64_t hash = 0;
    std::string why;
};

struct Report {
    std::optional<std::int64_t> interview;
    std::vector<Write> committed;
    std::optional<Write> in_flight; // started, not reported: it may or may not be on disk
    bool torn_line = false;
};

Report parse(const std::string& out) {
    Report r;
    std::istringstream lines(out);
    std::string line;
    std::optional<Write> started;
    while (std::getline(lines, line)) {
        if (lines.eof()) { // no newline: a line cut in half
            r.torn_line = true;
            break;
        }
        std::istringstream words(line);
        std::string first;
        words >> first;
        if (first == "drill") {
            std::string word;
            std::int64_t id = 0;
            words >> word >> id;
            r.interview = id;
            continue;
        }
        Write w;
        w.committed = first != "writing";
        if (!w.committed)
            words >> w.kind;
        else
            w.kind = first;
        words >> w.question >> w.number >> w.seq;
        if (w.committed && w.kind == "notes") words >> std::hex >> w.hash >> std::dec >> w.why;
        REQUIRE_MESSAGE(!words.fail(), "unreadable drill line: " << line);
        if (!w.committed) {
            started = w;
            continue;
        }
        // Each report follows its "writing" line and numbers run 1, 2, 3...
        REQUIRE(started);
        CHECK(started->seq == w.seq);
        CHECK(w.seq == r.committed.size() + 1);
        started.reset();
        r.committed.push_back(w);
    }
    r.in_flight = started;
    return r;
}

struct Tally {
    int trials_with_writes = 0;
    int scores = 0;
    int notes_on_pause = 0;
    int notes_on_move = 0;
    int in_flight = 0;
    int in_flight_landed = 0; // killed after the commit, before the report
};

// What the database must hold now, given what it held after the last trial and what this
// trial's drill reported.
void check_trial(Interview& before, const Interview& now, const Report& report, Tally& tally) {
    REQUIRE(now.questions.size() == before.questions.size());
    for (std::size_t i = 0; i < now.questions.size(); ++i) {
        const auto& was = before.questions[i];
        const auto& is = now.questions[i];
        REQUIRE(is.question_id == was.question_id);
        const std::string& q = is.question_id;

        int score = was.response.score.scored() ? was.response.score.value() : 0;
        std::size_t notes_length = was.response.notes.size();
        std::uint64_t notes_hash = fnv1a(was.response.notes);
        for (const auto& w : report.committed) {
            if (w.question != q) continue;
            if (w.kind == "score")
                score = static_cast<int>(w.number);
            else
                notes_length = w.number, notes_hash = w.hash;
        }
        const bool flying = report.in_flight && report.in_flight->question == q;
        const int stored_score = is.response.score.scored() ? is.response.score.value() : 0;
        const std::string& stored_notes = is.response.notes;

        if (flying && report.in_flight->kind == "score") {
            CHECK_MESSAGE((stored_score == score ||
                           stored_score == static_cast<int>(report.in_flight->number)),
                          q << ": score " << stored_score << ", reported " << score);
            if (stored_score != score) ++tally.in_flight_landed;
        } else {
            CHECK_MESSAGE(stored_score == score,
                          q << ": score " << stored_score << ", reported " << score);
        }
        // Notes only grow: the stored text starts with what was last reported saved, and only
        // a save still in flight may have added more.
        CHECK_MESSAGE(stored_notes.size() >= notes_length,
                      q << ": notes lost " << notes_length - stored_notes.size() << " bytes");
        CHECK_MESSAGE(fnv1a(std::string_view(stored_notes).substr(0, notes_length)) == notes_hash,
                      q << ": notes differ from what was saved");
        if (flying && report.in_flight->kind == "notes") {
            CHECK((stored_notes.size() == notes_length ||
                   stored_notes.size() == report.in_flight->number));
            if (stored_notes.size() != notes_length) ++tally.in_flight_landed;
        } else {
            CHECK_MESSAGE(stored_notes.size() == notes_length,
                          q << ": notes changed without a report");
        }
    }
    before = now;
}

} // namespace

TEST_CASE("killing Panelist mid-interview loses no reported score or saved note, and never damages "
          "the database") {
    TempDir home;
    const fs::path db_path = home / "drill.db";
    const fs::path err = home / "stderr";
    // Created and seeded with the bank first, so every trial starts from an existing database.
    const auto setup = run_panelist({"--db", db_path.string(), "questions"}, err);
    REQUIRE(WIFEXITED(setup.status));
    REQUIRE(WEXITSTATUS(setup.status) == 0);

    std::uint64_t dice = 20261123; // the same kill times on every run
    std::optional<Interview> known;
    Tally tally;
    const auto started = std::chrono::steady_clock::now();
    for (int trial = 0; trial < trials; ++trial) {
        dice = dice * 6364136223846793005ull + 1442695040888963407ull;
        const int life = shortest_life_ms +
                         static_cast<int>((dice >> 33) % (longest_life_ms - shortest_life_ms + 1));
        CAPTURE(trial);
        CAPTURE(life);
        const auto ended =
            run_panelist({"--db", db_path.string(), "drill", "--seed", std::to_string(trial + 1)},
                         err, milliseconds(life));
        INFO("drill stderr: " << test::read_file(err));
        REQUIRE_MESSAGE(WIFSIGNALED(ended.status), "the drill ended by itself");
        REQUIRE(WTERMSIG(ended.status) == SIGKILL);
        const Report report = parse(ended.out);
        CHECK_FALSE(report.torn_line);

        Database db = Database::open(db_path); // refuses a damaged file
        CHECK(db.sql().execAndGet("PRAGMA integrity_check").getString() == "ok");
        if (!report.interview && !known) continue; // killed before the drill had an interview
        const std::int64_t id = report.interview ? *report.interview : known->id;
        if (known) REQUIRE(id == known->id); // every run reuses the one interview
        const auto now = InterviewRepository(db).find(id);
        REQUIRE(now);
        if (!known) {
            known = *now;
            for (auto& q : known->questions)
                q.response = {}; // a new interview starts empty
        }
        check_trial(*known, *now, report, tally);

        if (!report.committed.empty()) ++tally.trials_with_writes;
        for (const auto& w : report.committed) {
            if (w.kind == "score")
                ++tally.scores;
            else if (w.why == "pause")
                ++tally.notes_on_pause;
            else
                ++tally.notes_on_move;
        }
        if (report.in_flight) ++tally.in_flight;
    }
    const auto seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    MESSAGE(fmt::format(
        "{} kills in {:.1f} s: {} with writes; {} scores, {} notes saved on a pause, {} on a "
        "question change reported; {} writes in flight at the kill, {} of them landed",
        trials, seconds, tally.trials_with_writes, tally.scores, tally.notes_on_pause,
        tally.notes_on_move, tally.in_flight, tally.in_flight_landed));
    // The drill must really have been writing when it was killed, or this proved nothing.
    CHECK(tally.trials_with_writes >= trials * 3 / 4);
    CHECK(tally.scores > 1000);
    CHECK(tally.notes_on_move > 100);
    CHECK(tally.notes_on_pause > 0); // the kill times leave several runs time to autosave
    CHECK(tally.in_flight > 0);

    // Each run took a start-up backup, some were killed mid-copy: what is listed is whole.
    const auto backups = list_backups(db_path);
    CHECK(backups.size() == static_cast<std::size_t>(backups_kept));
    for (const auto& b : backups)
        CHECK_NOTHROW(check_backup(b.path));
}

// Two Panelist processes writing one database at once: both drills run side by side, are killed
// together, and the database must be whole and hold the last score either one reported.
#include "persistence/store/database.hpp"
#include "persistence/store/interview_repository.hpp"
#include "tests/support/temp_dir.hpp"

#include <array>
#include <chrono>
#include <csignal>
#include <doctest/doctest.h>
#include <fcntl.h>
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
using Clock = std::chrono::steady_clock;

namespace {

constexpr auto side_by_side = std::chrono::seconds(3);

struct Drill {
    pid_t pid = -1;
    int out = -1; // read end of its stdout
    std::string said;
    int status = 0;
};

Drill start_drill(const fs::path& db, int seed, const fs::path& stderr_file) {
    const std::string seed_text = std::to_string(seed);
    int pipe_fds[2];
    REQUIRE(::pipe2(pipe_fds, O_CLOEXEC) == 0);
    Drill d;
    d.pid = ::fork();
    REQUIRE(d.pid >= 0);
    if (d.pid == 0) {
        ::dup2(pipe_fds[1], STDOUT_FILENO);
        const int err = ::open(stderr_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (err >= 0) ::dup2(err, STDERR_FILENO);
        ::execl(PANELIST_EXE, PANELIST_EXE, "--db", db.c_str(), "drill", "--seed",
                seed_text.c_str(), nullptr);
        ::_exit(127);
    }
    ::close(pipe_fds[1]);
    d.out = pipe_fds[0];
    return d;
}

// Collects what the drills print until `until` (or each has printed `lines` lines), then kills.
void run_until(std::vector<Drill*> drills, Clock::time_point until, std::size_t lines = 0) {
    auto enough = [&] {
        if (lines == 0) return false;
        for (auto* d : drills)
            if (static_cast<std::size_t>(std::count(d->said.begin(), d->said.end(), '\n')) < lines)
                return false;
        return true;
    };
    while (Clock::now() < until && !enough()) {
        std::vector<pollfd> polls;
        for (auto* d : drills) polls.push_back({d->out, POLLIN, 0});
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()).count();
        if (::poll(polls.data(), polls.size(), static_cast<int>(std::max<long>(left, 0))) <= 0)
            continue;
        for (std::size_t i = 0; i < polls.size(); ++i) {
            if (!(polls[i].revents & (POLLIN | POLLHUP))) continue;
            char buffer[4096];
            const ssize_t n = ::read(drills[i]->out, buffer, sizeof buffer);
            if (n > 0) drills[i]->said.append(buffer, static_cast<std::size_t>(n));
        }
    }
    for (auto* d : drills) ::kill(d->pid, SIGKILL);
    for (auto* d : drills) {
        char buffer[4096];
        ssize_t n;
        while ((n = ::read(d->out, buffer, sizeof buffer)) > 0)
            d->said.append(buffer, static_cast<std::size_t>(n));
        ::close(d->out);
        ::waitpid(d->pid, &d->status, 0);
    }
}

// What one drill reported per question: its last committed score and notes (length, hash) and
// a write it had started but not reported when it was killed.
struct Said {
    std::int64_t interview = 0;
    std::map<std::string, int> score;
    std::map<std::string, std::pair<std::size_t, std::uint64_t>> notes;
    std::optional<std::pair<std::string, std::size_t>> in_flight_score, in_flight_notes;
    int scores = 0;
};

Said parse(const std::string& out) {
    Said s;
    std::istringstream lines(out);
    std::string line;
    while (std::getline(lines, line)) {
        if (lines.eof()) break; // cut in half by the kill
        std::istringstream words(line);
        std::string first, kind, question;
        std::size_t number = 0, seq = 0;
        words >> first;
        if (first == "drill") {
            words >> kind >> s.interview;
            continue;
        }
        if (first == "writing") {
            words >> kind >> question >> number;
            (kind == "score" ? s.in_flight_score : s.in_flight_notes) = std::pair{question, number};
            continue;
        }
        words >> question >> number >> seq;
        if (first == "score") {
            s.score[question] = static_cast<int>(number);
            s.in_flight_score.reset();
            ++s.scores;
        } else {
            std::uint64_t hash = 0;
            words >> std::hex >> hash;
            s.notes[question] = {number, hash};
            s.in_flight_notes.reset();
        }
        REQUIRE_MESSAGE(!words.fail(), "unreadable drill line: " << line);
    }
    return s;
}

std::uint64_t fnv1a(std::string_view text) {
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (unsigned char c : text) h = (h ^ c) * 0x100000001b3ull;
    return h;
}

} // namespace

TEST_CASE("two Panelists writing one database at once never damage it or lose a reported score") {
    TempDir home;
    const fs::path db_path = home / "shared.db";
    // One drill first, killed once its interview exists, so both below write that interview.
    Drill first = start_drill(db_path, 1, home / "first.err");
    run_until({&first}, Clock::now() + std::chrono::seconds(30), 1);
    const Said setup = parse(first.said);
    REQUIRE_MESSAGE(setup.interview != 0, test::read_file(home / "first.err"));
    Interview before;
    {
        Database db = Database::open(db_path);
        before = *InterviewRepository(db).find(setup.interview);
    }

    Drill a = start_drill(db_path, 2, home / "a.err");
    Drill b = start_drill(db_path, 3, home / "b.err");
    run_until({&a, &b}, Clock::now() + side_by_side);
    INFO("drill a stderr: " << test::read_file(home / "a.err"));
    INFO("drill b stderr: " << test::read_file(home / "b.err"));
    CHECK((WIFSIGNALED(a.status) && WTERMSIG(a.status) == SIGKILL)); // neither gave up
    CHECK((WIFSIGNALED(b.status) && WTERMSIG(b.status) == SIGKILL));
    const Said said_a = parse(a.said), said_b = parse(b.said);
    CHECK(said_a.interview == setup.interview);
    CHECK(said_b.interview == setup.interview);
    MESSAGE(said_a.scores << " and " << said_b.scores << " scores reported side by side");
    CHECK(said_a.scores > 20); // both really wrote, each waiting for the other's locks
    CHECK(said_b.scores > 20);

    Database db = Database::open(db_path); // refuses a damaged file
    CHECK(db.sql().execAndGet("PRAGMA integrity_check").getString() == "ok");
    const auto now = InterviewRepository(db).find(setup.interview);
    REQUIRE(now);
    REQUIRE(now->questions.size() == before.questions.size());
    for (std::size_t i = 0; i < now->questions.size(); ++i) {
        const auto& q = now->questions[i];
        const auto& was = before.questions[i].response;
        CAPTURE(q.question_id);
        // The score is the last one either drill reported for it, or one still in flight.
        std::vector<int> allowed;
        for (const Said* s : {&said_a, &said_b}) {
            if (auto it = s->score.find(q.question_id); it != s->score.end())
                allowed.push_back(it->second);
            if (s->in_flight_score && s->in_flight_score->first == q.question_id)
                allowed.push_back(static_cast<int>(s->in_flight_score->second));
        }
        if (allowed.empty()) allowed.push_back(was.score.scored() ? was.score.value() : 0);
        const int stored = q.response.score.scored() ? q.response.score.value() : 0;
        CHECK_MESSAGE(std::find(allowed.begin(), allowed.end(), stored) != allowed.end(),
                      "score " << stored << " is none either drill reported last");

        // The notes are the last either drill saved for it, or a save still in flight.
        const auto& notes = q.response.notes;
        bool known = false, wrote = false;
        for (const Said* s : {&said_a, &said_b}) {
            if (auto it = s->notes.find(q.question_id); it != s->notes.end()) {
                wrote = true;
                known = known || (notes.size() == it->second.first && fnv1a(notes) == it->second.second);
            }
            if (s->in_flight_notes && s->in_flight_notes->first == q.question_id) {
                wrote = true;
                known = known || notes.size() == s->in_flight_notes->second;
            }
        }
        if (!wrote) known = notes == was.notes;
        CHECK_MESSAGE(known, "notes of " << notes.size() << " bytes are none either drill saved");
    }
}

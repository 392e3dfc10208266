// drill: the crash drill (docs/reliability.md). Scores and types notes forever, writing them the
// way the Interview screen does, and prints a line after every committed write, so a test can
// kill it at any moment and check that everything it reported is still in the database.
#include "domain/text.hpp"
#include "domain/draft_timer.hpp"
#include "domain/plan_assembly.hpp"
#include "persistence/store/interview_repository.hpp"
#include "persistence/store/people_repository.hpp"
#include "persistence/store/question_repository.hpp"
#include "domain/seeded_random.hpp"
#include "ui/cli/commands.hpp"

#include <array>
#include <chrono>
#include <cstdio>
#include <fmt/format.h>
#include <thread>

namespace panelist {
namespace {
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr const char* drill_loop = "Crash drill";
constexpr const char* drill_candidate = "Drill Candidate";


// Written and flushed at once: the line is out before the next write can be interrupted.
template <typename... Args> void say(fmt::format_string<Args...> format, Args&&... args) {
    fmt::print(format, std::forward<Args>(args)...);
    std::fflush(stdout);
}

// The drill's own loop, candidate and open interview, reused from an earlier run when they
// exist; each is its own write, so a run killed half-way through setup is picked up again.
Interview drill_interview(Database& db, std::uint64_t seed) {
    PeopleRepository people(db);
    InterviewRepository interviews(db);
    Loop loop = people.find_loop_by_name(drill_loop).value_or(Loop{});
    if (loop.id == 0) {
        loop.name = drill_loop;
        loop.role = "MLOps Engineer";
        people.save(loop);
    }
    std::optional<Candidate> candidate;
    for (auto& c : people.candidates(loop.id))
        if (c.name == drill_candidate) candidate = c;
    if (!candidate) {
        candidate = Candidate{};
        candidate->name = drill_candidate;
        candidate->loop_id = loop.id;
        candidate->role = loop.role;
        candidate->level = Level::senior;
        people.save(*candidate);
    }
    for (auto& iv : interviews.for_candidate(candidate->id))
        if (!iv.locked() && !iv.questions.empty()) return iv;

    QuestionRepository questions(db);
    const auto bank = questions.all();
    PlanRequest request;
    request.level = candidate->level;
    request.budget_minutes = 45;
    request.seed = seed;
    Interview iv;
    iv.candidate_id = candidate->id;
    iv.interviewer = "Drill";
    iv.date = "2026-11-23";
    iv.questions = assemble_plan(bank, request).questions;
    if (iv.questions.empty())
        throw DatabaseError(
            fmt::format("{}: the bank has no questions to plan from; import questions first",
                        db.path().string()));
    interviews.create(iv);
    return iv;
}

constexpr std::array<const char*, 16> words{
    "canary",  "rollback", "p99",      "drift",   "feature store", "shadow traffic",
    "SLO",     "retrain",  "latency",  "naïve",   "budget",        "alert",
    "lineage", "A/B",      "registry", "on-call",
};

// The Interview screen's state for the open interview, and its writes, one to one.
class Interviewer {
  public:
    Interviewer(InterviewRepository& repo, Interview iv) : repo_(repo), iv_(std::move(iv)) {
        // Like the screen: start at the first question without a score.
        for (std::size_t i = 0; i < iv_.questions.size(); ++i)
            if (!iv_.questions[i].response.score.scored()) {
                current_ = i;
                break;
            }
        notes_ = iv_.questions[current_].response.notes;
    }

    std::size_t question_count() const { return iv_.questions.size(); }
    // The screen's rule: after a pause in typing, or at the latest a bounded time after the
    // first keystroke not yet written.
    std::optional<Clock::time_point> autosave_at() const { return draft_.due_at(); }
    const char* autosave_reason(Clock::time_point at) const { return draft_.why(at); }

    void type(const std::string& text) {
        notes_ += text;
        draft_.edited(Clock::now());
    }

    // A number key: committed before it returns.
    void score(int value) {
        const auto& q = iv_.questions[current_];
        const std::uint64_t seq = sequence_ + 1;
        say("writing score {} {} {}\n", q.question_id, value, seq);
        repo_.set_score(iv_.id, q.question_id, value == 0 ? Score::unscored() : Score::of(value));
        sequence_ = seq;
        say("score {} {} {}\n", q.question_id, value, seq);
    }

    // `why`: "pause" (300 ms without typing), "bound" (500 ms after the first unwritten
    // keystroke) or "move" (another question was chosen).
    void save_notes(const char* why) {
        if (!draft_.dirty()) return;
        auto& q = iv_.questions[current_];
        const std::uint64_t seq = sequence_ + 1;
        say("writing notes {} {} {}\n", q.question_id, notes_.size(), seq);
        repo_.set_notes(iv_.id, q.question_id, notes_);
        sequence_ = seq;
        q.response.notes = notes_;
        draft_.saved();
        say("notes {} {} {} {:016x} {}\n", q.question_id, notes_.size(), seq, fnv1a(notes_), why);
    }

    void go_to(std::size_t index) {
        if (index == current_) return;
        save_notes("move");
        current_ = index;
        notes_ = iv_.questions[current_].response.notes;
    }

    std::int64_t id() const { return iv_.id; }

  private:
    InterviewRepository& repo_;
    Interview iv_;
    std::size_t current_ = 0;
    std::string notes_;
    DraftTimer draft_;
    std::uint64_t sequence_ = 0;
};

} // namespace

int drill_command(Database& db, std::uint64_t seed) {
    InterviewRepository repo(db);
    Interviewer interviewer(repo, drill_interview(db, seed));
    say("drill interview {} questions {} seed {}\n", interviewer.id(), interviewer.question_count(),
        seed);
    SeededRandom random(seed);
    // A very fast interviewer, so a kill at a random moment often lands inside a write, who
    // stops typing now and then to listen for 300-400 ms: long enough for the autosave to fire
    // the way it does on the screen. Every other run listens almost at once, so a crash test
    // killing within 400 ms still sees autosaves; the others write for the first 400 ms or more.
    auto listen_at = Clock::now() + milliseconds(random.below(2) == 0 ? 5 + random.below(20)
                                                                      : 400 + random.below(200));
    for (;;) {
        auto next = Clock::now();
        if (next >= listen_at) {
            next += milliseconds(300 + random.below(100));
            listen_at = next + milliseconds(400 + random.below(200));
        }
        if (auto save_at = interviewer.autosave_at(); save_at && *save_at <= next) {
            std::this_thread::sleep_until(*save_at);
            interviewer.save_notes(interviewer.autosave_reason(*save_at));
        }
        std::this_thread::sleep_until(next);

        const int action = random.below(100);
        if (action < 55) {
            const std::string word =
                words[static_cast<std::size_t>(random.below(static_cast<int>(words.size())))];
            interviewer.type(word + (random.below(8) == 0 ? ".\n" : " "));
            if (random.below(4) == 0)
                std::this_thread::sleep_for(milliseconds(1)); // between keystrokes
        } else if (action < 85) {
            interviewer.score(random.below(6)); // 0 clears, as on the screen
        } else {
            interviewer.go_to(static_cast<std::size_t>(
                random.below(static_cast<int>(interviewer.question_count()))));
        }
    }
}

} // namespace panelist

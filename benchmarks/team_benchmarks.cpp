// A year of hiring at full speed (docs/performance.md): a team folder of 5,000 scorecards read
// into a fresh laptop's database, a rescan with nothing new, the Candidates and Compare screens
// and the loop statistics over 10,000 candidates and 50,000 interviews.
#include "benchmarks/bench_support.hpp"
#include "benchmarks/synthetic_bank.hpp"
#include "domain/loop_comparison.hpp"
#include "domain/panel_quality.hpp"
#include "persistence/store/interview_repository.hpp"
#include "persistence/store/people_repository.hpp"
#include "persistence/store/uuid.hpp"
#include "persistence/sqlite/write_transaction.hpp"
#include "persistence/team/team_sync.hpp"
#include "tests/ui/headless_imgui.hpp"
#include "ui/app/panelist_app.hpp"

#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <unistd.h>

using namespace panelist;
namespace fs = std::filesystem;
using Stopwatch = bench::Clock;
using bench::ms_since;

namespace {

int history_interviews() { return bench::env_size("PANELIST_BENCH_HISTORY", 50000); }
int folder_scorecards() { return bench::env_size("PANELIST_BENCH_SCORECARDS", 5000); }
constexpr int candidates_per_loop = 50;
constexpr int interviews_per_candidate = 5;
constexpr int questions_per_interview = 6;

// A year of loops: 50 candidates a loop, 5 submitted interviews each by a panel of 7, 6 scored
// questions each; 50,000 interviews make 200 loops and 10,000 candidates.
Database& history() {
    static std::unique_ptr<Database> db = [] {
        auto d = std::make_unique<Database>(Database::open(bench::work_dir() / "history.db"));
        bench::fill_bank(*d, 40);
        PeopleRepository people(*d);
        InterviewRepository interviews(*d);
        WriteTransaction tx(d->sql());
        const int candidates = std::max(1, history_interviews() / interviews_per_candidate);
        Loop loop;
        for (int c = 0; c < candidates; ++c) {
            if (c % candidates_per_loop == 0) {
                loop = {};
                loop.name = fmt::format("Loop {:03}, 2026", c / candidates_per_loop);
                people.save(loop);
            }
            Candidate candidate;
            candidate.name = fmt::format("Candidate {}", c);
            candidate.loop_id = loop.id;
            candidate.level = c % 2 ? Level::senior : Level::junior;
            people.save(candidate);
            for (int i = 0; i < interviews_per_candidate; ++i) {
                Interview iv;
                iv.uuid = new_uuid();
                iv.candidate_id = candidate.id;
                iv.interviewer = fmt::format("Interviewer {}", (c + i) % 7);
                iv.date = "2026-11-23";
                iv.status = InterviewStatus::submitted;
                iv.recommendation = Recommendation::yes;
                for (int q = 0; q < questions_per_interview; ++q) {
                    const auto bankq = bench::synthetic_question(static_cast<std::uint64_t>((c + q * 7) % 40));
                    InterviewQuestion asked{bankq.id, 5, {}, bankq.topic, bankq.prompt};
                    asked.response.score = Score::of(1 + (c * 3 + i + q) % 5);
                    iv.questions.push_back(asked);
                }
                interviews.write_copy(0, iv, {}, "2026-11-23T10:00:00.000Z");
            }
        }
        tx.commit();
        return d;
    }();
    return *db;
}

// One screen of the year's database, drawn again and again once it has read what it shows.
void screen_frame(benchmark::State& state, ScreenId screen) {
    SystemClock clock;
    PanelistApp app(history(), clock, UiSettings{});
    test::HeadlessImGui imgui(1500, 950);
    const std::function<void()> draw = [&] { app.frame(); };
    app.context().loop_id = PeopleRepository(history()).loops().back().id;
    app.show(screen);
    imgui.frame(draw, false); // reads the loop once
    std::vector<double> times;
    for (auto _ : state) {
        const auto t = Stopwatch::now();
        imgui.frame(draw, false);
        times.push_back(ms_since(t));
    }
    state.counters["p95_ms"] = bench::percentile(times, 0.95);
    state.counters["interviews"] = history_interviews();
}

void candidates_frame(benchmark::State& state) { screen_frame(state, ScreenId::candidates); }
void compare_frame(benchmark::State& state) { screen_frame(state, ScreenId::compare); }

// Agreement (ICC, alpha, leniency) and question quality over every candidate of the year at
// once; load_ms is reading them from the store, the time is the statistics alone.
void history_statistics(benchmark::State& state) {
    auto& db = history();
    PeopleRepository people(db);
    InterviewRepository interviews(db);
    const auto t = Stopwatch::now();
    std::vector<CandidateInterviews> all;
    for (const auto& loop : people.loops())
        for (const auto& c : people.candidates(loop.id)) all.push_back({c, interviews.for_candidate(c.id)});
    state.counters["load_ms"] = ms_since(t);
    std::vector<std::optional<double>> ranking;
    for (const auto& c : all) {
        double sum = 0;
        int n = 0;
        for (const auto& iv : c.interviews)
            for (const auto& q : iv.questions)
                if (q.response.score.scored()) sum += q.response.score.value(), ++n;
        ranking.push_back(n ? std::optional(sum / n) : std::nullopt);
    }
    for (auto _ : state) {
        benchmark::DoNotOptimize(panel_agreement(all));
        benchmark::DoNotOptimize(question_quality(all, ranking));
    }
    state.counters["candidates"] = static_cast<double>(all.size());
}

// The folder another laptop wrote: `folder_scorecards()` submitted interviews, one file each.
fs::path scorecard_folder() {
    static const fs::path folder = [] {
        const fs::path f = bench::work_dir() / "team";
        fs::create_directories(f);
        auto source = Database::open(bench::work_dir() / "team-source.db");
        bench::fill_interviews(source, folder_scorecards(), 10);
        set_team_folder(source, f);
        share_loop_kit(source, PeopleRepository(source).loops().front().id); // the team's loop
        const auto t = Stopwatch::now();
        const auto written = sync_team_folder(source, f).scorecards_written;
        fmt::print(stderr, "team folder: {} scorecards written in {:.0f} ms\n", written, ms_since(t));
        ::sync(); // the setup's 175 MB on disk now, not flushed by the kernel while an import is timed
        return f;
    }();
    return folder;
}

// A laptop joining the team: everything in the folder read into its database.
void team_folder_import(benchmark::State& state) {
    const auto folder = scorecard_folder();
    int round = 0;
    for (auto _ : state) {
        state.PauseTiming();
        auto target = Database::open(bench::work_dir() / fmt::format("team-target-{}.db", round++));
        bench::fill_bank(target, 10);
        set_team_folder(target, folder);
        state.ResumeTiming();
        const auto report = sync_team_folder(target, folder);
        state.counters["added"] = report.imported.count(MergeOutcome::added);
    }
    state.counters["scorecards"] = folder_scorecards();
}

// The same laptop again when nothing changed: what every inotify event and 30 s rescan costs.
void team_folder_rescan(benchmark::State& state) {
    const auto folder = scorecard_folder();
    auto db = Database::open(bench::work_dir() / "team-rescan.db");
    bench::fill_bank(db, 10);
    set_team_folder(db, folder);
    sync_team_folder(db, folder);
    for (auto _ : state) {
        const auto report = sync_team_folder(db, folder);
        if (report.files_read != 0) state.SkipWithError("a rescan read a file");
    }
    state.counters["files"] = folder_scorecards();
}

} // namespace

BENCHMARK(candidates_frame)->Unit(benchmark::kMillisecond);
BENCHMARK(compare_frame)->Unit(benchmark::kMillisecond);
BENCHMARK(history_statistics)->Unit(benchmark::kMillisecond);
BENCHMARK(team_folder_import)->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK(team_folder_rescan)->Unit(benchmark::kMillisecond);

// In-process figures of docs/performance.md, each printed beside its baseline where it has one.
// Sizes come from PANELIST_BENCH_QUESTIONS (default 100000) and PANELIST_BENCH_INTERVIEWS
// (default 1000), so CI can run every benchmark once on a small size.
#include "benchmarks/bench_support.hpp"
#include "benchmarks/synthetic_bank.hpp"
#include "persistence/formats/bundle.hpp"
#include "persistence/search/similar_questions.hpp"
#include "persistence/store/draft_writer.hpp"
#include "persistence/store/interview_repository.hpp"
#include "persistence/store/question_repository.hpp"
#include "persistence/reports/report_formats.hpp"
#include "persistence/reports/report_source.hpp"
#include "persistence/store/people_repository.hpp"
#include "tests/ui/headless_imgui.hpp"
#include "ui/app/panelist_app.hpp"

#include <SQLiteCpp/Statement.h>
#include <algorithm>
#include <benchmark/benchmark.h>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <memory>
#include <string_view>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace panelist;
namespace fs = std::filesystem;

namespace {

using bench::env_size;
using bench::percentile;
using bench::work_dir;
using bench::Clock;
using bench::ms_since;

int questions_size() { return env_size("PANELIST_BENCH_QUESTIONS", 100000); }
int interviews_size() { return env_size("PANELIST_BENCH_INTERVIEWS", 1000); }

// The large bank, built once per run into a real file (WAL, synchronous FULL, as users have it).
Database& bank() {
    static std::unique_ptr<Database> db = [] {
        auto d = std::make_unique<Database>(Database::open(work_dir() / "bank.db"));
        bench::fill_bank(*d, questions_size());
        return d;
    }();
    return *db;
}

// What a user types, keystroke by keystroke, in the Library's search box. "drift" is in every
// synthetic question; "phadogel" (a made-up word of Zipf rank ~6,000) in about 480 of 100k, so
// "drift phadogel" is ranked, with a word whose statistics cover the whole bank.
const std::vector<std::string> typing = {"d", "dr", "dri", "drif", "drift", "drift m", "drift mo", "drift mon",
                                         "drift p", "drift ph", "drift pha", "drift phad", "drift phadogel",
                                         "topic:monitoring drift", "level:senior canary rollback", "\"feature store\" skew"};

void search_fts(benchmark::State& state) {
    auto& db = bank();
    QuestionRepository questions(db);
    std::vector<double> times;
    std::size_t found = 0;
    for (auto _ : state) {
        for (const auto& text : typing) {
            const auto t = Clock::now();
            const auto result = questions.run_search(parse_search_query(text), LibraryScreen::results_shown);
            times.push_back(ms_since(t));
            found += result.rows.size();
        }
    }
    state.counters["p95_ms"] = percentile(times, 0.95);
    state.counters["questions"] = questions_size();
    benchmark::DoNotOptimize(found);
}

// A curator writing a question the bank already has: a synthetic question's prompt is typed
// keystroke by keystroke, the closest questions looked up after each (docs/curation.md), then
// once more with its answer. Its words are the bank's, common and rare as Zipf has them.
void similar_while_typing(benchmark::State& state) {
    auto& db = bank();
    const Question twin = bench::synthetic_question(static_cast<std::uint64_t>(questions_size() / 2));
    std::vector<double> typed, whole;
    std::size_t found = 0;
    bool found_twin = false;
    for (auto _ : state) {
        SimilarQuestions similar(db.sql()); // one per editing session
        for (std::size_t n = 1; n <= twin.prompt.size(); ++n) {
            const auto t = Clock::now();
            found += similar.closest(std::string_view(twin.prompt).substr(0, n), "", 5).size();
            typed.push_back(ms_since(t));
        }
        const auto t = Clock::now();
        const auto closest = similar.closest(twin.prompt, twin.answer, 5);
        whole.push_back(ms_since(t));
        found_twin = !closest.empty() && closest[0].id == twin.id;
    }
    state.counters["keystroke_p50_ms"] = percentile(typed, 0.50);
    state.counters["keystroke_p95_ms"] = percentile(typed, 0.95);
    state.counters["keystroke_max_ms"] = *std::max_element(typed.begin(), typed.end());
    state.counters["with_answer_ms"] = percentile(whole, 0.5);
    state.counters["found_the_twin"] = found_twin ? 1 : 0;
    state.counters["questions"] = questions_size();
    benchmark::DoNotOptimize(found);
}

// The baseline: the same keystrokes as LIKE '%word%' scans, doing what the Library needs of a
// search: every match counted (it shows how many), the first 200 listed.
void search_like_baseline(benchmark::State& state) {
    auto& db = bank();
    std::vector<double> times;
    for (auto _ : state) {
        for (const auto& text : typing) {
            const auto t = Clock::now();
            std::vector<std::string> words;
            for (const auto& term : parse_search_query(text).terms) words.push_back("%" + term.text + "%");
            std::string sql = "SELECT id, prompt FROM question WHERE 1";
            for (std::size_t i = 1; i <= words.size(); ++i)
                sql += fmt::format(" AND (prompt LIKE ?{0} OR answer LIKE ?{0})", i);
            SQLite::Statement s(db.sql(), sql + " ORDER BY id");
            for (std::size_t i = 0; i < words.size(); ++i) s.bind(static_cast<int>(i + 1), words[i]);
            int n = 0;
            std::vector<std::string> listed;
            while (s.executeStep())
                if (++n <= 200) listed.push_back(s.getColumn(1).getString());
            times.push_back(ms_since(t));
            benchmark::DoNotOptimize(listed);
        }
    }
    state.counters["p95_ms"] = percentile(times, 0.95);
}

void score_commit(benchmark::State& state) {
    auto db = Database::open(work_dir() / "scores.db");
    bench::fill_interviews(db, 1, 30);
    InterviewRepository interviews(db);
    auto iv = interviews.for_candidate(PeopleRepository(db).candidates(PeopleRepository(db).loops().front().id).front().id).front();
    interviews.reopen(iv.id, "benchmark");
    std::vector<double> times;
    int i = 0;
    for (auto _ : state) {
        const auto t = Clock::now();
        interviews.set_score(iv.id, iv.questions[static_cast<std::size_t>(i % 30)].question_id, Score::of(1 + i % 5));
        times.push_back(ms_since(t));
        ++i;
    }
    state.counters["p99_ms"] = percentile(times, 0.99);
}

// Notes saved the way the Interview screen autosaves them while someone types for minutes: the
// frame hands the text to the writer thread (max_ms, p99_ms: what the frame waits), which puts
// it on disk (written_p99_ms, written_max_ms: how long until a crash can no longer lose it).
void note_autosave(benchmark::State& state) {
    auto db = Database::open(work_dir() / "notes.db");
    bench::fill_interviews(db, 1, 10);
    InterviewRepository interviews(db);
    auto iv = interviews.for_candidate(PeopleRepository(db).candidates(PeopleRepository(db).loops().front().id).front().id).front();
    interviews.reopen(iv.id, "benchmark");
    DraftWriter writer(db);
    std::string notes;
    std::vector<double> handed, written;
    for (auto _ : state) {
        notes += "Candidate explained canary analysis with a 5% slice and automatic rollback on error budget burn. ";
        if (notes.size() > 20000) notes.clear(); // a long note, then the next question
        const auto t = Clock::now();
        writer.post({iv.id, iv.questions[0].question_id}, notes);
        handed.push_back(ms_since(t));
        writer.wait();
        written.push_back(ms_since(t));
    }
    state.counters["max_ms"] = *std::max_element(handed.begin(), handed.end());
    state.counters["p99_ms"] = percentile(handed, 0.99);
    state.counters["written_p99_ms"] = percentile(written, 0.99);
    state.counters["written_max_ms"] = *std::max_element(written.begin(), written.end());
}

CandidateReport thirty_question_report() {
    static Database db = [] {
        auto d = Database::open(work_dir() / "report.db");
        bench::fill_interviews(d, 1, 30);
        return d;
    }();
    PeopleRepository people(db);
    const auto candidate = people.candidates(people.loops().front().id).front();
    return *load_candidate_report(db, candidate.id);
}

void report_pdf_30(benchmark::State& state) {
    const auto r = thirty_question_report();
    for (auto _ : state) benchmark::DoNotOptimize(report_pdf(r));
}

void report_html_30(benchmark::State& state) {
    const auto r = thirty_question_report();
    for (auto _ : state) benchmark::DoNotOptimize(report_html(r));
}

void bundle_import(benchmark::State& state) {
    const int count = interviews_size();
    auto source = Database::open(work_dir() / fmt::format("bundle-source-{}.db", count));
    bench::fill_interviews(source, count, 10);
    const auto bytes = write_bundle(*bundle_for_loop(source, "Benchmark loop"));
    int round = 0;
    for (auto _ : state) {
        state.PauseTiming();
        auto target = Database::open(work_dir() / fmt::format("bundle-target-{}.db", round++));
        bench::fill_bank(target, 10);
        state.ResumeTiming();
        const auto report = import_bundle_texts(target, {{"loop.json", bytes}});
        benchmark::DoNotOptimize(report);
    }
    state.counters["interviews"] = count;
    state.counters["bundle_MB"] = static_cast<double>(bytes.size()) / 1e6;
}

// The Library's working set: every question of the bank listed (summaries), as at start-up.
std::size_t list_every_question(Database& db) {
    return QuestionRepository(db).search(parse_search_query(""), 200000).size();
}

// Run as `panelist_benchmarks --list-bank FILE` by peak_memory: a fresh process opens the bank
// and lists it, so its peak RSS holds nothing of this one's (the generator's pending index
// lists and term counts, the other benchmarks' data).
constexpr std::string_view list_bank_flag = "--list-bank";

int list_bank(const char* file) {
    auto db = Database::open(file);
    return list_every_question(db) > 0 ? 0 : 1;
}

void peak_memory(benchmark::State& state) {
    const fs::path file = bank().path();
    for (auto _ : state) {
        const pid_t child = ::fork();
        if (child == 0) {
            ::execl("/proc/self/exe", "panelist_benchmarks", list_bank_flag.data(), file.c_str(),
                    static_cast<char*>(nullptr));
            ::_exit(127);
        }
        int status = 0;
        rusage usage{};
        if (child < 0 || ::wait4(child, &status, 0, &usage) != child || !WIFEXITED(status) ||
            WEXITSTATUS(status) != 0) {
            state.SkipWithError("the fresh process listing the bank failed");
            return;
        }
        state.counters["peak_RSS_MB"] = static_cast<double>(usage.ru_maxrss) / 1024.0;
    }
    rusage self{};
    getrusage(RUSAGE_SELF, &self);
    state.counters["this_process_MB"] = static_cast<double>(self.ru_maxrss) / 1024.0;
}

// CPU time of one Library frame while it lists the whole bank (clipped rendering), and of a
// frame with a keystroke in the search box (search included).
void library_frame(benchmark::State& state) {
    SystemClock clock;
    PanelistApp app(bank(), clock, UiSettings{});
    test::HeadlessImGui imgui(1500, 950);
    const std::function<void()> draw = [&] { app.frame(); };
    app.show(ScreenId::library);
    imgui.frame(draw, false); // lists every question once
    for (auto _ : state) imgui.frame(draw, false);
    state.counters["listed"] = static_cast<double>(app.library().results().size());
}

void library_keystroke_frame(benchmark::State& state) {
    SystemClock clock;
    PanelistApp app(bank(), clock, UiSettings{});
    test::HeadlessImGui imgui(1500, 950);
    const std::function<void()> draw = [&] { app.frame(); };
    imgui.frame(draw, false);
    std::size_t i = 0;
    std::vector<double> times;
    for (auto _ : state) {
        app.library().set_query(typing[i++ % typing.size()]);
        const auto t = Clock::now();
        imgui.frame(draw, false);
        times.push_back(ms_since(t));
    }
    state.counters["p95_ms"] = percentile(times, 0.95);
}

} // namespace

BENCHMARK(library_frame)->Unit(benchmark::kMillisecond);
// Enough passes over the keystrokes for a meaningful p95 (the first pass runs on a cold cache).
BENCHMARK(library_keystroke_frame)->Unit(benchmark::kMillisecond)->Iterations(110);
BENCHMARK(search_fts)->Unit(benchmark::kMillisecond)->Iterations(20);
BENCHMARK(similar_while_typing)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(search_like_baseline)->Unit(benchmark::kMillisecond)->Iterations(2); // each pass reads the whole bank
BENCHMARK(score_commit)->Unit(benchmark::kMillisecond);
BENCHMARK(note_autosave)->Unit(benchmark::kMillisecond);
BENCHMARK(report_pdf_30)->Unit(benchmark::kMillisecond);
BENCHMARK(report_html_30)->Unit(benchmark::kMillisecond);
BENCHMARK(bundle_import)->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK(peak_memory)->Unit(benchmark::kMillisecond)->Iterations(1);

int main(int argc, char** argv) {
    if (argc == 3 && argv[1] == list_bank_flag) return list_bank(argv[2]);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    // PANELIST_BENCH_KEEP=1 leaves the databases and the team folder to look at afterwards.
    if (bench::env_size("PANELIST_BENCH_KEEP", 0) == 0) {
        std::error_code ec;
        fs::remove_all(work_dir(), ec);
    } else {
        fmt::print(stderr, "kept: {}\n", work_dir().string());
    }
    return 0;
}

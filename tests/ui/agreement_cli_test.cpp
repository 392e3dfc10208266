// `panelist agreement FILE.csv` as a script sees it: exit code, report, errors, nothing written.
#include "tests/support/panelist_process.hpp"
#include "tests/support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <sstream>
#include <filesystem>
#include <fmt/format.h>
#include <sys/wait.h>
#include <vector>

using panelist::test::TempDir;
namespace files = panelist::test;

namespace {

using panelist::test::has;
using panelist::test::Run;
using panelist::test::run_panelist;



// Shrout & Fleiss (1979): 6 targets, 4 judges; published ICCs .17 .29 .71 .44 .62 .91.
const char* shrout_fleiss_csv =
    "target,Judge1,Judge2,Judge3,Judge4\n"
    "t1,9,2,5,8\nt2,6,1,3,2\nt3,8,4,6,8\nt4,7,1,2,6\nt5,10,5,6,9\nt6,6,2,4,7\n";

// Krippendorff (2011): observers A-D as columns, units 1-12 as rows, empty cells missing.
const char* krippendorff_csv = "A,B,C,D\n1,1,,1\n2,2,3,2\n3,3,3,3\n3,3,3,3\n2,2,2,2\n1,2,3,4\n"
                               "4,4,4,4\n1,1,2,1\n2,2,2,2\n,5,5,5\n,,1,1\n,3,,\n";

// The command reads a file and nothing else: no database appears, the file stays as it was.
void check_nothing_written(const TempDir& home, const std::filesystem::path& csv,
                           const std::string& bytes) {
    CHECK_FALSE(std::filesystem::exists(home / "data"));
    CHECK(files::read_file(csv) == bytes);
}

// A ratings file holding `bytes`, given to `panelist agreement`: refused (exit 1), nothing
// written. The run is returned for its message.
Run refused(const TempDir& home, const std::filesystem::path& csv, const std::string& bytes) {
    files::write_file(csv, bytes);
    const auto r = run_panelist(home, {"agreement", csv.string()});
    CHECK(r.code == 1);
    check_nothing_written(home, csv, bytes);
    return r;
}

} // namespace

TEST_CASE("agreement prints every ICC with its reading for Shrout & Fleiss's example") {
    TempDir home;
    const auto csv = home / "panel.csv";
    files::write_file(csv, shrout_fleiss_csv);
    const auto r = run_panelist(home, {"agreement", csv.string()});
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    CHECK(has(r.out, csv.string() + ": 6 candidates, 4 interviewers"));
    CHECK(has(r.out, "on the 6 candidates scored by all 4 interviewers:"));
    CHECK(has(r.out, "ICC(1,1)   0.166  poor "));
    CHECK(has(r.out, "ICC(2,1)   0.290  poor "));
    CHECK(has(r.out, "ICC(3,1)   0.715  moderate "));
    CHECK(has(r.out, "ICC(1,4)   0.443  poor "));
    CHECK(has(r.out, "ICC(2,4)   0.620  moderate "));
    CHECK(has(r.out, "ICC(3,4)   0.909  excellent "));
    CHECK(has(r.out,
              "Readings: Koo & Li (2016): below 0.50 poor, 0.50-0.75 moderate, 0.75-0.90 good"));
    // Leniency by name: Judge1 scores highest, Judge2 lowest (k/(k-1) * (judge mean - grand mean)).
    CHECK(has(r.out, "Judge1  +3.17  on 6 candidates"));
    CHECK(has(r.out, "Judge2  -3.72  on 6 candidates"));
    check_nothing_written(home, csv, shrout_fleiss_csv);
}

TEST_CASE(
    "agreement prints Krippendorff's alpha at three levels for his example with missing data") {
    TempDir home;
    const auto csv = home / "coders.csv";
    files::write_file(csv, krippendorff_csv);
    const auto r = run_panelist(home, {"agreement", csv.string()});
    CHECK(r.code == 0);
    CHECK(has(r.out, "12 candidates, 4 interviewers"));
    CHECK(has(r.out, "on the 11 candidates scored by 2 or more interviewers (40 scores):"));
    CHECK(has(r.out, "nominal    0.743  moderate     tentative"));
    CHECK(has(r.out, "ordinal    0.815  good         reliable"));
    CHECK(has(r.out, "interval   0.849  good         reliable"));
    CHECK(has(r.out, "(4 candidates left out: a score is missing)"));
    CHECK(has(r.out, "0.800 and above reliable, 0.667-0.800 tentative"));
}

TEST_CASE("agreement says why ICC cannot be computed and still reports alpha") {
    TempDir home;
    const auto csv = home / "sparse.csv";
    files::write_file(csv, "Ana,Ben,Cy\n3,4,\n,2,2\n5,,4\n");
    const auto r = run_panelist(home, {"agreement", csv.string()});
    CHECK(r.code == 0);
    CHECK(
        has(r.out,
            "Intraclass correlation: not computed. ICC needs at least 2 candidates scored by all 3 "
            "interviewers; 0 of 3 are."));
    CHECK(has(r.out, "Krippendorff's alpha, on the 3 candidates"));
    // Each interviewer is compared only where another scored the same candidate.
    CHECK(has(r.out, "Ana  +0.00  on 2 candidates"));
    CHECK(has(r.out, "Ben  +0.50  on 2 candidates"));
    CHECK(has(r.out, "Cy   -0.50  on 2 candidates"));
}

TEST_CASE("impossible statistics are said to be out of range, and scores no scale has are refused") {
    TempDir home;
    const auto csv = home / "opposite.csv";
    files::write_file(csv, "candidate,A,B\nc1,1,5\nc2,5,1\nc3,1,5\nc4,5,1\n");
    const auto r = run_panelist(home, {"agreement", csv.string()});
    CHECK(r.code == 0);
    CHECK(has(r.out, "ICC(2,2)   4.000  out of range the mean of 2 scores"));
    CHECK(has(r.out, "ICC(2,1)  -2.000  out of range"));
    CHECK_FALSE(has(r.out, "excellent  the mean"));
    CHECK_FALSE(has(r.out, "nan"));

    const auto h = refused(home, csv, "candidate,A,B\nc1,1e308,5\nc2,-1e308,1\nc3,1,5\n");
    CHECK(has(h.err, csv.string() + ":2:4: interviewer 'A': '1e308' is not a score on any scale this reads"));
    CHECK(h.out.empty());
}

TEST_CASE("statistics at their edges: the extremes read, the same scores undefined, -0.00 never shown") {
    TempDir home;
    const auto csv = home / "edges.csv";
    const auto read = [&](const std::string& text) {
        files::write_file(csv, text);
        auto r = run_panelist(home, {"agreement", csv.string()});
        CHECK(r.code == 0);
        CHECK_FALSE(has(r.out, "nan"));
        // x/0 is an infinity, shown as such and never with a verdict; 0/0 is undefined.
        std::istringstream lines(r.out);
        for (std::string line; std::getline(lines, line);)
            if (has(line, "inf")) CHECK_MESSAGE(has(line, "inf  out of range"), line);
        return r.out;
    };
    // The largest scores there are: read, with a reading or "out of range", never a verdict from overflow.
    const auto extreme = read("candidate,A,B\nc1,1000000,-1000000\nc2,-1000000,1000000\nc3,1000000,1000000\n");
    CHECK(has(extreme, "ICC(2,1)  -1.000  poor"));
    CHECK(has(extreme, "ICC(3,2)  -2.000  out of range"));
    // Everyone gave everyone the same: nothing to measure, and said so.
    const auto same = read("candidate,A,B\nc1,3,3\nc2,3,3\nc3,3,3\n");
    CHECK(has(same, "ICC(2,1)       -  undefined"));
    CHECK(has(same, "interval       -  undefined    every score is the same"));
    // One candidate: no ICC, with the reason; alpha still.
    const auto one = read("candidate,A,B\nc1,3,4\n");
    CHECK(has(one, "Intraclass correlation: not computed. ICC needs at least 2 candidates"));
    CHECK(has(one, "A  -1.00  on 1 candidate"));
    // A deviation of -0.001 shows as +0.00: a sign on zero would read as a (tiny) harshness.
    const auto close = read("candidate,A,B\nc1,3,3.002\nc2,4,4\n");
    CHECK(has(close, "A  +0.00  on 2 candidates"));
    CHECK_FALSE(has(close, "-0.00"));
    // Nor a coefficient: -0.00021 is 0.000. Alternating scores: ICC(1,2) = -WMS/0.
    const auto near_zero = read("c,A,B,C\nr0,3.127,2,1\nr1,5,1,3\nr2,4,1,3\nr3,3,5,4\n");
    CHECK(has(near_zero, "ICC(2,1)   0.000  poor"));
    CHECK_FALSE(has(near_zero, "-0.000"));
    const auto alternating = read("candidate,A,B\nc1,1,5\nc2,5,1\nc3,1,5\nc4,5,1\n");
    CHECK(has(alternating, "ICC(1,2)    -inf  out of range"));

    // Scores so small their squares vanish are refused like the huge ones.
    const auto tiny = refused(home, csv, "candidate,A,B\nc1,1e-300,2e-300\nc2,3e-300,1e-300\n");
    CHECK(has(tiny.err, csv.string() + ":2:4: interviewer 'A': '1e-300' is not a score on any scale this reads (0, "
                                       "or 0.000001 to 1,000,000 either side of it)"));
}

TEST_CASE("a bad ratings file exits 1 naming file:line:column and writes nothing") {
    TempDir home;
    const auto csv = home / "bad.csv";
    const auto r = refused(home, csv, "Ana,Ben\n3,4\n2,four\n");
    CHECK(has(r.err, csv.string() + ":3:3: interviewer 'Ben': 'four' is not a number"));
    CHECK(r.out.empty());

    const auto r2 = refused(home, csv, "1,2,3\n4,5\n");
    CHECK(has(r2.err, csv.string() + ":2:4: this row has 2 cells; the first row has 3"));
    CHECK(r2.out.empty());

    const auto r3 = refused(home, csv, "Ana,B\xE9n\n1,2\n");
    CHECK(has(r3.err, csv.string() + ":1:6: not valid UTF-8"));

    const auto r4 = refused(home, csv, "");
    CHECK(has(r4.err, csv.string() + ":1:1: the file is empty"));
}

TEST_CASE("a missing, huge or unpaired ratings file exits 1 with the reason") {
    TempDir home;
    const auto missing = run_panelist(home, {"agreement", (home / "nope.csv").string()});
    CHECK(missing.code == 1);
    CHECK(has(missing.err, (home / "nope.csv").string() + ": no such file"));

    const auto huge = home / "huge.csv";
    files::write_file(huge, "1,2\n");
    std::filesystem::resize_file(huge, (32u << 20) + 1); // sparse: costs no disk
    const auto big = run_panelist(home, {"agreement", huge.string()});
    CHECK(big.code == 1);
    CHECK(has(big.err, huge.string() + ": is 32.1 MiB; inputs over 32 MiB are refused"));
    CHECK(big.out.empty());

    const auto unpaired = home / "unpaired.csv";
    files::write_file(unpaired, "Ana,Ben\n3,\n,4\n");
    const auto alone = run_panelist(home, {"agreement", unpaired.string()});
    CHECK(alone.code == 1);
    CHECK(has(
        alone.err,
        "cannot measure agreement: Krippendorff's alpha needs at least one candidate scored by 2 "
        "interviewers; none is."));
    CHECK(alone.out.empty());
    CHECK_FALSE(std::filesystem::exists(home / "data"));
}

TEST_CASE("agreement is listed in --help and needs its file") {
    TempDir home;
    CHECK(has(run_panelist(home, {"--help"}).out, "agreement"));
    CHECK(run_panelist(home, {"agreement"}).code == 2);
}

// Ratings CSV: what a spreadsheet export looks like, and every way a file can be wrong.
#include "persistence/files/files.hpp"
#include "persistence/formats/question_file.hpp"
#include "persistence/formats/ratings_csv.hpp"
#include "tests/support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <string>

using namespace panelist;
using panelist::test::TempDir;

namespace {

// The first problem of a file that must be refused, as the user sees it.
std::string error_of(const std::string& text) {
    try {
        parse_ratings_csv(text, "ratings.csv");
    } catch (const FileError& e) {
        return e.what();
    }
    return "(no error)";
}

} // namespace

TEST_CASE("a bare matrix of numbers: a row per candidate, a column per interviewer") {
    const auto m = parse_ratings_csv("9,2,5,8\n6,1,3,2\n8,4,6,8\n", "r.csv");
    CHECK(m.candidate_count() == 3);
    CHECK(m.interviewer_count() == 4);
    CHECK(*m.at(2, 3) == 8);
    CHECK(m.interviewer(0) == "interviewer 1");
    CHECK(m.candidate(2) == "candidate 3");
}

TEST_CASE("a header of interviewer names and a column of candidate names are found") {
    const auto m = parse_ratings_csv("candidate,Ana,Ben,Cy\nAlice,3,,4\nBob, 2.5 ,5,\n", "r.csv");
    CHECK(m.candidate_count() == 2);
    CHECK(m.interviewer_count() == 3);
    CHECK(m.interviewer(0) == "Ana");
    CHECK(m.interviewer(2) == "Cy");
    CHECK(m.candidate(0) == "Alice");
    CHECK(m.candidate(1) == "Bob");
    CHECK_FALSE(m.at(0, 1)); // an empty cell is a missing score
    CHECK(*m.at(1, 0) == 2.5);
    CHECK_FALSE(m.at(1, 2));

    const auto header_only = parse_ratings_csv("Ana,Ben\n3,4\n5,\n", "r.csv");
    CHECK(header_only.interviewer(1) == "Ben");
    CHECK(header_only.candidate_count() == 2);
    CHECK(header_only.candidate(0) == "candidate 1");

    const auto names_only = parse_ratings_csv("Alice,3,4\nBob,2,5\n", "r.csv");
    CHECK(names_only.interviewer_count() == 2);
    CHECK(names_only.candidate(1) == "Bob");
    CHECK(names_only.interviewer(1) == "interviewer 2");
}

TEST_CASE("spreadsheet habits: BOM, CRLF, quoted names, blank lines, +signs") {
    const std::string text = "\xEF\xBB\xBF,\"Lee, Ana\",\"Ben \"\"B\"\" Ode\"\r\n"
                             "\"Doe, Jane\",+3,4\r\n"
                             "\r\n"
                             "Émile,1e0,\r\n";
    const auto m = parse_ratings_csv(text, "r.csv");
    CHECK(m.interviewer(0) == "Lee, Ana");
    CHECK(m.interviewer(1) == "Ben \"B\" Ode");
    CHECK(m.candidate(0) == "Doe, Jane");
    CHECK(m.candidate(1) == "Émile");
    CHECK(*m.at(0, 0) == 3);
    CHECK(*m.at(1, 0) == 1);
    CHECK_FALSE(m.at(1, 1));
}

TEST_CASE("a cell that is not a number is named by file:line:column and interviewer") {
    CHECK(error_of("Ana,Ben\n3,4\n2,four\n") == "ratings.csv:3:3: interviewer 'Ben': 'four' is not "
                                                "a number (leave the cell empty for no score)");
    // A row mixing numbers and words is scores, not a header: "NA" is reported, nothing is lost.
    CHECK(error_of("3,NA,4\n1,2,3\n") == "ratings.csv:1:3: interviewer 'interviewer 2': 'NA' is "
                                         "not a number (leave the cell empty for no score)");
    CHECK(error_of("Ana,Ben\n3,inf\n") == "ratings.csv:2:3: interviewer 'Ben': 'inf' is not a "
                                          "number (leave the cell empty for no score)");
    // Every bad cell is listed, each on its own line.
    CHECK(error_of("Ana,Ben\n3,x\ny,4\n") == "ratings.csv:2:3: interviewer 'Ben': 'x' is not a "
                                             "number (leave the cell empty for no score)\n"
                                             "ratings.csv:3:1: interviewer 'Ana': 'y' is not a "
                                             "number (leave the cell empty for no score)");
}

TEST_CASE("ragged rows are refused where the row goes wrong") {
    CHECK(error_of("1,2,3\n4,5\n") == "ratings.csv:2:4: this row has 2 cells; the first row has 3");
    CHECK(error_of("1,2\n4,5,6\n") == "ratings.csv:2:5: this row has 3 cells; the first row has 2");
}

TEST_CASE("empty files, header-only files and files with no scores are refused") {
    CHECK(error_of("") ==
          "ratings.csv:1:1: the file is empty; expected one row of scores per candidate");
    CHECK(error_of("\n \n\r\n") ==
          "ratings.csv:1:1: the file is empty; expected one row of scores per candidate");
    CHECK(error_of("\xEF\xBB\xBF") ==
          "ratings.csv:1:1: the file is empty; expected one row of scores per candidate");
    CHECK(error_of("Ana,Ben\n") == "ratings.csv:2:1: no candidates: the file has a header row of "
                                   "interviewer names and nothing else");
    CHECK(error_of("Alice\nBob\n") ==
          "ratings.csv:2:1: no columns of scores: the only column holds candidate names");
}

TEST_CASE("text that is not UTF-8 or not text at all is refused at the first bad byte") {
    CHECK(error_of("Ana,Ben\n3,\xC3\x28\n") ==
          "ratings.csv:2:3: not valid UTF-8; save the file as UTF-8 text");
    CHECK(error_of("Ana,B\xE9n\n3,4\n") ==
          "ratings.csv:1:6: not valid UTF-8; save the file as UTF-8 text");
    CHECK(error_of("\xC0\xAF") ==
          "ratings.csv:1:1: not valid UTF-8; save the file as UTF-8 text"); // overlong '/'
    CHECK(error_of(std::string("1,2\n3,\0", 7)) ==
          "ratings.csv:2:3: control character 0x00; this does not look like a CSV text file");
}

TEST_CASE("quotes that do not close or stray into a cell are refused") {
    CHECK(error_of("Ana,Ben\n3,\"4\n") == "ratings.csv:2:3: this quote is never closed");
    CHECK(error_of("Ana,Ben\n3,\"4\"x\n") ==
          "ratings.csv:2:6: text after the closing quote; put a comma between cells");
    CHECK(error_of("Ana,B\"en\n") == "ratings.csv:1:6: a quote inside an unquoted cell; quote the "
                                     "whole cell and double the inner quote (\"\")");
}

TEST_CASE("names given twice are refused: results are reported by name") {
    CHECK(error_of("Ana,Ben,Ana\n1,2,3\n") ==
          "ratings.csv:1:9: interviewer 'Ana' already heads column 1");
    CHECK(error_of("Alice,1,2\nBob,2,3\nAlice,3,4\n") ==
          "ratings.csv:3:1: candidate 'Alice' is already on line 1");
}

TEST_CASE("a file far larger than any panel is refused with where it went over") {
    std::string rows;
    for (std::size_t i = 0; i <= max_ratings_candidates; ++i)
        rows += "1,2\n";
    CHECK(error_of(rows) ==
          "ratings.csv:10001:1: more than 10000 candidates; one loop's ratings are far fewer");
    std::string wide;
    for (std::size_t j = 0; j < max_ratings_interviewers + 2; ++j)
        wide += "1,";
    CHECK(error_of(wide + "1\n") ==
          "ratings.csv:1:403: more than 201 columns (a column of names and 200 interviewers); one loop's interviewers are far fewer");
    std::string header = "I0";
    std::string scores = "3";
    for (std::size_t j = 1; j <= max_ratings_interviewers; ++j) {
        header += ",I" + std::to_string(j);
        scores += ",3";
    }
    CHECK(error_of(header + "\n" + scores + "\n") ==
          "ratings.csv:1:891: more than 200 interviewers; one loop's panel is far smaller");
}

TEST_CASE("read_ratings_csv reads a file, and refuses a missing or huge one by name") {
    TempDir dir;
    panelist::test::write_file(dir / "r.csv", "Ana,Ben\n1,2\n3,4\n");
    CHECK(read_ratings_csv(dir / "r.csv").candidate_count() == 2);

    const auto missing = (dir / "nope.csv").string();
    CHECK_THROWS_WITH_AS(read_ratings_csv(missing), (missing + ": no such file").c_str(),
                         FileError);

    const auto huge = dir / "huge.csv";
    panelist::test::write_file(huge, "1,2\n");
    std::filesystem::resize_file(huge, max_input_file_bytes + 1); // sparse: costs no disk
    CHECK_THROWS_WITH_AS(read_ratings_csv(huge),
                         (huge.string() + ": is 32.1 MiB; inputs over 32 MiB are refused").c_str(),
                         FileError);
}

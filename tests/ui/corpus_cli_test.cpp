// The malformed-input corpus (tests/corpus) through the real command line: exit 1, a clear error.
#include "tests/support/panelist_process.hpp"
#include "tests/support/temp_dir.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using panelist::test::has;
using panelist::test::Run;
using panelist::test::TempDir;

namespace {

const fs::path corpus = PANELIST_CORPUS_DIR;

// Each corpus file of one format with the line its error must contain (NAME.expect).
std::vector<std::pair<fs::path, std::string>> cases(const std::string& kind) {
    std::vector<std::pair<fs::path, std::string>> out;
    for (const auto& entry : fs::directory_iterator(corpus / kind)) {
        if (entry.path().extension() == ".expect") continue;
        std::string expect = panelist::test::read_file(entry.path().string() + ".expect");
        while (!expect.empty() && expect.back() == '\n')
            expect.pop_back();
        out.emplace_back(entry.path(), entry.path().filename().string() + expect);
    }
    std::sort(out.begin(), out.end());
    return out;
}

// Runs `args` + FILE for every corpus file of `kind`: each must exit 1 naming its problem,
// and leave the database file (when there is one) as it was.
void check_refused(const std::string& kind, const std::vector<std::string>& args,
                   const fs::path& db = {}) {
    TempDir home;
    const std::string before = db.empty() ? "" : panelist::test::read_file(db);
    const auto all = cases(kind);
    REQUIRE(all.size() >= 8);
    for (const auto& [file, expect] : all) {
        CAPTURE(file);
        auto command = args;
        command.push_back(file.string());
        const Run r = run_panelist(home, command);
        CHECK(r.code == 1);
        CHECK_MESSAGE(has(r.err, expect), "expected '" << expect << "' in: " << r.err);
        CHECK(r.out.empty());
        if (!db.empty()) CHECK(panelist::test::read_file(db) == before);
    }
}

} // namespace

TEST_CASE("panelist import refuses every malformed question file with exit 1") {
    TempDir home;
    const auto db = home / "p.db";
    REQUIRE(run_panelist(home, {"--db", db.string(), "questions"}).code == 0); // seeded bank
    check_refused("toml", {"--db", db.string(), "import"}, db);
}

TEST_CASE("panelist import refuses every malformed question spreadsheet with exit 1") {
    TempDir home;
    const auto db = home / "p.db";
    REQUIRE(run_panelist(home, {"--db", db.string(), "questions"}).code == 0); // seeded bank
    check_refused("question-csv", {"--db", db.string(), "import"}, db);
}

TEST_CASE("panelist bundle import refuses every malformed bundle with exit 1") {
    TempDir home;
    const auto db = home / "p.db";
    REQUIRE(run_panelist(home, {"--db", db.string(), "bundle", "import",
                                (corpus / "good" / "bundle.json").string()})
                .code == 0);
    check_refused("json", {"--db", db.string(), "bundle", "import"}, db);
}

TEST_CASE("panelist agreement refuses every malformed ratings CSV with exit 1") {
    check_refused("csv", {"agreement"});
}

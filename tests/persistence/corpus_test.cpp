// Malformed inputs (tests/corpus): each is refused with its expected error, and nothing is written.
//
// Every corpus file NAME has a sidecar NAME.expect: one line that the error must contain,
// location included. Binary junk is made here at run time rather than kept in git.
#include "domain/search_query.hpp"
#include "persistence/formats/bank_seed.hpp"
#include "persistence/formats/bundle.hpp"
#include "persistence/store/demo_data.hpp"
#include "persistence/files/files.hpp"
#include "persistence/formats/question_import.hpp"
#include "persistence/formats/ratings_csv.hpp"
#include "tests/support/temp_dir.hpp"

#include <SQLiteCpp/Statement.h>
#include <algorithm>
#include <doctest/doctest.h>
#include <filesystem>
#include <fmt/format.h>
#include <string>
#include <vector>

using namespace panelist;
namespace fs = std::filesystem;

namespace {

const fs::path corpus = PANELIST_CORPUS_DIR;

struct Case {
    fs::path file;
    std::string expect;
};

std::string expectation(const fs::path& file) {
    std::string text = test::read_file(fs::path(file.string() + ".expect"));
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
        text.pop_back();
    return text;
}

// Every corpus file of one format, sorted, each with its .expect line.
std::vector<Case> cases(const std::string& kind) {
    std::vector<Case> out;
    for (const auto& entry : fs::directory_iterator(corpus / kind)) {
        if (entry.path().extension() == ".expect") continue;
        out.push_back({entry.path(), expectation(entry.path())});
        CHECK_MESSAGE(!out.back().expect.empty(), entry.path() << " has no .expect line");
    }
    std::sort(out.begin(), out.end(), [](const Case& a, const Case& b) { return a.file < b.file; });
    return out;
}

// A database as a user has it: the shipped bank, the demo loop, and one bundle merged in.
void fill(Database& db) {
    std::vector<fs::path> bank;
    for (const auto& entry : fs::directory_iterator(PANELIST_BANK_DIR))
        bank.push_back(entry.path());
    std::sort(bank.begin(), bank.end());
    seed_bank(db, bank);
    fill_demo(db);
    // The demo has a loop of the same name: taken as one, which fills the alias tables too.
    import_bundle_files(db, {fs::path(PANELIST_CORPUS_DIR) / "good" / "bundle.json"}, SameNames::merge);
}

// Every row of every table, as text, in a stable order: equal dumps mean nothing was written.
std::vector<std::string> dump(Database& db) {
    std::vector<std::string> rows;
    SQLite::Statement tables(db.sql(), "SELECT name, sql FROM sqlite_master ORDER BY name");
    std::vector<std::string> names;
    while (tables.executeStep()) {
        rows.push_back("schema " + tables.getColumn(0).getString() + " " +
                       tables.getColumn(1).getString());
        names.push_back(tables.getColumn(0).getString());
    }
    for (const auto& name : names) {
        SQLite::Statement kind(db.sql(), "SELECT type FROM sqlite_master WHERE name = ?");
        kind.bind(1, name);
        if (!kind.executeStep() || kind.getColumn(0).getString() != "table") continue;
        SQLite::Statement select(db.sql(), fmt::format("SELECT * FROM \"{}\"", name));
        std::vector<std::string> table_rows;
        while (select.executeStep()) {
            std::string row = name;
            for (int i = 0; i < select.getColumnCount(); ++i) {
                const auto column = select.getColumn(i);
                row += column.isNull() ? "|NULL" : "|" + column.getString();
            }
            table_rows.push_back(std::move(row));
        }
        std::sort(table_rows.begin(), table_rows.end());
        rows.insert(rows.end(), table_rows.begin(), table_rows.end());
    }
    SQLite::Statement version(db.sql(), "PRAGMA user_version");
    version.executeStep();
    rows.push_back("user_version " + version.getColumn(0).getString());
    return rows;
}

// The message `import` gives for `text`; fails the test if the import succeeds.
template <typename Import> std::string refusal(Import import, Database& db, const NamedText& text) {
    try {
        import(db, std::vector<NamedText>{text});
    } catch (const FileError& e) {
        return e.what();
    }
    FAIL_CHECK(text.name << " was imported; it should have been refused");
    return {};
}

template <typename Import> void check_refused_unchanged(const std::string& kind, Import import) {
    test::TempDir dir;
    Database db = Database::open(dir / "panelist.db");
    fill(db);
    const auto before = dump(db);
    REQUIRE(before.size() > 100); // the bank, the demo loop and the bundle are really there
    const auto all = cases(kind);
    REQUIRE(all.size() >= 8);
    for (const auto& c : all) {
        CAPTURE(c.file);
        const std::string name = c.file.filename().string();
        const std::string error = refusal(import, db, {name, test::read_file(c.file)});
        CHECK_MESSAGE(error.find(name + c.expect) != std::string::npos,
                      "expected '" << name + c.expect << "' in: " << error);
        CHECK(dump(db) == before);
    }
}

// Bytes no text editor writes: NULs, control characters, bytes that are never UTF-8.
std::string binary_junk() {
    std::string junk;
    for (int i = 0; i < 512; ++i)
        junk += static_cast<char>((i * 151 + 7) % 256);
    return std::string("\x00\x01\xFE\xFF", 4) + junk;
}

} // namespace

TEST_CASE("every malformed question file is refused at its line and column, writing nothing") {
    check_refused_unchanged("toml", import_question_texts);
}

TEST_CASE("every malformed question spreadsheet (CSV) is refused at its row and column, writing nothing") {
    check_refused_unchanged("question-csv", import_question_texts);
}

TEST_CASE("a question file with only its format is not empty: an empty bank exports that") {
    test::TempDir dir;
    Database db = Database::open(dir / "panelist.db");
    const auto report = import_question_texts(db, {{"bank.toml", "format = 1\n"}});
    CHECK(report.questions == ImportCounts{});
    CHECK(report.sets == ImportCounts{});
}

TEST_CASE("the row dump sees an import that does write") {
    test::TempDir dir;
    Database db = Database::open(dir / "panelist.db");
    fill(db);
    const auto before = dump(db);
    import_question_files(db, {corpus / "good" / "questions.toml"});
    CHECK(dump(db) != before);
}

TEST_CASE("every malformed scorecard bundle is refused at its JSON location, writing nothing") {
    check_refused_unchanged("json", [](Database& db, const std::vector<NamedText>& t) { return import_bundle_texts(db, t); });
}

TEST_CASE("every malformed ratings CSV is refused at its line and column") {
    const auto all = cases("csv");
    REQUIRE(all.size() >= 8);
    for (const auto& c : all) {
        CAPTURE(c.file);
        const std::string name = c.file.filename().string();
        try {
            parse_ratings_csv(test::read_file(c.file), name);
            FAIL_CHECK(name << " was read; it should have been refused");
        } catch (const FileError& e) {
            CHECK_MESSAGE(std::string(e.what()).find(name + c.expect) != std::string::npos,
                          "expected '" << name + c.expect << "' in: " << std::string(e.what()));
        }
    }
}

TEST_CASE("binary junk is refused by every reader, writing nothing") {
    test::TempDir dir;
    Database db = Database::open(dir / "panelist.db");
    fill(db);
    const auto before = dump(db);
    const NamedText junk{"junk.bin", binary_junk()};
    const std::string toml_error = refusal(import_question_texts, db, junk);
    CHECK_MESSAGE(toml_error.find("junk.bin:1:2: Encountered invalid utf-8 sequence") !=
                      std::string::npos,
                  toml_error);
    CHECK(refusal([](Database& d, const std::vector<NamedText>& t) { return import_bundle_texts(d, t); }, db, junk).find("junk.bin:1:1: not valid JSON") !=
          std::string::npos);
    CHECK(dump(db) == before);
    CHECK_THROWS_WITH_AS(parse_ratings_csv(junk.text, junk.name),
                         "junk.bin:1:1: control character 0x00; this does not look like a CSV "
                         "text file",
                         FileError);
}

TEST_CASE("malformed search queries are refused with the column of the problem") {
    const auto all = cases("query");
    REQUIRE(all.size() >= 4);
    for (const auto& c : all) {
        CAPTURE(c.file);
        std::string text = test::read_file(c.file);
        if (!text.empty() && text.back() == '\n') text.pop_back(); // one query per file
        try {
            parse_search_query(text);
            FAIL_CHECK("'" << text << "' was read; it should have been refused");
        } catch (const QueryError& e) {
            CHECK_MESSAGE(std::string(e.what()).find(c.expect) != std::string::npos,
                          "expected '" << c.expect << "' in: " << std::string(e.what()));
        }
    }
}

// The command line as a script sees it: exit codes, stdout, stderr and files on disk.
#include "persistence/store/database.hpp"
#include "tests/support/panelist_process.hpp"
#include "tests/support/temp_dir.hpp"

#include <cstdio>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <thread>
#include <sys/wait.h>
#include <vector>

using panelist::test::TempDir;
namespace files = panelist::test;

namespace {

using panelist::test::has;
using panelist::test::Run;
using panelist::test::run_panelist;



const char* small_bank = R"toml(format = 1
[[question]]
id = "tiny/one"
topic = "tiny"
level = "both"
difficulty = "easy"
minutes = 3
prompt = "Describe a canary release."

[[set]]
name = "Tiny screen"
minutes = 10
questions = ["tiny/one"]
)toml";

} // namespace

TEST_CASE("--help lists every command and --version prints the version") {
    TempDir home;
    auto help = run_panelist(home, {"--help"});
    CHECK(help.code == 0);
    for (const char* cmd : {"import", "export", "questions", "--db", "--screenshot"})
        CHECK_MESSAGE(has(help.out, cmd), cmd);
    auto version = run_panelist(home, {"--version"});
    CHECK(version.code == 0);
    CHECK(has(version.out, "0."));
}

TEST_CASE("bad usage exits 2 with a message") {
    TempDir home;
    CHECK(run_panelist(home, {"--no-such-flag"}).code == 2);
    CHECK(run_panelist(home, {"frobnicate"}).code == 2);
    auto no_target = run_panelist(home, {"export", "--out", (home / "x.toml").string()});
    CHECK(no_target.code == 2);
    CHECK(has(no_target.err, "--set NAME or --all"));
    CHECK(run_panelist(home, {"export", "--all", "--set", "x", "--out", "y"}).code == 2);
    CHECK(run_panelist(home, {"import"}).code == 2);
}

TEST_CASE("the default database is created private under XDG_DATA_HOME and seeded with the bank") {
    TempDir home;
    auto r = run_panelist(home, {"questions"});
    CHECK(r.code == 0);
    const auto db = home / "data" / "panelist" / "panelist.db";
    struct stat st {};
    REQUIRE(::stat(db.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(has(r.err, "questions"));
    CHECK(has(r.out, "monitoring/")); // the shipped MLOps bank is there
}

TEST_CASE("import, search and export through --db") {
    TempDir home;
    const auto db = (home / "p.db").string();
    files::write_file(home / "bank.toml", small_bank);
    auto imported = run_panelist(home, {"--db", db, "import", (home / "bank.toml").string()});
    CHECK(imported.code == 0);
    CHECK(has(imported.out, "questions: 1 added, 0 updated, 0 unchanged"));
    CHECK(has(imported.out, "sets: 1 added"));
    auto again = run_panelist(home, {"--db", db, "import", (home / "bank.toml").string()});
    CHECK(has(again.out, "questions: 0 added, 0 updated, 1 unchanged"));

    auto found = run_panelist(home, {"--db", db, "questions", "topic:tiny", "canary"});
    CHECK(found.code == 0);
    CHECK(has(found.out, "tiny/one"));
    CHECK(has(found.err, "1 question"));

    const auto out = home / "set.toml";
    auto exported = run_panelist(home, {"--db", db, "export", "--set", "Tiny screen", "--out", out.string()});
    CHECK(exported.code == 0);
    CHECK(has(exported.out, "and 1 set to ")); // never "1 sets"
    CHECK(has(files::read_file(out), "name = \"Tiny screen\""));
    CHECK(run_panelist(home, {"--db", db, "export", "--set", "Nope", "--out", out.string()}).code == 1);
}

TEST_CASE("a bad file exits 1, names file:line:column and field, and imports nothing") {
    TempDir home;
    const auto db = (home / "p.db").string();
    run_panelist(home, {"--db", db, "questions"});
    const auto before = run_panelist(home, {"--db", db, "questions"}).out;
    files::write_file(home / "good.toml", small_bank);
    files::write_file(home / "bad.toml", "[[question]]\nid = \"tiny/two\"\nminutes = \"ten\"\n");
    auto r = run_panelist(home, {"--db", db, "import", (home / "good.toml").string(), (home / "bad.toml").string()});
    CHECK(r.code == 1);
    CHECK(has(r.err, (home / "bad.toml").string() + ":3:11: minutes: expected a whole number"));
    CHECK(has(r.err, "Nothing was imported."));
    CHECK(run_panelist(home, {"--db", db, "questions"}).out == before);
}

TEST_CASE("a bad query exits 1 and points at the problem") {
    TempDir home;
    auto r = run_panelist(home, {"--db", (home / "p.db").string(), "questions", "level:expert"});
    CHECK(r.code == 1);
    CHECK(has(r.err, "use junior, senior or both"));
}

TEST_CASE("the README's search example works as typed, leading dashes and all") {
    TempDir home;
    const std::string db = (home / "p.db").string();
    // The shell turns -"feature store" into the one word `-feature store`.
    auto r = run_panelist(home, {"--db", db, "questions", "topic:monitoring", "level:senior", "drift", "-feature store"});
    CHECK_MESSAGE(r.code == 0, r.err);
    CHECK(has(r.out, "monitoring/"));
    // The phrase is excluded as a phrase: fewer questions than without the exclusion, and
    // none that holds it.
    auto all = run_panelist(home, {"--db", db, "questions", "feature store"});
    auto phrase = run_panelist(home, {"--db", db, "questions", "\"feature store\""});
    auto without = run_panelist(home, {"--db", db, "questions", "-feature store"});
    REQUIRE(phrase.code == 0);
    REQUIRE(without.code == 0);
    const auto count = [](const std::string& err) { return std::stoi(err.substr(0, err.find(' '))); };
    CHECK(count(phrase.err) > 0);
    CHECK(count(without.err) + count(phrase.err) == count(run_panelist(home, {"--db", db, "questions"}).err));
    CHECK(all.code == 0);
    // The whole query as one argument is read as before: a filter and a word, not a phrase.
    auto one_arg = run_panelist(home, {"--db", db, "questions", "topic:monitoring drift"});
    auto two_args = run_panelist(home, {"--db", db, "questions", "topic:monitoring", "drift"});
    CHECK(one_arg.code == 0);
    CHECK(one_arg.out == two_args.out);
    CHECK_FALSE(one_arg.out.empty());
    // Only the command `questions` is read this way: a set, a file or a candidate named
    // "questions" elsewhere on the line is left to the usual parsing.
    const auto set_named = run_panelist(home, {"--db", db, "export", "--set", "questions", "--out", (home / "q.toml").string()});
    CHECK(set_named.code == 1); // no such set: a user error, not bad usage
    CHECK(has(set_named.err, "questions"));
    CHECK(run_panelist(home, {"--db", db, "questions", "questions"}).code == 0); // searching for the word
    // --db may still come after the command, and `--` still works.
    CHECK(run_panelist(home, {"questions", "--db", db, "-drift"}).code == 0);
    CHECK(run_panelist(home, {"--db", db, "questions", "--", "-drift"}).code == 0);
}

TEST_CASE("text from a question file reaches the terminal as escapes, never as commands") {
    TempDir home;
    const std::string db = (home / "p.db").string();
    panelist::test::write_file((home / "evil.toml").string(),
                     "[[question]]\nid = \"evil/clear\"\ntopic = \"evil\"\nlevel = \"both\"\ndifficulty = \"easy\"\n"
                     "minutes = 5\nprompt = \"Clear \\u001b[2J the screen \\u202e and \\u009b turn\"\nanswer = \"x\"\n"
                     "[question.rubric]\n1 = \"a\"\n3 = \"b\"\n5 = \"c\"\n");
    REQUIRE(run_panelist(home, {"--db", db, "import", (home / "evil.toml").string()}).code == 0);
    auto r = run_panelist(home, {"--db", db, "questions", "topic:evil"});
    REQUIRE(r.code == 0);
    CHECK(has(r.out, "Clear \\x1b[2J the screen \\u202e and \\u009b turn"));
    CHECK(r.out.find('\x1b') == std::string::npos);
    CHECK(r.out.find("\xe2\x80\xae") == std::string::npos);
    CHECK(r.out.find("\xc2\x9b") == std::string::npos);
}

TEST_CASE("the command line's own usage errors show control characters as escapes too") {
    TempDir home;
    const auto r = run_panelist(home, {"--db", (home / "p.db").string(), "frob\x1b[2J"});
    CHECK(r.code == 2);
    CHECK(has(r.out + r.err, "frob\\x1b[2J"));
    CHECK((r.out + r.err).find('\x1b') == std::string::npos);
}

TEST_CASE("a file whose name starts with a dash: named with ./ or after --, and the usage error says so") {
    TempDir home;
    const std::string db = (home / "p.db").string();
    files::write_file(home / "-bank.toml", small_bank);
    // Panelist starts in this process's folder: the bare name is the file there.
    struct InFolder {
        std::filesystem::path before = std::filesystem::current_path();
        explicit InFolder(const std::filesystem::path& to) { std::filesystem::current_path(to); }
        ~InFolder() { std::filesystem::current_path(before); }
    } in_home(home.path());
    const auto bare = run_panelist(home, {"--db", db, "import", "-bank.toml"});
    CHECK(bare.code == 2);
    CHECK(has(bare.err, "'-bank.toml' is a file here but reads as an option: name it ./-bank.toml, or put -- before it."));
    const auto dotted = run_panelist(home, {"--db", db, "import", "./-bank.toml"});
    CHECK(dotted.code == 0);
    const auto dashed = run_panelist(home, {"--db", db, "import", "--", "-bank.toml"});
    CHECK(dashed.code == 0);
    CHECK(has(dashed.out, "questions: 0 added, 0 updated, 1 unchanged"));
    // A mistyped option that is no file gets no such hint.
    const auto typo = run_panelist(home, {"--db", db, "import", "-bnak.toml"});
    CHECK(typo.code == 2);
    CHECK_FALSE(has(typo.err, "is a file here"));
}

TEST_CASE("a bad query's caret points at the problem even after control characters and accents") {
    TempDir home;
    const std::string db = (home / "p.db").string();
    const auto r = run_panelist(home, {"--db", db, "questions", "caf\xc3\xa9 \x1b[2J level:expert"});
    CHECK(r.code == 1);
    // Shown: 'café \x1b[2J level:expert'; the caret under the 'l' of level, 13 characters in.
    CHECK(has(r.err, "  caf\xc3\xa9 \\x1b[2J level:expert\n  " + std::string(13, ' ') + "^\n"));

    // After two CJK characters (two cells each in a terminal), the column counts characters and
    // the caret counts cells: under the quote.
    const auto wide = run_panelist(home, {"--db", db, "questions", "\xe6\x97\xa5\xe6\x9c\xac \"abc"});
    CHECK(wide.code == 1);
    CHECK(has(wide.err, "column 4: this quote is never closed"));
    CHECK(has(wide.err, "  \xe6\x97\xa5\xe6\x9c\xac \"abc\n  " + std::string(5, ' ') + "^\n"));
}

TEST_CASE("a hundred exclusions are refused as too long a search, not blamed on the database") {
    TempDir home;
    const std::string db = (home / "p.db").string();
    std::vector<std::string> args = {"--db", db, "questions", "drift"};
    for (int i = 1; i <= 100; ++i) args.push_back("-w" + std::to_string(i));
    auto r = run_panelist(home, args);
    CHECK(r.code == 1);
    CHECK(has(r.err, "a search holds at most 32 words, phrases and filters"));
    CHECK_FALSE(has(r.err, "fts5"));
    CHECK_FALSE(has(r.err, "p.db"));
}

TEST_CASE("a file that is not a Panelist database exits 1 and stays untouched") {
    TempDir home;
    const auto path = home / "notes.txt";
    files::write_file(path, "my notes");
    auto r = run_panelist(home, {"--db", path.string(), "questions"});
    CHECK(r.code == 1);
    CHECK(has(r.err, "not a Panelist database"));
    CHECK(files::read_file(path) == "my notes");
}

TEST_CASE("an installed Panelist finds its bank without the source tree") {
    TempDir home;
    const auto prefix = home / "prefix";
    REQUIRE(run_process("cmake", home, {"--install", PANELIST_BUILD_DIR, "--prefix", prefix.string()}).code == 0);
    CHECK(std::filesystem::exists(prefix / "share" / "applications" / "panelist.desktop"));
    CHECK(std::filesystem::exists(prefix / "share" / "icons" / "hicolor" / "scalable" / "apps" / "panelist.svg"));
    auto r = run_panelist(home, {"questions", "topic:monitoring"}, (prefix / "bin" / "panelist").string());
    CHECK(r.code == 0);
    CHECK(has(r.out, "monitoring/"));
}

TEST_CASE("report writes each format, and says clearly what is wrong") {
    TempDir home;
    const auto db = (home / "p.db").string();
    REQUIRE(run_panelist(home, {"--db", db, "demo"}).code == 0);
    for (const char* format : {"md", "html", "pdf", "json"}) {
        const auto out = home / (std::string("amara.") + format);
        auto r = run_panelist(home, {"--db", db, "report", "Amara Okafor", "--format", format, "--out", out.string()});
        CHECK_MESSAGE(r.code == 0, format);
        struct stat st {};
        REQUIRE(::stat(out.c_str(), &st) == 0);
        CHECK((st.st_mode & 0777) == 0600);
        CHECK(st.st_size > 500);
    }
    CHECK(has(files::read_file(home / "amara.md"), "# Amara Okafor"));
    auto nobody = run_panelist(home, {"--db", db, "report", "Nobody", "--format", "md", "--out", (home / "x.md").string()});
    CHECK(nobody.code == 1);
    CHECK(has(nobody.err, "no candidate named 'Nobody'"));
    CHECK_FALSE(std::filesystem::exists(home / "x.md"));
    CHECK(run_panelist(home, {"--db", db, "report", "Amara Okafor", "--format", "docx", "--out", "x"}).code == 2);
    CHECK(run_panelist(home, {"--db", db, "demo"}).code == 1); // the demo loop is there already
}

TEST_CASE("compare writes each format; blind leaves no name in the file") {
    TempDir home;
    const auto db = (home / "p.db").string();
    REQUIRE(run_panelist(home, {"--db", db, "demo"}).code == 0);
    const std::string loop = "MLOps Engineer, Berlin, 2026-Q4";
    for (const char* format : {"csv", "md", "html", "json"}) {
        const auto out = home / (std::string("loop.") + format);
        auto r = run_panelist(home, {"--db", db, "compare", loop, "--format", format, "--blind", "--out", out.string()});
        CHECK_MESSAGE(r.code == 0, format);
        const auto text = files::read_file(out);
        for (const char* name : {"Amara", "Bruno", "Chen", "Dalia", "Erik"}) CHECK_MESSAGE(!has(text, name), name);
        CHECK(has(text, "Candidate A"));
    }
    CHECK(has(files::read_file(home / "loop.csv"), "Ana Ruiz")); // interviewers stay named
    CHECK(run_panelist(home, {"--db", db, "compare", "No such loop", "--format", "csv", "--out", "x.csv"}).code == 1);
    CHECK(run_panelist(home, {"--db", db, "compare", loop, "--format", "xls", "--out", "x"}).code == 2);
}

TEST_CASE("a first start cut short before the bank was loaded gets the bank on the next start") {
    TempDir home;
    const auto db = home / "p.db";
    { auto created = panelist::Database::open(db); } // created, then "killed" before seeding
    auto r = run_panelist(home, {"--db", db.string(), "questions", "topic:monitoring"});
    CHECK(r.code == 0);
    CHECK(has(r.out, "monitoring/"));
    // A curator who empties the bank on purpose does not get it back.
    {
        auto opened = panelist::Database::open(db);
        opened.sql().exec("DELETE FROM question");
    }
    CHECK_FALSE(has(run_panelist(home, {"--db", db.string(), "questions"}).out, "monitoring/"));
}

TEST_CASE("a database an older Panelist seeded gets the newer bank's new questions on the next start, and keeps the user's") {
    TempDir home;
    const auto db = home / "p.db";
    REQUIRE(run_panelist(home, {"--db", db.string(), "questions"}).code == 0);
    std::string edited, fresh;
    {
        // As an older edition left it: without three of today's questions and one set, and a
        // question the user reworded.
        auto opened = panelist::Database::open(db);
        auto& sql = opened.sql();
        edited = sql.execAndGet("SELECT id FROM question ORDER BY id LIMIT 1").getString();
        sql.exec("UPDATE question SET prompt = 'The user''s wording?' WHERE id = '" + edited + "'");
        fresh = sql.execAndGet("SELECT id FROM question ORDER BY id DESC LIMIT 1").getString();
        sql.exec("DELETE FROM bank_shipped WHERE kind = 'question' AND name IN "
                 "(SELECT id FROM question ORDER BY id DESC LIMIT 3)");
        sql.exec("DELETE FROM question WHERE id IN (SELECT id FROM question ORDER BY id DESC LIMIT 3)");
        sql.exec("DELETE FROM bank_shipped WHERE kind = 'set' AND name = (SELECT name FROM question_set ORDER BY name LIMIT 1)");
        sql.exec("DELETE FROM question_set WHERE name = (SELECT name FROM question_set ORDER BY name LIMIT 1)");
        sql.exec("UPDATE meta SET value = 'an older edition' WHERE key = 'bank_fingerprint'");
    }
    const auto r = run_panelist(home, {"--db", db.string(), "questions"});
    CHECK(r.code == 0);
    CHECK(has(r.err, "the shipped question bank's new edition added 3 questions and 1 question set "));
    CHECK(has(r.out, fresh));
    auto opened = panelist::Database::open(db);
    CHECK(opened.sql().execAndGet("SELECT prompt FROM question WHERE id = '" + edited + "'").getString() ==
          "The user's wording?");
    // The next start has nothing to add and says nothing.
    CHECK_FALSE(has(run_panelist(home, {"--db", db.string(), "questions"}).err, "new edition"));
}

TEST_CASE("practice refuses an interviewer who never practised, a set not there and an unknown format, writing nothing") {
    TempDir home;
    const auto db = (home / "p.db").string();
    const auto out = home / "record.json";
    auto r = run_panelist(home, {"--db", db, "practice", "--as", "Nobody", "--format", "json", "--out", out.string()});
    CHECK(r.code == 1);
    CHECK(has(r.err, "Nobody has not practised in this database: nobody has."));
    {
        auto opened = panelist::Database::open(db);
        opened.sql().exec("INSERT INTO practice_session (id, interviewer) VALUES (1, 'Ana')");
        opened.sql().exec("INSERT INTO practice_score (session_id, position, question_id, sample, given, reference) "
                          "VALUES (1, 0, 'm/a', 0, 3, 4)");
    }
    r = run_panelist(home, {"--db", db, "practice", "--as", "Ana", "--set", "No such set", "--format", "json", "--out", out.string()});
    CHECK(r.code == 1);
    CHECK(has(r.err, "There is no question set named 'No such set'."));
    r = run_panelist(home, {"--db", db, "practice", "--as", "Ana", "--format", "xml", "--out", out.string()});
    CHECK(r.code == 2);
    CHECK(has(r.err, "'xml' is not a practice record format; use json or csv."));
    CHECK_FALSE(std::filesystem::exists(out));
    r = run_panelist(home, {"--db", db, "practice", "--as", "Bob", "--format", "csv", "--out", out.string()});
    CHECK(has(r.err, "Bob has not practised in this database (who has: Ana)."));
    r = run_panelist(home, {"--db", db, "practice", "--as", "Ana", "--format", "csv", "--out", out.string()});
    CHECK(r.code == 0);
    CHECK(has(r.out, "Wrote Ana's practice record (1 session, 1 score)"));
    CHECK(has(files::read_file(out), "\"m/a\",1,3,4,-1,"));
}

TEST_CASE("import --preview says what would change and leaves the database byte for byte as it was") {
    TempDir home;
    const auto db = home / "p.db";
    REQUIRE(run_panelist(home, {"--db", db.string(), "questions"}).code == 0);
    const auto file = home / "new.csv";
    files::write_file(file, "id,topic,level,difficulty,minutes,prompt\r\nnew/one,new,both,easy,3,New?\r\n");
    const std::string before = files::read_file(db);
    const auto r = run_panelist(home, {"--db", db.string(), "import", "--preview", file.string()});
    CHECK(r.code == 0);
    CHECK(has(r.out, "adds 1 question: new/one"));
    CHECK(has(r.out, "Nothing was written (a preview)"));
    CHECK(files::read_file(db) == before);
    CHECK(run_panelist(home, {"--db", db.string(), "import", file.string()}).code == 0);
    CHECK(has(run_panelist(home, {"--db", db.string(), "questions", "--", "topic:new"}).out, "new/one"));
}

TEST_CASE("a corpus of bad command lines: a clear message, the right exit code, nothing changed") {
    TempDir home;
    const auto db = (home / "p.db").string();
    REQUIRE(run_panelist(home, {"--db", db, "questions"}).code == 0);
    const auto before = files::read_file(home / "p.db");
    const std::string huge(20000, 'a');
    const std::string invalid_utf8 = "caf\xC3\x28 \xFF\xFE";
    const std::string junk("\x01\x02\x7f\x1b[31m", 7);
    struct Case {
        std::vector<std::string> args;
        int code;
    };
    const std::vector<Case> cases = {
        {{"--db"}, 2},                                        // missing value
        {{"--db", db, "--view", "kitchen"}, 2},               // value not allowed
        {{"--db", db, "export", "--set"}, 2},                 // option without its value
        {{"--db", db, "export", "--all", "--out"}, 2},
        {{"--db", db, "report", "x", "--format", "md"}, 2},  // required --out missing
        {{"--db", db, "import", (home / huge).string()}, 1},  // absurdly long path
        {{"--db", db, "import", invalid_utf8}, 1},            // a path that is not UTF-8
        {{"--db", db, "questions", invalid_utf8 + " topic:" + invalid_utf8}, 1},
        {{"--db", db, "questions", "level:" + huge}, 1},
        {{"--db", db, "questions", junk}, 0},                 // control characters are just text
        {{"--db", db, junk}, 2},
        {{"--db", db, "report", huge, "--format", "pdf", "--out", (home / "r.pdf").string()}, 1},
        {{"--db", db, "compare", "loop", "--format", "csv", "--out", (home / "no" / "dir.csv").string()}, 1},
        {{"--db", (home / huge).string(), "questions"}, 1},
    };
    for (const auto& c : cases) {
        std::string shown;
        for (const auto& a : c.args) shown += (a.size() > 40 ? a.substr(0, 40) + "..." : a) + " ";
        INFO(shown);
        const auto r = run_panelist(home, c.args);
        CHECK(r.code == c.code);
        if (c.code != 0) CHECK_FALSE(r.err.empty());
    }
    // Only `questions` ran against the database: it holds exactly what it held.
    CHECK(run_panelist(home, {"--db", db, "questions"}).code == 0);
    CHECK(files::read_file(home / "p.db").size() == before.size());
    CHECK_FALSE(std::filesystem::exists(home / "r.pdf"));
}

// The real window under Xvfb (software OpenGL, as in a VM): on the Interview screen with the
// clock running and no input, it draws once a second and only the clock's digits.
TEST_CASE("the idle Interview window draws once a second and only what the clock changed") {
    TempDir home;
    const std::string db = (home / "demo.db").string();
    REQUIRE(run_panelist(home, {"--db", db, "demo"}).code == 0);
    const char* script = R"sh(
command -v Xvfb >/dev/null 2>&1 || exit 77
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3>"$HOME/display" >/dev/null 2>&1 &
x=$!
i=0; while [ ! -s "$HOME/display" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done
# Mesa's driver leaks a little at exit and is unloaded before LeakSanitizer looks, so its
# frames cannot be named in a suppression: no leak check for this process (the headless
# tests check our code).
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
DISPLAY=:$(cat "$HOME/display") XDG_CONFIG_HOME="$HOME/config" PANELIST_ANNOUNCE_FRAMES=1 \
  "$1" --db "$2" --view interview 2>"$HOME/frames" &
p=$!
i=0; while ! grep -q "frame 1 at" "$HOME/frames" && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done
sleep 5
kill -TERM $p; wait $p; code=$?
kill $x; wait $x
cat "$HOME/frames" >&2
exit $code
)sh";
    const auto r = panelist::test::run_process("/bin/sh", home, {"-c", script, "sh", PANELIST_EXE, db});
    if (r.code == 77) {
        MESSAGE("skipped: no Xvfb");
        return;
    }
    INFO(r.err);
    REQUIRE(r.code == 0); // and the window closed cleanly on SIGTERM
    long long first = -1;
    int idle_frames = 0;
    std::string line;
    for (std::istringstream lines(r.err); std::getline(lines, line);) {
        int frame = 0;
        long long at = 0, pixels = 0;
        char kind[16] = {};
        if (std::sscanf(line.c_str(), "panelist: frame %d at %lld ms drew %15[a-z], %lld px", &frame, &at, kind,
                        &pixels) != 4)
            continue;
        if (first < 0) first = at;
        if (at < first + 1500) continue; // start-up: the window appearing, fonts, first layouts
        ++idle_frames;
        CAPTURE(line);
        CHECK(std::string(kind) != "whole");
        CHECK(pixels < 1520 * 950 / 100); // under 1% of the window: the clock's digits
    }
    REQUIRE(first >= 0);
    // About 3.5 s of idle time: a frame at each of the 3 or 4 turns of the second, none between.
    CHECK(idle_frames >= 2);
    CHECK(idle_frames <= 5);
}

TEST_CASE("an emoji or a sign in a question is found by searching for it, also in an older database") {
    TempDir home;
    const auto db = (home / "p.db").string();
    files::write_file(home / "signs.toml", R"toml(format = 1
[[question]]
id = "signs/rocket"
topic = "signs"
level = "both"
difficulty = "easy"
minutes = 3
prompt = "Walk me through a launch 🚀 you would call done ✅."

[[question]]
id = "signs/plain"
topic = "signs"
level = "both"
difficulty = "easy"
minutes = 3
prompt = "Walk me through a launch you would roll back."
)toml");
    REQUIRE(run_panelist(home, {"--db", db, "import", (home / "signs.toml").string()}).code == 0);
    auto found_by = [&](std::vector<std::string> query) {
        std::vector<std::string> args{"--db", db, "questions", "topic:signs"};
        args.insert(args.end(), query.begin(), query.end());
        const auto run = run_panelist(home, args);
        CHECK(run.code == 0);
        return run.out;
    };
    for (const char* sign : {"🚀", "✅"}) {
        const auto out = found_by({sign});
        CHECK_MESSAGE(has(out, "signs/rocket"), sign);
        CHECK_MESSAGE(!has(out, "signs/plain"), sign);
    }
    CHECK(has(found_by({"-🚀"}), "signs/plain"));
    CHECK_FALSE(has(found_by({"-🚀"}), "signs/rocket"));
    CHECK(has(found_by({"\"launch 🚀\""}), "signs/rocket"));

    // A database whose index was made before symbols were words finds them after its rebuild.
    panelist::Database::open(db).sql().exec("UPDATE meta SET value = '6' WHERE key = 'search_index'");
    CHECK(has(found_by({"🚀"}), "signs/rocket"));
}

TEST_CASE("a command that must rebuild the search index says so once, then does its work") {
    TempDir home;
    const auto db = (home / "p.db").string();
    const auto created = run_panelist(home, {"--db", db, "questions"}); // created and seeded
    REQUIRE(created.code == 0);
    CHECK_FALSE(has(created.err, "search index")); // a new database's empty index is no news
    {
        auto opened = panelist::Database::open(db);
        opened.sql().exec("UPDATE meta SET value = '0' WHERE key = 'search_index'"); // an older layout
    }
    const auto first = run_panelist(home, {"--db", db, "questions", "canary"});
    CHECK(first.code == 0);
    CHECK(has(first.err, db + ": updating its search index for this version of Panelist ("));
    CHECK(has(first.err, " questions; once)...\n"));
    CHECK_FALSE(first.out.empty()); // found by the rebuilt index
    const auto again = run_panelist(home, {"--db", db, "questions", "canary"});
    CHECK(again.code == 0);
    CHECK_FALSE(has(again.err, "search index"));
    CHECK(again.out == first.out);
}

TEST_CASE("inputs that never end or nest without end are refused by name, quickly, with nothing imported") {
    TempDir home;
    const std::string db = (home / "p.db").string();
    const auto before = run_panelist(home, {"--db", db, "questions"});
    REQUIRE(before.code == 0);
    // A device that never ends: each reader stops at the 32 MiB limit and names it.
    for (const std::vector<std::string>& command :
         {std::vector<std::string>{"agreement", "/dev/zero"}, {"import", "/dev/zero"}, {"bundle", "import", "/dev/zero"}}) {
        std::vector<std::string> args = {"--db", db};
        args.insert(args.end(), command.begin(), command.end());
        const auto r = run_panelist(home, args);
        CAPTURE(command[0]);
        CHECK(r.code == 1);
        CHECK(has(r.err, "/dev/zero: gives more than 32 MiB; inputs over 32 MiB are refused"));
        CHECK_FALSE(has(r.err, "bad_alloc"));
    }
    // A FIFO (a pipe from another program) is read like a file, to its end.
    const auto fifo = home / "bundle.fifo";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::thread writer([&] {
        std::FILE* f = std::fopen(fifo.c_str(), "w");
        if (!f) return;
        std::fputs("{\"format\": 2, \"loop\": ", f);
        std::fclose(f);
    });
    const auto piped = run_panelist(home, {"--db", db, "bundle", "import", fifo.string()});
    writer.join();
    CHECK(piped.code == 1);
    CHECK(has(piped.err, fifo.string() + ":1:23: not valid JSON"));
    // 30 MB of "[" nests past any bundle: refused at the 65th, not read into gigabytes.
    const auto deep = home / "deep.json";
    panelist::test::write_file(deep, std::string(30u << 20, '['));
    const auto r = run_panelist(home, {"--db", db, "bundle", "import", deep.string()});
    CHECK(r.code == 1);
    CHECK(has(r.err, deep.string() + ":1:65: nested deeper than 64 levels"));
    // 30 MB of empty inline tables: refused at the value past the limit, before toml++ gives
    // each its own node (787 MB before).
    const auto wide = home / "wide.toml";
    std::string tables = "format = 1\nx = [";
    while (tables.size() < (30u << 20)) tables += "{},";
    panelist::test::write_file(wide, tables + "{}]\n");
    const auto w = run_panelist(home, {"--db", db, "import", wide.string()});
    CHECK(w.code == 1);
    CHECK(has(w.err, wide.string() + ":2:"));
    CHECK(has(w.err, ": holds more than 500,000 values (an export of about 20,000 questions); split it"));
    CHECK(run_panelist(home, {"--db", db, "questions"}).out == before.out);
}

TEST_CASE("an empty file given as --db is made a database with a word, not silently") {
    TempDir home;
    const auto db = home / "empty.db";
    panelist::test::write_file(db, "");
    const auto r = run_panelist(home, {"--db", db.string(), "questions"});
    CHECK(r.code == 0);
    CHECK(has(r.err, db.string() + ": was an empty file; a new Panelist database was made in it"));
    const auto again = run_panelist(home, {"--db", db.string(), "questions"});
    CHECK_FALSE(has(again.err, "was an empty file")); // said once, when it happened
}

TEST_CASE("a question file with only its format (an empty bank's export) imports, and says it held nothing") {
    TempDir home;
    const auto file = home / "empty-bank.toml";
    panelist::test::write_file(file, "format = 1\n");
    const auto r = run_panelist(home, {"--db", (home / "p.db").string(), "import", file.string()});
    CHECK(r.code == 0);
    CHECK(has(r.err, "The file held no questions or sets; nothing was imported."));
    panelist::test::write_file(file, "# only a comment\n");
    const auto comment = run_panelist(home, {"--db", (home / "p.db").string(), "import", file.string()});
    CHECK(comment.code == 1); // most likely the wrong or an unsaved file
    CHECK(has(comment.err, "the file is empty"));
}

TEST_CASE("the files of one import are bounded together: the one that passes 32 MiB is named, nothing imported") {
    TempDir home;
    const std::string db = (home / "p.db").string();
    const auto before = run_panelist(home, {"--db", db, "questions"});
    REQUIRE(before.code == 0);
    // Two exports' worth of text, 20 MiB each: either alone could be read.
    std::string padding = small_bank;
    while (padding.size() < (20u << 20)) padding += "# a long comment keeps the file large and valid\n";
    files::write_file(home / "a.toml", padding);
    std::string other = padding;
    other.replace(other.find("tiny/one"), 8, "tiny/two");
    other.replace(other.find("Tiny screen"), 11, "Tiny screen2");
    other.replace(other.find("\"tiny/one\"]"), 10, "\"tiny/two\"");
    files::write_file(home / "b.toml", other);
    REQUIRE(run_panelist(home, {"--db", (home / "alone.db").string(), "import", (home / "b.toml").string()}).code == 0);

    const auto both = run_panelist(home, {"--db", db, "import", (home / "a.toml").string(), (home / "b.toml").string()});
    CHECK(both.code == 1);
    CHECK(has(both.err, (home / "b.toml").string() + ": is 20.1 MiB, which with the files before it is over the "
                                                      "32 MiB one import reads; import them in parts"));
    CHECK(run_panelist(home, {"--db", db, "questions"}).out == before.out);
}

TEST_CASE("control characters in every text field of a question file: imported, shown as escapes, exported back byte for byte") {
    TempDir home;
    const std::string db = (home / "p.db").string();
    // ESC with a screen-clearing sequence, a C1 CSI, a right-to-left override, BEL, DEL, NUL.
    const std::string hostile = R"(\u001b[2J\u009b\u202e\u0007\u007f\u0000)";
    const std::string file = fmt::format(R"toml(format = 1

[[question]]
id = "hostile/every-field"
topic = "hostile"
tags = ["plain"]
level = "both"
difficulty = "easy"
minutes = 3
prompt = "Prompt {0} end"
answer = "Answer {0} end"
follow_ups = ["Follow-up {0} end"]

[question.rubric]
1 = "One {0}"
3 = "Three {0}"
5 = "Five {0}"

[[set]]
name = "Set {0}"
role = "Role {0}"
minutes = 10
description = "Description {0}"
questions = ["hostile/every-field"]
)toml",
                                         hostile);
    files::write_file(home / "hostile.toml", file);
    const auto imported = run_panelist(home, {"--db", db, "import", (home / "hostile.toml").string()});
    REQUIRE(imported.code == 0);

    const auto raw_control = [](const std::string& text) {
        for (std::size_t i = 0; i < text.size(); ++i) {
            const auto c = static_cast<unsigned char>(text[i]);
            if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) return true;
            if (c == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                static_cast<unsigned char>(text[i + 1]) < 0xa0)
                return true; // C1
            if (text.compare(i, 3, "\xe2\x80\xae") == 0) return true;
        }
        return false;
    };
    const auto listed = run_panelist(home, {"--db", db, "questions", "topic:hostile"});
    CHECK(listed.code == 0);
    CHECK(has(listed.out, "Prompt \\x1b[2J\\u009b\\u202e\\x07\\x7f\\x00 end"));
    CHECK_FALSE(raw_control(listed.out));
    CHECK_FALSE(raw_control(listed.err));
    CHECK_FALSE(raw_control(imported.out + imported.err));

    // Export, import into a new database, export again: the two exports are the same bytes, and
    // each field came back with its control characters (TOML escapes them).
    const auto first = home / "first.toml", second = home / "second.toml";
    REQUIRE(run_panelist(home, {"--db", db, "export", "--all", "--out", first.string()}).code == 0);
    const std::string other = (home / "other.db").string();
    REQUIRE(run_panelist(home, {"--db", other, "import", first.string()}).code == 0);
    REQUIRE(run_panelist(home, {"--db", other, "export", "--all", "--out", second.string()}).code == 0);
    const auto exported = files::read_file(first);
    CHECK(exported == files::read_file(second));
    // A tag is one word: one with control characters is refused, where it is.
    files::write_file(home / "tag.toml", "[[question]]\nid = \"a/b\"\ntopic = \"a\"\ntags = [\"x\\u001b[2J\"]\n"
                                         "level = \"both\"\ndifficulty = \"easy\"\nminutes = 3\nprompt = \"P\"\n");
    const auto tag = run_panelist(home, {"--db", db, "import", (home / "tag.toml").string()});
    CHECK(tag.code == 1);
    CHECK(has(tag.err, ":4:8: tags: 'x\\x1b[2j' is not a tag: tags are single words without spaces, quotes, "
                       "commas or control characters"));
    for (const char* field : {"Prompt ", "Answer ", "Follow-up ", "One ", "Three ", "Five ", "Set ", "Role ",
                              "Description "})
        CHECK_MESSAGE(has(exported, std::string(field) + R"(\u001B[2J\u009B\u202E\u0007\u007F\u0000)"), field);
}

// Importing question files into the database, all or nothing, and exporting them back.
#pragma once
#include "persistence/store/database.hpp"
#include "persistence/files/files.hpp"
#include "persistence/formats/question_file.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace panelist {

struct ImportCounts {
    int added = 0;
    int updated = 0;
    int unchanged = 0;
    bool operator==(const ImportCounts&) const = default;
};

struct ImportReport {
    ImportCounts questions;
    ImportCounts sets;
    int retired = 0;    // questions the files retire that were not retired here yet
    int kept_apart = 0; // pairs kept apart that were not kept apart here yet
    int drafts = 0;     // of the questions added, those from pages (drafts, never planned yet)
    int skipped = 0;    // a page's questions the bank already had
};


// Checks every file first; on any problem throws FileError listing them all and writes
// nothing. Otherwise upserts every question, then every set, then the curator's decisions
// (retired questions, pairs kept apart), in one transaction. A file never restores a question
// retired here: a question without `retired = true` keeps the state it has.
ImportReport import_question_files(Database&, const std::vector<std::filesystem::path>&);
ImportReport import_question_texts(Database&, const std::vector<NamedText>&);

// What an import would do, worked out without writing anything (the files are checked as the
// import checks them: a bad file throws FileError the same way).
struct ImportPreview {
    struct Change {
        std::string id;     // a question id or a set name
        std::string fields; // "prompt, answer" (changed), empty otherwise
    };
    std::vector<std::string> questions_added;
    std::vector<Change> questions_changed;
    int questions_unchanged = 0;
    std::vector<std::string> sets_added;
    std::vector<Change> sets_changed;
    int sets_unchanged = 0;
    std::vector<std::string> retiring;        // retired by the files, not retired here yet
    std::vector<std::string> staying_retired; // retired here: an import never restores one
    std::vector<std::string> drafts_added;    // from pages: imported as drafts
    std::vector<std::string> skipped;         // a page's questions the bank already has: "FILE:LINE (prompt): why"
    bool writes_nothing() const {
        return questions_added.empty() && questions_changed.empty() && sets_added.empty() && sets_changed.empty() &&
               retiring.empty() && drafts_added.empty();
    }
};
ImportPreview preview_question_texts(Database&, const std::vector<NamedText>&);
ImportPreview preview_question_files(Database&, const std::vector<std::filesystem::path>&);
// The preview in words, a line per kind of change, ids listed (at most `shown` of each kind).
std::vector<std::string> describe(const ImportPreview&, std::size_t shown = 12);

// A question file's text in the format its name says: CSV for a name ending in .csv, a page of
// draft questions for .md, .markdown or .txt (any case), TOML otherwise. Reading never throws for bad content; problems name FILE:LINE:COLUMN.
QuestionFileReading read_questions(std::string_view text, const std::string& file_name);
std::string write_questions(const std::filesystem::path& file, const QuestionFile&);
bool is_csv_name(const std::filesystem::path&);

// What `export --set NAME` writes: the set and its questions, with which are retired and the
// pairs among them kept apart; nullopt if there is no such set.
std::optional<QuestionFile> collect_set_for_export(Database&, const std::string& set_name);
// What `export --all` writes: every question and every set, retired questions and pairs kept
// apart.
QuestionFile collect_all_for_export(Database&);

} // namespace panelist

// Versions of questions as interviews asked them (schema step 6). A version is content only:
// id, topic, prompt, model answer, follow-ups, rubric. The same content is one row however many
// interviews use it; any edit of the question in the bank makes the next plan use a new one.
// Written only through InterviewRepository (the interview tables' one writer) and read by it,
// the reports and the Library.
#pragma once
#include "domain/question.hpp"
#include "persistence/sqlite/statement_cache.hpp"

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace panelist {

// The version with this content, added if there is none yet. (Statements from the caller's
// cache: an import asks this for every question of thousands of interviews.)
std::int64_t version_with(StatementCache&, const Question& content);
// The question as the bank has it now, as a version would keep it (nothing is stored);
// nullopt when it is not in the bank.
std::optional<Question> bank_version(StatementCache&, const std::string& question_id);
// Versions by id (tags, level, difficulty and minutes are not kept: they are the bank's).
std::map<std::int64_t, Question> load_versions(StatementCache&, const std::set<std::int64_t>& ids);

// One version of a question and the interviews that asked it, for the Library.
struct QuestionVersionUse {
    std::int64_t version = 0;
    std::string created_at;
    bool current = false; // the same content as the bank's question now
    Question content;
    std::vector<std::string> interviews; // "Ana Ruiz / Amara Okafor / 2026-11-10", by date
};
// Every version of the question that some interview asked, oldest first.
std::vector<QuestionVersionUse> versions_of(SQLite::Database&, const std::string& question_id);

} // namespace panelist

#include "persistence/formats/question_import.hpp"
#include "persistence/formats/question_csv.hpp"
#include "persistence/formats/question_page.hpp"
#include "persistence/store/question_draft_repository.hpp"
#include "persistence/store/curation_repository.hpp"
#include "persistence/store/store_edge.hpp"

#include "domain/text.hpp"

#include "persistence/files/files.hpp"
#include "persistence/store/question_repository.hpp"
#include "persistence/store/question_set_repository.hpp"
#include "persistence/sqlite/write_transaction.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <map>
#include <set>

namespace panelist {
namespace {

void count(ImportCounts& counts, UpsertOutcome outcome) {
    switch (outcome) {
    case UpsertOutcome::added: ++counts.added; break;
    case UpsertOutcome::updated: ++counts.updated; break;
    case UpsertOutcome::unchanged: ++counts.unchanged; break;
    }
}

struct Parsed {
    std::string name;
    QuestionFile content;
    std::vector<std::string> skipped; // a page's questions the bank already has, and why
};

std::string prompt_key(const std::string& prompt) {
    return to_lower_ascii(normalise_text(prompt));
}

// A page never changes the bank: its questions that the bank already asks (the same prompt)
// are left out, each with why, and one whose id is taken by another question gets a free one
// ("-2"). Drafts imported before are among those asked, so importing a page again adds only
// what is new on it and never undoes a curator's work on a draft.
void leave_out_known(Parsed& page, std::map<std::string, std::string>& asked, std::set<std::string>& ids) {
    QuestionFile& c = page.content;
    QuestionFile kept;
    for (std::size_t i = 0; i < c.questions.size(); ++i) {
        Question q = c.questions[i];
        const auto same = asked.find(prompt_key(q.prompt));
        const std::string where = fmt::format("{}:{}", page.name, c.question_positions[i].line);
        if (same != asked.end()) {
            page.skipped.push_back(fmt::format("{} ({}): the bank already asks it as {}", where, excerpt(q.prompt, 40), same->second));
            continue;
        }
        const std::string base = q.id;
        for (int n = 2; ids.contains(q.id); ++n) q.id = fmt::format("{}-{}", base, n);
        ids.insert(q.id);
        asked.emplace(prompt_key(q.prompt), q.id); // the same question twice: once
        kept.questions.push_back(std::move(q));
        kept.question_positions.push_back(c.question_positions[i]);
        kept.drafts.push_back(kept.questions.back().id);
    }
    c.questions = std::move(kept.questions);
    c.question_positions = std::move(kept.question_positions);
    c.drafts = std::move(kept.drafts);
}

void leave_out_known(Database& db, std::vector<Parsed>& files) {
    std::map<std::string, std::string> asked; // prompt -> an id asking it
    std::set<std::string> ids;                // the bank's and the other files' questions
    for (const auto& q : QuestionRepository(db).all()) {
        asked.emplace(prompt_key(q.prompt), q.id);
        ids.insert(q.id);
    }
    for (const auto& f : files)
        if (f.content.drafts.empty())
            for (const auto& q : f.content.questions) ids.insert(q.id);
    for (auto& page : files)
        if (!page.content.drafts.empty()) leave_out_known(page, asked, ids);
}

// Problems that only show when the files are seen together and against the database.
void check_across_files(Database& db, const std::vector<Parsed>& files,
                        std::vector<FileProblem>& problems) {
    std::map<std::string, std::string> defined; // question id -> "file:line"
    for (const auto& f : files)
        for (std::size_t i = 0; i < f.content.questions.size(); ++i) {
            if (!f.content.drafts.empty()) continue; // a page's ids are its own guesses: made free when imported
            const auto& id = f.content.questions[i].id;
            const auto at = f.content.question_positions[i];
            const std::string here = fmt::format("{}:{}", f.name, at.line);
            auto [it, fresh] = defined.emplace(id, here);
            if (!fresh && it->second.rfind(f.name + ":", 0) != 0)
                problems.push_back({f.name, at, "id",
                                    fmt::format("'{}' is also defined at {}", excerpt(id), it->second)});
        }
    std::set<std::string> set_names;
    QuestionRepository questions(db);
    for (const auto& f : files)
        for (std::size_t i = 0; i < f.content.sets.size(); ++i) {
            const auto& set = f.content.sets[i];
            const auto at = f.content.set_positions[i];
            if (!set_names.insert(set.name).second)
                problems.push_back({f.name, at, "name",
                                    fmt::format("a set named '{}' is also in another file",
                                                excerpt(set.name))});
            for (const auto& id : set.question_ids)
                if (!defined.count(id) && !questions.find(id))
                    problems.push_back({f.name, at, "questions",
                                        fmt::format("set '{}' names question '{}', which is "
                                                    "neither in the files nor in the bank",
                                                    excerpt(set.name), excerpt(id))});
        }
    for (const auto& f : files)
        for (std::size_t i = 0; i < f.content.kept_apart.size(); ++i)
            for (const auto& id : {f.content.kept_apart[i].first, f.content.kept_apart[i].second})
                if (!defined.count(id) && !questions.find(id))
                    problems.push_back({f.name, f.content.kept_apart_positions[i], "questions",
                                        fmt::format("a pair kept apart names question '{}', which is "
                                                    "neither in the files nor in the bank",
                                                    excerpt(id))});
}

// The curator's decisions about the questions the file holds.
void add_curation(Database& db, QuestionFile& file) {
    CurationRepository curation(db);
    std::set<std::string> held;
    for (const auto& q : file.questions) held.insert(q.id);
    for (const auto& id : curation.retired())
        if (held.contains(id)) file.retired.push_back(id);
    for (auto& [a, b] : curation.kept_apart())
        if (held.contains(a) && held.contains(b)) file.kept_apart.emplace_back(std::move(a), std::move(b));
}

} // namespace

bool is_csv_name(const std::filesystem::path& file) { return to_lower_ascii(file.extension().string()) == ".csv"; }

QuestionFileReading read_questions(std::string_view text, const std::string& file_name) {
    if (is_page_name(file_name)) return read_question_page(text, file_name);
    return is_csv_name(file_name) ? read_question_csv(text, file_name) : read_question_file(text, file_name);
}

std::string write_questions(const std::filesystem::path& file, const QuestionFile& content) {
    return is_csv_name(file) ? write_question_csv(content) : write_question_file(content);
}

namespace {

// Every file read and checked, alone and together; any problem throws FileError listing all.
std::vector<Parsed> parse_checked(Database& db, const std::vector<NamedText>& texts) {
    std::vector<Parsed> files;
    std::vector<FileProblem> problems;
    for (const auto& t : texts) {
        auto reading = read_questions(t.text, t.name);
        problems.insert(problems.end(), reading.problems.begin(), reading.problems.end());
        files.push_back({t.name, std::move(reading.content), {}});
    }
    if (problems.empty()) check_across_files(db, files, problems);
    if (!problems.empty()) throw FileError(std::move(problems));
    leave_out_known(db, files);
    // A spreadsheet without a column keeps what the database holds there (an answer, a rubric,
    // sample answers): importing a team's short sheet over the bank never empties them.
    QuestionRepository questions(db);
    for (auto& f : files) {
        const auto& absent = f.content.absent_fields;
        if (absent.empty()) continue;
        const auto lacks = [&](const char* field) { return std::find(absent.begin(), absent.end(), field) != absent.end(); };
        for (auto& q : f.content.questions) {
            const auto was = questions.find(q.id);
            if (!was) continue;
            if (lacks("tags")) q.tags = was->tags;
            if (lacks("answer")) q.answer = was->answer;
            if (lacks("follow_ups")) q.follow_ups = was->follow_ups;
            if (lacks("rubric")) q.rubric = was->rubric;
            if (lacks("samples")) q.samples = was->samples;
        }
    }
    return files;
}

std::string changed_fields(const Question& was, const Question& now) {
    std::vector<std::string> fields;
    const auto note = [&](bool differs, const char* field) {
        if (differs) fields.push_back(field);
    };
    note(was.topic != now.topic, "topic");
    note(was.tags != now.tags, "tags");
    note(was.level != now.level, "level");
    note(was.difficulty != now.difficulty, "difficulty");
    note(was.minutes != now.minutes, "minutes");
    note(was.prompt != now.prompt, "prompt");
    note(was.answer != now.answer, "answer");
    note(was.follow_ups != now.follow_ups, "follow-ups");
    note(!(was.rubric == now.rubric), "rubric");
    note(was.samples != now.samples, "sample answers");
    return fmt::format("{}", fmt::join(fields, ", "));
}

std::string changed_fields(const QuestionSet& was, const QuestionSet& now) {
    std::vector<std::string> fields;
    if (was.role != now.role) fields.push_back("role");
    if (was.level != now.level) fields.push_back("level");
    if (was.minutes != now.minutes) fields.push_back("minutes");
    if (was.description != now.description) fields.push_back("description");
    if (was.question_ids != now.question_ids) fields.push_back("questions");
    return fmt::format("{}", fmt::join(fields, ", "));
}

} // namespace

ImportPreview preview_question_texts(Database& db, const std::vector<NamedText>& texts) {
    return at_store_edge(db.sql(), [&]() -> ImportPreview {
        const auto files = parse_checked(db, texts);
        ImportPreview preview;
        QuestionRepository questions(db);
        QuestionSetRepository sets(db);
        for (const auto& f : files) {
            preview.skipped.insert(preview.skipped.end(), f.skipped.begin(), f.skipped.end());
            preview.drafts_added.insert(preview.drafts_added.end(), f.content.drafts.begin(), f.content.drafts.end());
            for (const auto& q : f.content.questions) {
                const auto was = questions.find(q.id);
                if (!was && !f.content.drafts.empty()) continue; // listed as a draft
                if (!was) preview.questions_added.push_back(q.id);
                else if (*was == normalised(q)) ++preview.questions_unchanged;
                else preview.questions_changed.push_back({q.id, changed_fields(*was, normalised(q))});
            }
            for (const auto& s : f.content.sets) {
                const auto was = sets.find(s.name);
                if (!was) preview.sets_added.push_back(s.name);
                else if (*was == normalised(s)) ++preview.sets_unchanged;
                else preview.sets_changed.push_back({s.name, changed_fields(*was, normalised(s))});
            }
        }
        const auto retired = CurationRepository(db).retired();
        for (const auto& f : files) {
            for (const auto& id : f.content.retired)
                if (!retired.contains(id)) preview.retiring.push_back(id);
            for (const auto& q : f.content.questions)
                if (retired.contains(q.id) &&
                    std::find(f.content.retired.begin(), f.content.retired.end(), q.id) == f.content.retired.end())
                    preview.staying_retired.push_back(q.id);
        }
        return preview;
    });
}

ImportPreview preview_question_files(Database& db, const std::vector<std::filesystem::path>& paths) {
    return preview_question_texts(db, read_text_files(paths));
}

std::vector<std::string> describe(const ImportPreview& p, std::size_t shown) {
    const auto some = [&](const std::vector<std::string>& ids) {
        std::vector<std::string> head(ids.begin(), ids.begin() + static_cast<long>(std::min(shown, ids.size())));
        return fmt::format("{}{}", fmt::join(head, ", "),
                           ids.size() > shown ? fmt::format(" and {} more", ids.size() - shown) : "");
    };
    const auto changes = [&](const std::vector<ImportPreview::Change>& list) {
        std::vector<std::string> ids;
        for (const auto& c : list) ids.push_back(c.fields.empty() ? c.id : c.id + " (" + c.fields + ")");
        return some(ids);
    };
    const auto count = [](std::size_t n, const char* what) { return fmt::format("{} {}{}", n, what, n == 1 ? "" : "s"); };
    std::vector<std::string> lines;
    if (!p.questions_added.empty()) lines.push_back("adds " + count(p.questions_added.size(), "question") + ": " + some(p.questions_added));
    if (!p.drafts_added.empty())
        lines.push_back("adds " + count(p.drafts_added.size(), "draft question") +
                        " (never planned until each has a level and a rubric): " + some(p.drafts_added));
    for (std::size_t i = 0; i < p.skipped.size() && i < shown; ++i) lines.push_back("skips " + p.skipped[i]);
    if (p.skipped.size() > shown) lines.push_back(fmt::format("skips {} more the bank already has", p.skipped.size() - shown));
    if (!p.questions_changed.empty())
        lines.push_back("changes " + count(p.questions_changed.size(), "question") + ": " + changes(p.questions_changed));
    if (p.questions_unchanged > 0)
        lines.push_back("leaves " + count(static_cast<std::size_t>(p.questions_unchanged), "question") + " as they are");
    if (!p.sets_added.empty()) lines.push_back("adds " + count(p.sets_added.size(), "set") + ": " + some(p.sets_added));
    if (!p.sets_changed.empty()) lines.push_back("changes " + count(p.sets_changed.size(), "set") + ": " + changes(p.sets_changed));
    if (p.sets_unchanged > 0) lines.push_back("leaves " + count(static_cast<std::size_t>(p.sets_unchanged), "set") + " as they are");
    if (!p.retiring.empty()) lines.push_back("retires " + count(p.retiring.size(), "question") + ": " + some(p.retiring));
    if (!p.staying_retired.empty())
        lines.push_back("keeps " + count(p.staying_retired.size(), "question") + " retired here (an import never restores one): " +
                        some(p.staying_retired));
    if (lines.empty()) lines.push_back("the files hold nothing to import");
    return lines;
}

ImportReport import_question_texts(Database& db, const std::vector<NamedText>& texts) {
    return at_store_edge(db.sql(), [&]() -> ImportReport {
        const auto files = parse_checked(db, texts);

        ImportReport report;
        QuestionRepository questions(db);
        QuestionSetRepository sets(db);
        WriteTransaction tx(db.sql());
        QuestionDraftRepository drafts(db);
        for (const auto& f : files) {
            report.skipped += static_cast<int>(f.skipped.size());
            for (std::size_t i = 0; i < f.content.questions.size(); ++i) {
                try {
                    count(report.questions, questions.upsert(f.content.questions[i]));
                } catch (const std::exception& e) {
                    throw FileError({{f.name, f.content.question_positions[i], "", e.what()}});
                }
            }
            for (std::size_t i = 0; i < f.content.drafts.size(); ++i) {
                drafts.mark(f.content.drafts[i], fmt::format("{}:{}", f.name, f.content.question_positions[i].line));
                ++report.drafts;
            }
        }
        for (const auto& f : files) {
            for (std::size_t i = 0; i < f.content.sets.size(); ++i) {
                try {
                    count(report.sets, sets.upsert(f.content.sets[i]));
                } catch (const std::exception& e) {
                    throw FileError({{f.name, f.content.set_positions[i], "", e.what()}});
                }
            }
        }
        CurationRepository curation(db);
        const auto retired_before = curation.retired();
        std::set<std::pair<std::string, std::string>> apart_before;
        for (auto& pair : curation.kept_apart()) apart_before.insert(std::move(pair));
        for (const auto& f : files) {
            for (const auto& id : f.content.retired)
                if (!retired_before.contains(id) && curation.retire(id)) ++report.retired;
            for (const auto& [a, b] : f.content.kept_apart)
                if (!apart_before.contains({a, b}) && curation.keep_apart(a, b)) ++report.kept_apart;
        }
        tx.commit();
        return report;
    });
}

ImportReport import_question_files(Database& db, const std::vector<std::filesystem::path>& paths) {
    return import_question_texts(db, read_text_files(paths));
}

std::optional<QuestionFile> collect_set_for_export(Database& db, const std::string& set_name) {
    return at_store_edge(db.sql(), [&]() -> std::optional<QuestionFile> {
        QuestionSetRepository sets(db);
        auto set = sets.find(set_name);
        if (!set) return std::nullopt;
        QuestionRepository questions(db);
        QuestionFile file;
        for (const auto& id : set->question_ids)
            if (auto q = questions.find(id)) file.questions.push_back(std::move(*q));
        file.sets.push_back(std::move(*set));
        add_curation(db, file);
        return file;
    });
}

QuestionFile collect_all_for_export(Database& db) {
    return at_store_edge(db.sql(), [&]() -> QuestionFile {
        QuestionFile file;
        file.questions = QuestionRepository(db).all();
        file.sets = QuestionSetRepository(db).all();
        add_curation(db, file);
        return file;
    });
}

} // namespace panelist

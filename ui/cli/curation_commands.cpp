// The curator's commands (docs/curation.md): similar and duplicates answer "do we already have
// this?"; retire, restore, merge and keep-apart act on the answer.
#include "domain/set_coverage.hpp"
#include "domain/text.hpp"
#include "persistence/search/similar_questions.hpp"
#include "persistence/store/curation_repository.hpp"
#include "persistence/store/question_repository.hpp"
#include "persistence/store/question_set_repository.hpp"
#include "ui/cli/commands.hpp"
#include "ui/cli/terminal.hpp"
#include "ui/context/clock.hpp"

#include <fmt/ranges.h>
#include <map>

#include <algorithm>
#include <cmath>

namespace panelist {
namespace {

std::string one_line(std::string text, std::size_t characters) {
    std::replace(text.begin(), text.end(), '\n', ' ');
    return excerpt(text, characters);
}

int percent(double closeness) { return static_cast<int>(std::lround(closeness * 100)); }

} // namespace

int similar_command(Database& db, const std::string& id_or_text, int limit) {
    QuestionRepository questions(db);
    std::string prompt = id_or_text, answer, except;
    if (const auto q = questions.find(id_or_text)) {
        prompt = q->prompt, answer = q->answer, except = q->id;
        say_err("Closest to {}: {}\n", q->id, one_line(q->prompt, 100));
    }
    SimilarQuestions similar(db.sql());
    const auto found = similar.closest(prompt, answer, std::max(limit, 1), except);
    for (const auto& s : found) say("{:>4}%  {:<42} {}\n", percent(s.closeness), s.id, one_line(s.prompt, 80));
    if (found.empty())
        say_err("Nothing in the bank is like it (every question is under {}% close).\n",
                percent(SimilarQuestions::least_closeness));
    else
        say_err("{}\n", plural(found.size(), "question"));
    return exit_ok;
}

int duplicates_command(Database& db, const std::optional<std::string>& set_name, int min_percent) {
    std::vector<std::string> scope;
    if (set_name) {
        const auto set = QuestionSetRepository(db).find(*set_name);
        if (!set) {
            say_err("There is no question set named '{}'.\n", *set_name);
            return exit_user_error;
        }
        scope = set->question_ids;
        if (scope.empty()) {
            say_err("The set '{}' has no questions.\n", *set_name);
            return exit_ok;
        }
    }
    const int least = std::clamp(min_percent, 1, 100);
    const auto pairs = CurationRepository(db).duplicate_pairs(least / 100.0, scope);
    QuestionRepository questions(db);
    const auto prompt = [&](const std::string& id) {
        const auto q = questions.find(id);
        return q ? one_line(q->prompt, 100) : std::string();
    };
    for (const auto& p : pairs)
        say("{:>4}%  {}  ~  {}\n       {}\n       {}\n", percent(p.closeness), p.first, p.second, prompt(p.first),
            prompt(p.second));
    say_err("{} at {}% closeness or more{} (pairs kept apart and retired questions are not listed)\n",
            plural(pairs.size(), "pair"), least, set_name ? " with a question of '" + *set_name + "'" : "");
    return exit_ok;
}

int coverage_command(Database& db, const std::string& set_name) {
    QuestionSetRepository sets(db);
    const auto set = sets.find(set_name);
    if (!set) {
        say_err("There is no question set named '{}'.\n", set_name);
        return exit_user_error;
    }
    const auto c = CurationRepository(db).coverage(*set, SystemClock().today());
    say("{}\n", set->name);
    say("  minutes     {} planned of {}: {} left for introductions and the candidate's questions (keep {})\n",
        c.planned_minutes, c.slot_minutes, c.slack(), c.reserve);
    std::string topics, levels, ladder;
    for (const auto& [topic, n] : c.topics) topics += fmt::format("{}{} {}", topics.empty() ? "" : ", ", topic, n);
    for (const auto& [level, n] : c.levels) levels += fmt::format("{}{} {}", levels.empty() ? "" : ", ", name(level), n);
    for (const auto d : c.ladder) ladder += (ladder.empty() ? "" : " > ") + std::string(name(d));
    say("  topics      {}\n  levels      {}\n  difficulty  {}\n", topics, levels, ladder);
    say("  never asked {}\n", c.never_asked.empty() ? std::string("-") : fmt::format("{}", fmt::join(c.never_asked, ", ")));
    for (const auto& s : c.siblings)
        say("  beside      {} ({} min, {} question{}): {} shared; only here: {}; only there: {}\n", s.name, s.minutes,
            s.questions, s.questions == 1 ? "" : "s", s.shared, s.topics_only_here.empty() ? "-" : fmt::format("{}", fmt::join(s.topics_only_here, ", ")),
            s.topics_only_there.empty() ? "-" : fmt::format("{}", fmt::join(s.topics_only_there, ", ")));
    for (const auto& w : c.warnings()) say("  warning     {}\n", w);
    return exit_ok;
}

int retire_command(Database& db, const std::vector<std::string>& ids, bool retire) {
    QuestionRepository questions(db);
    for (const auto& id : ids)
        if (!questions.find(id)) {
            say_err("There is no question '{}' in the bank; nothing was {}.\n", id, retire ? "retired" : "restored");
            return exit_user_error;
        }
    CurationRepository curation(db);
    for (const auto& id : ids) {
        const bool was = curation.is_retired(id);
        if (retire) {
            curation.retire(id);
            say("{}: {}\n", id, was ? "already retired" : "retired; past interviews keep it, plans never offer it");
        } else {
            curation.restore(id);
            say("{}: {}\n", id, was ? "restored; plans offer it again" : "was not retired");
        }
    }
    return exit_ok;
}

int merge_command(Database& db, const std::string& keep, const std::string& drop) {
    const auto report = CurationRepository(db).merge(keep, drop);
    say("Merged {} into {}: {} now count for {}, {} now hold it.\n", drop, keep,
        plural(report.interviews, "interview"), keep, plural(report.sets, "set"));
    if (report.interviews_kept_apart > 0)
        say("{} asked both; each answer stays with the question it was given for.\n",
            plural(report.interviews_kept_apart, "interview"));
    return exit_ok;
}

int keep_apart_command(Database& db, const std::string& first, const std::string& second) {
    const bool added = CurationRepository(db).keep_apart(first, second);
    say("{} and {} {}\n", first, second,
        added ? "are kept apart: never listed as duplicates again" : "were kept apart already");
    return exit_ok;
}

} // namespace panelist

// similar and duplicates: the curator's questions "do we already have this?" from the command
// line (docs/curation.md).
#include "domain/text.hpp"
#include "persistence/search/similar_questions.hpp"
#include "persistence/store/question_repository.hpp"
#include "persistence/store/question_set_repository.hpp"
#include "ui/cli/commands.hpp"
#include "ui/cli/terminal.hpp"

#include <algorithm>
#include <cmath>
#include <map>

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
    QuestionRepository questions(db);
    std::vector<Question> scope;
    if (set_name) {
        const auto set = QuestionSetRepository(db).find(*set_name);
        if (!set) {
            say_err("There is no question set named '{}'.\n", *set_name);
            return exit_user_error;
        }
        for (const auto& id : set->question_ids)
            if (auto q = questions.find(id)) scope.push_back(std::move(*q));
    } else {
        scope = questions.all();
    }
    // Each pair once, named in id order; the closeness is the same seen from either side.
    std::map<std::pair<std::string, std::string>, double> pairs;
    std::map<std::string, std::string> prompts;
    SimilarQuestions similar(db.sql());
    const double least = std::clamp(min_percent, 1, 100) / 100.0;
    for (const auto& q : scope) {
        prompts[q.id] = q.prompt;
        for (const auto& s : similar.closest(q.prompt, q.answer, 10, q.id)) {
            if (s.closeness < least) break;
            prompts[s.id] = s.prompt;
            const auto key = q.id < s.id ? std::pair(q.id, s.id) : std::pair(s.id, q.id);
            pairs[key] = std::max(pairs[key], s.closeness);
        }
    }
    std::vector<std::pair<double, std::pair<std::string, std::string>>> listed;
    for (const auto& [ids, closeness] : pairs) listed.emplace_back(closeness, ids);
    std::sort(listed.begin(), listed.end(), [](const auto& x, const auto& y) {
        return x.first != y.first ? x.first > y.first : x.second < y.second;
    });
    for (const auto& [closeness, ids] : listed)
        say("{:>4}%  {}  ~  {}\n       {}\n       {}\n", percent(closeness), ids.first, ids.second,
            one_line(prompts[ids.first], 100), one_line(prompts[ids.second], 100));
    say_err("{} at {}% closeness or more, among {}\n", plural(listed.size(), "pair"), std::clamp(min_percent, 1, 100),
            plural(scope.size(), "question"));
    return exit_ok;
}

} // namespace panelist

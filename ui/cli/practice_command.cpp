// practice: an interviewer's calibration practice record, as JSON or CSV.
#include "persistence/files/files.hpp"
#include "persistence/reports/practice_record_formats.hpp"
#include "persistence/store/question_set_repository.hpp"
#include "ui/cli/commands.hpp"
#include "ui/cli/terminal.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>

namespace panelist {

int practice_command(Database& db, const std::string& interviewer, const std::string& set_name,
                     const std::string& format, const std::filesystem::path& out) {
    if (format != "json" && format != "csv") {
        say_err("'{}' is not a practice record format; use json or csv.\n", format);
        return exit_usage;
    }
    PracticeRepository practice(db);
    auto sessions = practice.sessions(interviewer);
    if (sessions.empty()) {
        const auto names = practice.interviewers();
        say_err("{} has not practised in this database{}.\n", interviewer,
                names.empty() ? std::string(": nobody has") : fmt::format(" (who has: {})", fmt::join(names, ", ")));
        return exit_user_error;
    }
    if (!set_name.empty()) {
        const auto set = QuestionSetRepository(db).find(set_name);
        if (!set) {
            say_err("There is no question set named '{}'.\n", set_name);
            return exit_user_error;
        }
        const auto outside_set = [&](const PracticeScoreRecord& r) {
            return std::find(set->question_ids.begin(), set->question_ids.end(), r.score.question_id) ==
                   set->question_ids.end();
        };
        for (auto& s : sessions) std::erase_if(s.scores, outside_set);
        std::erase_if(sessions, [](const PracticeSession& s) { return s.scores.empty(); });
    }
    write_file_atomically(out, format == "json" ? practice_record_json(interviewer, sessions)
                                                : practice_record_csv(sessions),
                          0600);
    std::size_t scores = 0;
    for (const auto& s : sessions) scores += s.scores.size();
    say("Wrote {}'s practice record ({} session{}, {} score{}) to {}\n", interviewer, sessions.size(),
        sessions.size() == 1 ? "" : "s", scores, scores == 1 ? "" : "s", out.string());
    return exit_ok;
}

} // namespace panelist

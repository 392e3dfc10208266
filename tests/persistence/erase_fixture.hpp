// A database with a candidate to erase (distinctive name, notes everywhere, a submitted and
// reopened interview) and one to keep, plus a search of files' bytes for leftovers.
#pragma once
#include "persistence/store/database.hpp"
#include "persistence/store/interview_repository.hpp"
#include "persistence/store/people_repository.hpp"
#include "persistence/store/question_repository.hpp"
#include "tests/persistence/fixtures.hpp"
#include "tests/support/temp_dir.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace panelist::test {

// Words that appear nowhere but in the erased candidate's data, so any byte of them left on
// disk is a trace.
inline const std::vector<std::string> erased_words = {
    "Zyxwvut Qmarble",               // name
    "QMARBLE-PROFILE-NOTES-lantern", // candidate notes
    "QMARBLE-ANSWER-NOTES-pelican",  // a response's notes
    "QMARBLE-OVERALL-NOTES-harbour", // the interview's overall notes
    "QMARBLE-REOPEN-REASON-thistle", // an event's detail
};
inline const std::string kept_name = "Keep Ostrander";
inline const std::string kept_notes = "KEPT-NOTES-juniper";

struct EraseScene {
    Loop loop;
    Candidate erased;
    Candidate kept;
    std::int64_t erased_interview = 0;
    std::int64_t kept_interview = 0;
};

inline std::int64_t interview_with_notes(Database& db, std::int64_t candidate_id,
                                         const std::string& notes, const std::string& overall) {
    InterviewRepository interviews(db);
    Interview iv;
    iv.candidate_id = candidate_id;
    iv.interviewer = "Ana";
    iv.date = "2026-11-23";
    iv.questions.push_back({"erase/one", 5, {}, "", ""});
    interviews.create(iv);
    interviews.set_score(iv.id, "erase/one", Score::of(4));
    interviews.set_notes(iv.id, "erase/one", notes);
    interviews.set_overall_notes(iv.id, overall);
    interviews.submit(iv.id, Recommendation::yes);
    return iv.id;
}

// Adds the question, a loop `loop_name`, the candidate to erase and one to keep, with interviews.
inline EraseScene add_erase_scene(Database& db, const std::string& loop_name = "Erase loop") {
    QuestionRepository(db).upsert(question("erase/one", "erase", "Describe a rollback."));
    PeopleRepository people(db);
    EraseScene s;
    s.loop.name = loop_name;
    people.save(s.loop);
    s.erased.name = erased_words[0];
    s.erased.loop_id = s.loop.id;
    s.erased.notes = erased_words[1];
    people.save(s.erased);
    s.kept.name = kept_name;
    s.kept.loop_id = s.loop.id;
    s.kept.notes = kept_notes;
    people.save(s.kept);
    s.erased_interview = interview_with_notes(db, s.erased.id, erased_words[2], erased_words[3]);
    InterviewRepository(db).reopen(s.erased_interview, erased_words[4]);
    s.kept_interview =
        interview_with_notes(db, s.kept.id, "KEPT-ANSWER-NOTES", "KEPT-OVERALL-NOTES");
    return s;
}

// "file: word" for every word of `words` found in the bytes of any file under `folder`.
inline std::vector<std::string> traces_under(const std::filesystem::path& folder,
                                             const std::vector<std::string>& words) {
    std::vector<std::string> found;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
        if (!entry.is_regular_file()) continue;
        const std::string bytes = read_file(entry.path());
        for (const auto& w : words)
            if (bytes.find(w) != std::string::npos)
                found.push_back(entry.path().string() + ": " + w);
    }
    return found;
}

} // namespace panelist::test

// Scorecard bundles: interviews carried between databases as JSON (docs/bundle-format.md).
#pragma once
#include "domain/interview.hpp"
#include "domain/people.hpp"
#include "domain/text.hpp"
#include "persistence/store/database.hpp"
#include "persistence/store/interview_repository.hpp"
#include "persistence/formats/question_import.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace panelist {

// 2 added the questions as asked (`asked`); format 1 files are still read.
constexpr int bundle_format = 2;

// One interview as a bundle carries it: ids are stable UUIDs, never local row numbers.
struct BundledInterview {
    Interview interview; // id and candidate_id are 0 when read from a file
    std::string candidate_uuid;
    std::string updated_at; // UTC "2026-11-23T10:15:02.481Z"; the newer copy wins a merge
    std::vector<InterviewEvent> events;
    bool operator==(const BundledInterview&) const = default;
};

// One loop, some of its candidates, and interviews of those candidates.
struct Bundle {
    Loop loop; // id 0 when read from a file
    std::vector<Candidate> candidates;
    std::vector<BundledInterview> interviews;
    // The questions as those interviews asked them (prompt, model answer, rubric, follow-ups),
    // each once. In a Bundle, an interview question's `version` is 1 + its index here, or 0
    // when the file does not say (format 1: the bank's answer and rubric are used on import).
    std::vector<Question> asked;
};

// The bundle's JSON text, in a stable order: exporting the same data twice gives the same bytes.
// How long each text of a bundle may be, in characters. Names (loop, role, candidate,
// interviewer, topic) are short; notes are what a person types during a call, far past any;
// prompts, answers and rubric texts as in question files (QuestionTextLimits).
struct BundleTextLimits {
    static constexpr std::size_t name = PeopleTextLimits::name;
    static constexpr std::size_t text = 20'000;
    static constexpr std::size_t notes = PeopleTextLimits::notes;
};

std::string write_bundle(const Bundle&);
// For an export: a sentence when the text is more than one import reads (32 MiB, about 3,500
// interviews), saying what to do instead; nothing when it imports whole.
std::optional<std::string> bundle_too_large_to_import(std::string_view bundle_text);
// Reads and checks one file's text. Throws FileError listing every problem, each naming
// the file and the JSON location, e.g. "a.json: interviews[2].questions[0].score: ...".
Bundle read_bundle(std::string_view text, const std::string& file_name);

// The interview (its number or its UUID) with its candidate and loop; nullopt if none.
std::optional<Bundle> bundle_for_interview(Database&, const std::string& interview);
// Every candidate and interview of the loop of that name; nullopt if there is no such loop.
std::optional<Bundle> bundle_for_loop(Database&, const std::string& loop_name);

// skipped_behind: the file's copy is newer but not as far along as the one here (a planned copy
// from a loop kit, edited by the hiring manager, against an interview started or submitted
// here): the interviewer's scores and notes are kept, and it is said.
enum class MergeOutcome { added, replaced, unchanged, skipped_older, skipped_conflict, skipped_behind };

// What importing did with one interview of one file.
struct InterviewMerge {
    std::string file;
    std::string uuid; // the interview's
    MergeOutcome outcome = MergeOutcome::added;
    std::string interviewer;
    std::string candidate; // name
    std::string date;
    std::string local_updated_at; // empty when the interview was new here
    std::string bundle_updated_at;
    std::string local_stage, bundle_stage; // for skipped_behind: "in progress", "planned"
    // "replaced older local copy of Ana / Dana Smith / 2026-11-23", ...
    std::string describe() const;
};

struct BundleImportReport {
    int loops_added = 0;
    int candidates_added = 0;
    // Made on another laptop under the same name as one here, and taken as that one
    // (SameNames::merge); remembered, so later files from there match without asking.
    int loops_matched = 0;
    int candidates_matched = 0;
    std::vector<InterviewMerge> interviews; // in file order
    int count(MergeOutcome) const;
};

// A loop, or a candidate of a loop, that a file names like one here but under another UUID: the
// same loop made separately on two laptops, or two different ones that share a name.
struct SameNameMatch {
    std::string file;
    std::string loop;      // the loop's name
    std::string candidate; // empty when the match is the loop itself
    std::string describe() const;
};

// What to do with such matches: refuse the whole import and say which they are (the default:
// never two identical loops without a word), or take each as the one here.
enum class SameNames { refuse, merge };

// Thrown by an import that met same-name matches under SameNames::refuse; nothing was written.
class SameNamesFound : public std::runtime_error {
public:
    explicit SameNamesFound(std::vector<SameNameMatch> matches);
    const std::vector<SameNameMatch>& matches() const { return matches_; }

private:
    std::vector<SameNameMatch> matches_;
};

// Checks every file first; on any problem throws FileError listing them all and writes
// nothing. Otherwise merges them in order, in one transaction, matching loops and candidates
// by UUID or a UUID taken as theirs before, and by name as `same_names` says; interviews by UUID.
BundleImportReport import_bundle_texts(Database&, const std::vector<NamedText>&,
                                       SameNames same_names = SameNames::refuse);
BundleImportReport import_bundle_files(Database&, const std::vector<std::filesystem::path>&,
                                       SameNames same_names = SameNames::refuse);

// A bundle already read and checked, with the name of its file.
struct ReadBundle {
    std::string file;
    Bundle bundle;
};
// The merge of import_bundle_texts, for bundles read elsewhere (the team folder reads each file
// on its own, so one half-written file does not hold back the others).
BundleImportReport import_bundles(Database&, const std::vector<ReadBundle>&, SameNames same_names = SameNames::refuse);

} // namespace panelist

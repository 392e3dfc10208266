// What every screen shares: the store, the clock, the user's current selection, and the few
// requests a screen may make of the shell (go to another screen, show a message, present).
#pragma once
#include "persistence/store/database.hpp"
#include "persistence/store/draft_writer.hpp"
#include "persistence/store/interview_repository.hpp"
#include "persistence/store/people_repository.hpp"
#include "persistence/store/practice_repository.hpp"
#include "persistence/store/question_repository.hpp"
#include "persistence/store/question_set_repository.hpp"
#include "persistence/team/team_watcher.hpp"
#include "ui/context/clock.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>

namespace panelist {

enum class ScreenId { library, candidates, plan, interview, report, compare, practice };

// The only thing the presenter window may show: by construction it has no answer, rubric,
// follow-ups, notes, scores or names in it.
struct PresenterContent {
    std::string prompt;
    int position = 0; // 1-based
    int count = 0;
    bool operator==(const PresenterContent&) const = default;
};

struct StatusMessage {
    std::string text;
    bool error = false;
    TimePoint shown_at{};
};

class AppContext {
public:
    // `wake`: makes the window draw a frame; called from the team folder's thread.
    AppContext(Database& database, const Clock& time, std::function<void()> wake = {})
        : db(database), questions(database), sets(database), people(database), interviews(database),
          drafts(database), team(database, std::move(wake)), clock(time) {}

    Database& db;
    QuestionRepository questions;
    QuestionSetRepository sets;
    PeopleRepository people;
    InterviewRepository interviews;
    // Notes go to the disk through here, off the window's thread (draft_writer.hpp).
    DraftWriter drafts;
    // The team folder, synced on a thread of its own (team_watcher.hpp).
    TeamWatcher team;
    const Clock& clock;

    std::int64_t loop_id = 0;
    std::int64_t candidate_id = 0;
    std::int64_t interview_id = 0;
    // The person using the app (UiSettings::interviewer): seals others' scores until they submit.
    std::string me;

    void go_to(ScreenId s) { navigation_ = s; }
    std::optional<ScreenId> take_navigation() { return std::exchange(navigation_, std::nullopt); }

    // A line in the status bar; it goes away by itself after a while (status_lasts).
    void tell(std::string text) { status_ = {std::move(text), false, clock.now()}; }
    void warn(std::string text) { status_ = {std::move(text), true, clock.now()}; }
    const StatusMessage& status() const { return status_; }
    void clear_status() { status_ = {}; }

    // Questions another screen asks Practice to offer first (Plan: "practise these").
    std::optional<PracticeSource> practice_request;

    bool presenter_open = false;
    PresenterContent presenter;

    // Text came in from outside (an import, bundles, the team folder): the window looks again
    // for characters it has no glyph for (ui/app/glyph_needs.hpp).
    void text_arrived() { ++text_arrivals_; }
    std::uint64_t text_arrivals() const { return text_arrivals_; }

private:
    std::uint64_t text_arrivals_ = 0;
    std::optional<ScreenId> navigation_;
    StatusMessage status_;
};

} // namespace panelist

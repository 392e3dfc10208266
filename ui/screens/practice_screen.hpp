// Practice: calibration before a loop. An interviewer picks questions (those about to be asked,
// a role set, a topic, a level), scores each sample answer as the candidate said it with the
// Interview screen's keys, then sees the reference score, the rubric anchor and the reason.
// Their accuracy and its trend follow (docs/agreement.md). Practice scores live in tables of
// their own: no report, comparison, bundle or team folder ever sees them.
#pragma once
#include "domain/practice_plan.hpp"
#include "domain/question.hpp"
#include "persistence/store/practice_repository.hpp"
#include "ui/context/store_cache.hpp"
#include "ui/screens/screen.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace panelist {

class PracticeScreen final : public Screen {
public:
    std::string_view title() const override { return "Practice"; }
    void draw(AppContext&) override;
    std::span<const Shortcut> shortcuts() const override;

    // What can be practised, and which questions have sample answers (only they are asked).
    struct Sources {
        std::vector<PracticeSource> list;
        std::set<std::string> with_samples;
    };

    // What a test can read.
    enum class Phase { choose, scoring, record };
    Phase phase() const { return phase_; }
    std::size_t items() const { return items_.size(); }
    std::size_t at() const { return at_; }

private:
    void draw_choice(AppContext&);
    void start(AppContext&, const PracticeSource&);
    void draw_item(AppContext&);
    void give(AppContext&, int score);
    void next();
    void draw_record(AppContext&);

    Phase phase_ = Phase::choose;
    int choice_ = 0;
    std::size_t length_ = 20; // sample answers per session, whole questions only
    StoreCache<std::string, Sources> sources_;
    std::optional<PracticeSource> offered_; // another screen's questions, listed first
    StoreCache<std::string, std::vector<PracticeSession>> record_; // read when a score is kept, not each frame

    std::int64_t session_ = 0;
    std::string practised_;
    std::vector<PracticeItem> items_;
    std::map<std::string, Question> questions_; // of this session's items
    std::size_t at_ = 0;
    std::optional<int> given_; // the score given to the current item; its feedback shows
    bool revealed_ = false;    // Space: rubric and model answer before scoring, as in an interview
};

} // namespace panelist

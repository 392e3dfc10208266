#include "ui/screens/practice_screen.hpp"

#include "domain/seeded_random.hpp"
#include "ui/context/app_context.hpp"
#include "ui/context/keys.hpp"
#include "ui/screens/practice_record.hpp"
#include "ui/widgets/font_roles.hpp"
#include "ui/widgets/widgets.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <set>

namespace panelist {
namespace {

constexpr Shortcut practice_keys[] = {
    {"Up / Down", "choose what to practise: your planned interviews, a role set, a topic, a level"},
    {"Left / Right", "fewer / more sample answers in the session (whole questions only)"},
    {"Enter", "start; after a score, the next answer"},
    {"1 - 5", "score the current answer"},
    {"Space", "reveal or hide the model answer and rubric"},
    {"Esc", "stop the session here and see your accuracy (what was scored is kept)"},
    {"V", "view your practice record: accuracy, trend, answers missed by two"},
};
constexpr std::size_t lengths[] = {6, 12, 20, 30, 60};

// What can be practised: the questions of the interviews `me` planned, the role sets, each
// topic and each level, among the questions that have sample answers.
PracticeScreen::Sources gather(AppContext& ctx) {
    PracticeScreen::Sources sources;
    auto& out = sources.list;
    if (!ctx.me.empty())
        for (auto& s : PracticeRepository(ctx.db).upcoming(ctx.me)) out.push_back(std::move(s));
    for (const auto& set : ctx.sets.all()) out.push_back({"Set: " + set.name, set.question_ids});
    std::map<std::string, std::vector<std::string>> topics;
    PracticeSource junior{"Level: junior", {}, false}, senior{"Level: senior", {}, false}, all{"The whole bank", {}, false};
    for (const auto& q : ctx.questions.all()) {
        if (q.samples.empty()) continue;
        sources.with_samples.insert(q.id);
        topics[q.topic].push_back(q.id);
        if (fits(q.level, Level::junior)) junior.question_ids.push_back(q.id);
        if (fits(q.level, Level::senior)) senior.question_ids.push_back(q.id);
        all.question_ids.push_back(q.id);
    }
    out.push_back(std::move(junior));
    out.push_back(std::move(senior));
    for (auto& [topic, ids] : topics) out.push_back({"Topic: " + topic, std::move(ids), false});
    out.push_back(std::move(all));
    return sources;
}

} // namespace

std::span<const Shortcut> PracticeScreen::shortcuts() const { return practice_keys; }

void PracticeScreen::draw(AppContext& ctx) {
    if (ctx.practice_request) { // e.g. the plan being made: offered first, and chosen
        offered_ = std::exchange(ctx.practice_request, std::nullopt);
        choice_ = 0;
        phase_ = Phase::choose; // a session left open elsewhere keeps what was scored
    }
    switch (phase_) {
    case Phase::choose: draw_choice(ctx); break;
    case Phase::scoring: draw_item(ctx); break;
    case Phase::record: draw_record(ctx); break;
    }
}

void PracticeScreen::draw_choice(AppContext& ctx) {
    const Sources& found = sources_.get(ctx.db, ctx.me, [&] { return gather(ctx); });
    std::vector<const PracticeSource*> list;
    if (offered_) list.push_back(&*offered_);
    for (const auto& source : found.list) list.push_back(&source);
    ui::heading("Practise scoring before the loop");
    ui::wrapped("Score answers as candidates said them, with the keys of the Interview screen, then see the "
                "score the bank gives each and why. Practice scores never enter a candidate's report, a "
                "loop's figures, a bundle or the team folder; Compare shows your practice record beside "
                "your leniency in a loop.");
    if (ctx.me.empty()) ui::warning("Type your name first (Ctrl+Y): practice is kept per interviewer.");
    const int last = static_cast<int>(list.size()) - 1;
    if (!keys::typing() && !keys::ctrl() && !keys::alt()) {
        if (keys::pressed_repeat(keys::down)) choice_ = std::min(choice_ + 1, last);
        if (keys::pressed_repeat(keys::up)) choice_ = std::max(choice_ - 1, 0);
        auto at = std::find(std::begin(lengths), std::end(lengths), length_);
        if (keys::pressed(keys::right) && at + 1 < std::end(lengths)) length_ = *(at + 1);
        if (keys::pressed(keys::left) && at != std::begin(lengths)) length_ = *(at - 1);
        if (keys::command(keys::letter('V'))) phase_ = Phase::record;
    }
    choice_ = std::clamp(choice_, 0, std::max(last, 0));
    ImGui::Spacing();
    ImGui::TextUnformatted(fmt::format("About {} sample answers per session (Left / Right)", length_).c_str());
    ImGui::BeginChild("sources", {0, -ImGui::GetFrameHeightWithSpacing() * 1.5f}, true);
    for (int i = 0; i <= last; ++i) {
        const auto& s = *list[static_cast<std::size_t>(i)];
        const auto usable = std::count_if(s.question_ids.begin(), s.question_ids.end(),
                                          [&](const std::string& id) { return found.with_samples.contains(id); });
        const std::string count =
            usable == static_cast<long>(s.question_ids.size())
                ? fmt::format("{} question{}", usable, usable == 1 ? "" : "s")
                : fmt::format("{} of {} questions have sample answers", usable, s.question_ids.size());
        if (usable == 0) ImGui::PushStyleColor(ImGuiCol_Text, ui::muted_text_color());
        if (ImGui::Selectable(fmt::format("{}  ({})##{}", s.label, count, i).c_str(), i == choice_)) choice_ = i;
        if (usable == 0) ImGui::PopStyleColor();
        if (i == choice_ && (keys::pressed_repeat(keys::down) || keys::pressed_repeat(keys::up))) ImGui::SetScrollHereY();
    }
    ImGui::EndChild();
    const bool go = ImGui::Button("Start (Enter)") || (!keys::typing() && keys::pressed(keys::enter));
    ImGui::SameLine();
    if (ImGui::Button("Your record (V)")) phase_ = Phase::record;
    if (go && last >= 0) start(ctx, *list[static_cast<std::size_t>(choice_)]);
}

void PracticeScreen::start(AppContext& ctx, const PracticeSource& source) {
    const auto seed = static_cast<std::uint64_t>(ctx.clock.now().time_since_epoch().count());
    auto ids = source.question_ids;
    if (!source.keep_order) SeededRandom(seed).shuffle(ids);
    std::vector<Question> questions;
    std::set<std::string> seen;
    for (const auto& id : ids)
        if (seen.insert(id).second)
            if (auto q = ctx.questions.find(id); q && !q->samples.empty()) questions.push_back(std::move(*q));
    auto items = practice_items(questions, length_, seed);
    if (items.empty()) {
        ctx.warn("None of these questions has sample answers yet: pick another, or add samples in the Library's files.");
        return;
    }
    try {
        session_ = PracticeRepository(ctx.db).start(ctx.me, source.label);
    } catch (const std::exception& e) {
        ctx.warn(e.what());
        return;
    }
    questions_.clear();
    for (auto& q : questions) questions_.emplace(q.id, std::move(q));
    items_ = std::move(items);
    practised_ = source.label;
    at_ = 0;
    given_.reset();
    revealed_ = false;
    phase_ = Phase::scoring;
}

void PracticeScreen::give(AppContext& ctx, int score) {
    const auto& item = items_[at_];
    const auto& sample = questions_.at(item.question_id).samples[static_cast<std::size_t>(item.sample)];
    try {
        PracticeRepository(ctx.db).record(session_, {{item.question_id, item.sample, score, sample.score}, sample.why});
        given_ = score;
    } catch (const std::exception& e) {
        ctx.warn(std::string(e.what()) + " The score was not kept: give it again.");
    }
}

void PracticeScreen::next() {
    given_.reset();
    revealed_ = false;
    if (++at_ >= items_.size()) phase_ = Phase::record;
}

void PracticeScreen::draw_item(AppContext& ctx) {
    const auto& item = items_[at_];
    const Question& q = questions_.at(item.question_id);
    const SampleAnswer& sample = q.samples[static_cast<std::size_t>(item.sample)];
    if (!keys::typing() && !keys::ctrl() && !keys::alt()) {
        if (keys::pressed(keys::escape)) {
            phase_ = Phase::record;
            return;
        }
        if (keys::command(keys::space)) revealed_ = !revealed_;
        if (!given_) {
            for (int d = 1; d <= 5; ++d)
                if (!keys::shift() && keys::digit_pressed(d)) give(ctx, d);
        } else if (keys::pressed(keys::enter) || keys::pressed(keys::keypad_enter) || keys::pressed(keys::right)) {
            next();
            return;
        }
    }
    ui::muted(fmt::format("Answer {} of {}  -  {}  -  {}", at_ + 1, items_.size(), q.id, practised_));
    const bool bold = ui::push_font(ui::font_roles().bold);
    ui::wrapped(q.prompt);
    ui::pop_font(bold);
    ImGui::Spacing();
    ui::muted("The candidate said:");
    ui::begin_panel();
    ui::wrapped(sample.answer);
    ui::end_panel();
    ImGui::Spacing();
    if (!given_) {
        ImGui::TextUnformatted("Your score:");
        for (int s = 1; s <= 5; ++s) {
            ImGui::SameLine();
            if (ImGui::Button(fmt::format(" {} ", s).c_str())) give(ctx, s);
        }
        ImGui::SameLine();
        ui::muted("1-5, as in an interview");
    } else {
        const int diff = *given_ - sample.score;
        ImGui::PushStyleColor(ImGuiCol_Text, std::abs(diff) >= 2 ? ui::warning_color()
                                             : diff == 0         ? ui::good_color()
                                                                 : ImGui::GetStyleColorVec4(ImGuiCol_Text));
        ui::wrapped(fmt::format("You gave {}. The reference score is {}{}.", *given_, sample.score,
                                diff == 0  ? ": the same"
                                : diff > 0 ? fmt::format(": you were {} point{} lenient", diff, diff == 1 ? "" : "s")
                                           : fmt::format(": you were {} point{} harsh", -diff, diff == -1 ? "" : "s")));
        ImGui::PopStyleColor();
        ui::begin_panel();
        ui::muted(fmt::format("The rubric at {}:", sample.score));
        ui::wrapped(q.rubric.words_for(sample.score));
        ui::muted("Why:");
        ui::wrapped(sample.why);
        ui::end_panel();
        if (ImGui::Button(at_ + 1 < items_.size() ? "Next answer (Enter)" : "See your accuracy (Enter)")) {
            next();
            return;
        }
    }
    ImGui::Spacing();
    if (ImGui::Button(revealed_ ? "Hide rubric and model answer (Space)" : "Show rubric and model answer (Space)"))
        revealed_ = !revealed_;
    if (revealed_) {
        ui::begin_panel();
        ui::muted("Rubric");
        for (int s : {1, 3, 5}) ui::score_line(s, q.rubric.words_for(s));
        ui::muted("Model answer");
        ui::wrapped(q.answer);
        ui::end_panel();
    }
}

void PracticeScreen::draw_record(AppContext& ctx) {
    if (!keys::typing() && (keys::pressed(keys::enter) || keys::pressed(keys::escape))) {
        phase_ = Phase::choose;
        return;
    }
    const auto& sessions = record_.get(ctx.db, ctx.me, [&] { return PracticeRepository(ctx.db).sessions(ctx.me); });
    ImGui::BeginChild("record");
    ui::scroll_with_keys();
    const auto this_one = std::find_if(sessions.begin(), sessions.end(), [&](auto& s) { return s.id == session_; });
    if (this_one != sessions.end()) {
        ui::heading("This session: " + this_one->practised);
        std::vector<PracticeItemScore> items;
        for (const auto& r : this_one->scores) items.push_back(r.score);
        ui::draw_accuracy(practice_accuracy(items));
        ImGui::Spacing();
        ui::muted("Missed by two points or more:");
        ui::draw_missed(this_one->scores);
    }
    ui::heading(ctx.me.empty() ? "Your practice" : "Your practice, " + ctx.me);
    if (sessions.empty()) {
        ui::muted("No practice yet: pick questions and score their sample answers.");
    } else {
        std::vector<PracticeItemScore> all;
        for (const auto& s : sessions)
            for (const auto& r : s.scores) all.push_back(r.score);
        ui::muted(fmt::format("{} session{}, the first on {}", sessions.size(), sessions.size() == 1 ? "" : "s",
                              sessions.front().started_at.substr(0, 10)));
        ui::draw_accuracy(practice_accuracy(all));
        ImGui::Spacing();
        ui::draw_trend(sessions);
    }
    ImGui::Spacing();
    if (ImGui::Button("Practise again (Enter)")) phase_ = Phase::choose;
    ImGui::EndChild();
}

} // namespace panelist

#include "ui/screens/plan_screen.hpp"

#include "persistence/store/curation_repository.hpp"
#include "persistence/store/question_draft_repository.hpp"
#include "ui/context/app_context.hpp"
#include "ui/context/keys.hpp"
#include "ui/screens/ordered_list_keys.hpp"
#include "domain/text.hpp"
#include "ui/widgets/shown_text.hpp"
#include "ui/widgets/widgets.hpp"

#include <algorithm>
#include <limits>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <imgui_stdlib.h>

namespace panelist {
namespace {
constexpr Shortcut plan_keys[] = {
    {"I", "type the interviewer's name (Enter keeps it)"},
    {"Up / Down", "previous / next role set"},
    {"M", "assemble for level and time instead of a set"},
    {"A", "assemble again with a new seed"},
    {"PgUp / PgDn", "select a planned question"},
    {"Alt+Up / Alt+Down", "move the selected question earlier / later"},
    {"Delete", "drop the selected question from the plan"},
    {"/", "search the bank to add a question: Up / Down pick one, Enter adds it"},
    {"Ctrl+Enter", "create the interview and open it"},
};
} // namespace

std::span<const Shortcut> PlanScreen::shortcuts() const { return plan_keys; }

const PlanScreen::Inputs& PlanScreen::inputs(AppContext& ctx) {
    return inputs_.get(ctx.db, ctx.candidate_id, [&] { return Inputs{ctx.people.find_candidate(ctx.candidate_id), ctx.sets.all()}; });
}

void PlanScreen::prepare(AppContext& ctx) {
    prepared_for_ = ctx.candidate_id;
    // Assembly needs only id, topic, level, difficulty, minutes and prompt: the summaries have
    // them in one query, where loading whole questions costs two more queries each.
    load_bank(ctx);
    const auto asked = ctx.interviews.question_ids_for_candidate(ctx.candidate_id);
    already_asked_ = {asked.begin(), asked.end()};
    const auto& candidate = inputs(ctx).candidate;
    request_.level = candidate ? candidate->level : Level::junior;
    request_.exclude = already_asked_;
    request_.seed = static_cast<std::uint64_t>(ctx.candidate_id) * 7919u + 1;
    weights_.clear();
    for (const auto& topic : ctx.questions.topics()) weights_[topic] = 1.0f;
    date_ = ctx.clock.today();
    plan_.clear();
    skipped_.clear();
    selected_ = 0;
    if (interviewer_.empty()) interviewer_ = ctx.me;
    // Start from the first role set that fits the candidate: the comparable choice.
    set_name_.clear();
    for (const auto& s : inputs(ctx).sets)
        if (s.level == request_.level && set_name_.empty()) set_name_ = s.name;
    if (!set_name_.empty()) use_set(ctx, set_name_);
    // Nothing left of the set for this candidate: assemble instead, keeping the set's budget.
    if (plan_.empty()) {
        auto skipped = std::move(skipped_);
        assemble(ctx);
        skipped_ = std::move(skipped); // still say why the set was not used
    }
}

// The questions a plan may take: the bank less its retired questions.
void PlanScreen::load_bank(AppContext& ctx) {
    bank_.clear();
    retired_ = retired_now(ctx);
    drafts_ = drafts_now(ctx);
    for (auto& s : ctx.questions.search(SearchQuery{}, std::numeric_limits<int>::max())) {
        if (retired_.contains(s.id)) continue; // retired: never planned again
        if (drafts_.contains(s.id)) continue;  // a draft: not until a curator completes it
        Question q;
        q.id = std::move(s.id);
        q.topic = std::move(s.topic);
        q.level = s.level;
        q.difficulty = s.difficulty;
        q.minutes = s.minutes;
        q.prompt = std::move(s.prompt);
        bank_.push_back(std::move(q));
    }
}

const std::set<std::string>& PlanScreen::retired_now(AppContext& ctx) {
    return retired_cache_.get(ctx.db, true, [&] { return CurationRepository(ctx.db).retired(); });
}

const std::set<std::string>& PlanScreen::drafts_now(AppContext& ctx) {
    return drafts_cache_.get(ctx.db, true, [&] { return QuestionDraftRepository(ctx.db).ids(); });
}

void PlanScreen::use_set(AppContext& ctx, const std::string& set_name) {
    mode_ = 0;
    set_name_ = set_name;
    if (auto s = ctx.sets.find(set_name)) {
        request_.budget_minutes = s->minutes;
        auto list = plan_from_set(*s, bank_, already_asked_);
        plan_ = std::move(list.questions);
        skipped_ = std::move(list.skipped);
        retired_in_set_.clear();
        drafts_in_set_.clear();
        for (const auto& id : s->question_ids) {
            if (retired_.contains(id)) retired_in_set_.push_back(id);
            if (drafts_.contains(id)) drafts_in_set_.push_back(id);
        }
    }
}

void PlanScreen::assemble(AppContext&) {
    mode_ = 1;
    retired_in_set_.clear();
    drafts_in_set_.clear();
    request_.topic_weights.clear();
    for (const auto& [topic, w] : weights_)
        if (w > 0) request_.topic_weights[topic] = w;
    plan_ = assemble_plan(bank_, request_).questions;
    skipped_.clear();
}

std::int64_t PlanScreen::create_interview(AppContext& ctx) {
    if (ctx.me.empty()) ctx.me = interviewer_; // who plans is, most of the time, who interviews
    Interview iv;
    iv.candidate_id = ctx.candidate_id;
    iv.interviewer = interviewer_;
    iv.date = date_;
    iv.questions = plan_;
    ctx.interviews.create(iv);
    ctx.interview_id = iv.id;
    prepared_for_ = -1; // the next visit plans afresh, excluding these questions
    return iv.id;
}

void PlanScreen::draw(AppContext& ctx) {
    const auto candidate = inputs(ctx).candidate;
    if (!candidate) {
        ui::muted("Pick a candidate on the Candidates screen first (Ctrl+2).");
        return;
    }
    if (prepared_for_ != ctx.candidate_id) prepare(ctx);
    // A question retired or restored meanwhile (in the Library, from the command line): later
    // picks follow; the plan being edited keeps what it has.
    else if (retired_now(ctx) != retired_ || drafts_now(ctx) != drafts_) load_bank(ctx);
    ui::heading(fmt::format("New interview for {} ({})", candidate->name, name(candidate->level)));

    // The source at most 26 em, and never more than two fifths of a narrow window.
    ImGui::BeginChild("plan-source", {std::min(ui::em(26), ImGui::GetContentRegionAvail().x * 0.4f), 0}, true);
    draw_source(ctx);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("plan-list", {0, 0}, true);
    draw_plan(ctx);
    ImGui::EndChild();
}

void PlanScreen::draw_source(AppContext& ctx) {
    if (keys::command(keys::letter('I'))) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(-1);
    ui::input_text_limited("##interviewer", "interviewer: your name (I)", &interviewer_, PeopleTextLimits::name);
    ImGui::SetNextItemWidth(-1);
    ui::input_text_with_hint("##date", "YYYY-MM-DD", &date_);
    ImGui::Spacing();
    if (ImGui::RadioButton("A role set, as it is", mode_ == 0)) mode_ = 0;
    ui::muted("Same questions for every candidate: comparable.");
    if (mode_ == 0) {
        const auto all_sets = inputs(ctx).sets; // a copy: use_set below may read the store again
        if (!keys::typing() && !keys::ctrl() && !keys::alt() && !all_sets.empty()) {
            int index = -1;
            for (std::size_t i = 0; i < all_sets.size(); ++i)
                if (all_sets[i].name == set_name_) index = static_cast<int>(i);
            const int last = static_cast<int>(all_sets.size()) - 1;
            if (keys::pressed_repeat(keys::down)) use_set(ctx, all_sets[static_cast<std::size_t>(std::min(index + 1, last))].name);
            if (keys::pressed_repeat(keys::up)) use_set(ctx, all_sets[static_cast<std::size_t>(std::max(index - 1, 0))].name);
        }
        for (const auto& s : all_sets) {
            const bool fits_level = fits(s.level, request_.level);
            if (!fits_level) ImGui::PushStyleColor(ImGuiCol_Text, ui::muted_text_color());
            if (ImGui::Selectable(ui::shown(s.name).c_str(), s.name == set_name_)) use_set(ctx, s.name);
            if (!fits_level) ImGui::PopStyleColor();
        }
    }
    ImGui::Spacing();
    if (ImGui::RadioButton("Assembled for level and time", mode_ == 1) || (mode_ == 0 && keys::command(keys::letter('M'))))
        assemble(ctx);
    if (mode_ == 1) {
        bool again = false;
        ImGui::SetNextItemWidth(ui::em(8));
        again |= ImGui::InputInt("Minutes", &request_.budget_minutes, 5);
        request_.budget_minutes = std::clamp(request_.budget_minutes, 5, 240);
        int seed = static_cast<int>(request_.seed % 100000);
        ImGui::SetNextItemWidth(ui::em(8));
        if (ImGui::InputInt("Seed", &seed)) {
            request_.seed = static_cast<std::uint64_t>(std::max(seed, 0));
            again = true;
        }
        ImGui::SameLine();
        if (ImGui::SmallButton("New (A)") || keys::command(keys::letter('A'))) {
            request_.seed = request_.seed * 6364136223846793005ull + 1442695040888963407ull;
            again = true;
        }
        ui::muted("Topic weights (0 leaves a topic out)");
        for (auto& [topic, w] : weights_) {
            ImGui::SetNextItemWidth(ui::em(9));
            if (ImGui::SliderFloat(topic.c_str(), &w, 0.0f, 3.0f, "%.1f")) again = true;
        }
        if (again) assemble(ctx);
    }
}

void PlanScreen::draw_plan(AppContext& ctx) {
    int total = 0;
    for (const auto& q : plan_) total += q.planned_minutes;
    ImGui::PushStyleColor(ImGuiCol_Text, total > request_.budget_minutes ? ui::warning_color() : ui::good_color());
    ImGui::Text("%zu questions, %d of %d minutes", plan_.size(), total, request_.budget_minutes);
    ImGui::PopStyleColor();
    if (!skipped_.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ui::warning_color());
        ui::wrapped(fmt::format("Left out because this candidate already had them in the loop: {}",
                                fmt::join(skipped_, ", ")));
        ImGui::PopStyleColor();
    }
    if (!retired_in_set_.empty())
        ui::muted(fmt::format("Left out because they are retired (the Library can restore them): {}",
                              fmt::join(retired_in_set_, ", ")));
    if (!drafts_in_set_.empty())
        ui::muted(fmt::format("Left out because they are drafts (the Library completes them, Ctrl+D): {}",
                              fmt::join(drafts_in_set_, ", ")));
    handle_list_keys();
    std::optional<std::size_t> up, down, drop;
    for (std::size_t i = 0; i < plan_.size(); ++i) {
        const auto& q = plan_[i];
        ImGui::PushID(static_cast<int>(i));
        if (static_cast<int>(i) == selected_) {
            // The keyboard's row: a band behind it, kept in view.
            ui::selection_band();
            if (std::exchange(scroll_to_selected_, false)) ImGui::SetScrollHereY();
        }
        if (ImGui::ArrowButton("up", ImGuiDir_Up)) up = i;
        ImGui::SameLine();
        if (ImGui::ArrowButton("down", ImGuiDir_Down)) down = i;
        ImGui::SameLine();
        if (ImGui::SmallButton("drop")) drop = i;
        ImGui::SameLine();
        ImGui::Text("%2zu.", i + 1);
        ImGui::SameLine();
        ImGui::TextUnformatted(ui::one_line(q.prompt, ImGui::GetContentRegionAvail().x - ui::em(9)).c_str());
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ui::em(8.5f));
        ui::muted(fmt::format("{:<14.14} {:>2}m", q.topic, q.planned_minutes));
        ImGui::PopID();
    }
    if (up && *up > 0) std::swap(plan_[*up], plan_[*up - 1]);
    if (down && *down + 1 < plan_.size()) std::swap(plan_[*down], plan_[*down + 1]);
    if (drop) plan_.erase(plan_.begin() + static_cast<long>(*drop));
    selected_ = std::clamp(selected_, 0, std::max(static_cast<int>(plan_.size()) - 1, 0));

    ImGui::Separator();
    draw_add(ctx);
    ImGui::Separator();
    if (!plan_.empty() && ImGui::Button("Practise scoring these questions first (Practice, Ctrl+7)")) {
        ctx.practice_request = practice_source();
        ctx.go_to(ScreenId::practice);
    }
    const bool ready = !plan_.empty() && !interviewer_.empty();
    if (!ready) ImGui::BeginDisabled();
    const bool create = ImGui::Button("Create interview and open it (Ctrl+Enter)") ||
                        (ready && keys::ctrl() && keys::pressed(keys::enter));
    if (!ready) ImGui::EndDisabled();
    if (!ready) {
        ImGui::SameLine();
        ui::muted(interviewer_.empty() ? "Type the interviewer's name first." : "The plan is empty.");
    }
    if (create && ready) {
        try {
            create_interview(ctx);
            ctx.tell("Interview created.");
            ctx.go_to(ScreenId::interview);
        } catch (const std::exception& e) {
            ctx.warn(e.what());
        }
    }
}

void PlanScreen::handle_list_keys() {
    if (keys::typing() || keys::ctrl() || plan_.empty()) return;
    ordered_list_keys(plan_, selected_, scroll_to_selected_);
    if (!keys::alt() && keys::pressed(keys::slash) && !keys::shift()) picker_.focus();
}

PracticeSource PlanScreen::practice_source() const {
    PracticeSource source{"The plan being made" + (interviewer_.empty() ? std::string() : " by " + interviewer_), {}};
    for (const auto& q : plan_) source.question_ids.push_back(q.question_id);
    return source;
}

void PlanScreen::add(const QuestionSummary& r) {
    InterviewQuestion item;
    item.question_id = r.id;
    item.planned_minutes = r.minutes;
    item.topic = r.topic;
    item.prompt = r.prompt;
    plan_.push_back(item);
    selected_ = static_cast<int>(plan_.size()) - 1;
    scroll_to_selected_ = true;
}

void PlanScreen::draw_add(AppContext& ctx) {
    const auto refuse = [&](const QuestionSummary& r) -> std::optional<std::string> {
        if (already_asked_.count(r.id) > 0) return "already asked";
        if (retired_.contains(r.id)) return "retired";
        if (drafts_.contains(r.id)) return "a draft";
        if (std::any_of(plan_.begin(), plan_.end(), [&](auto& q) { return q.question_id == r.id; })) return "planned";
        return std::nullopt;
    };
    if (const auto taken = picker_.draw(ctx, "Add a question: search the bank (/)", refuse)) add(*taken);
}

} // namespace panelist

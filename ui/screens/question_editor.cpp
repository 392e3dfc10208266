#include "ui/screens/question_editor.hpp"

#include "persistence/store/question_draft_repository.hpp"

#include "domain/text.hpp"
#include "ui/context/app_context.hpp"
#include "ui/context/keys.hpp"
#include "ui/widgets/shown_text.hpp"
#include "ui/widgets/widgets.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <imgui_stdlib.h>

namespace panelist {
namespace {
const char* levels[] = {"junior", "senior", "both"};
const char* difficulties[] = {"easy", "medium", "hard"};

std::vector<std::string> split(const std::string& text, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find(sep, start);
        if (end == std::string::npos) end = text.size();
        auto part = trim(text.substr(start, end - start));
        if (!part.empty()) out.push_back(part);
        start = end + 1;
    }
    return out;
}
} // namespace

void QuestionEditor::open(const Question& q, std::string original_id) {
    open_ = true;
    original_id_ = std::move(original_id);
    draft_ = q;
    tags_.clear();
    for (const auto& t : q.tags) tags_ += (tags_.empty() ? "" : ", ") + t;
    follow_ups_.clear();
    for (const auto& f : q.follow_ups) follow_ups_ += f + "\n";
    level_ = static_cast<int>(q.level);
    difficulty_ = static_cast<int>(q.difficulty);
    error_.clear();
    similar_.reset();
    close_.clear();
    looked_prompt_.clear(), looked_answer_.clear();
    looked_at_.reset(), pending_.reset();
    shown_.reset();
    focus_first_ = true;
    draft_state_.reset();
    level_given_ = true;
}

void QuestionEditor::open_draft(const Question& q, DraftState state) {
    open(q, q.id);
    level_given_ = state.level_given;
    draft_state_ = std::move(state);
}

void QuestionEditor::draw_close_questions(AppContext& ctx) {
    // At most every 150 ms while the curator types: at 100k questions a lookup takes a few
    // milliseconds (docs/curation.md), which every keystroke need not pay.
    constexpr auto between_lookups = std::chrono::milliseconds(150);
    const bool changed = draft_.prompt != looked_prompt_ || draft_.answer != looked_answer_;
    const TimePoint now = ctx.clock.now();
    pending_.reset();
    if (changed && (!looked_at_ || now - *looked_at_ >= between_lookups)) {
        if (!similar_) similar_ = std::make_unique<SimilarQuestions>(ctx.db.sql());
        // A copy being written under a new id is still compared with the question it came from.
        close_ = similar_->closest(draft_.prompt, draft_.answer, close_shown, original_id_);
        looked_prompt_ = draft_.prompt, looked_answer_ = draft_.answer;
        looked_at_ = now;
        if (shown_ && std::none_of(close_.begin(), close_.end(), [&](const auto& c) { return c.id == shown_->id; }))
            shown_.reset();
    } else if (changed) {
        pending_ = *looked_at_ + between_lookups; // the last keystrokes' lookup is still to come
    }
    if (close_.empty()) {
        if (!trim(draft_.prompt).empty()) ui::muted("Nothing in the bank is close to this question.");
        return;
    }
    ui::muted("Close to questions you have (Alt+1..3 shows one):");
    for (int i = 0; i < static_cast<int>(close_.size()); ++i) {
        const auto& c = close_[static_cast<std::size_t>(i)];
        if (keys::alt() && keys::digit_pressed(i + 1)) {
            if (shown_ && shown_->id == c.id) shown_.reset();
            else shown_ = ctx.questions.find(c.id);
        }
        std::string prompt = c.prompt;
        std::replace(prompt.begin(), prompt.end(), '\n', ' ');
        ImGui::Text("Alt+%d  %3d%%  %s", i + 1, static_cast<int>(std::lround(c.closeness * 100)), c.id.c_str());
        ImGui::SameLine();
        ui::muted(ui::one_line(prompt, ImGui::GetContentRegionAvail().x));
    }
    if (shown_) {
        ImGui::Indent(ui::em(1));
        ImGui::PushTextWrapPos(0.0f); // wrapped at the panel's edge
        ImGui::TextUnformatted(ui::shown(shown_->prompt).c_str());
        ui::muted(shown_->answer);
        ImGui::PopTextWrapPos();
        ImGui::Unindent(ui::em(1));
    }
}

bool QuestionEditor::save(AppContext& ctx) {
    Question q = draft_;
    q.level = static_cast<Level>(level_);
    q.difficulty = static_cast<Difficulty>(difficulty_);
    q.tags = split(tags_, ',');
    q.follow_ups = split(follow_ups_, '\n');
    try {
        if (!original_id_.empty() && original_id_ != trim(q.id)) ctx.questions.rename(original_id_, trim(q.id));
        else if (original_id_.empty() && ctx.questions.find(trim(q.id)))
            throw ValidationError("question", {{"id", "'" + trim(q.id) + "' is already taken"}});
        ctx.questions.upsert(q);
        if (draft_state_) {
            QuestionDraftRepository drafts(ctx.db);
            const DraftState now{draft_state_->source, level_given_};
            // The rename above moved the draft row with the question.
            if (now.level_given) drafts.level_given(trim(q.id));
            const auto missing = missing_before_planning(normalised(q), now);
            if (missing.empty()) {
                drafts.finish(trim(q.id));
                const auto left = drafts.all().size();
                ctx.tell(fmt::format("Saved {}: complete, it can be planned now.{}", trim(q.id),
                                     left == 0 ? std::string(" No drafts left.")
                                               : fmt::format(" {} left: Ctrl+D opens the next.", plural(left, "draft"))));
            } else {
                ctx.tell(fmt::format("Saved {}, still a draft: it needs {}.", trim(q.id), fmt::join(missing, ", ")));
            }
            draft_ = q;
            open_ = false;
            return true;
        }
    } catch (const std::exception& e) {
        error_ = e.what();
        return false;
    }
    ctx.tell("Saved " + trim(q.id));
    draft_ = q;
    open_ = false;
    return true;
}

std::optional<std::string> QuestionEditor::draw(AppContext& ctx) {
    ui::heading(original_id_.empty() ? "New question" : draft_state_ ? "Complete a draft question" : "Edit question");
    if (draft_state_) {
        Question q = draft_;
        const auto missing = missing_before_planning(q, {draft_state_->source, level_given_});
        ImGui::PushTextWrapPos(0.0f);
        ui::muted(missing.empty() ? fmt::format("From {}. Complete: Ctrl+S saves it, and it can be planned.", draft_state_->source)
                                  : fmt::format("From {}. Before it can be planned it needs {} (Alt+J/S/B: the level).",
                                                draft_state_->source, fmt::join(missing, ", ")));
        ImGui::PopTextWrapPos();
    }
    // Alt+J / Alt+S / Alt+B: the level from the keyboard, whichever field has it.
    const ImGuiIO& io = ImGui::GetIO();
    for (const auto& [key, level] : {std::pair{'J', 0}, std::pair{'S', 1}, std::pair{'B', 2}})
        if (io.KeyAlt && !io.KeyCtrl && ImGui::IsKeyPressed(key, false)) level_ = level, level_given_ = true;
    const float label_width = ui::em(7);
    ImGui::PushItemWidth(-1);
    auto field = [&](const char* label) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(label);
        ImGui::SameLine(label_width);
    };
    field("Id");
    if (focus_first_) ImGui::SetKeyboardFocusHere(), focus_first_ = false; // Tab goes on to the next field
    ui::input_text("##id", &draft_.id);
    field("Topic");
    ui::input_text("##topic", &draft_.topic);
    field("Tags");
    ui::input_text_with_hint("##tags", "comma, separated", &tags_);
    field("Level");
    ImGui::SetNextItemWidth(ui::em(8));
    if (level_given_) {
        if (ImGui::Combo("##level", &level_, levels, 3)) level_given_ = true;
    } else {
        int none = -1; // a draft's level: none shown until picked
        if (ImGui::Combo("##level", &none, levels, 3)) level_ = none, level_given_ = true;
    }
    ImGui::SameLine();
    ImGui::TextUnformatted("Difficulty");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ui::em(8));
    ImGui::Combo("##difficulty", &difficulty_, difficulties, 3);
    ImGui::SameLine();
    ImGui::TextUnformatted("Minutes");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ui::em(7));
    ImGui::InputInt("##minutes", &draft_.minutes);
    field("Prompt");
    ui::input_text_multiline("##prompt", &draft_.prompt, {-1, ui::em(4)});
    field("Answer");
    ui::input_text_multiline("##answer", &draft_.answer, {-1, ui::em(9)});
    draw_close_questions(ctx);
    field("Follow-ups");
    ui::input_text_multiline("##follow", &follow_ups_, {-1, ui::em(4.5f)});
    field("Rubric 1");
    ui::input_text_multiline("##r1", &draft_.rubric.one, {-1, ui::em(2.5f)});
    field("Rubric 3");
    ui::input_text_multiline("##r3", &draft_.rubric.three, {-1, ui::em(2.5f)});
    field("Rubric 5");
    ui::input_text_multiline("##r5", &draft_.rubric.five, {-1, ui::em(2.5f)});
    ImGui::PopItemWidth();

    if (!error_.empty()) {
        ui::warning(error_);
    }
    std::optional<std::string> saved;
    if (ImGui::Button("Save (Ctrl+S)") || (ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed('S', false))) {
        if (save(ctx)) saved = trim(draft_.id);
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) open_ = false;
    return saved;
}

} // namespace panelist

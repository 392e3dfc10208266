#include "ui/screens/question_picker.hpp"

#include "domain/search_query.hpp"
#include "ui/context/app_context.hpp"
#include "ui/context/keys.hpp"
#include "ui/widgets/shown_text.hpp"
#include "ui/widgets/widgets.hpp"

#include <algorithm>
#include <imgui_internal.h> // GetActiveID: Up / Down belong to the results while the field is active
#include <imgui_stdlib.h>
#include <utility>

namespace panelist {

std::optional<QuestionSummary> QuestionPicker::draw(AppContext& ctx, const char* hint, const Refusal& refuse) {
    std::optional<QuestionSummary> taken;
    ImGui::PushID(this);
    ImGui::SetNextItemWidth(-1);
    if (std::exchange(focus_, false)) ImGui::SetKeyboardFocusHere();
    active_ = ImGui::GetActiveID() == ImGui::GetID("##pick");
    // Up / Down pick among the results while the search field has the keyboard.
    if (active_ && !results_.empty()) {
        const int last = static_cast<int>(results_.size()) - 1;
        if (keys::pressed_repeat(keys::down)) choice_ = std::min(choice_ + 1, last);
        if (keys::pressed_repeat(keys::up)) choice_ = std::max(choice_ - 1, 0);
    }
    const bool enter = ui::input_text_with_hint("##pick", hint, &query_, ImGuiInputTextFlags_EnterReturnsTrue);
    if (enter && !keys::ctrl() && choice_ < static_cast<int>(results_.size()) &&
        !refuse(results_[static_cast<std::size_t>(choice_)])) {
        taken = results_[static_cast<std::size_t>(choice_)];
        focus_ = true; // keep searching: several questions are often added in a row
    }
    if (query_ != searched_) {
        searched_ = query_;
        choice_ = 0;
        results_.clear();
        try {
            if (!query_.empty()) results_ = ctx.questions.search(parse_search_query(query_), 8);
        } catch (const QueryError&) {
            // Half-typed queries ("asked:>") are normal while typing: show nothing until it parses.
        }
    }
    for (std::size_t i = 0; i < results_.size(); ++i) {
        const auto& r = results_[i];
        const auto refusal = refuse(r);
        ImGui::PushID(r.id.c_str());
        if (static_cast<int>(i) == choice_) {
            ui::selection_band();
        }
        if (refusal) ImGui::BeginDisabled();
        if (ImGui::SmallButton("add")) taken = r;
        if (refusal) ImGui::EndDisabled();
        ImGui::SameLine();
        const std::string& note = refusal ? *refusal : r.id;
        const float note_width = ImGui::CalcTextSize(note.c_str()).x + ui::em(1);
        ImGui::TextUnformatted(ui::one_line(r.prompt, ImGui::GetContentRegionAvail().x - note_width).c_str());
        ImGui::SameLine();
        ui::muted(note);
        ImGui::PopID();
    }
    ImGui::PopID();
    return taken;
}

} // namespace panelist

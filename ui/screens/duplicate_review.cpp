#include "ui/screens/duplicate_review.hpp"

#include "domain/text.hpp"
#include "ui/context/app_context.hpp"
#include "ui/context/keys.hpp"
#include "ui/widgets/widgets.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace panelist {
namespace {

int percent(double closeness) { return static_cast<int>(std::lround(closeness * 100)); }

} // namespace

std::optional<std::string> DuplicateReview::draw(AppContext& ctx) {
    const bool keys_free = !keys::typing() && confirm_ == Confirm::none;
    if (keys_free && (keys::command(keys::minus) || keys::command(keys::keypad_subtract)))
        min_percent_ = std::max(least_percent, min_percent_ - step_percent);
    if (keys_free && (keys::command(keys::equal) || keys::command(keys::keypad_add)))
        min_percent_ = std::min(100, min_percent_ + step_percent);
    update_scan(ctx);
    const int count = static_cast<int>(pairs_.size());
    if (keys_free && keys::pressed_repeat(keys::down)) selected_ = std::min(selected_ + 1, count - 1), moved_ = true;
    if (keys_free && keys::pressed_repeat(keys::up)) selected_ = std::max(selected_ - 1, 0), moved_ = true;
    selected_ = std::clamp(selected_, 0, std::max(count - 1, 0));

    ui::muted(fmt::format("{} at {}% closeness or more (- and + move the threshold). Pairs kept apart and retired "
                          "questions are not listed.",
                          plural(pairs_.size(), "pair"), min_percent_));
    if (scanning())
        ui::muted(fmt::format("Comparing each question with the bank: {} of {} so far...", grouped(scan_->compared()),
                              grouped(scan_->total())));
    if (pairs_.empty()) {
        if (scanning()) return std::nullopt;
        ui::wrapped("No pair of questions is this close. Lower the threshold with - to look further.");
        return std::nullopt;
    }
    ImGui::BeginChild("duplicate-pairs", {0, ImGui::GetTextLineHeightWithSpacing() * 6.5f}, true);
    for (int i = 0; i < count; ++i) {
        const auto& p = pairs_[static_cast<std::size_t>(i)];
        const std::string row = fmt::format("{:>3}%  {}  ~  {}", percent(p.closeness), p.first, p.second);
        if (ImGui::Selectable(row.c_str(), i == selected_)) selected_ = i, moved_ = true;
        if (i == selected_) ImGui::SetItemDefaultFocus();
        if (i == selected_ && (keys::pressed_repeat(keys::down) || keys::pressed_repeat(keys::up)))
            ImGui::SetScrollHereY();
    }
    ImGui::EndChild();
    const DuplicatePair pair = pairs_[static_cast<std::size_t>(selected_)];
    std::optional<std::string> edit;
    if (confirm_ == Confirm::none) {
        const auto shifted = [&](char letter) {
            return keys_free && !keys::ctrl() && !keys::alt() && keys::shift() && keys::pressed(keys::letter(letter));
        };
        const auto plain = [&](char letter) { return keys_free && !keys::shift() && keys::command(keys::letter(letter)); };
        if (ImGui::Button("Keep left, merge right into it (G)") || plain('G')) confirm_ = Confirm::merge_into_first;
        ImGui::SameLine();
        if (ImGui::Button("Keep right (Shift+G)") || shifted('G')) confirm_ = Confirm::merge_into_second;
        ImGui::SameLine();
        if (ImGui::Button("Keep both, different on purpose (H)") || plain('H')) {
            CurationRepository(ctx.db).keep_apart(pair.first, pair.second);
            ctx.tell(fmt::format("{} and {} are kept apart: never listed as duplicates again", pair.first, pair.second));
        }
        ImGui::SameLine();
        if (ImGui::Button("Make right different (E)") || plain('E')) edit = pair.second;
        ImGui::SameLine();
        if (ImGui::Button("Edit left (Shift+E)") || shifted('E')) edit = pair.first;
    } else {
        const bool into_first = confirm_ == Confirm::merge_into_first;
        const std::string& keep = into_first ? pair.first : pair.second;
        const std::string& drop = into_first ? pair.second : pair.first;
        ImGui::PushStyleColor(ImGuiCol_Text, ui::warning_color());
        ui::wrapped(fmt::format("Merge {} into {}? Interviews that asked {} will count for {} (their answers and "
                                "scores stay as they were); sets holding it will hold {}; {} leaves the bank. "
                                "Y merges, N or Esc keeps both.",
                                drop, keep, drop, keep, keep, drop));
        ImGui::PopStyleColor();
        if (ImGui::Button("Merge (Y)") || keys::command(keys::letter('Y'))) {
            merge(ctx, keep, drop);
        } else {
            ImGui::SameLine();
            if (ImGui::Button("Keep both (Esc)") || keys::command(keys::escape) || keys::command(keys::letter('N')))
                confirm_ = Confirm::none;
        }
    }
    draw_pair(ctx, pair);
    return edit;
}

// Every question is compared with the bank again when the bank changes (a merge, an edit, a pair
// kept apart) or the threshold moves, a slice per frame: the window never waits for a large
// bank, and the pairs found so far are listed meanwhile.
void DuplicateReview::update_scan(AppContext& ctx) {
    const StoreVersion now = ctx.db.version();
    if (!scan_ || !(now == scanned_version_) || scanned_percent_ != min_percent_) {
        scan_ = std::make_unique<DuplicateScan>(ctx.db.sql(), min_percent_ / 100.0);
        scanned_version_ = now;
        scanned_percent_ = min_percent_;
        pairs_.clear();
        moved_ = false;
    }
    if (!scan_->done()) {
        // Until the curator moves, the closest pair found so far is selected; after, the pair they
        // look at stays selected as pairs found meanwhile take their places above it.
        const auto looked_at = moved_ && selected_ < static_cast<int>(pairs_.size())
                                   ? std::optional(pairs_[static_cast<std::size_t>(selected_)])
                                   : std::nullopt;
        scan_->step(std::chrono::milliseconds(12)); // within a frame at 60 Hz, beside drawing it
        pairs_ = scan_->pairs();
        if (looked_at)
            for (std::size_t i = 0; i < pairs_.size(); ++i)
                if (pairs_[i].first == looked_at->first && pairs_[i].second == looked_at->second)
                    selected_ = static_cast<int>(i);
    }
}

void DuplicateReview::merge(AppContext& ctx, const std::string& keep, const std::string& drop) {
    confirm_ = Confirm::none;
    try {
        const auto report = CurationRepository(ctx.db).merge(keep, drop);
        ctx.tell(fmt::format("Merged {} into {}: {} now count for it", drop, keep,
                             plural(static_cast<std::size_t>(report.interviews), "interview")));
    } catch (const std::exception& e) {
        ctx.warn(e.what());
    }
}

void DuplicateReview::draw_pair(AppContext& ctx, const DuplicatePair& pair) {
    const auto& [first, second] = shown_.get(ctx.db, {pair.first, pair.second}, [&] {
        return std::pair(ctx.questions.find(pair.first), ctx.questions.find(pair.second));
    });
    const auto& asked = times_asked_.get(ctx.db, true, [&] { return ctx.questions.times_asked(); });
    const auto times = [&](const std::string& id) {
        const auto it = asked.find(id);
        return it == asked.end() ? 0 : it->second;
    };
    ui::heading(fmt::format("{}% close", percent(pair.closeness)));
    if (ImGui::BeginTable("pair", 2, ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY,
                          {0, ImGui::GetContentRegionAvail().y})) {
        ImGui::TableSetupColumn("left", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("right", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        draw_side(first, times(pair.first));
        ImGui::TableSetColumnIndex(1);
        draw_side(second, times(pair.second));
        ImGui::EndTable();
    }
}

void DuplicateReview::draw_side(const std::optional<Question>& q, int times_asked) {
    if (!q) {
        ui::muted("(no longer in the bank)");
        return;
    }
    ImGui::TextUnformatted(q->id.c_str());
    ui::badge(name(q->level), ui::level_color(name(q->level)));
    ui::badge(name(q->difficulty), ui::difficulty_color(name(q->difficulty)));
    ui::muted(fmt::format("{} min  -  {}", q->minutes,
                          times_asked == 0 ? std::string("never asked") : fmt::format("asked {}x", times_asked)));
    ImGui::Spacing();
    ui::wrapped(q->prompt);
    ui::heading("Model answer");
    ui::wrapped(q->answer.empty() ? "(none yet)" : q->answer);
}

} // namespace panelist

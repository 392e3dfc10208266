#include "ui/screens/practice_record.hpp"

#include "ui/widgets/widgets.hpp"

#include <cmath>
#include <fmt/format.h>

namespace panelist::ui {

std::string accuracy_line(const PracticeAccuracy& a) {
    if (a.items == 0) return "nothing scored yet";
    const std::string lean = std::abs(a.bias) < 0.005 ? "neither lenient nor harsh"
                             : a.bias > 0             ? fmt::format("{:.2f} lenient", a.bias)
                                                      : fmt::format("{:.2f} harsh", -a.bias);
    return fmt::format("{} answer{}: off by {:.2f} on average, {:.0f}% within one point, {}", a.items,
                       a.items == 1 ? "" : "s", a.mean_absolute_error, a.within_one * 100, lean);
}

void draw_accuracy(const PracticeAccuracy& a) {
    wrapped(accuracy_line(a));
    if (!a.components) {
        muted("Cronbach's components need two or more questions with all their answers scored.");
        return;
    }
    const auto& c = *a.components;
    muted(fmt::format("Over {} questions x {} answers each (0 is perfect):", c.questions, c.ranks));
    const std::pair<const char*, double> parts[] = {
        {"elevation (lenient or harsh overall)", c.elevation},
        {"differential elevation (harsh on some questions, lenient on others)", c.differential_elevation},
        {"stereotype accuracy (weak and strong answers told apart)", c.stereotype_accuracy},
        {"differential accuracy (each answer placed within its question)", c.differential_accuracy},
    };
    for (const auto& [what, value] : parts) {
        ImGui::Bullet();
        ImGui::TextUnformatted(fmt::format("{:.2f}  {}", value, what).c_str());
    }
}

void draw_trend(const std::vector<PracticeSession>& sessions) {
    std::vector<float> errors;
    for (const auto& s : sessions) {
        std::vector<PracticeItemScore> items;
        for (const auto& r : s.scores) items.push_back(r.score);
        errors.push_back(static_cast<float>(practice_accuracy(items).mean_absolute_error));
    }
    if (errors.size() < 2) {
        muted("The trend shows from your second session on.");
        return;
    }
    const std::string overlay =
        fmt::format("off by {:.2f} in the first session, {:.2f} in the latest", errors.front(), errors.back());
    ImGui::PlotLines("##trend", errors.data(), static_cast<int>(errors.size()), 0, overlay.c_str(), 0.0f, 2.0f,
                     {std::min(ImGui::GetContentRegionAvail().x, em(40)), em(6)});
    muted("Mean absolute error per session, oldest first; lower is better (the scale runs 0 to 2).");
}

void draw_missed(const std::vector<PracticeScoreRecord>& records) {
    std::vector<PracticeItemScore> items;
    for (const auto& r : records) items.push_back(r.score);
    const auto missed = missed_by_two(items);
    if (missed.empty()) {
        muted("No answer was two points or more from its reference score.");
        return;
    }
    for (const auto& m : missed) {
        const auto r = std::find_if(records.begin(), records.end(), [&](const PracticeScoreRecord& x) { return x.score == m; });
        ImGui::PushStyleColor(ImGuiCol_Text, warning_color());
        ImGui::TextUnformatted(fmt::format("{}, answer {}: you gave {}, the reference is {}", m.question_id, m.sample + 1,
                                           m.given, m.reference)
                                   .c_str());
        ImGui::PopStyleColor();
        if (r != records.end() && !r->why.empty()) wrapped("   " + r->why);
    }
}

} // namespace panelist::ui

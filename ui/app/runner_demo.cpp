// A throwaway window to look at the runner, the fonts and the theme by eye (not installed).
// Usage: panelist_runner_demo [--dark] [--paused] [--screenshot out.png]
#include "ui/app/fonts.hpp"
#include "ui/app/runner.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

namespace {

using Clock = std::chrono::steady_clock;

struct DemoState {
    Clock::time_point started = Clock::now();
    bool clock_running = true;
    bool follow_ups = true;
    bool dark = false;
    int score = 3;
    std::string note = "Clear on trade-offs — asked about failure modes first.";
};

ImVec2 em(float x, float y) {
    return {x * ImGui::GetFontSize(), y * ImGui::GetFontSize()};
}

void draw_clock(const DemoState& state) {
    const auto seconds = static_cast<int>(
        std::chrono::duration_cast<std::chrono::seconds>(Clock::now() - state.started).count());
    ImGui::PushFont(panelist::fonts().large);
    ImGui::Text("%d:%02d", seconds / 60, seconds % 60);
    ImGui::PopFont();
}

void draw(DemoState& state) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    // The window fills the OS window: rounded corners and a border would only frame the edge.
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::Begin("demo", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
    ImGui::PopStyleVar(2);

    ImGui::PushFont(panelist::fonts().bold);
    ImGui::TextUnformatted("Question 3 of 7 · System design");
    ImGui::PopFont();
    ImGui::TextDisabled("Backend loop → Onsite → “Design a rate limiter”");
    ImGui::Separator();

    ImGui::PushFont(panelist::fonts().large);
    ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x);
    ImGui::TextWrapped("How would you design a rate limiter for a public API — per user, per key?");
    ImGui::PopTextWrapPos();
    ImGui::PopFont();

    ImGui::Spacing();
    ImGui::TextWrapped("Regular text: “curly quotes”, ‘single’, an en dash 1–5, an ellipsis…, "
                       "Zoë, façade, Łódź, naïve, 10 € ≤ 20 €, bullets • and arrows ← ↑ → ↓.");
    ImGui::PushFont(panelist::fonts().bold);
    ImGui::TextUnformatted("Bold: what a strong answer covers");
    ImGui::PopFont();
    ImGui::BulletText("Token bucket vs. sliding window, and why");
    ImGui::BulletText("Where the counters live; what happens when that store is down");

    ImGui::Spacing();
    ImGui::SetNextItemWidth(em(12, 0).x);
    ImGui::SliderInt("Score", &state.score, 1, 4);
    ImGui::SameLine();
    ImGui::Checkbox("Show follow-ups", &state.follow_ups);
    ImGui::InputTextMultiline("##note", &state.note, em(40, 4));
    if (ImGui::Button(state.clock_running ? "Pause clock" : "Resume clock"))
        state.clock_running = !state.clock_running;
    ImGui::SameLine();
    ImGui::Button("Next question →");
    ImGui::SameLine();
    if (ImGui::Button(state.dark ? "Light theme" : "Dark theme")) {
        state.dark = !state.dark;
        panelist::set_theme(state.dark ? panelist::Theme::dark : panelist::Theme::light);
    }

    ImGui::Spacing();
    if (ImGui::BeginTable("plan", 3,
                          ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                              ImGuiTableFlags_BordersOuter,
                          em(40, 0))) {
        ImGui::TableSetupColumn("Question");
        ImGui::TableSetupColumn("Minutes", ImGuiTableColumnFlags_WidthFixed, em(5, 0).x);
        ImGui::TableSetupColumn("Score", ImGuiTableColumnFlags_WidthFixed, em(5, 0).x);
        ImGui::TableHeadersRow();
        const char* rows[][3] = {{"Warm-up: a project you’re proud of", "10", "3"},
                                 {"Design a rate limiter", "25", "—"},
                                 {"Debugging a flaky test", "15", "—"}};
        for (const auto& row : rows) {
            ImGui::TableNextRow();
            for (int column = 0; column < 3; ++column) {
                ImGui::TableSetColumnIndex(column);
                ImGui::TextUnformatted(row[column]);
            }
        }
        ImGui::EndTable();
    }

    ImGui::Spacing();
    ImGui::TextDisabled("Elapsed");
    if (state.clock_running) draw_clock(state);
    ImGui::TextDisabled("Text size %.0f%% (Ctrl+= / Ctrl+- / Ctrl+0), content scale %.2f",
                        panelist::text_scale().font_scale * 100.0f,
                        panelist::text_scale().content_scale);
    ImGui::End();
}

} // namespace

int main(int argc, char** argv) {
    DemoState state;
    panelist::RunnerSettings settings;
    settings.title = "Panelist runner demo";
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--screenshot") == 0 && i + 1 < argc) {
            settings.screenshot = argv[++i];
        } else if (std::strcmp(argv[i], "--dark") == 0) {
            settings.theme = panelist::Theme::dark;
            state.dark = true;
        } else if (std::strcmp(argv[i], "--paused") == 0) {
            state.clock_running = false; // nothing moves: the loop should sleep entirely
        } else {
            std::fprintf(stderr, "usage: %s [--dark] [--paused] [--screenshot out.png]\n", argv[0]);
            return 2;
        }
    }
    panelist::RunnerCallbacks callbacks;
    callbacks.draw = [&state] { draw(state); };
    callbacks.wants_clock = [&state] { return state.clock_running; };
    return panelist::run_window(settings, callbacks);
}

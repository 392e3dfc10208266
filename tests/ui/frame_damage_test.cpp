// FrameDamage and AreaLimit: the pixels that can differ between two frames, and drawing only
// those, checked on real ImGui draw data (headless).
#include "tests/ui/headless_imgui.hpp"
#include "ui/app/frame_damage.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <imgui.h>
#include <string>

using namespace panelist;
using namespace panelist::test;

TEST_CASE("frame damage: what changed, what did not, and when everything is redrawn") {
    HeadlessImGui imgui(800, 600);
    std::string shown = "12:34";
    bool popup = false;
    ImVec2 text_min, text_max;
    const auto draw = [&] {
        ImGui::SetNextWindowPos({0, 0});
        ImGui::SetNextWindowSize({800, 600});
        ImGui::Begin("main", nullptr, ImGuiWindowFlags_NoDecoration);
        ImGui::TextUnformatted("a line that stays");
        ImGui::TextUnformatted(shown.c_str());
        text_min = ImGui::GetItemRectMin();
        text_max = ImGui::GetItemRectMax();
        ImGui::TextUnformatted("another line that stays");
        ImGui::End();
        if (!popup) return;
        ImGui::SetNextWindowPos({300, 200});
        ImGui::SetNextWindowSize({200, 100});
        ImGui::Begin("popup", nullptr, ImGuiWindowFlags_NoDecoration);
        ImGui::TextUnformatted("over it");
        ImGui::End();
    };
    FrameDamage damage;
    ImVec4 background{1, 1, 1, 1};
    const auto next = [&] {
        imgui.frame(draw);
        return damage.compare(*ImGui::GetDrawData(), background);
    };
    CHECK(next().everything);
    CHECK(next().none());

    shown = "12:35"; // one glyph: the area is that glyph, within the line
    auto change = next();
    REQUIRE(change.areas.size() == 1);
    const PixelRect area = change.areas[0];
    CHECK(area.y0 >= static_cast<int>(text_min.y) - 2);
    CHECK(area.y1 <= static_cast<int>(std::ceil(text_max.y)) + 2);
    CHECK(area.x1 <= static_cast<int>(std::ceil(text_max.x)) + 2);
    CHECK(area.x0 > static_cast<int>(text_min.x) + 10); // "12:3" drew the same
    CHECK(next().none());

    popup = true; // a window more: its rectangle
    change = next();
    REQUIRE(change.areas.size() == 1);
    CHECK(change.areas[0].intersect({300, 200, 500, 300}) == PixelRect{300, 200, 500, 300});
    CHECK(change.areas[0].area() < 210 * 110);
    popup = false;
    change = next();
    REQUIRE(change.areas.size() == 1);
    CHECK(change.areas[0].intersect({300, 200, 500, 300}) == PixelRect{300, 200, 500, 300});

    damage.forget(); // e.g. the window system lost the pixels
    CHECK(next().everything);
    background = {0, 0, 0, 1}; // another theme
    CHECK(next().everything);
    ImGui::GetIO().DisplaySize = {700, 600}; // resized
    CHECK(next().everything);
    CHECK(next().none());
}

TEST_CASE("a frame drawn by area: every command is clipped to the area as the backend rounds") {
    // The OpenGL3 backend truncates the clip rectangle's origin and size for glScissor.
    CHECK(scissor_of({10.7f, 20.2f, 100.5f, 243.6f}, 950) == PixelRect{10, 21, 99, 244});
    CHECK(scissor_of({10, 20, 10, 40}, 950).empty());

    HeadlessImGui imgui(800, 600);
    imgui.frame([] {
        ImGui::SetNextWindowPos({0, 0});
        ImGui::SetNextWindowSize({800, 600});
        ImGui::Begin("main");
        for (int i = 0; i < 20; ++i) ImGui::Text("line %d", i);
        ImGui::End();
    });
    ImDrawData& frame = *ImGui::GetDrawData();
    std::vector<ImVec4> before;
    for (int n = 0; n < frame.CmdListsCount; ++n)
        for (const auto& cmd : frame.CmdLists[n]->CmdBuffer) before.push_back(cmd.ClipRect);
    const PixelRect area{50, 40, 120, 90};
    {
        AreaLimit limit(frame);
        limit.limit_to(area);
        int inside = 0;
        std::size_t i = 0;
        for (int n = 0; n < frame.CmdListsCount; ++n)
            for (const auto& cmd : frame.CmdLists[n]->CmdBuffer) {
                const PixelRect clip = scissor_of(cmd.ClipRect, 600);
                const PixelRect expected = scissor_of(before[i++], 600).intersect(area);
                if (expected.empty()) CHECK(clip.empty());
                else CHECK(clip == expected);
                if (!clip.empty()) ++inside;
            }
        CHECK(inside > 0);
    }
    std::size_t i = 0; // put back as they were
    for (int n = 0; n < frame.CmdListsCount; ++n)
        for (const auto& cmd : frame.CmdLists[n]->CmdBuffer) {
            CHECK(cmd.ClipRect.x == before[i].x);
            CHECK(cmd.ClipRect.w == before[i++].w);
        }
}

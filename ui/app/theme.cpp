#include "ui/app/theme.hpp"

#include <imgui.h>

#include <cmath>

namespace panelist {
namespace {

// 0xRRGGBB as ImGui wants it. Not constexpr: ImVec4 has no constexpr constructor in 1.86.
ImVec4 rgb(unsigned hex, float alpha = 1.0f) {
    return {static_cast<float>((hex >> 16) & 0xFF) / 255.0f,
            static_cast<float>((hex >> 8) & 0xFF) / 255.0f, static_cast<float>(hex & 0xFF) / 255.0f,
            alpha};
}

constexpr unsigned accent_deep = 0x2b4c7e;
constexpr unsigned accent = 0x4a7bd0;

void light_colours(ImVec4* c) {
    c[ImGuiCol_Text] = rgb(0x1f2630);
    c[ImGuiCol_TextDisabled] = rgb(0x5f6775); // 4.5:1 or better on the background (theme_test)
    c[ImGuiCol_WindowBg] = rgb(0xf6f7f9);
    c[ImGuiCol_ChildBg] = rgb(0xffffff, 0.0f);
    c[ImGuiCol_PopupBg] = rgb(0xffffff);
    c[ImGuiCol_Border] = rgb(0xd3d9e1);
    c[ImGuiCol_BorderShadow] = rgb(0x000000, 0.0f);
    c[ImGuiCol_FrameBg] = rgb(0xffffff);
    c[ImGuiCol_FrameBgHovered] = rgb(0xeef3fb);
    c[ImGuiCol_FrameBgActive] = rgb(0xe2ebf8);
    c[ImGuiCol_TitleBg] = rgb(0xe8ecf1);
    c[ImGuiCol_TitleBgActive] = rgb(0xdbe3ee);
    c[ImGuiCol_TitleBgCollapsed] = rgb(0xe8ecf1);
    c[ImGuiCol_MenuBarBg] = rgb(0xeceff3);
    c[ImGuiCol_ScrollbarBg] = rgb(0xf6f7f9, 0.0f);
    c[ImGuiCol_ScrollbarGrab] = rgb(0xc4cbd5);
    c[ImGuiCol_ScrollbarGrabHovered] = rgb(0xa8b1be);
    c[ImGuiCol_ScrollbarGrabActive] = rgb(0x8e98a7);
    c[ImGuiCol_CheckMark] = rgb(accent_deep);
    c[ImGuiCol_SliderGrab] = rgb(accent);
    c[ImGuiCol_SliderGrabActive] = rgb(accent_deep);
    c[ImGuiCol_Button] = rgb(0xe4e9f0);
    c[ImGuiCol_ButtonHovered] = rgb(0xd4dfee);
    c[ImGuiCol_ButtonActive] = rgb(0xbfd0ea);
    c[ImGuiCol_Header] = rgb(0xdce6f5);
    c[ImGuiCol_HeaderHovered] = rgb(0xcedcf1);
    c[ImGuiCol_HeaderActive] = rgb(0xbccfee);
    c[ImGuiCol_Separator] = rgb(0xd3d9e1);
    c[ImGuiCol_SeparatorHovered] = rgb(accent);
    c[ImGuiCol_SeparatorActive] = rgb(accent_deep);
    c[ImGuiCol_ResizeGrip] = rgb(accent, 0.15f);
    c[ImGuiCol_ResizeGripHovered] = rgb(accent, 0.5f);
    c[ImGuiCol_ResizeGripActive] = rgb(accent_deep, 0.8f);
    c[ImGuiCol_Tab] = rgb(0xe4e9f0);
    c[ImGuiCol_TabHovered] = rgb(0xcedcf1);
    c[ImGuiCol_TabActive] = rgb(0xffffff);
    c[ImGuiCol_TabUnfocused] = rgb(0xe8ecf1);
    c[ImGuiCol_TabUnfocusedActive] = rgb(0xf6f7f9);
    c[ImGuiCol_PlotLines] = rgb(accent_deep);
    c[ImGuiCol_PlotLinesHovered] = rgb(accent);
    c[ImGuiCol_PlotHistogram] = rgb(accent);
    c[ImGuiCol_PlotHistogramHovered] = rgb(accent_deep);
    c[ImGuiCol_TableHeaderBg] = rgb(0xe8ecf1);
    c[ImGuiCol_TableBorderStrong] = rgb(0xc8d0da);
    c[ImGuiCol_TableBorderLight] = rgb(0xe0e4ea);
    c[ImGuiCol_TableRowBg] = rgb(0xffffff, 0.0f);
    c[ImGuiCol_TableRowBgAlt] = rgb(0x1f2630, 0.03f);
    c[ImGuiCol_TextSelectedBg] = rgb(accent, 0.3f);
    c[ImGuiCol_DragDropTarget] = rgb(accent);
    c[ImGuiCol_NavHighlight] = rgb(accent);
    c[ImGuiCol_NavWindowingHighlight] = rgb(accent, 0.7f);
    c[ImGuiCol_NavWindowingDimBg] = rgb(0x141c28, 0.2f);
    c[ImGuiCol_ModalWindowDimBg] = rgb(0x141c28, 0.35f);
}

void dark_colours(ImVec4* c) {
    c[ImGuiCol_Text] = rgb(0xe4e8ee);
    c[ImGuiCol_TextDisabled] = rgb(0x8b94a3);
    c[ImGuiCol_WindowBg] = rgb(0x1d2127);
    c[ImGuiCol_ChildBg] = rgb(0x000000, 0.0f);
    c[ImGuiCol_PopupBg] = rgb(0x252a32);
    c[ImGuiCol_Border] = rgb(0x394150);
    c[ImGuiCol_BorderShadow] = rgb(0x000000, 0.0f);
    c[ImGuiCol_FrameBg] = rgb(0x272d35);
    c[ImGuiCol_FrameBgHovered] = rgb(0x2f3742);
    c[ImGuiCol_FrameBgActive] = rgb(0x36414f);
    c[ImGuiCol_TitleBg] = rgb(0x181b20);
    c[ImGuiCol_TitleBgActive] = rgb(0x222831);
    c[ImGuiCol_TitleBgCollapsed] = rgb(0x181b20);
    c[ImGuiCol_MenuBarBg] = rgb(0x20252c);
    c[ImGuiCol_ScrollbarBg] = rgb(0x1d2127, 0.0f);
    c[ImGuiCol_ScrollbarGrab] = rgb(0x3d4553);
    c[ImGuiCol_ScrollbarGrabHovered] = rgb(0x4b5566);
    c[ImGuiCol_ScrollbarGrabActive] = rgb(0x5a6579);
    c[ImGuiCol_CheckMark] = rgb(0x7fa6e6);
    c[ImGuiCol_SliderGrab] = rgb(accent);
    c[ImGuiCol_SliderGrabActive] = rgb(0x7fa6e6);
    c[ImGuiCol_Button] = rgb(0x2e3540);
    c[ImGuiCol_ButtonHovered] = rgb(0x37465c);
    c[ImGuiCol_ButtonActive] = rgb(accent_deep);
    c[ImGuiCol_Header] = rgb(accent_deep, 0.75f);
    c[ImGuiCol_HeaderHovered] = rgb(accent_deep);
    c[ImGuiCol_HeaderActive] = rgb(accent, 0.8f);
    c[ImGuiCol_Separator] = rgb(0x394150);
    c[ImGuiCol_SeparatorHovered] = rgb(accent);
    c[ImGuiCol_SeparatorActive] = rgb(0x7fa6e6);
    c[ImGuiCol_ResizeGrip] = rgb(accent, 0.2f);
    c[ImGuiCol_ResizeGripHovered] = rgb(accent, 0.55f);
    c[ImGuiCol_ResizeGripActive] = rgb(accent, 0.85f);
    c[ImGuiCol_Tab] = rgb(0x262c35);
    c[ImGuiCol_TabHovered] = rgb(0x37465c);
    c[ImGuiCol_TabActive] = rgb(0x2f3a4a);
    c[ImGuiCol_TabUnfocused] = rgb(0x22272f);
    c[ImGuiCol_TabUnfocusedActive] = rgb(0x2a313c);
    c[ImGuiCol_PlotLines] = rgb(0x7fa6e6);
    c[ImGuiCol_PlotLinesHovered] = rgb(0xa9c4f0);
    c[ImGuiCol_PlotHistogram] = rgb(accent);
    c[ImGuiCol_PlotHistogramHovered] = rgb(0x7fa6e6);
    c[ImGuiCol_TableHeaderBg] = rgb(0x252b33);
    c[ImGuiCol_TableBorderStrong] = rgb(0x3a4250);
    c[ImGuiCol_TableBorderLight] = rgb(0x2d333d);
    c[ImGuiCol_TableRowBg] = rgb(0x000000, 0.0f);
    c[ImGuiCol_TableRowBgAlt] = rgb(0xffffff, 0.03f);
    c[ImGuiCol_TextSelectedBg] = rgb(accent, 0.4f);
    c[ImGuiCol_DragDropTarget] = rgb(0x7fa6e6);
    c[ImGuiCol_NavHighlight] = rgb(0x7fa6e6);
    c[ImGuiCol_NavWindowingHighlight] = rgb(0x7fa6e6, 0.7f);
    c[ImGuiCol_NavWindowingDimBg] = rgb(0x000000, 0.3f);
    c[ImGuiCol_ModalWindowDimBg] = rgb(0x000000, 0.5f);
}

// The default font's height in logical pixels: the em every spacing below is written in.
float font_em(float scale) {
    const ImGuiIO& io = ImGui::GetIO();
    const ImFont* font =
        io.FontDefault ? io.FontDefault : (io.Fonts->Fonts.empty() ? nullptr : io.Fonts->Fonts[0]);
    if (font && font->FontSize > 0.0f) return font->FontSize * io.FontGlobalScale;
    return 13.0f * scale; // ImGui's own font, before any atlas is built
}

} // namespace

void apply_theme(Theme theme, float scale) {
    ImGuiStyle style;
    if (theme == Theme::dark)
        dark_colours(style.Colors);
    else
        light_colours(style.Colors);
    // Scales what is not set below (touch padding, safe-area margins, minimum widths).
    style.ScaleAllSizes(scale);

    const float em = font_em(scale);
    auto ems = [em](float x, float y) { return ImVec2(std::round(x * em), std::round(y * em)); };
    style.WindowPadding = ems(0.9f, 0.8f);
    style.FramePadding = ems(0.55f, 0.3f);
    style.CellPadding = ems(0.45f, 0.25f);
    style.ItemSpacing = ems(0.6f, 0.45f);
    style.ItemInnerSpacing = ems(0.4f, 0.3f);
    style.WindowMinSize = ems(4.0f, 2.0f);
    style.IndentSpacing = std::round(1.3f * em);
    style.ColumnsMinSpacing = std::round(0.4f * em);
    style.ScrollbarSize = std::round(0.8f * em);
    style.GrabMinSize = std::round(0.7f * em);

    // Radii and hairlines are drawn features, not text-relative spacing.
    const float px = std::fmax(1.0f, std::round(scale));
    style.WindowRounding = 6.0f * scale;
    style.ChildRounding = 4.0f * scale;
    style.FrameRounding = 4.0f * scale;
    style.PopupRounding = 4.0f * scale;
    style.ScrollbarRounding = 6.0f * scale;
    style.GrabRounding = 3.0f * scale;
    style.TabRounding = 4.0f * scale;
    style.WindowBorderSize = px;
    style.ChildBorderSize = px;
    style.PopupBorderSize = px;
    style.FrameBorderSize = px;
    style.TabBorderSize = 0.0f;
    style.WindowTitleAlign = ImVec2(0.0f, 0.5f);
    style.WindowMenuButtonPosition = ImGuiDir_None;
    style.SelectableTextAlign = ImVec2(0.0f, 0.5f);

    ImGui::GetStyle() = style;
}

} // namespace panelist

// Which pixels of a frame can differ from the frame before, found by comparing what ImGui drew,
// so a redraw can be limited to them (docs/performance.md: under software OpenGL nearly all of
// a frame's CPU is filling pixels). ImGui only, no GL: tests drive it headless.
//
// Exact for the OpenGL3 backend: a pixel is drawn by the triangles that cover it, each limited
// to its command's scissor box. A pixel that no differing triangle covers (in the old frame or
// the new) is drawn by the same triangles in the same order, so it keeps its colour.
#pragma once
#include <imgui.h>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace panelist {

// Framebuffer pixels [x0, x1) x [y0, y1), origin top left, as ImGui's clip rectangles.
struct PixelRect {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;

    bool empty() const { return x1 <= x0 || y1 <= y0; }
    long long area() const { return empty() ? 0 : 1LL * (x1 - x0) * (y1 - y0); }
    PixelRect intersect(const PixelRect& o) const {
        return {std::max(x0, o.x0), std::max(y0, o.y0), std::min(x1, o.x1), std::min(y1, o.y1)};
    }
    PixelRect unite(const PixelRect& o) const {
        if (empty()) return o;
        if (o.empty()) return *this;
        return {std::min(x0, o.x0), std::min(y0, o.y0), std::max(x1, o.x1), std::max(y1, o.y1)};
    }
    bool operator==(const PixelRect&) const = default;
};

// The pixels the OpenGL3 backend lets a command draw: its clip rectangle rounded the way the
// backend rounds it for glScissor (at DisplayPos 0 and FramebufferScale 1).
PixelRect scissor_of(const ImVec4& clip, int framebuffer_height);

// What changed between two frames.
struct FrameChange {
    bool everything = false;       // redraw the whole frame
    std::vector<PixelRect> areas;  // otherwise only these; none: the frame looks as before
    bool none() const { return !everything && areas.empty(); }
    long long area() const {
        long long sum = 0;
        for (const auto& a : areas) sum += a.area();
        return sum;
    }
};

// Remembers the triangles of the last frame and tells where the next one differs.
class FrameDamage {
public:
    // Compares `frame` (after ImGui::Render) with the frame remembered, then remembers `frame`.
    // Everything changes on the first frame, after forget(), with a new size, position, scale or
    // background, and when a draw list holds a callback (it could draw anything).
    FrameChange compare(const ImDrawData& frame, const ImVec4& background);
    // The next compare reports everything: the font texture was rebuilt, or the window lost
    // its pixels.
    void forget() { remembered_ = false; }

private:
    struct Triangle {
        ImDrawVert corners[3];
        ImVec4 clip;
        std::uint32_t zero = 0; // no padding: triangles compare with memcmp
        std::uint64_t texture = 0;
    };
    static_assert(sizeof(ImDrawVert) == 20 && sizeof(Triangle) == 88, "Triangle must have no padding");
    struct Frame {
        std::vector<std::vector<Triangle>> lists;
        ImVec2 display_pos, display_size, scale;
        ImVec4 background;
        int framebuffer_width = 0, framebuffer_height = 0;
        bool has_callback = false;
    };

    static void capture(const ImDrawData& frame, const ImVec4& background, Frame& out);
    // The pixels a triangle can touch: its bounding box, a pixel wider for rounding, within its
    // scissor box and the framebuffer.
    static PixelRect pixels_of(const Triangle& t, const Frame& f);
    // Both lists agree on a first and a last run of triangles; what lies between, in either,
    // is where they differ.
    static PixelRect differing_area(const std::vector<Triangle>& a, const std::vector<Triangle>& b, const Frame& f);
    // Joins areas that overlap or nearly touch, so each pixel is drawn once and few passes are
    // needed.
    static void merge(std::vector<PixelRect>& areas);
    Frame previous_, current_;
    bool remembered_ = false;
    inline static const std::vector<Triangle> empty_{};
};

// Draws a frame one area at a time: limits every command to the area, so the backend draws
// nothing outside it and, inside it, exactly the pixels it draws unlimited. Puts the clip
// rectangles back when it goes.
class AreaLimit {
public:
    explicit AreaLimit(ImDrawData& frame);
    ~AreaLimit();
    AreaLimit(const AreaLimit&) = delete;
    AreaLimit& operator=(const AreaLimit&) = delete;

    void limit_to(const PixelRect& area);

private:
    ImDrawData& frame_;
    std::vector<ImVec4> clips_;
};

} // namespace panelist

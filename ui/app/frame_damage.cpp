#include "ui/app/frame_damage.hpp"

#include <cmath>
#include <cstring>
#include <utility>

namespace panelist {

PixelRect scissor_of(const ImVec4& clip, int framebuffer_height) {
    if (clip.z <= clip.x || clip.w <= clip.y) return {};
    const int x = static_cast<int>(clip.x);
    const int y_up = static_cast<int>(static_cast<float>(framebuffer_height) - clip.w);
    const int width = static_cast<int>(clip.z - clip.x);
    const int height = static_cast<int>(clip.w - clip.y);
    return {x, framebuffer_height - y_up - height, x + width, framebuffer_height - y_up};
}

FrameChange FrameDamage::compare(const ImDrawData& frame, const ImVec4& background) {
    std::swap(previous_, current_);
    const bool had_previous = std::exchange(remembered_, true);
    capture(frame, background, current_);
    FrameChange change;
    const Frame& a = previous_;
    const Frame& b = current_;
    if (!had_previous || b.has_callback || a.display_pos.x != b.display_pos.x ||
        a.display_pos.y != b.display_pos.y || a.display_size.x != b.display_size.x ||
        a.display_size.y != b.display_size.y || b.scale.x != 1.0f || b.scale.y != 1.0f ||
        b.display_pos.x != 0.0f || b.display_pos.y != 0.0f ||
        std::memcmp(&a.background, &b.background, sizeof(ImVec4)) != 0) {
        change.everything = true;
        return change;
    }
    const std::size_t lists = std::max(a.lists.size(), b.lists.size());
    for (std::size_t i = 0; i < lists; ++i) {
        const auto& old_list = i < a.lists.size() ? a.lists[i] : empty_;
        const auto& new_list = i < b.lists.size() ? b.lists[i] : empty_;
        const PixelRect area = differing_area(old_list, new_list, b);
        if (!area.empty()) change.areas.push_back(area);
    }
    merge(change.areas);
    return change;
}

void FrameDamage::capture(const ImDrawData& frame, const ImVec4& background, Frame& out) {
    out.display_pos = frame.DisplayPos;
    out.display_size = frame.DisplaySize;
    out.scale = frame.FramebufferScale;
    out.background = background;
    out.framebuffer_width = static_cast<int>(frame.DisplaySize.x * frame.FramebufferScale.x);
    out.framebuffer_height = static_cast<int>(frame.DisplaySize.y * frame.FramebufferScale.y);
    out.has_callback = false;
    out.lists.resize(static_cast<std::size_t>(std::max(frame.CmdListsCount, 0)));
    for (int n = 0; n < frame.CmdListsCount; ++n) {
        const ImDrawList& list = *frame.CmdLists[n];
        auto& triangles = out.lists[static_cast<std::size_t>(n)];
        triangles.clear();
        triangles.reserve(static_cast<std::size_t>(list.IdxBuffer.Size / 3));
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            if (cmd.UserCallback) {
                out.has_callback = true;
                continue;
            }
            Triangle t;
            t.clip = cmd.ClipRect;
            t.texture = static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(cmd.GetTexID()));
            const ImDrawIdx* index = list.IdxBuffer.Data + cmd.IdxOffset;
            for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
                for (unsigned k = 0; k < 3; ++k)
                    t.corners[k] = list.VtxBuffer[static_cast<int>(index[i + k] + cmd.VtxOffset)];
                triangles.push_back(t);
            }
        }
    }
}

PixelRect FrameDamage::pixels_of(const Triangle& t, const Frame& f) {
    float x0 = t.corners[0].pos.x, x1 = x0, y0 = t.corners[0].pos.y, y1 = y0;
    for (const auto& c : t.corners) {
        x0 = std::min(x0, c.pos.x), x1 = std::max(x1, c.pos.x);
        y0 = std::min(y0, c.pos.y), y1 = std::max(y1, c.pos.y);
    }
    const PixelRect box{static_cast<int>(std::floor(x0)) - 1, static_cast<int>(std::floor(y0)) - 1,
                        static_cast<int>(std::ceil(x1)) + 1, static_cast<int>(std::ceil(y1)) + 1};
    return box.intersect(scissor_of(t.clip, f.framebuffer_height))
        .intersect({0, 0, f.framebuffer_width, f.framebuffer_height});
}

PixelRect FrameDamage::differing_area(const std::vector<Triangle>& a, const std::vector<Triangle>& b,
                                const Frame& f) {
    const auto same = [](const Triangle& x, const Triangle& y) {
        return std::memcmp(&x, &y, sizeof(Triangle)) == 0;
    };
    std::size_t head = 0;
    while (head < a.size() && head < b.size() && same(a[head], b[head])) ++head;
    std::size_t tail = 0;
    while (tail < a.size() - head && tail < b.size() - head &&
           same(a[a.size() - 1 - tail], b[b.size() - 1 - tail]))
        ++tail;
    PixelRect area;
    for (std::size_t i = head; i < a.size() - tail; ++i) area = area.unite(pixels_of(a[i], f));
    for (std::size_t i = head; i < b.size() - tail; ++i) area = area.unite(pixels_of(b[i], f));
    return area;
}

void FrameDamage::merge(std::vector<PixelRect>& areas) {
    for (bool merged = true; merged;) {
        merged = false;
        for (std::size_t i = 0; i < areas.size() && !merged; ++i)
            for (std::size_t j = i + 1; j < areas.size() && !merged; ++j) {
                const PixelRect joined = areas[i].unite(areas[j]);
                if (joined.area() > areas[i].area() + areas[j].area()) continue;
                areas[i] = joined;
                areas.erase(areas.begin() + static_cast<std::ptrdiff_t>(j));
                merged = true;
            }
    }
    constexpr std::size_t most_areas = 8;
    if (areas.size() <= most_areas) return;
    PixelRect all;
    for (const auto& a : areas) all = all.unite(a);
    areas.assign(1, all);
}

AreaLimit::AreaLimit(ImDrawData& frame) : frame_(frame) {
    for (int n = 0; n < frame_.CmdListsCount; ++n)
        for (const ImDrawCmd& cmd : frame_.CmdLists[n]->CmdBuffer) clips_.push_back(cmd.ClipRect);
}
AreaLimit::~AreaLimit() {
    std::size_t i = 0;
    for (int n = 0; n < frame_.CmdListsCount; ++n)
        for (ImDrawCmd& cmd : frame_.CmdLists[n]->CmdBuffer) cmd.ClipRect = clips_[i++];
}

void AreaLimit::limit_to(const PixelRect& area) {
    const int height = static_cast<int>(frame_.DisplaySize.y * frame_.FramebufferScale.y);
    std::size_t i = 0;
    for (int n = 0; n < frame_.CmdListsCount; ++n)
        for (ImDrawCmd& cmd : frame_.CmdLists[n]->CmdBuffer) {
            const PixelRect box = scissor_of(clips_[i++], height).intersect(area);
            cmd.ClipRect = box.empty() ? ImVec4{0, 0, 0, 0}
                                       : ImVec4{static_cast<float>(box.x0), static_cast<float>(box.y0),
                                                static_cast<float>(box.x1), static_cast<float>(box.y1)};
        }
}

} // namespace panelist

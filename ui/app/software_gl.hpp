// Drawing only what changed under software OpenGL (docs/performance.md).
//
// Under software OpenGL (Mesa's llvmpipe: virtual machines, remote desktops, no GPU driver)
// filling pixels is nearly all of a frame's CPU: ~15 ms for a whole 1500x950 window, against
// ~0.5 ms for ImGui's layout and the rest. So there the loop draws only the areas that changed
// since the frame on screen (FrameDamage) and shows them with glXCopySubBufferMESA, which copies
// part of the back buffer to the window and, unlike a swap, leaves the back buffer holding the
// frame. With a GPU driver, or without that GLX extension, frames are drawn whole and swapped.
#pragma once
#include "ui/app/frame_damage.hpp"

namespace panelist {

class SoftwareGl {
public:
    // The current context's, when it is software GL with glXCopySubBufferMESA; otherwise one
    // that draws no areas. Looked up at run time, so building needs nothing of X11; EGL and
    // Wayland find none.
    static SoftwareGl of_current_context();
    bool draws_areas() const { return copy_ != nullptr; }
    // The size of the driver's buffers. Mesa's software path takes a new window size only at a
    // swap: copying keeps drawing into buffers of the old size.
    int buffer_width = 0, buffer_height = 0;
    // Shows an area of the back buffer in the window.
    void show(const PixelRect& area, int framebuffer_height) const;

private:
    using CopySubBuffer = void (*)(void* display, unsigned long drawable, int x, int y, int width, int height);
    void* display_ = nullptr;
    unsigned long drawable_ = 0;
    CopySubBuffer copy_ = nullptr;
};

} // namespace panelist

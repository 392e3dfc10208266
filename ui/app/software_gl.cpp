#include "ui/app/software_gl.hpp"

#include <glad/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <string_view>

namespace panelist {
namespace {

template <class Function> Function lookup(const char* name) {
    return reinterpret_cast<Function>(glfwGetProcAddress(name));
}

bool has_word(std::string_view list, std::string_view word) {
    for (auto at = list.find(word); at != std::string_view::npos; at = list.find(word, at + 1)) {
        const auto end = at + word.size();
        if ((at == 0 || list[at - 1] == ' ') && (end == list.size() || list[end] == ' ')) return true;
    }
    return false;
}

} // namespace

SoftwareGl SoftwareGl::of_current_context() {
    SoftwareGl gl;
    const auto* renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    const std::string_view name = renderer ? renderer : "";
    if (!name.starts_with("llvmpipe") && !name.starts_with("softpipe")) return gl;
    const auto current_display = lookup<void* (*)()>("glXGetCurrentDisplay");
    const auto current_drawable = lookup<unsigned long (*)()>("glXGetCurrentDrawable");
    const auto current_context = lookup<void* (*)()>("glXGetCurrentContext");
    const auto query_context = lookup<int (*)(void*, void*, int, int*)>("glXQueryContext");
    const auto extensions = lookup<const char* (*)(void*, int)>("glXQueryExtensionsString");
    const auto copy = lookup<CopySubBuffer>("glXCopySubBufferMESA");
    if (!current_display || !current_drawable || !current_context || !query_context || !extensions || !copy)
        return gl;
    void* display = current_display();
    void* context = current_context();
    constexpr int glx_screen = 0x800C;
    int screen = 0;
    if (!display || !context || query_context(display, context, glx_screen, &screen) != 0) return gl;
    // GLX hands out a stub for any name: only the extension list says it is real.
    const char* names = extensions(display, screen);
    if (!names || !has_word(names, "GLX_MESA_copy_sub_buffer")) return gl;
    gl.display_ = display;
    gl.drawable_ = current_drawable();
    gl.copy_ = copy;
    return gl;
}

void SoftwareGl::show(const PixelRect& area, int framebuffer_height) const {
    copy_(display_, drawable_, area.x0, framebuffer_height - area.y1, area.x1 - area.x0, area.y1 - area.y0);
}

} // namespace panelist

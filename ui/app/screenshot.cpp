#include "ui/app/screenshot.hpp"

#include <glad/gl.h>
// libstb holds the compiled implementation; this is only the declarations.
#include <stb/stb_image_write.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <vector>

namespace panelist {
namespace {

void append_bytes(void* context, void* data, int size) {
    auto* out = static_cast<std::vector<unsigned char>*>(context);
    const auto* bytes = static_cast<const unsigned char*>(data);
    out->insert(out->end(), bytes, bytes + size);
}

} // namespace

bool write_framebuffer_png(const std::filesystem::path& path, int width, int height,
                           std::string& error) {
    if (width <= 0 || height <= 0) {
        error = "the window has no pixels to capture (minimised?)";
        return false;
    }
    constexpr int channels = 3; // RGB: ImGui's blending leaves stray alpha in the back buffer
    const auto row = static_cast<std::size_t>(width) * channels;
    std::vector<unsigned char> pixels(row * static_cast<std::size_t>(height));
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
    if (const GLenum gl_error = glGetError(); gl_error != GL_NO_ERROR) {
        error = "reading the frame failed (OpenGL error " + std::to_string(gl_error) + ")";
        return false;
    }

    // GL's rows run bottom-up, PNG's top-down.
    for (std::size_t top = 0, bottom = static_cast<std::size_t>(height) - 1; top < bottom;
         ++top, --bottom)
        std::swap_ranges(pixels.begin() + static_cast<std::ptrdiff_t>(top * row),
                         pixels.begin() + static_cast<std::ptrdiff_t>((top + 1) * row),
                         pixels.begin() + static_cast<std::ptrdiff_t>(bottom * row));

    // Encoded in memory, so a failure to write the file can be reported with its reason.
    std::vector<unsigned char> png;
    if (!stbi_write_png_to_func(append_bytes, &png, width, height, channels, pixels.data(),
                                static_cast<int>(row))) {
        error = "encoding the PNG failed";
        return false;
    }
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (out)
        out.write(reinterpret_cast<const char*>(png.data()),
                  static_cast<std::streamsize>(png.size()));
    if (out) out.close();
    if (!out) {
        error = "cannot write " + path.string() + ": " + std::strerror(errno);
        return false;
    }
    return true;
}

} // namespace panelist

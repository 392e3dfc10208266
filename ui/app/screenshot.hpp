// Saving what the window shows to a PNG, for the docs and for checking a screen by eye.
#pragma once
#include <filesystem>
#include <string>

namespace panelist {

// Reads the current GL context's back buffer (call after rendering, before swapping) and writes
// it to `path` as an opaque RGB PNG. On failure returns false and says why in `error`.
bool write_framebuffer_png(const std::filesystem::path& path, int width, int height,
                           std::string& error);

} // namespace panelist

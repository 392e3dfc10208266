#include "ui/app/stand_in_glyphs.hpp"

#include "ui/app/font_files.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <cmath>
#include <utility>
#include <map>
#include <memory>

namespace panelist {
namespace {

struct Library {
    FT_Library handle = nullptr;
    Library() {
        if (FT_Init_FreeType(&handle) != 0) handle = nullptr;
    }
    ~Library() {
        if (handle) FT_Done_FreeType(handle);
    }
};

using Face = std::unique_ptr<FT_FaceRec_, decltype(&FT_Done_Face)>;

// A face sized as imgui_freetype sizes the fonts it builds (ascender to descender is
// `pixel_size`), so a glyph drawn here matches the text it sits in.
Face open_face(FT_Library library, const FontFile& file, float pixel_size) {
    const auto bytes = font_bytes(file.path);
    FT_Face face = nullptr;
    if (!bytes || FT_New_Memory_Face(library, reinterpret_cast<const FT_Byte*>(bytes->data),
                                     static_cast<FT_Long>(bytes->size), file.index, &face) != 0)
        return {nullptr, &FT_Done_Face};
    FT_Size_RequestRec request{};
    request.type = FT_SIZE_REQUEST_TYPE_REAL_DIM;
    request.height = static_cast<FT_Long>(std::lround(pixel_size * 64));
    FT_Request_Size(face, &request);
    return {face, &FT_Done_Face};
}

int ceil_26_6(FT_Pos v) {
    return static_cast<int>((v + 63) >> 6);
}

} // namespace

void StandInGlyphs::reserve(ImFontAtlas& atlas, ImFont* font, const FontFile& main_font, float pixel_size,
                            std::span<const std::pair<char32_t, char32_t>> pairs) {
    if (pairs.empty() || !font) return;
    static Library library;
    if (!library.handle) return;
    const Face main = open_face(library.handle, main_font, pixel_size);
    if (!main) return;
    const int ascent = ceil_26_6(main->size->metrics.ascender); // as imgui_freetype places glyphs
    std::map<std::pair<std::filesystem::path, int>, Face> faces; // a .ttc holds several faces
    for (const auto& [code, stand_in] : pairs) {
        const auto file = font_with(code, false);
        if (!file) continue;
        const auto key = std::make_pair(file->path, file->index);
        auto it = faces.find(key);
        if (it == faces.end()) it = faces.emplace(key, open_face(library.handle, *file, pixel_size)).first;
        FT_Face face = it->second.get();
        if (!face || FT_Load_Char(face, code, FT_LOAD_RENDER | FT_LOAD_TARGET_LIGHT) != 0) continue;
        const FT_Bitmap& bitmap = face->glyph->bitmap;
        if (bitmap.pixel_mode != FT_PIXEL_MODE_GRAY) continue;
        Glyph g;
        // A glyph with no ink (a spacing or formatting character) still takes its advance: a
        // 1x1 empty rect, as ImGui refuses a rect of no size.
        g.width = std::max(1, static_cast<int>(bitmap.width));
        g.height = std::max(1, static_cast<int>(bitmap.rows));
        g.coverage.resize(static_cast<std::size_t>(g.width) * static_cast<std::size_t>(g.height));
        for (int y = 0; y < static_cast<int>(bitmap.rows); ++y)
            for (int x = 0; x < static_cast<int>(bitmap.width); ++x)
                g.coverage[static_cast<std::size_t>(y * g.width + x)] = bitmap.buffer[y * bitmap.pitch + x];
        const float advance = static_cast<float>(face->glyph->advance.x) / 64.0f;
        const ImVec2 offset{static_cast<float>(face->glyph->bitmap_left),
                            static_cast<float>(ascent - face->glyph->bitmap_top)};
        g.rect = atlas.AddCustomRectFontGlyph(font, static_cast<ImWchar>(stand_in), g.width, g.height, advance,
                                              offset);
        glyphs_.push_back(std::move(g));
    }
}

void StandInGlyphs::draw(ImFontAtlas& atlas) {
    for (const Glyph& g : glyphs_) {
        const ImFontAtlasCustomRect* rect = atlas.GetCustomRectByIndex(g.rect);
        if (!rect || !rect->IsPacked()) continue;
        for (int y = 0; y < g.height; ++y)
            for (int x = 0; x < g.width; ++x) {
                const std::uint8_t a = g.coverage[static_cast<std::size_t>(y * g.width + x)];
                const int at = (rect->Y + y) * atlas.TexWidth + rect->X + x;
                if (atlas.TexPixelsAlpha8) atlas.TexPixelsAlpha8[at] = a;
                else if (atlas.TexPixelsRGBA32) atlas.TexPixelsRGBA32[at] = IM_COL32(255, 255, 255, a);
            }
    }
    glyphs_.clear();
}

} // namespace panelist

// The PDF candidate report: A4 pages laid out with pango, drawn with cairo. Each page has a
// header (candidate and loop) and "page N of M"; long notes wrap and continue on the next page.
#include "persistence/reports/report_formats.hpp"

#include "domain/text.hpp"

#include <cairo-pdf.h>
#include <fmt/format.h>
#include <glib.h>
#include <memory>
#include <pango/pangocairo.h>

namespace panelist {
namespace {

constexpr double page_width = 595.28, page_height = 841.89; // A4 in points
constexpr double margin = 50, header_height = 28, footer_height = 24;
constexpr double content_top = margin + header_height, content_bottom = page_height - margin - footer_height;

// User text as Pango markup, readable_text first: a NUL used to end the text there (the rest of
// a note was lost from the PDF), other controls made the markup invalid, so the whole block was
// left out, and a CR alone is the line break it was meant as.
std::string markup_escape(std::string_view raw) {
    const std::string text = readable_text(raw);
    gchar* escaped = g_markup_escape_text(text.data(), static_cast<gssize>(text.size()));
    std::string out = escaped;
    g_free(escaped);
    return out;
}

struct Block {
    std::string markup;
    double size = 10;  // points
    double indent = 0; // points
    double space_before = 4;
};

// Draws (or, with draw = false, only measures) the blocks; returns the number of pages.
class Pages {
public:
    Pages(cairo_t* cr, const CandidateReport& r, int total) : cr_(cr), report_(r), total_(total) {}

    int lay_out(const std::vector<Block>& blocks, bool draw) {
        draw_ = draw;
        page_ = 0;
        new_page();
        for (const auto& b : blocks) place(b);
        finish_page();
        return page_;
    }

private:
    std::unique_ptr<PangoLayout, decltype(&g_object_unref)> layout(const std::string& markup, double size, double width) {
        std::unique_ptr<PangoLayout, decltype(&g_object_unref)> l(pango_cairo_create_layout(cr_), g_object_unref);
        auto* font = pango_font_description_from_string(fmt::format("Noto Sans {}", size).c_str());
        pango_layout_set_font_description(l.get(), font);
        pango_font_description_free(font);
        pango_layout_set_width(l.get(), static_cast<int>(width * PANGO_SCALE));
        pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
        pango_layout_set_markup(l.get(), markup.c_str(), -1);
        return l;
    }

    void place(const Block& b) {
        y_ += b.space_before;
        auto l = layout(b.markup, b.size, page_width - 2 * margin - b.indent);
        PangoLayoutIter* it = pango_layout_get_iter(l.get());
        do { // line by line, so a long block continues on the next page
            PangoRectangle logical;
            pango_layout_iter_get_line_extents(it, nullptr, &logical);
            const double height = double(logical.height) / PANGO_SCALE;
            if (y_ + height > content_bottom) {
                finish_page();
                new_page();
            }
            if (draw_) {
                const int baseline = pango_layout_iter_get_baseline(it);
                const double line_top = double(logical.y) / PANGO_SCALE;
                cairo_move_to(cr_, margin + b.indent + double(logical.x) / PANGO_SCALE,
                              y_ + double(baseline) / PANGO_SCALE - line_top);
                pango_cairo_show_layout_line(cr_, pango_layout_iter_get_line_readonly(it));
            }
            y_ += height;
        } while (pango_layout_iter_next_line(it));
        pango_layout_iter_free(it);
    }

    void new_page() {
        ++page_;
        y_ = content_top;
        if (!draw_) return;
        cairo_set_source_rgb(cr_, 0.36, 0.40, 0.46);
        auto header = layout(fmt::format("<b>{}</b>  ·  {}", markup_escape(report_.candidate), markup_escape(report_.loop)),
                             8.5, page_width - 2 * margin);
        cairo_move_to(cr_, margin, margin);
        pango_cairo_show_layout(cr_, header.get());
        cairo_set_line_width(cr_, 0.5);
        cairo_move_to(cr_, margin, margin + 16);
        cairo_line_to(cr_, page_width - margin, margin + 16);
        cairo_stroke(cr_);
        cairo_set_source_rgb(cr_, 0.11, 0.15, 0.2);
    }

    void finish_page() {
        if (!draw_) return;
        cairo_set_source_rgb(cr_, 0.36, 0.40, 0.46);
        auto footer = layout(fmt::format("Page {} of {}", page_, total_), 8.5, page_width - 2 * margin);
        pango_layout_set_alignment(footer.get(), PANGO_ALIGN_RIGHT);
        cairo_move_to(cr_, margin, page_height - margin - 10);
        pango_cairo_show_layout(cr_, footer.get());
        cairo_show_page(cr_);
        cairo_set_source_rgb(cr_, 0.11, 0.15, 0.2);
    }

    cairo_t* cr_;
    const CandidateReport& report_;
    int total_;
    bool draw_ = false;
    int page_ = 0;
    double y_ = content_top;
};

std::vector<Block> blocks_of(const CandidateReport& r) {
    auto e = markup_escape;
    auto recommendation = [](const std::optional<Recommendation>& x) { return x ? std::string(label(*x)) : "none yet"; };
    std::vector<Block> b;
    b.push_back({fmt::format("<b>{}</b>", e(r.candidate)), 20, 0, 0});
    b.push_back({fmt::format("{} ({})  ·  loop: {}", e(r.role.empty() ? "Candidate" : r.role), name(r.level), e(r.loop)), 10, 0, 2});
    b.push_back({fmt::format("<b>Overall</b> {}     <b>Coverage</b> {} of {} ({:.0f}%)     <b>Panel</b> {}",
                             r.overall ? fmt::format("{:.2f} / 5", *r.overall) : "not scored", r.scored, r.planned,
                             100 * r.coverage(), recommendation(r.panel)),
                 11, 0, 10});
    if (r.sealed > 0)
        b.push_back({fmt::format("<i>{} interview(s) by other interviewers are sealed until you submit yours.</i>", r.sealed), 10, 0, 6});
    b.push_back({"<b>Interviewers</b>", 13, 0, 16});
    for (const auto& v : r.verdicts) {
        b.push_back({fmt::format("<b>{}</b>, {}: {}, {} of {} scored, recommends <b>{}</b>", e(v.interviewer), e(v.date),
                                 label(v.status), v.scored, v.planned, recommendation(v.recommendation)),
                     10, 0, 5});
        if (!v.overall_notes.empty()) b.push_back({e(v.overall_notes), 10, 14, 1});
    }
    b.push_back({"<b>Topics</b>", 13, 0, 16});
    for (const auto& t : r.topics)
        b.push_back({fmt::format("{}: mean {:.2f} over {} answer{}, spread {}", e(t.topic), t.mean, t.n, t.n == 1 ? "" : "s", t.spread),
                     10, 0, 2});
    b.push_back({"<b>Answers</b>", 13, 0, 16});
    for (const auto& a : r.answers) {
        b.push_back({fmt::format("<b>{}</b>  ·  {}  ·  {}  ·  {}:{:02} of {}:00", a.score ? fmt::format("Score {}", *a.score) : "Unscored",
                                 e(a.topic), e(a.interviewer), a.seconds / 60, a.seconds % 60, a.planned_minutes),
                     10, 0, 10});
        b.push_back({e(a.prompt), 10, 0, 1});
        if (!a.rubric_words.empty()) b.push_back({"<i>" + e(a.rubric_words) + "</i>", 9.5, 14, 2});
        if (!a.notes.empty()) b.push_back({e(a.notes), 10, 14, 2});
    }
    return b;
}

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

} // namespace

std::string report_pdf(const CandidateReport& r) {
    const auto blocks = blocks_of(r);
    // First pass: count the pages, for "page N of M".
    cairo_surface_t* measure_surface = cairo_pdf_surface_create_for_stream(nullptr, nullptr, page_width, page_height);
    cairo_t* measure = cairo_create(measure_surface);
    const int total = Pages(measure, r, 0).lay_out(blocks, false);
    cairo_destroy(measure);
    cairo_surface_destroy(measure_surface);

    std::string bytes;
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append_bytes, &bytes, page_width, page_height);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, (r.candidate + " - interview report").c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Panelist");
    cairo_t* cr = cairo_create(surface);
    Pages(cr, r, total).lay_out(blocks, true);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    cairo_surface_destroy(surface);
    return bytes;
}

} // namespace panelist

#include "tests/ui/headless_imgui.hpp"
#include "ui/screens/opening_screen.hpp"

#include <doctest/doctest.h>

using namespace panelist;

namespace {
bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }
} // namespace

TEST_CASE("a slow start says which file, what it is doing and how far it has got") {
    OpeningProgress progress;
    test::HeadlessImGui window;
    const auto database = std::filesystem::path("hiring") / "panelist.db";
    const auto draw = [&] { draw_opening_screen(progress, database); };

    auto shown = window.frame(draw);
    CHECK(has(shown, "Opening panelist.db"));
    CHECK(has(shown, database.string())); // the whole path, under the file's name

    progress.stage = OpeningProgress::Stage::checking;
    shown = window.frame(draw);
    CHECK(has(shown, "Checking the file for damage"));
    CHECK(has(shown, "changed since Panelist last closed it"));
    CHECK(opening_message(progress).fraction < 0); // a check cannot be counted: no bar

    progress.to_index = 102'400;
    progress.indexed = 25'600;
    progress.stage = OpeningProgress::Stage::indexing;
    shown = window.frame(draw);
    CHECK(has(shown, "Updating the search index: 25,600 of 102,400 questions"));
    CHECK(has(shown, "rebuilt once"));
    CHECK(opening_message(progress).fraction == doctest::Approx(0.25));

    progress.to_index = 0; // a bank with no questions: nothing to divide by
    progress.indexed = 0;
    CHECK(opening_message(progress).fraction == 0.0f);
}

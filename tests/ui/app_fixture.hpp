// A Panelist app on an in-memory database with a small known bank, driven headless.
#pragma once
#include "persistence/formats/question_import.hpp"
#include "tests/ui/headless_imgui.hpp"
#include "ui/context/keys.hpp"
#include "ui/app/panelist_app.hpp"

#include <fmt/format.h>
#include <memory>

namespace panelist::test {

// Four questions whose private texts are easy to spot in what a frame drew.
inline std::string small_bank() {
    std::string text = "format = 1\n";
    for (int i = 1; i <= 4; ++i)
        text += fmt::format(R"toml(
[[question]]
id = "t/q{0}"
topic = "topic{0}"
tags = ["tag{0}"]
level = "both"
difficulty = "{1}"
minutes = 5
prompt = "PROMPT-{0}: how would you do thing {0}?"
answer = "ANSWER-{0} is the private model answer."
follow_ups = ["FOLLOWUP-{0}-A?", "FOLLOWUP-{0}-B?"]

[question.rubric]
1 = "RUBRIC-{0}-ONE"
3 = "RUBRIC-{0}-THREE"
5 = "RUBRIC-{0}-FIVE"
)toml",
                            i, i <= 2 ? "easy" : "medium");
    text += R"toml(
[[set]]
name = "Junior screen"
role = "MLOps Engineer"
level = "junior"
minutes = 20
questions = ["t/q1", "t/q2", "t/q3", "t/q4"]
)toml";
    return text;
}

struct AppFixture {
    Database db;
    FakeClock clock;
    HeadlessImGui imgui;
    std::unique_ptr<PanelistApp> app;
    std::function<void()> draw;

    explicit AppFixture(const std::filesystem::path& path = ":memory:") : db(Database::open(path)) {
        import_question_texts(db, {{"bank.toml", small_bank()}});
        app = std::make_unique<PanelistApp>(db, clock, UiSettings{});
        draw = [this] { app->frame(); };
    }
    std::string frame() { return imgui.frame(draw); }
    void press(int key, bool ctrl = false, bool shift = false) { imgui.press(draw, key, ctrl, shift); }
    void type(const std::string& text) { imgui.type(draw, text); }
    AppContext& ctx() { return app->context(); }

    // A loop with one candidate, selected.
    Candidate add_candidate(const std::string& name, Level level) {
        Loop loop;
        loop.name = "Loop of " + name;
        ctx().people.save(loop);
        Candidate c;
        c.name = name;
        c.loop_id = loop.id;
        c.level = level;
        ctx().people.save(c);
        ctx().loop_id = loop.id;
        ctx().candidate_id = c.id;
        return c;
    }

    // A loop, a candidate and a planned interview of the four questions; opens it.
    std::int64_t open_interview(const std::string& candidate = "Dana Candidate") {
        Loop loop;
        loop.name = "MLOps Engineer, Berlin, 2026-Q4";
        ctx().people.save(loop);
        Candidate c;
        c.name = candidate;
        c.loop_id = loop.id;
        c.level = Level::junior;
        ctx().people.save(c);
        Interview iv;
        iv.candidate_id = c.id;
        iv.interviewer = "Ana";
        iv.date = "2026-11-23";
        for (int i = 1; i <= 4; ++i) iv.questions.push_back({fmt::format("t/q{}", i), 5, {}, "", ""});
        ctx().interviews.create(iv);
        ctx().loop_id = loop.id;
        ctx().candidate_id = c.id;
        ctx().interview_id = iv.id;
        app->show(ScreenId::interview);
        frame();
        return iv.id;
    }
    Interview stored(std::int64_t id) { return *ctx().interviews.find(id); }
};

inline bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

} // namespace panelist::test

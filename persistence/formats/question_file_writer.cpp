// Writing question files in their one canonical form (docs/question-format.md, "Exporting").
#include "persistence/formats/question_file.hpp"

#include "domain/text.hpp"

#include <algorithm>
#include <set>
#include <fmt/format.h>

namespace panelist {
namespace {

void escape_control(std::string& out, char c) {
    switch (c) {
    case '\b': out += "\\b"; return;
    case '\t': out += "\\t"; return;
    case '\n': out += "\\n"; return;
    case '\f': out += "\\f"; return;
    case '\r': out += "\\r"; return;
    default: out += fmt::format("\\u{:04X}", static_cast<unsigned>(static_cast<unsigned char>(c)));
    }
}

bool is_control(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7F;
}

// C1 controls and bidirectional overrides are valid unescaped in TOML, but an editor, a pager
// or `git diff` would act on them (reorder a line, start a control sequence): written as
// \uXXXX, they read back the same. Returns the bytes it covered, 0 for none.
std::size_t escape_hidden_control(std::string& out, std::string_view s, std::size_t i) {
    const auto hidden = hidden_control_at(s, i);
    if (hidden.length > 0) out += fmt::format("\\u{:04X}", hidden.code);
    return hidden.length;
}

// "..." with every special character escaped; used for one-line texts.
std::string basic_string(std::string_view s) {
    std::string out = "\"";
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '"' || c == '\\') out += '\\', out += c;
        else if (is_control(c)) escape_control(out, c);
        else if (const auto covered = escape_hidden_control(out, s, i)) i += covered - 1;
        else out += c;
    }
    return out + '"';
}

// """...""" keeping line breaks readable; a quote that would close the string is escaped.
std::string multiline_string(std::string_view s) {
    std::string out = "\"\"\"\n";
    int quotes_in_a_row = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '"') {
            const bool last = i + 1 == s.size();
            if (quotes_in_a_row == 2 || last) {
                out += "\\\"";
                quotes_in_a_row = 0;
            } else {
                out += c;
                ++quotes_in_a_row;
            }
            continue;
        }
        quotes_in_a_row = 0;
        if (c == '\\') out += "\\\\";
        else if (c == '\n' || c == '\t') out += c;
        else if (is_control(c)) escape_control(out, c);
        else if (const auto covered = escape_hidden_control(out, s, i)) i += covered - 1;
        else out += c;
    }
    return out + "\"\"\"";
}

std::string text_value(std::string_view s) {
    return s.find('\n') == std::string_view::npos ? basic_string(s) : multiline_string(s);
}

void line(std::string& out, std::string_view key, std::string_view value) {
    out += fmt::format("{} = {}\n", key, value);
}

std::string inline_array(const std::vector<std::string>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i ? ", " : "") + basic_string(items[i]);
    return out + "]";
}

std::string block_array(const std::vector<std::string>& items) {
    std::string out = "[\n";
    for (const auto& item : items) out += "  " + basic_string(item) + ",\n";
    return out + "]";
}

void write_question(std::string& out, const Question& q, bool retired) {
    out += "\n[[question]]\n";
    line(out, "id", basic_string(q.id));
    line(out, "topic", basic_string(q.topic));
    if (!q.tags.empty()) line(out, "tags", inline_array(q.tags));
    line(out, "level", basic_string(name(q.level)));
    line(out, "difficulty", basic_string(name(q.difficulty)));
    line(out, "minutes", std::to_string(q.minutes));
    line(out, "prompt", text_value(q.prompt));
    if (!q.answer.empty()) line(out, "answer", text_value(q.answer));
    if (!q.follow_ups.empty()) line(out, "follow_ups", block_array(q.follow_ups));
    if (retired) line(out, "retired", "true");
    if (!q.rubric.empty()) {
        out += "\n[question.rubric]\n";
        if (!q.rubric.one.empty()) line(out, "1", text_value(q.rubric.one));
        if (!q.rubric.three.empty()) line(out, "3", text_value(q.rubric.three));
        if (!q.rubric.five.empty()) line(out, "5", text_value(q.rubric.five));
    }
    for (const auto& sample : q.samples) {
        out += "\n[[question.sample]]\n";
        line(out, "score", std::to_string(sample.score));
        line(out, "answer", text_value(sample.answer));
        line(out, "why", text_value(sample.why));
    }
}

void write_set(std::string& out, const QuestionSet& s) {
    out += "\n[[set]]\n";
    line(out, "name", basic_string(s.name));
    if (!s.role.empty()) line(out, "role", basic_string(s.role));
    line(out, "level", basic_string(name(s.level)));
    line(out, "minutes", std::to_string(s.minutes));
    if (!s.description.empty()) line(out, "description", text_value(s.description));
    line(out, "questions", s.question_ids.empty() ? "[]" : block_array(s.question_ids));
}

} // namespace

std::string write_question_file(const QuestionFile& file) {
    std::vector<const Question*> questions;
    for (const auto& q : file.questions) questions.push_back(&q);
    std::sort(questions.begin(), questions.end(),
              [](const Question* a, const Question* b) { return a->id < b->id; });
    std::vector<const QuestionSet*> sets;
    for (const auto& s : file.sets) sets.push_back(&s);
    std::sort(sets.begin(), sets.end(),
              [](const QuestionSet* a, const QuestionSet* b) { return a->name < b->name; });

    std::string out = "# Panelist question file: docs/question-format.md\n";
    out += fmt::format("format = {}\n", question_file_format);
    const std::set<std::string> retired(file.retired.begin(), file.retired.end());
    for (const auto* q : questions) write_question(out, *q, retired.contains(q->id));
    for (const auto* s : sets) write_set(out, *s);
    auto kept = file.kept_apart;
    for (auto& [a, b] : kept)
        if (b < a) std::swap(a, b);
    std::sort(kept.begin(), kept.end());
    for (const auto& [a, b] : kept) {
        out += "\n[[kept_apart]]\n";
        line(out, "questions", inline_array({a, b}));
    }
    return out;
}

} // namespace panelist

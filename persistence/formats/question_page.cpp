#include "persistence/formats/question_page.hpp"

#include "domain/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <cstdint>
#include <set>

namespace panelist {
namespace {

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// "**text**" or "__text__" -> "text"; anything else as it is.
std::string unbold(std::string s) {
    s = trim(s);
    for (const char* mark : {"**", "__"})
        if (s.size() > 4 && starts_with(s, mark) && ends_with(s, mark)) return trim(s.substr(2, s.size() - 4));
    return s;
}

bool is_bold(std::string_view s) {
    const std::string t = trim(s);
    return t.size() > 4 && ((starts_with(t, "**") && ends_with(t, "**")) || (starts_with(t, "__") && ends_with(t, "__")));
}

// "3. text", "3) text" -> "text"; nullopt when the line is not numbered.
std::optional<std::string> after_number(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size() && i < 4 && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    if (i == 0 || i >= s.size() || (s[i] != '.' && s[i] != ')')) return std::nullopt;
    if (i + 1 < s.size() && s[i + 1] != ' ' && s[i + 1] != '\t') return std::nullopt;
    return trim(s.substr(i + 1));
}

// "Q: text", "Q3. text", "Question 3: text" (any case) -> "text".
std::optional<std::string> after_q(std::string_view s) {
    std::size_t i = 0;
    const std::string lower = to_lower_ascii(std::string(s.substr(0, 12)));
    if (starts_with(lower, "question")) i = 8;
    else if (starts_with(lower, "q")) i = 1;
    else return std::nullopt;
    while (i < s.size() && s[i] == ' ') ++i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    if (i >= s.size() || (s[i] != ':' && s[i] != '.' && s[i] != ')')) return std::nullopt;
    const std::string rest = trim(s.substr(i + 1));
    if (rest.empty()) return std::nullopt;
    return rest;
}

// "A: text", "Answer: text", "**Answer:** text" -> "text"; the line as it is otherwise.
std::string without_answer_label(const std::string& line) {
    std::string t = trim(line);
    for (const char* label : {"**Answer:**", "**A:**", "Answer:", "A:"})
        if (starts_with(t, label)) return trim(t.substr(std::string_view(label).size()));
    return line;
}

bool asks(std::string_view text) {
    return ends_with(trim(text), "?") || ends_with(trim(text), "？");
}

enum class LineKind { question, heading, other };

struct Reading {
    LineKind kind = LineKind::other;
    std::string prompt;
    bool maybe_section = false; // "## 2. Monitoring": a question only if an answer follows
};

// "Explain ...", "Describe ...": a heading that asks without a "?".
bool starts_with_asking_word(std::string_view text) {
    static const char* words[] = {"explain ", "describe ", "compare ", "design ", "walk me ", "walk us ", "tell me ",
                                  "tell us ", "define "};
    const std::string lower = to_lower_ascii(std::string(text.substr(0, 12)));
    for (const char* w : words)
        if (starts_with(lower, w)) return true;
    return false;
}

// What a line of the page is: a question (and its prompt), a heading that is not one (it ends
// the answer above it), or anything else.
Reading read_line(std::string_view line) {
    if (line.empty() || line[0] == ' ' || line[0] == '\t') return {}; // indented: part of an answer
    std::string_view s = line;
    if (s[0] == '#') {
        std::size_t level = 0;
        while (level < s.size() && s[level] == '#') ++level;
        if (level > 6 || level >= s.size() || s[level] != ' ') return {};
        std::string text = unbold(std::string(s.substr(level + 1)));
        while (!text.empty() && text.back() == '#') text.pop_back(); // closing hashes
        text = trim(text);
        if (auto q = after_q(text)) return {LineKind::question, *q};
        if (auto n = after_number(text)) return {LineKind::question, unbold(*n), !asks(*n)};
        if (asks(text) || starts_with_asking_word(text)) return {LineKind::question, text};
        return {LineKind::heading, {}};
    }
    const bool bold = is_bold(s);
    std::string plain = unbold(std::string(s));
    // "**Q1.** What is ...?" and "**1.** What ...": the bold label, then the question.
    for (const char* mark : {"**", "__"})
        if (starts_with(plain, mark))
            if (const auto close = plain.find(mark, 2); close != std::string::npos && close < 16)
                plain = trim(plain.substr(2, close - 2) + " " + plain.substr(close + 2));
    if (auto q = after_q(plain)) return {LineKind::question, unbold(*q)};
    if (auto n = after_number(plain)) {
        const std::string text = unbold(*n);
        if (asks(text) || bold || is_bold(*n)) return {LineKind::question, text};
        return {};
    }
    if (bold && asks(plain)) return {LineKind::question, plain};
    return {};
}

// Letters and digits of ASCII, lower-cased, the rest as single dashes: "MLOps Q&A" -> "mlops-q-a".
std::string slug_of(std::string_view text, std::size_t max_length) {
    std::string out;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) && u < 0x80) out += static_cast<char>(std::tolower(u));
        else if (!out.empty() && out.back() != '-') out += '-';
        if (out.size() >= max_length) break;
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

// The first words of the prompt, as a slug, at most six words.
std::string id_words(std::string_view prompt) {
    std::string first;
    int words = 0;
    for (std::size_t i = 0; i < prompt.size() && words < 6; ++i) {
        if (prompt[i] == ' ') ++words;
        first += prompt[i];
    }
    return slug_of(first, 48);
}

struct PageQuestion {
    std::string prompt;
    std::vector<std::string> answer;
    int line = 0;
    bool maybe_section = false;
};

std::string joined_answer(const std::vector<std::string>& lines) {
    std::string text;
    bool first = true;
    for (const auto& line : lines) {
        if (first && trim(line).empty()) continue;
        text += (first ? without_answer_label(line) : line) + "\n";
        first = false;
    }
    return normalise_text(text);
}

} // namespace

bool is_page_name(const std::filesystem::path& file) {
    const std::string extension = to_lower_ascii(file.extension().string());
    return extension == ".md" || extension == ".markdown" || extension == ".txt";
}

QuestionFileReading read_question_page(std::string_view text, const std::string& file_name) {
    QuestionFileReading reading;
    const auto problem = [&](int line, std::string field, std::string message) {
        if (reading.problems.size() < max_file_problems)
            reading.problems.push_back({file_name, {line, 1}, std::move(field), std::move(message)});
    };
    if (const auto bad = invalid_utf8_at(text); bad != std::string_view::npos) {
        const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(bad), '\n'));
        problem(line, "", "this is not UTF-8 text: save the page as UTF-8 and import it again");
        return reading;
    }

    if (starts_with(text, "\xEF\xBB\xBF")) text.remove_prefix(3); // a byte order mark, as Windows editors save
    std::vector<PageQuestion> found;
    bool in_answer = false, in_code = false, in_comment = false;
    int number = 0;
    for (std::size_t start = 0; start <= text.size();) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string line(text.substr(start, end - start));
        if (!line.empty() && line.back() == '\r') line.pop_back();
        ++number;
        start = end + 1;
        const std::string stripped = trim(line);
        // An HTML comment (<!-- ... -->) is not on the page a reader sees.
        if (!in_code && (in_comment || starts_with(stripped, "<!--"))) {
            in_comment = stripped.find("-->") == std::string::npos;
            if (end == text.size()) break;
            continue;
        }
        const bool fence = starts_with(stripped, "```") || starts_with(stripped, "~~~");
        if (fence) in_code = !in_code;
        const Reading r = in_code || fence ? Reading{} : read_line(line); // code is answer, never a question
        if (r.kind == LineKind::question) {
            found.push_back({r.prompt, {}, number, r.maybe_section});
            in_answer = true;
        } else if (r.kind == LineKind::heading) {
            in_answer = false;
        } else if (in_answer) {
            found.back().answer.push_back(line);
        }
        if (end == text.size()) break;
    }
    // "## 1. Fundamentals" over the questions of a section: numbered, asking nothing, nothing below.
    std::erase_if(found, [](const PageQuestion& q) {
        return q.maybe_section && std::all_of(q.answer.begin(), q.answer.end(), [](const std::string& l) { return trim(l).empty(); });
    });
    if (found.empty()) {
        problem(1, "", "no questions found: a page needs numbered questions ending in '?' (1. What is ...?), headings "
                       "that ask (## What is ...?), bold questions, or Q: lines (docs/question-format.md)");
        return reading;
    }

    const std::string stem = std::filesystem::path(file_name).stem().string();
    std::string topic = slug_of(stem, 40);
    if (topic.empty()) topic = fmt::format("page-{:08x}", static_cast<std::uint32_t>(fnv1a(stem)));
    std::set<std::string> ids;
    for (const auto& f : found) {
        Question q;
        q.topic = topic;
        std::string words = id_words(f.prompt);
        if (words.empty()) words = fmt::format("q-{:08x}", static_cast<std::uint32_t>(fnv1a(f.prompt))); // no Latin letters
        q.id = topic + "/" + words;
        for (int n = 2; ids.contains(q.id); ++n) q.id = fmt::format("{}/{}-{}", topic, words, n);
        ids.insert(q.id);
        q.prompt = normalise_text(f.prompt);
        q.answer = joined_answer(f.answer);
        for (const auto& p : validate(q)) problem(f.line, p.field, p.message);
        reading.content.questions.push_back(std::move(q));
        reading.content.question_positions.push_back({f.line, 1});
        reading.content.drafts.push_back(reading.content.questions.back().id);
    }
    return reading;
}

} // namespace panelist

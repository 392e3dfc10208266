#include "persistence/formats/question_csv.hpp"

#include "domain/text.hpp"
#include "persistence/formats/csv_reader.hpp"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>
#include <map>
#include <optional>

namespace panelist {
namespace {

constexpr int max_csv_samples = static_cast<int>(QuestionTextLimits::samples);

// Header cells as people write them: "Model answer", "follow-ups", "Rubric 5" -> model_answer,
// follow_ups, rubric_5.
std::string header_key(std::string_view cell) {
    std::string key;
    for (char c : trim(std::string(cell))) {
        const auto u = static_cast<unsigned char>(c);
        key += (c == ' ' || c == '-') ? '_' : static_cast<char>(std::tolower(u));
    }
    if (key == "question") return "prompt";
    if (key == "model_answer") return "answer";
    if (key == "followups") return "follow_ups";
    return key;
}

const std::vector<std::string>& fixed_columns() {
    static const std::vector<std::string> columns = {"id",         "topic",    "tags",     "level",    "difficulty",
                                                     "minutes",    "prompt",   "answer",   "follow_ups", "rubric_1",
                                                     "rubric_3",   "rubric_5", "retired"};
    return columns;
}

// "sample_2_why" -> {2, "why"}.
std::optional<std::pair<int, std::string>> sample_column(const std::string& key) {
    int n = 0;
    if (key.rfind("sample_", 0) != 0) return std::nullopt;
    const auto rest = std::string_view(key).substr(7);
    const auto bar = rest.find('_');
    if (bar == std::string_view::npos) return std::nullopt;
    const auto [end, ec] = std::from_chars(rest.data(), rest.data() + bar, n);
    const std::string part(rest.substr(bar + 1));
    if (ec != std::errc() || end != rest.data() + bar || n < 1 || n > max_csv_samples) return std::nullopt;
    if (part != "score" && part != "answer" && part != "why") return std::nullopt;
    return std::pair{n, part};
}

// A spreadsheet runs a cell starting with = + - @ as a formula; the writer puts ' in front, and
// the reader takes it off again.
std::string unguarded(std::string text) {
    const auto formula = [](char c) { return std::string_view("=+-@").find(c) != std::string_view::npos; };
    const bool guarded = text.size() > 1 && text[0] == '\'' &&
                         (formula(text[1]) || (text.size() > 2 && text[1] == '\'' && formula(text[2])));
    if (guarded) text.erase(0, 1);
    return text;
}

std::string cell(std::string_view text) {
    std::string value(text);
    const auto formula = [](char c) { return std::string_view("=+-@").find(c) != std::string_view::npos; };
    // Guarded too when it already starts with the guard, so import gives back exactly this text.
    if (!value.empty() && (formula(value.front()) || (value.size() > 1 && value[0] == '\'' && formula(value[1]))))
        value.insert(0, "'");
    std::string out = "\"";
    for (char c : value) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        auto line = trim(text.substr(start, end - start));
        if (!line.empty()) out.push_back(std::move(line));
        start = end + 1;
    }
    return out;
}

std::vector<std::string> tags_of(const std::string& text) {
    std::vector<std::string> out;
    std::string tag;
    for (char c : text + " ") {
        if (c == ',' || c == ';' || c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            if (!tag.empty()) out.push_back(std::move(tag)), tag.clear();
        } else {
            tag += c;
        }
    }
    return out;
}

std::optional<int> whole_number(const std::string& text) {
    int n = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return n;
}

} // namespace

QuestionFileReading read_question_csv(std::string_view text, const std::string& file_name) {
    QuestionFileReading reading;
    auto& problems = reading.problems;
    const auto problem = [&](SourcePosition at, std::string field, std::string message) {
        if (problems.size() < max_file_problems) problems.push_back({file_name, at, std::move(field), std::move(message)});
    };
    // Excel's "CSV UTF-8" starts with a byte order mark; it is not part of the first header.
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::vector<CsvRecord> records;
    try {
        check_csv_text(text, file_name);
        records = split_csv(text, file_name,
                            {max_csv_questions, 16 + 3 * static_cast<std::size_t>(max_csv_samples) + 50,
                             fmt::format("more than {} questions in one file; split it", max_csv_questions),
                             "too many columns for a question file"});
    } catch (const FileError& e) {
        problems = e.problems();
        return reading;
    }
    if (records.empty()) {
        problem({1, 1}, "", "the file is empty; expected a header row (id, topic, level, ...) and a row per question");
        return reading;
    }
    // The header: which column is which. A column whose header starts with # is the team's own
    // (notes, owner): kept out. Any other unknown header is refused, so a typo never loses a column.
    std::map<std::string, std::size_t> column;
    for (std::size_t i = 0; i < records[0].cells.size(); ++i) {
        const auto& c = records[0].cells[i];
        if (!c.text.empty() && c.text[0] == '#') continue;
        if (c.text.empty()) { // a spreadsheet's trailing empty columns: fine while they stay empty
            for (std::size_t r = 1; r < records.size(); ++r)
                if (i < records[r].cells.size() && !records[r].cells[i].text.empty()) {
                    problem(records[r].cells[i].at, "", "this cell is in a column without a header; name the column");
                    break;
                }
            continue;
        }
        const std::string key = header_key(c.text);
        const bool known = std::find(fixed_columns().begin(), fixed_columns().end(), key) != fixed_columns().end() ||
                           sample_column(key).has_value();
        if (!known) {
            problem(c.at, excerpt(c.text),
                    "unknown column (known: id, topic, tags, level, difficulty, minutes, prompt, answer, follow_ups, "
                    "rubric_1, rubric_3, rubric_5, retired, sample_N_score/answer/why; start a header with # to keep a "
                    "column of your own)");
            continue;
        }
        if (!column.emplace(key, i).second) problem(c.at, key, "this column appears twice");
    }
    for (const char* required : {"id", "topic", "level", "difficulty", "minutes", "prompt"})
        if (!column.contains(required))
            problem(records[0].cells[0].at, required, "missing column (every question needs it)");
    if (!problems.empty()) return reading;
    const auto holds = [&](const char* key) { return column.contains(key); };
    auto& absent = reading.content.absent_fields;
    if (!holds("tags")) absent.push_back("tags");
    if (!holds("answer")) absent.push_back("answer");
    if (!holds("follow_ups")) absent.push_back("follow_ups");
    if (!holds("rubric_1") && !holds("rubric_3") && !holds("rubric_5")) absent.push_back("rubric");
    if (std::none_of(column.begin(), column.end(), [](auto& c) { return sample_column(c.first).has_value(); }))
        absent.push_back("samples");

    std::map<std::string, SourcePosition> seen;
    for (std::size_t r = 1; r < records.size(); ++r) {
        const auto& row = records[r];
        // A row of empty cells (a formatted but unused spreadsheet row) is no question.
        if (std::all_of(row.cells.begin(), row.cells.end(), [](const CsvCell& c) { return c.text.empty(); })) continue;
        const auto get = [&](const std::string& key) -> std::optional<std::string> {
            const auto it = column.find(key);
            if (it == column.end() || it->second >= row.cells.size()) return std::nullopt;
            return unguarded(row.cells[it->second].text);
        };
        const auto at = [&](const std::string& key) {
            const auto it = column.find(key);
            return it != column.end() && it->second < row.cells.size() ? row.cells[it->second].at : row.cells[0].at;
        };
        Question q;
        q.id = get("id").value_or("");
        q.topic = get("topic").value_or("");
        q.tags = tags_of(get("tags").value_or(""));
        q.prompt = get("prompt").value_or("");
        q.answer = get("answer").value_or("");
        q.follow_ups = lines_of(get("follow_ups").value_or(""));
        q.rubric = {get("rubric_1").value_or(""), get("rubric_3").value_or(""), get("rubric_5").value_or("")};
        const std::string level = get("level").value_or("");
        if (auto l = parse_level(level)) q.level = *l;
        else problem(at("level"), "level", fmt::format("'{}' is not one of junior, senior, both", excerpt(level)));
        const std::string difficulty = get("difficulty").value_or("");
        if (auto d = parse_difficulty(difficulty)) q.difficulty = *d;
        else problem(at("difficulty"), "difficulty", fmt::format("'{}' is not one of easy, medium, hard", excerpt(difficulty)));
        const std::string minutes = get("minutes").value_or("");
        if (auto m = whole_number(minutes)) q.minutes = *m;
        else problem(at("minutes"), "minutes", fmt::format("expected a whole number, found '{}'", excerpt(minutes)));
        for (int n = 1; n <= max_csv_samples; ++n) {
            const auto key = [&](const char* part) { return fmt::format("sample_{}_{}", n, part); };
            const auto score = get(key("score")), answer = get(key("answer")), why = get(key("why"));
            if (score.value_or("").empty() && answer.value_or("").empty() && why.value_or("").empty()) continue;
            SampleAnswer s;
            s.answer = answer.value_or("");
            s.why = why.value_or("");
            if (auto v = whole_number(score.value_or("")); v && *v >= 1 && *v <= 5) s.score = *v;
            else problem(at(key("score")), key("score"), "a sample answer's score is a whole number from 1 to 5");
            q.samples.push_back(std::move(s));
        }
        const std::string retired = to_lower_ascii(get("retired").value_or(""));
        if (retired == "true" || retired == "yes" || retired == "1") reading.content.retired.push_back(trim(q.id));
        else if (!retired.empty() && retired != "false" && retired != "no" && retired != "0")
            problem(at("retired"), "retired", fmt::format("'{}' is not true or false", excerpt(retired)));
        q = normalised(std::move(q));
        for (const auto& p : validate(q)) {
            const std::string key = p.field.rfind("rubric.", 0) == 0 ? "rubric_" + p.field.substr(7) : p.field;
            problem(at(key), key, p.message);
        }
        if (!q.id.empty()) {
            if (const auto [it, fresh] = seen.emplace(q.id, row.cells[0].at); !fresh)
                problem(row.cells[0].at, "id",
                        fmt::format("'{}' is already on line {}: one row per question", excerpt(q.id), it->second.line));
        }
        reading.content.questions.push_back(std::move(q));
        reading.content.question_positions.push_back(row.cells[0].at);
    }
    if (reading.content.questions.empty() && problems.empty())
        problem(records[0].end, "", "the file has a header but no question rows");
    return reading;
}

std::string write_question_csv(const QuestionFile& file) {
    std::size_t samples = 0;
    for (const auto& q : file.questions) samples = std::max(samples, q.samples.size());
    std::string out;
    for (std::size_t i = 0; i < fixed_columns().size(); ++i) out += (i ? "," : "") + fixed_columns()[i];
    for (std::size_t n = 1; n <= samples; ++n) out += fmt::format(",sample_{0}_score,sample_{0}_answer,sample_{0}_why", n);
    out += "\r\n";
    for (const auto& q : file.questions) {
        std::string tags, follow_ups;
        for (const auto& t : q.tags) tags += (tags.empty() ? "" : ", ") + t;
        for (const auto& f : q.follow_ups) follow_ups += (follow_ups.empty() ? "" : "\n") + f;
        const bool retired = std::find(file.retired.begin(), file.retired.end(), q.id) != file.retired.end();
        out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{}", cell(q.id), cell(q.topic), cell(tags),
                           cell(name(q.level)), cell(name(q.difficulty)), q.minutes, cell(q.prompt), cell(q.answer),
                           cell(follow_ups), cell(q.rubric.one), cell(q.rubric.three), cell(q.rubric.five),
                           retired ? "true" : "");
        for (std::size_t n = 0; n < samples; ++n) {
            if (n < q.samples.size())
                out += fmt::format(",{},{},{}", q.samples[n].score, cell(q.samples[n].answer), cell(q.samples[n].why));
            else
                out += ",,,";
        }
        out += "\r\n";
    }
    return out;
}

} // namespace panelist

// Reading question files: TOML syntax from toml++, then every field checked with its position.
#include "persistence/formats/question_file.hpp"
#include "persistence/formats/toml_shape.hpp"

#include "domain/text.hpp"

#include <fmt/format.h>
#include <limits>
#include <set>
#include <toml++/toml.h>

namespace panelist {
namespace {

SourcePosition position_of(const toml::source_region& region) {
    return {static_cast<int>(region.begin.line), static_cast<int>(region.begin.column)};
}

std::string_view type_name(const toml::node& node) {
    switch (node.type()) {
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a number with a fraction";
    case toml::node_type::boolean: return "true/false";
    case toml::node_type::array: return "an array";
    case toml::node_type::table: return "a table";
    default: return "a date or time";
    }
}

// Collects the problems of one file; each getter reports a wrong type and returns a default.
class FieldReader {
public:
    FieldReader(std::string file, std::vector<FileProblem>& problems)
        : file_(std::move(file)), problems_(problems) {}

    // A file of thousands of empty tables would give a problem for every missing field: past
    // max_file_problems the rest are not kept, and the last one kept says so.
    void problem(SourcePosition at, std::string field, std::string message) {
        if (kept_ > max_file_problems) return;
        if (++kept_ > max_file_problems)
            field.clear(), message = "more problems follow; the ones above come first";
        problems_.push_back({file_, at, std::move(field), std::move(message)});
    }

    std::string text(const toml::node& node, const std::string& field) {
        if (auto s = node.as_string()) return s->get();
        problem(position_of(node.source()), field,
                fmt::format("expected a string, found {}", type_name(node)));
        return {};
    }

    int integer(const toml::node& node, const std::string& field, int min, int max) {
        auto i = node.as_integer();
        if (!i) {
            problem(position_of(node.source()), field,
                    fmt::format("expected a whole number, found {}", type_name(node)));
            return min;
        }
        if (i->get() < min || i->get() > max) {
            problem(position_of(node.source()), field,
                    fmt::format("{} is not between {} and {}", i->get(), min, max));
            return min;
        }
        return static_cast<int>(i->get());
    }

    std::vector<std::string> texts(const toml::node& node, const std::string& field) {
        std::vector<std::string> out;
        auto array = node.as_array();
        if (!array) {
            problem(position_of(node.source()), field,
                    fmt::format("expected an array of strings, found {}", type_name(node)));
            return out;
        }
        for (const auto& item : *array) out.push_back(text(item, field));
        return out;
    }

    template <typename E>
    E choice(const toml::node& node, const std::string& field, std::optional<E> (*parse)(std::string_view),
             std::string_view allowed, E fallback) {
        const std::string value = text(node, field);
        if (auto parsed = parse(value)) return *parsed;
        if (node.is_string())
            problem(position_of(node.source()), field,
                    fmt::format("'{}' is not one of {}", excerpt(value), allowed));
        return fallback;
    }

    // Reports problems found by the domain rules at the position of the field they name.
    void report(const Problems& problems, const toml::table& table, SourcePosition fallback) {
        for (const auto& p : problems) {
            const toml::node* node = table.get(p.field);
            problem(node ? position_of(node->source()) : fallback, p.field, p.message);
        }
    }

private:
    std::string file_;
    std::vector<FileProblem>& problems_;
    std::size_t kept_ = 0;
};

// [[question.sample]] tables: score, answer, why.
std::vector<SampleAnswer> read_samples(const toml::node& node, FieldReader& reader) {
    std::vector<SampleAnswer> samples;
    const auto* array = node.as_array();
    if (!array || !array->is_array_of_tables()) {
        reader.problem(position_of(node.source()), "sample",
                       fmt::format("expected [[question.sample]] tables, found {}", type_name(node)));
        return samples;
    }
    for (const auto& item : *array) {
        const auto& table = *item.as_table();
        SampleAnswer sample;
        bool has_score = false, has_answer = false, has_why = false;
        for (const auto& [key, value] : table) {
            const std::string k(key.str());
            if (k == "score") sample.score = reader.integer(value, "sample.score", 1, 5), has_score = true;
            else if (k == "answer") sample.answer = reader.text(value, "sample.answer"), has_answer = true;
            else if (k == "why") sample.why = reader.text(value, "sample.why"), has_why = true;
            else reader.problem(position_of(key.source()), "sample." + k, "unknown field (known: score, answer, why)");
        }
        const std::pair<bool, const char*> required[] = {
            {has_score, "sample.score"}, {has_answer, "sample.answer"}, {has_why, "sample.why"}};
        for (const auto& [present, field] : required)
            if (!present) reader.problem(position_of(table.source()), field, "missing (every sample answer needs it)");
        samples.push_back(std::move(sample));
    }
    return samples;
}

// `retired` is set when the question says `retired = true`.
Question read_question(const toml::table& table, FieldReader& reader, bool& retired) {
    Question q;
    retired = false;
    const SourcePosition at = position_of(table.source());
    bool has_id = false, has_topic = false, has_level = false, has_difficulty = false,
         has_minutes = false, has_prompt = false;
    for (const auto& [key, node] : table) {
        const std::string k(key.str());
        if (k == "id") q.id = reader.text(node, k), has_id = true;
        else if (k == "topic") q.topic = reader.text(node, k), has_topic = true;
        else if (k == "tags") q.tags = reader.texts(node, k);
        else if (k == "level")
            q.level = reader.choice(node, k, parse_level, "junior, senior, both", Level::both),
            has_level = true;
        else if (k == "difficulty")
            q.difficulty = reader.choice(node, k, parse_difficulty, "easy, medium, hard",
                                         Difficulty::medium),
            has_difficulty = true;
        else if (k == "minutes")
            q.minutes = reader.integer(node, k, 1, max_question_minutes), has_minutes = true;
        else if (k == "prompt") q.prompt = reader.text(node, k), has_prompt = true;
        else if (k == "answer") q.answer = reader.text(node, k);
        else if (k == "follow_ups") q.follow_ups = reader.texts(node, k);
        else if (k == "rubric") {
            auto rubric = node.as_table();
            if (!rubric) {
                reader.problem(position_of(node.source()), k,
                               fmt::format("expected a table with keys 1, 3 and 5, found {}",
                                           type_name(node)));
                continue;
            }
            for (const auto& [score, words] : *rubric) {
                const std::string s(score.str());
                if (s == "1") q.rubric.one = reader.text(words, "rubric.1");
                else if (s == "3") q.rubric.three = reader.text(words, "rubric.3");
                else if (s == "5") q.rubric.five = reader.text(words, "rubric.5");
                else
                    reader.problem(position_of(score.source()), "rubric." + s,
                                   "a rubric describes scores 1, 3 and 5 only");
            }
        } else if (k == "sample") {
            q.samples = read_samples(node, reader);
        } else if (k == "retired") {
            if (const auto flag = node.as_boolean()) retired = flag->get();
            else
                reader.problem(position_of(node.source()), k,
                               fmt::format("expected true or false, found {}", type_name(node)));
        } else {
            reader.problem(position_of(key.source()), k,
                           "unknown field (known: id, topic, tags, level, difficulty, minutes, "
                           "prompt, answer, follow_ups, rubric, sample, retired)");
        }
    }
    const std::pair<bool, const char*> required[] = {
        {has_id, "id"},         {has_topic, "topic"}, {has_level, "level"},
        {has_difficulty, "difficulty"}, {has_minutes, "minutes"}, {has_prompt, "prompt"}};
    for (const auto& [present, field] : required)
        if (!present) reader.problem(at, field, "missing (every question needs it)");
    q = normalised(std::move(q)); // once: a long text is copied as few times as it can be
    if (has_id && has_topic && has_prompt) reader.report(validate(q), table, at);
    return q;
}

QuestionSet read_set(const toml::table& table, FieldReader& reader) {
    QuestionSet s;
    const SourcePosition at = position_of(table.source());
    bool has_name = false, has_minutes = false, has_questions = false;
    for (const auto& [key, node] : table) {
        const std::string k(key.str());
        if (k == "name") s.name = reader.text(node, k), has_name = true;
        else if (k == "role") s.role = reader.text(node, k);
        else if (k == "level")
            s.level = reader.choice(node, k, parse_level, "junior, senior, both", Level::both);
        else if (k == "minutes")
            s.minutes = reader.integer(node, k, 1, max_set_minutes), has_minutes = true;
        else if (k == "description") s.description = reader.text(node, k);
        else if (k == "questions") s.question_ids = reader.texts(node, k), has_questions = true;
        else
            reader.problem(position_of(key.source()), k,
                           "unknown field (known: name, role, level, minutes, description, "
                           "questions)");
    }
    const std::pair<bool, const char*> required[] = {
        {has_name, "name"}, {has_minutes, "minutes"}, {has_questions, "questions"}};
    for (const auto& [present, field] : required)
        if (!present) reader.problem(at, field, "missing (every set needs it)");
    s = normalised(std::move(s));
    if (has_name) reader.report(validate(s), table, at);
    return s;
}

// [[kept_apart]]: two question ids a curator judged different on purpose.
std::optional<std::pair<std::string, std::string>> read_kept_apart(const toml::table& table, FieldReader& reader) {
    const SourcePosition at = position_of(table.source());
    std::vector<std::string> ids;
    bool has_questions = false;
    for (const auto& [key, node] : table) {
        const std::string k(key.str());
        if (k == "questions") ids = reader.texts(node, k), has_questions = true;
        else reader.problem(position_of(key.source()), k, "unknown field (known: questions)");
    }
    if (!has_questions) {
        reader.problem(at, "questions", "missing (name the two questions kept apart)");
        return std::nullopt;
    }
    if (ids.size() != 2 || ids[0] == ids[1]) {
        reader.problem(at, "questions", "a pair kept apart names two different questions");
        return std::nullopt;
    }
    for (const auto& id : ids)
        if (!is_slug(id)) {
            reader.problem(at, "questions", fmt::format("'{}' is not a question id", excerpt(id)));
            return std::nullopt;
        }
    return std::pair(std::min(ids[0], ids[1]), std::max(ids[0], ids[1]));
}

template <typename Read>
void read_tables(const toml::node& node, const std::string& field, FieldReader& reader, Read read) {
    auto array = node.as_array();
    if (!array || !array->is_array_of_tables()) {
        reader.problem(position_of(node.source()), field,
                       fmt::format("expected [[{}]] tables, found {}", field, type_name(node)));
        return;
    }
    for (const auto& item : *array) read(*item.as_table(), position_of(item.source()));
}

// toml++ says why in its own words; where they name its build settings, ours say what a
// person can change in the file.
std::string parse_error_in_our_words(std::string_view description) {
    if (description.find("TOML_MAX_NESTED_VALUES") != std::string_view::npos)
        return "arrays or inline tables are nested more than 256 deep here; a question file needs 2";
    return std::string(description);
}

} // namespace

QuestionFileReading read_question_file(std::string_view text, const std::string& file_name) {
    QuestionFileReading result;
    if (auto too_large = question_file_over_limits(text, file_name)) {
        result.problems.push_back(std::move(*too_large));
        return result;
    }
    FieldReader reader(file_name, result.problems);
    toml::table root;
    try {
        root = toml::parse(text, file_name);
    } catch (const toml::parse_error& e) {
        reader.problem(position_of(e.source()), "", parse_error_in_our_words(e.description()));
        return result;
    }
    // Importing nothing is never what was meant: most likely the wrong or an unsaved file.
    if (root.empty())
        reader.problem({1, 1}, "",
                       "the file is empty; a question file holds [[question]] and [[set]] tables");
    for (const auto& [key, node] : root) {
        const std::string k(key.str());
        if (k == "format") {
            const int format = reader.integer(node, k, 1, std::numeric_limits<int>::max());
            if (format > question_file_format)
                reader.problem(position_of(node.source()), k,
                               fmt::format("format {} is newer than this Panelist reads ({}); "
                                           "update Panelist",
                                           format, question_file_format));
        } else if (k == "question") {
            read_tables(node, k, reader, [&](const toml::table& t, SourcePosition at) {
                bool retired = false;
                result.content.questions.push_back(read_question(t, reader, retired));
                result.content.question_positions.push_back(at);
                if (retired) result.content.retired.push_back(result.content.questions.back().id);
            });
        } else if (k == "set") {
            read_tables(node, k, reader, [&](const toml::table& t, SourcePosition at) {
                result.content.sets.push_back(read_set(t, reader));
                result.content.set_positions.push_back(at);
            });
        } else if (k == "kept_apart") {
            read_tables(node, k, reader, [&](const toml::table& t, SourcePosition at) {
                if (auto pair = read_kept_apart(t, reader)) {
                    result.content.kept_apart.push_back(std::move(*pair));
                    result.content.kept_apart_positions.push_back(at);
                }
            });
        } else {
            reader.problem(position_of(key.source()), k,
                           "unknown field (a question file holds format, [[question]], [[set]] and "
                           "[[kept_apart]])");
        }
    }
    std::set<std::string> ids;
    for (std::size_t i = 0; i < result.content.questions.size(); ++i) {
        const auto& id = result.content.questions[i].id;
        if (!id.empty() && !ids.insert(id).second)
            reader.problem(result.content.question_positions[i], "id",
                           fmt::format("'{}' is defined twice in this file", excerpt(id)));
    }
    std::set<std::string> names;
    for (std::size_t i = 0; i < result.content.sets.size(); ++i) {
        const auto& name = result.content.sets[i].name;
        if (!name.empty() && !names.insert(name).second)
            reader.problem(result.content.set_positions[i], "name",
                           fmt::format("a set named '{}' is defined twice in this file", excerpt(name)));
    }
    return result;
}

} // namespace panelist

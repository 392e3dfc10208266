#include "persistence/store/question_versions.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace panelist {

namespace {

std::string follow_ups_json(const std::vector<std::string>& follow_ups) { return nlohmann::json(follow_ups).dump(); }

std::vector<std::string> follow_ups_of(const std::string& text) {
    const auto j = nlohmann::json::parse(text, nullptr, false);
    std::vector<std::string> out;
    if (j.is_array())
        for (const auto& item : j)
            if (item.is_string()) out.push_back(item.get<std::string>());
    return out;
}

Question read_version(SQLite::Statement& s, int first) {
    Question q;
    q.id = s.getColumn(first).getString();
    q.topic = s.getColumn(first + 1).getString();
    q.prompt = s.getColumn(first + 2).getString();
    q.answer = s.getColumn(first + 3).getString();
    q.rubric = {s.getColumn(first + 4).getString(), s.getColumn(first + 5).getString(), s.getColumn(first + 6).getString()};
    q.follow_ups = follow_ups_of(s.getColumn(first + 7).getString());
    return q;
}

constexpr const char* version_columns = "question_id, topic, prompt, answer, rubric_1, rubric_3, rubric_5, follow_ups";

} // namespace

std::int64_t version_with(StatementCache& statements, const Question& q) {
    const std::string follow_ups = follow_ups_json(q.follow_ups);
    auto insert = statements.use(fmt::format("INSERT OR IGNORE INTO question_version ({}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                             version_columns));
    auto find = statements.use("SELECT id FROM question_version WHERE question_id = ? AND topic = ? AND prompt = ? AND "
                               "answer = ? AND rubric_1 = ? AND rubric_3 = ? AND rubric_5 = ? AND follow_ups = ?");
    for (SQLite::Statement* s : {&*insert, &*find}) {
        s->bind(1, q.id);
        s->bind(2, q.topic);
        s->bind(3, q.prompt);
        s->bind(4, q.answer);
        s->bind(5, q.rubric.one);
        s->bind(6, q.rubric.three);
        s->bind(7, q.rubric.five);
        s->bind(8, follow_ups);
    }
    insert->exec();
    find->executeStep();
    return find->getColumn(0).getInt64();
}

namespace {

// The bank's question as a version would keep it; nullopt when it is not in the bank.
constexpr const char* bank_content_sql =
    "SELECT id, topic, prompt, answer, rubric_1, rubric_3, rubric_5, "
    "coalesce((SELECT json_group_array(text) FROM (SELECT text FROM question_follow_up f "
    "WHERE f.question_seq = question.seq ORDER BY position)), '[]') FROM question WHERE id = ?";

std::optional<Question> bank_content(SQLite::Statement& s, const std::string& question_id) {
    s.bind(1, question_id);
    if (!s.executeStep()) return std::nullopt;
    return read_version(s, 0);
}

bool same_content(const Question& a, const Question& b) {
    return a.id == b.id && a.topic == b.topic && a.prompt == b.prompt && a.answer == b.answer &&
           a.rubric == b.rubric && a.follow_ups == b.follow_ups;
}

} // namespace

std::optional<Question> bank_version(StatementCache& statements, const std::string& question_id) {
    auto s = statements.use(bank_content_sql);
    return bank_content(*s, question_id);
}

std::map<std::int64_t, Question> load_versions(StatementCache& statements, const std::set<std::int64_t>& ids) {
    std::map<std::int64_t, Question> out;
    auto s = statements.use(fmt::format("SELECT {} FROM question_version WHERE id = ?", version_columns));
    for (const auto id : ids) {
        s->bind(1, id);
        if (s->executeStep()) out.emplace(id, read_version(*s, 0));
        s->reset();
    }
    return out;
}

std::vector<QuestionVersionUse> versions_of(SQLite::Database& db, const std::string& question_id) {
    std::vector<QuestionVersionUse> out;
    SQLite::Statement bank(db, bank_content_sql);
    const auto now = bank_content(bank, question_id); // only read: the Library writes nothing
    SQLite::Statement versions(db, fmt::format("SELECT id, created_at, {} FROM question_version WHERE question_id = ? "
                                               "AND id IN (SELECT version_id FROM interview_question) ORDER BY id",
                                               version_columns));
    versions.bind(1, question_id);
    SQLite::Statement uses(db, "SELECT i.interviewer, c.name, i.date FROM interview_question iq "
                               "JOIN interview i ON i.id = iq.interview_id JOIN candidate c ON c.id = i.candidate_id "
                               "WHERE iq.version_id = ? ORDER BY i.date, i.id");
    while (versions.executeStep()) {
        QuestionVersionUse v;
        v.version = versions.getColumn(0).getInt64();
        v.created_at = versions.getColumn(1).getString();
        v.content = read_version(versions, 2);
        v.current = now && same_content(v.content, *now);
        uses.bind(1, v.version);
        while (uses.executeStep())
            v.interviews.push_back(fmt::format("{} / {} / {}", uses.getColumn(0).getString(), uses.getColumn(1).getString(),
                                               uses.getColumn(2).getString()));
        uses.reset();
        out.push_back(std::move(v));
    }
    return out;
}

} // namespace panelist

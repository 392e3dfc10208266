#include "persistence/store/interview_repository.hpp"
#include "persistence/store/question_versions.hpp"
#include "persistence/store/store_edge.hpp"

#include "persistence/store/uuid.hpp"
#include "persistence/sqlite/write_transaction.hpp"

#include <SQLiteCpp/Statement.h>
#include <algorithm>
#include <fmt/format.h>
#include <set>
#include <fmt/ranges.h>

namespace panelist {
namespace {

std::vector<int> split_indexes(const std::string& s) {
    std::vector<int> out;
    std::size_t start = 0;
    while (start < s.size()) {
        auto end = s.find(',', start);
        if (end == std::string::npos) end = s.size();
        out.push_back(std::stoi(s.substr(start, end - start)));
        start = end + 1;
    }
    return out;
}

Interview read_interview(SQLite::Database& db, SQLite::Statement& row) {
    Interview iv;
    iv.id = row.getColumn("id").getInt64();
    iv.uuid = row.getColumn("uuid").getString();
    iv.candidate_id = row.getColumn("candidate_id").getInt64();
    iv.interviewer = row.getColumn("interviewer").getString();
    iv.date = row.getColumn("date").getString();
    iv.status = parse_interview_status(row.getColumn("status").getString()).value_or(InterviewStatus::planned);
    iv.overall_notes = row.getColumn("overall_notes").getString();
    if (!row.getColumn("recommendation").isNull())
        iv.recommendation = parse_recommendation(row.getColumn("recommendation").getString());
    iv.reopen_count = row.getColumn("reopen_count").getInt();
    SQLite::Statement q(db, "SELECT * FROM interview_question WHERE interview_id = ? ORDER BY position");
    q.bind(1, iv.id);
    while (q.executeStep()) {
        InterviewQuestion item;
        item.question_id = q.getColumn("question_id").getString();
        item.planned_minutes = q.getColumn("planned_minutes").getInt();
        item.topic = q.getColumn("topic").getString();
        item.prompt = q.getColumn("prompt").getString();
        if (!q.getColumn("version_id").isNull()) item.version = q.getColumn("version_id").getInt64();
        if (!q.getColumn("score").isNull()) item.response.score = Score::of(q.getColumn("score").getInt());
        item.response.notes = q.getColumn("notes").getString();
        item.response.seconds_spent = q.getColumn("seconds_spent").getInt();
        item.response.follow_ups_asked = split_indexes(q.getColumn("follow_ups_asked").getString());
        iv.questions.push_back(std::move(item));
    }
    return iv;
}

} // namespace

Interview InterviewRepository::require(std::int64_t id, InterviewChange change) {
    auto s = statements_.use("SELECT status, reopen_count FROM interview WHERE id = ?");
    s->bind(1, id);
    if (!s->executeStep()) throw InterviewNotFound(fmt::format("there is no interview {}", id));
    Interview stage;
    stage.id = id;
    stage.status = parse_interview_status(s->getColumn(0).getString()).value_or(InterviewStatus::planned);
    stage.reopen_count = s->getColumn(1).getInt();
    panelist::require(stage, change);
    return stage;
}

void InterviewRepository::write_status(std::int64_t id, InterviewStatus status) {
    auto s = statements_.use("UPDATE interview SET status = ? WHERE id = ?");
    s->bind(1, std::string(name(status)));
    s->bind(2, id);
    s->exec();
}

void InterviewRepository::touch(std::int64_t id) {
    auto s = statements_.use("UPDATE interview SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?");
    s->bind(1, id);
    s->exec();
}

std::int64_t InterviewRepository::create(Interview& iv) {
    return at_store_edge(db_, [&]() -> std::int64_t {
        throw_if_invalid("interview", validate(iv));
        if (iv.uuid.empty()) iv.uuid = new_uuid();
        WriteTransaction tx(db_);
        SQLite::Statement insert(db_, "INSERT INTO interview (uuid, candidate_id, interviewer, date, status, "
                                      "overall_notes, recommendation, reopen_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        insert.bind(1, iv.uuid);
        insert.bind(2, iv.candidate_id);
        insert.bind(3, iv.interviewer);
        insert.bind(4, iv.date);
        insert.bind(5, std::string(name(iv.status)));
        insert.bind(6, iv.overall_notes);
        if (iv.recommendation) insert.bind(7, std::string(name(*iv.recommendation)));
        else insert.bind(7);
        insert.bind(8, iv.reopen_count);
        insert.exec();
        iv.id = db_.getLastInsertRowid();
        replace_plan(iv.id, iv.questions);
        tx.commit();
        iv = *find(iv.id);
        return iv.id;
    });
}

void InterviewRepository::replace_plan(std::int64_t id, const std::vector<InterviewQuestion>& plan) {
    return at_store_edge(db_, [&]() -> void {
        WriteTransaction tx(db_);
        require(id, InterviewChange::plan);
        auto current = find(id);
        std::vector<InterviewQuestion> rows;
        Problems missing;
        SQLite::Statement bank(db_, "SELECT topic, prompt FROM question WHERE id = ?");
        for (const auto& wanted : plan) {
            InterviewQuestion row = wanted;
            const InterviewQuestion* kept = nullptr;
            for (const auto& old : current->questions)
                if (old.question_id == wanted.question_id) kept = &old;
            if (kept) {
                row.response = kept->response;
                row.topic = kept->topic;
                row.prompt = kept->prompt;
                row.version = kept->version; // as it was planned, not as the bank has it now
            } else {
                row.version = 0; // planned now: the bank's question as it is (write_questions)
                bank.bind(1, wanted.question_id);
                if (bank.executeStep()) {
                    row.topic = bank.getColumn(0).getString();
                    row.prompt = bank.getColumn(1).getString();
                } else if (wanted.prompt.empty()) {
                    missing.push_back({"questions", fmt::format("no question '{}' in the bank", wanted.question_id)});
                }
                bank.reset();
            }
            rows.push_back(std::move(row));
        }
        throw_if_invalid("interview plan", missing);
        Interview check = *current;
        check.questions = rows;
        throw_if_invalid("interview plan", validate(check));

        write_questions(id, rows, true);
        touch(id);
        tx.commit();
    });
}

std::int64_t InterviewRepository::planned_version(const InterviewQuestion& row) {
    Question content = bank_version(statements_, row.question_id).value_or(Question{});
    content.id = row.question_id;
    content.topic = row.topic;
    content.prompt = row.prompt;
    return version_with(statements_, content);
}

// The plan with its responses, replacing what the interview had.
void InterviewRepository::write_questions(std::int64_t id, const std::vector<InterviewQuestion>& rows,
                                          bool replacing) {
    if (replacing) {
        auto clear = statements_.use("DELETE FROM interview_question WHERE interview_id = ?");
        clear->bind(1, id);
        clear->exec();
    }
    auto add = statements_.use("INSERT INTO interview_question (interview_id, position, question_id, topic, "
                               "prompt, planned_minutes, score, notes, seconds_spent, follow_ups_asked, version_id) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& r = rows[i];
        add->bind(1, id);
        add->bind(2, static_cast<int>(i));
        add->bind(3, r.question_id);
        add->bind(4, r.topic);
        add->bind(5, r.prompt);
        add->bind(6, r.planned_minutes);
        if (r.response.score.scored()) add->bind(7, r.response.score.value());
        else add->bind(7);
        add->bind(8, r.response.notes);
        add->bind(9, r.response.seconds_spent);
        add->bind(10, fmt::format("{}", fmt::join(r.response.follow_ups_asked, ",")));
        add->bind(11, r.version ? r.version : planned_version(r));
        add->exec();
        add->reset();
    }
}

std::map<std::int64_t, Question> InterviewRepository::asked(const std::vector<Interview>& interviews) {
    return at_store_edge(db_, [&] {
        std::set<std::int64_t> ids;
        for (const auto& iv : interviews)
            for (const auto& q : iv.questions)
                if (q.version) ids.insert(q.version);
        return load_versions(statements_, ids);
    });
}

std::vector<QuestionVersionUse> InterviewRepository::versions_of(const std::string& question_id) {
    return at_store_edge(db_, [&] { return panelist::versions_of(db_, question_id); });
}

std::int64_t InterviewRepository::version_for(const Question& content) {
    return at_store_edge(db_, [&] { return version_with(statements_, content); });
}

std::optional<Interview> InterviewRepository::find(std::int64_t id) {
    return at_store_edge(db_, [&]() -> std::optional<Interview> {
        SQLite::Statement row(db_, "SELECT * FROM interview WHERE id = ?");
        row.bind(1, id);
        if (!row.executeStep()) return std::nullopt;
        return read_interview(db_, row);
    });
}

std::vector<Interview> InterviewRepository::for_candidate(std::int64_t candidate_id) {
    return at_store_edge(db_, [&]() -> std::vector<Interview> {
        std::vector<Interview> out;
        SQLite::Statement row(db_, "SELECT * FROM interview WHERE candidate_id = ? ORDER BY date, id");
        row.bind(1, candidate_id);
        while (row.executeStep()) out.push_back(read_interview(db_, row));
        return out;
    });
}

std::vector<std::string> InterviewRepository::question_ids_for_candidate(std::int64_t candidate_id,
                                                                       std::int64_t except_interview) {
    return at_store_edge(db_, [&]() -> std::vector<std::string> {
        std::vector<std::string> out;
        SQLite::Statement s(db_, "SELECT DISTINCT q.question_id FROM interview_question q JOIN interview i ON "
                                 "i.id = q.interview_id WHERE i.candidate_id = ? AND i.id <> ? ORDER BY 1");
        s.bind(1, candidate_id);
        s.bind(2, except_interview);
        while (s.executeStep()) out.push_back(s.getColumn(0).getString());
        return out;
    });
}

void InterviewRepository::update_question(std::int64_t id, const std::string& question_id, const char* set_sql,
                                          const std::function<void(SQLite::Statement&)>& bind_values) {
    WriteTransaction tx(db_);
    Interview stage = require(id, InterviewChange::response);
    auto s = statements_.use(
        fmt::format("UPDATE interview_question SET {} WHERE interview_id = ? AND question_id = ?", set_sql));
    bind_values(*s);
    const int next = s->getBindParameterCount() - 1;
    s->bind(next, id);
    s->bind(next + 1, question_id);
    if (s->exec() == 0)
        throw InterviewNotFound(fmt::format("question '{}' is not planned in this interview", question_id));
    const InterviewStatus before = stage.status;
    respond(stage); // the first response starts a planned interview
    if (stage.status != before) write_status(id, stage.status);
    touch(id);
    tx.commit();
}

void InterviewRepository::set_score(std::int64_t id, const std::string& question_id, Score score) {
    return at_store_edge(db_, [&]() -> void {
        update_question(id, question_id, "score = ?", [&](SQLite::Statement& s) {
            if (score.scored()) s.bind(1, score.value());
            else s.bind(1);
        });
    });
}

void InterviewRepository::set_notes(std::int64_t id, const std::string& question_id, const std::string& notes) {
    return at_store_edge(db_, [&]() -> void {
        update_question(id, question_id, "notes = ?", [&](SQLite::Statement& s) { s.bind(1, notes); });
    });
}

void InterviewRepository::add_seconds(std::int64_t id, const std::string& question_id, int seconds) {
    return at_store_edge(db_, [&]() -> void {
        if (seconds <= 0) return;
        update_question(id, question_id, "seconds_spent = seconds_spent + ?",
                        [&](SQLite::Statement& s) { s.bind(1, seconds); });
    });
}

void InterviewRepository::set_follow_ups_asked(std::int64_t id, const std::string& question_id,
                                               const std::vector<int>& asked) {
    return at_store_edge(db_, [&]() -> void {
        update_question(id, question_id, "follow_ups_asked = ?",
                        [&](SQLite::Statement& s) { s.bind(1, fmt::format("{}", fmt::join(asked, ","))); });
    });
}

void InterviewRepository::set_overall_notes(std::int64_t id, const std::string& notes) {
    return at_store_edge(db_, [&]() -> void {
        WriteTransaction tx(db_);
        require(id, InterviewChange::overall_notes);
        SQLite::Statement s(db_, "UPDATE interview SET overall_notes = ? WHERE id = ?");
        s.bind(1, notes);
        s.bind(2, id);
        s.exec();
        touch(id);
        tx.commit();
    });
}

void InterviewRepository::set_interviewer_and_date(std::int64_t id, const std::string& interviewer,
                                                   const std::string& date) {
    return at_store_edge(db_, [&]() -> void {
        WriteTransaction tx(db_);
        require(id, InterviewChange::details);
        auto iv = *find(id);
        iv.interviewer = interviewer;
        iv.date = date;
        throw_if_invalid("interview", validate(iv));
        SQLite::Statement s(db_, "UPDATE interview SET interviewer = ?, date = ? WHERE id = ?");
        s.bind(1, interviewer);
        s.bind(2, date);
        s.bind(3, id);
        s.exec();
        touch(id);
        tx.commit();
    });
}

void InterviewRepository::start(std::int64_t id) {
    return at_store_edge(db_, [&]() -> void {
        WriteTransaction tx(db_);
        Interview stage = require(id, InterviewChange::start);
        const InterviewStatus before = stage.status;
        panelist::start(stage);
        if (stage.status != before) {
            write_status(id, stage.status);
            touch(id); // a started copy differs from a planned one: a merge must see which is newer
        }
        tx.commit();
    });
}

void InterviewRepository::submit(std::int64_t id, Recommendation recommendation) {
    return at_store_edge(db_, [&]() -> void {
        WriteTransaction tx(db_);
        require(id, InterviewChange::submit);
        auto iv = *find(id);
        panelist::submit(iv, recommendation);
        SQLite::Statement s(db_, "UPDATE interview SET status = ?, recommendation = ? WHERE id = ?");
        s.bind(1, std::string(name(iv.status)));
        s.bind(2, std::string(name(recommendation)));
        s.bind(3, id);
        s.exec();
        SQLite::Statement event(db_, "INSERT INTO interview_event (interview_id, kind) VALUES (?, 'submitted')");
        event.bind(1, id);
        event.exec();
        touch(id);
        tx.commit();
    });
}

void InterviewRepository::reopen(std::int64_t id, const std::string& reason) {
    return at_store_edge(db_, [&]() -> void {
        WriteTransaction tx(db_);
        Interview stage = require(id, InterviewChange::reopen);
        panelist::reopen(stage, reason);
        SQLite::Statement s(db_, "UPDATE interview SET status = ?, reopen_count = ? WHERE id = ?");
        s.bind(1, std::string(name(stage.status)));
        s.bind(2, stage.reopen_count);
        s.bind(3, id);
        s.exec();
        SQLite::Statement event(db_, "INSERT INTO interview_event (interview_id, kind, detail) VALUES (?, 'reopened', ?)");
        event.bind(1, id);
        event.bind(2, reason);
        event.exec();
        touch(id);
        tx.commit();
    });
}

std::int64_t InterviewRepository::write_copy(std::int64_t local_id, const Interview& iv,
                                             const std::vector<InterviewEvent>& events, const std::string& updated_at) {
    return at_store_edge(db_, [&]() -> std::int64_t {
        WriteTransaction tx(db_, WriteTransaction::Inner::join); // an import writes thousands
        std::int64_t id = local_id;
        auto row = statements_.use(id == 0 ? "INSERT INTO interview (candidate_id, interviewer, date, status, overall_notes, "
                                             "recommendation, reopen_count, updated_at, uuid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                           : "UPDATE interview SET candidate_id = ?, interviewer = ?, date = ?, status = ?, "
                                             "overall_notes = ?, recommendation = ?, reopen_count = ?, updated_at = ? "
                                             "WHERE id = ?");
        row->bind(1, iv.candidate_id);
        row->bind(2, iv.interviewer);
        row->bind(3, iv.date);
        row->bind(4, std::string(name(iv.status)));
        row->bind(5, iv.overall_notes);
        if (iv.recommendation) row->bind(6, std::string(name(*iv.recommendation)));
        else row->bind(6);
        row->bind(7, iv.reopen_count);
        row->bind(8, updated_at);
        if (id == 0) row->bind(9, iv.uuid);
        else row->bind(9, id);
        row->exec();
        if (id == 0) id = db_.getLastInsertRowid();
        const bool replacing = local_id != 0; // a new interview has nothing to clear
        write_questions(id, iv.questions, replacing);
        if (replacing) {
            auto clear = statements_.use("DELETE FROM interview_event WHERE interview_id = ?");
            clear->bind(1, id);
            clear->exec();
        }
        auto add = statements_.use("INSERT INTO interview_event (interview_id, at, kind, detail) VALUES (?, ?, ?, ?)");
        for (const auto& e : events) {
            add->bind(1, id);
            add->bind(2, e.at);
            add->bind(3, e.kind);
            add->bind(4, e.detail);
            add->exec();
            add->reset();
        }
        tx.commit();
        return id;
    });
}

std::vector<InterviewEvent> InterviewRepository::events(std::int64_t id) {
    return at_store_edge(db_, [&]() -> std::vector<InterviewEvent> {
        std::vector<InterviewEvent> out;
        SQLite::Statement s(db_, "SELECT at, kind, detail FROM interview_event WHERE interview_id = ? ORDER BY id");
        s.bind(1, id);
        while (s.executeStep())
            out.push_back({s.getColumn(0).getString(), s.getColumn(1).getString(), s.getColumn(2).getString()});
        return out;
    });
}

std::optional<InterviewPlace> InterviewRepository::place(std::int64_t id) {
    return at_store_edge(db_, [&]() -> std::optional<InterviewPlace> {
        SQLite::Statement s(db_, "SELECT p.position, p.open, coalesce(p.opened_at, ''), i.updated_at "
                                 "FROM interview_place p JOIN interview i ON i.id = p.interview_id "
                                 "WHERE p.interview_id = ?");
        s.bind(1, id);
        if (!s.executeStep()) return std::nullopt;
        return InterviewPlace{s.getColumn(0).getInt(), s.getColumn(1).getInt() != 0, s.getColumn(2).getString(),
                              s.getColumn(3).getString()};
    });
}

void InterviewRepository::set_place(std::int64_t id, int position) {
    return at_store_edge(db_, [&]() -> void {
        WriteTransaction tx(db_);
        SQLite::Statement s(db_, "INSERT INTO interview_place (interview_id, position) VALUES (?, ?) "
                                 "ON CONFLICT (interview_id) DO UPDATE SET position = excluded.position");
        s.bind(1, id);
        s.bind(2, std::max(position, 0));
        s.exec();
        tx.commit();
    });
}

void InterviewRepository::mark_open(std::int64_t id, int position) {
    return at_store_edge(db_, [&]() -> void {
        WriteTransaction tx(db_);
        SQLite::Statement s(db_, "INSERT INTO interview_place (interview_id, position, open, opened_at) "
                                 "VALUES (?, ?, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) "
                                 "ON CONFLICT (interview_id) DO UPDATE SET position = excluded.position, open = 1, "
                                 "opened_at = excluded.opened_at");
        s.bind(1, id);
        s.bind(2, std::max(position, 0));
        s.exec();
        tx.commit();
    });
}

void InterviewRepository::mark_closed(std::int64_t id) {
    return at_store_edge(db_, [&]() -> void {
        WriteTransaction tx(db_);
        SQLite::Statement s(db_, "UPDATE interview_place SET open = 0 WHERE interview_id = ?");
        s.bind(1, id);
        s.exec();
        tx.commit();
    });
}

std::vector<std::int64_t> InterviewRepository::left_open() {
    return at_store_edge(db_, [&]() -> std::vector<std::int64_t> {
        std::vector<std::int64_t> out;
        SQLite::Statement s(db_, "SELECT interview_id FROM interview_place WHERE open = 1 ORDER BY opened_at DESC");
        while (s.executeStep()) out.push_back(s.getColumn(0).getInt64());
        return out;
    });
}

bool InterviewRepository::remove(std::int64_t id) {
    return at_store_edge(db_, [&]() -> bool {
        WriteTransaction tx(db_);
        SQLite::Statement s(db_, "DELETE FROM interview WHERE id = ?");
        s.bind(1, id);
        const bool removed = s.exec() > 0;
        tx.commit();
        return removed;
    });
}

} // namespace panelist

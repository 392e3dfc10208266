#include "persistence/store/question_draft_repository.hpp"

#include "persistence/store/store_edge.hpp"

#include <SQLiteCpp/Statement.h>

namespace panelist {

void QuestionDraftRepository::mark(const std::string& id, const std::string& source) {
    at_store_edge(db_, [&] {
        SQLite::Statement stmt(db_, "INSERT INTO question_draft (question_id, source) VALUES (?, ?) "
                                    "ON CONFLICT (question_id) DO UPDATE SET source = excluded.source, level_given = 0");
        stmt.bind(1, id);
        stmt.bind(2, source);
        stmt.exec();
    });
}

std::optional<DraftState> QuestionDraftRepository::find(const std::string& id) {
    return at_store_edge(db_, [&]() -> std::optional<DraftState> {
        SQLite::Statement stmt(db_, "SELECT source, level_given FROM question_draft WHERE question_id = ?");
        stmt.bind(1, id);
        if (!stmt.executeStep()) return std::nullopt;
        return DraftState{stmt.getColumn(0).getString(), stmt.getColumn(1).getInt() != 0};
    });
}

std::map<std::string, DraftState> QuestionDraftRepository::all() {
    return at_store_edge(db_, [&] {
        std::map<std::string, DraftState> out;
        SQLite::Statement stmt(db_, "SELECT question_id, source, level_given FROM question_draft "
                                    "WHERE question_id IN (SELECT id FROM question)");
        while (stmt.executeStep())
            out.emplace(stmt.getColumn(0).getString(),
                        DraftState{stmt.getColumn(1).getString(), stmt.getColumn(2).getInt() != 0});
        return out;
    });
}

std::set<std::string> QuestionDraftRepository::ids() {
    std::set<std::string> out;
    for (auto& [id, draft] : all()) out.insert(id);
    return out;
}

void QuestionDraftRepository::level_given(const std::string& id) {
    at_store_edge(db_, [&] {
        SQLite::Statement stmt(db_, "UPDATE question_draft SET level_given = 1 WHERE question_id = ?");
        stmt.bind(1, id);
        stmt.exec();
    });
}

bool QuestionDraftRepository::finish(const std::string& id) {
    return at_store_edge(db_, [&] {
        SQLite::Statement stmt(db_, "DELETE FROM question_draft WHERE question_id = ?");
        stmt.bind(1, id);
        return stmt.exec() > 0;
    });
}

} // namespace panelist

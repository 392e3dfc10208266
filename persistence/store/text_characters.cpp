#include "persistence/store/text_characters.hpp"

#include "domain/text.hpp"

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <string>
#include <unordered_set>

namespace panelist {
namespace {

std::string quoted(const std::string& name) {
    std::string out = "\"";
    for (const char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// Tables and their text columns, every table's rather than a list kept by hand: a column added
// by a later migration is read without anyone remembering to add it here.
struct TextColumns {
    std::string table;
    std::vector<std::string> columns;
};

std::vector<TextColumns> text_columns(SQLite::Database& db) {
    std::vector<std::string> virtual_tables, tables;
    SQLite::Statement list(db, "SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
    while (list.executeStep()) {
        const std::string name = list.getColumn(0).getString();
        const std::string sql = list.getColumn(1).getString();
        (sql.rfind("CREATE VIRTUAL TABLE", 0) == 0 ? virtual_tables : tables).push_back(name);
    }
    const auto belongs_to_index = [&](const std::string& table) {
        return std::any_of(virtual_tables.begin(), virtual_tables.end(),
                           [&](const std::string& v) { return table.rfind(v + "_", 0) == 0; });
    };
    std::vector<TextColumns> out;
    for (const auto& table : tables) {
        if (belongs_to_index(table)) continue;
        TextColumns t{table, {}};
        SQLite::Statement info(db, "SELECT name, upper(type) FROM pragma_table_info(?)");
        info.bind(1, table);
        while (info.executeStep()) {
            const std::string type = info.getColumn(1).getString();
            if (type.empty() || type.find("TEXT") != std::string::npos || type.find("CHAR") != std::string::npos)
                t.columns.push_back(info.getColumn(0).getString());
        }
        if (!t.columns.empty()) out.push_back(std::move(t));
    }
    return out;
}

} // namespace

std::vector<char32_t> characters_beyond_ascii(SQLite::Database& db) {
    std::unordered_set<char32_t> seen;
    for (const auto& t : text_columns(db)) {
        // SQLite picks out the rows with a character beyond ASCII in any text column, in one
        // pass over the table: an all-English bank of 100k questions is read once, not decoded.
        std::string columns, beyond;
        for (const auto& column : t.columns) {
            const std::string c = quoted(column);
            columns += (columns.empty() ? "" : ", ") + c;
            beyond += (beyond.empty() ? "" : " OR ") + std::string("(typeof(") + c + ") = 'text' AND " + c +
                      " GLOB '*[^' || char(1) || '-' || char(127) || ']*')";
        }
        SQLite::Statement rows(db, "SELECT " + columns + " FROM " + quoted(t.table) + " WHERE " + beyond);
        while (rows.executeStep())
            for (int i = 0; i < rows.getColumnCount(); ++i) {
                const SQLite::Column value = rows.getColumn(i);
                if (!value.isText()) continue;
                for (const char32_t code : code_points(value.getText()))
                    if (code >= 0x80) seen.insert(code);
            }
    }
    std::vector<char32_t> out(seen.begin(), seen.end());
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace panelist

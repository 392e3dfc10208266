// Which characters the database's text uses, so the window can have a glyph for each: a name,
// a note or a question in any script is drawn, not shown as "?" (ui/app/fonts.cpp).
#pragma once
#include <SQLiteCpp/Database.h>

#include <vector>

namespace panelist {

// Every character beyond ASCII in any text column of any table, sorted, each once. The search
// index's own tables are left out: they hold the questions' words again.
std::vector<char32_t> characters_beyond_ascii(SQLite::Database& db);

} // namespace panelist

#include "persistence/search_tokens.hpp"

#include <SQLiteCpp/Statement.h>
#include <array>
#include <sqlite3.h>
#include <stdexcept>

namespace panelist {
namespace {

// The documented way to reach the FTS5 C API from a connection: SELECT fts5(?1) with a pointer.
fts5_api* fts5_of(SQLite::Database& db) {
    fts5_api* api = nullptr;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db.getHandle(), "SELECT fts5(?1)", -1, &stmt, nullptr) == SQLITE_OK) {
        sqlite3_bind_pointer(stmt, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
        sqlite3_step(stmt);
    }
    sqlite3_finalize(stmt);
    if (!api) throw std::runtime_error("this SQLite has no FTS5");
    return api;
}

int collect(void* out, int /*flags*/, const char* token, int size, int /*start*/, int /*end*/) {
    static_cast<std::vector<std::string>*>(out)->emplace_back(token, static_cast<std::size_t>(size));
    return SQLITE_OK;
}

} // namespace

SearchTokenizer::SearchTokenizer(SQLite::Database& db) {
    fts5_api* api = fts5_of(db);
    void* user_data = nullptr;
    if (api->xFindTokenizer(api, "porter", &user_data, &methods_) != SQLITE_OK)
        throw std::runtime_error("FTS5 has no porter tokenizer");
    // The same arguments as the table's tokenize option (search_index.cpp).
    std::array<const char*, 3> args{"unicode61", "remove_diacritics", "2"};
    if (methods_.xCreate(user_data, args.data(), static_cast<int>(args.size()), &tokenizer_) != SQLITE_OK)
        throw std::runtime_error("cannot create the FTS5 porter tokenizer");
}

SearchTokenizer::~SearchTokenizer() {
    if (tokenizer_) methods_.xDelete(tokenizer_);
}

std::vector<std::string> SearchTokenizer::terms(std::string_view text, int flags) const {
    std::vector<std::string> out;
    methods_.xTokenize(tokenizer_, &out, flags, text.data(), static_cast<int>(text.size()), collect);
    return out;
}

std::vector<std::string> SearchTokenizer::document_terms(std::string_view text) const {
    return terms(text, FTS5_TOKENIZE_DOCUMENT);
}

std::vector<std::string> SearchTokenizer::query_terms(std::string_view text) const {
    return terms(text, FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX);
}

} // namespace panelist

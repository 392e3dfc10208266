#include "persistence/search/search_tokens.hpp"

#include "persistence/search/fts5.hpp"

#include <array>
#include <sqlite3.h>
#include <stdexcept>

namespace panelist {
namespace {

int collect(void* out, int /*flags*/, const char* token, int size, int /*start*/, int /*end*/) {
    static_cast<std::vector<std::string>*>(out)->emplace_back(token, static_cast<std::size_t>(size));
    return SQLITE_OK;
}

struct Words {
    std::string_view text;
    std::vector<SearchTokenizer::Word> out;
};

int collect_word(void* out, int /*flags*/, const char* token, int size, int start, int end) {
    auto* words = static_cast<Words*>(out);
    words->out.push_back({std::string(token, static_cast<std::size_t>(size)),
                          std::string(words->text.substr(static_cast<std::size_t>(start),
                                                         static_cast<std::size_t>(end - start)))});
    return SQLITE_OK;
}

} // namespace

SearchTokenizer::SearchTokenizer(SQLite::Database& db) {
    fts5_api* api = fts5_api_of(db);
    void* user_data = nullptr;
    if (api->xFindTokenizer(api, "porter", &user_data, &methods_) != SQLITE_OK)
        throw std::runtime_error("FTS5 has no porter tokenizer");
    // The same arguments as the table's tokenize option (search_index.cpp).
    std::array<const char*, 5> args{"unicode61", "remove_diacritics", "2", "categories", "L* N* Co So"};
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

std::vector<SearchTokenizer::Word> SearchTokenizer::document_words(std::string_view text) const {
    Words words{text, {}};
    methods_.xTokenize(tokenizer_, &words, FTS5_TOKENIZE_DOCUMENT, text.data(), static_cast<int>(text.size()),
                       collect_word);
    return std::move(words.out);
}

} // namespace panelist

// The words FTS5 makes of a text: the index's own tokenizer (porter over unicode61 without
// diacritics), borrowed through the fts5_api, so Panelist can keep a list of the indexed terms
// and expand the word a user is typing into the terms it may become.
#pragma once
#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

#include <string>
#include <string_view>
#include <vector>

namespace panelist {

class SearchTokenizer {
public:
    explicit SearchTokenizer(SQLite::Database&);
    ~SearchTokenizer();
    SearchTokenizer(const SearchTokenizer&) = delete;
    SearchTokenizer& operator=(const SearchTokenizer&) = delete;

    // The terms the index stores for a document text ("Monitoring models" -> monitor, model).
    std::vector<std::string> document_terms(std::string_view text) const;
    // The terms of a word typed in a search, as FTS5 would look them up.
    std::vector<std::string> query_terms(std::string_view text) const;
    // Each term of a document text with the word it was made from ("batching" for batch): a
    // MATCH is given the word, which FTS5 stems to the same term (a stem stemmed again may not be).
    struct Word {
        std::string term;
        std::string word;
    };
    std::vector<Word> document_words(std::string_view text) const;

private:
    std::vector<std::string> terms(std::string_view text, int flags) const;
    fts5_tokenizer methods_{};
    Fts5Tokenizer* tokenizer_ = nullptr;
};

} // namespace panelist

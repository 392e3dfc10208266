// The questions of the bank closest to a text: what a curator already has like the question
// being written (docs/curation.md, "Closeness").
//
// Closeness comes from the search index, not a second one. The text's terms (porter stems, as
// the index holds them) are weighted as BM25 weighs them: rarer terms count more (IDF from the
// index's term counts), repeats count less and less (k1 = 1.2), long texts are evened out
// (b = 0.75), and a term of the prompt counts as three of the answer. The index finds the
// questions sharing the text's most telling terms; each is then compared with the text as a
// whole: closeness is the cosine of the two weighted term vectors, from 0 (no term in common)
// to 1 (the same terms in the same proportions). A prompt with no answer yet is compared with
// the other questions' prompts only.
//
// The bank's size and average lengths are read when the object is made: make one per use (a
// command, an editing session).
#pragma once
#include <SQLiteCpp/Database.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace panelist {

class SearchTokenizer;

struct SimilarQuestion {
    std::string id;
    std::string prompt;
    double closeness = 0; // 0..1
};

class SimilarQuestions {
public:
    // Below this closeness a question shares a word or two by chance and is not listed.
    static constexpr double least_closeness = 0.10;

    explicit SimilarQuestions(SQLite::Database&);
    ~SimilarQuestions();

    // The `limit` closest questions, closest first, leaving out the question `except_id` (the
    // one being edited) and any below least_closeness.
    std::vector<SimilarQuestion> closest(std::string_view prompt, std::string_view answer, int limit,
                                         std::string_view except_id = {});

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace panelist

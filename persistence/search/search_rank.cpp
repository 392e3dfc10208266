#include "persistence/search/search_rank.hpp"

#include "persistence/search/fts5.hpp"

#include <array>
#include <cmath>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <memory>
#include <sqlite3.h>
#include <sstream>
#include <stdexcept>

namespace panelist {
namespace {

// Column weights, in table order: prompt, answer, follow_ups, rubric, tags, facets. A word in
// the prompt or the tags is the best hit; the facets column holds filter tokens only.
constexpr std::array<double, 6> column_weight{10.0, 1.0, 2.0, 1.0, 5.0, 0.0};
constexpr double k1 = 1.2; // FTS5's bm25() constants
constexpr double b = 0.75;

// What one search needs for every row: each phrase's IDF and the average row length.
struct QueryData {
    std::vector<double> idf;
    double average_length = 1.0;
};

QueryData* query_data(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_value* documents_arg) {
    if (auto* data = static_cast<QueryData*>(api->xGetAuxdata(fts, 0))) return data;
    auto data = std::make_unique<QueryData>();
    sqlite3_int64 rows = 0, tokens = 0;
    api->xRowCount(fts, &rows);
    api->xColumnTotalSize(fts, -1, &tokens);
    data->average_length = rows > 0 ? std::max(1.0, static_cast<double>(tokens) / static_cast<double>(rows)) : 1.0;
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(documents_arg));
    std::istringstream in(text ? text : "");
    const int phrases = api->xPhraseCount(fts);
    for (int i = 0; i < phrases; ++i) {
        double documents = 0;
        if (!(in >> documents)) documents = static_cast<double>(rows) / 2; // unknown: neutral
        // As bm25(): a phrase in more than half the rows is barely worth anything.
        const double idf = std::log((static_cast<double>(rows) - documents + 0.5) / (documents + 0.5));
        data->idf.push_back(idf > 1e-6 ? idf : 1e-6);
    }
    QueryData* raw = data.release();
    if (api->xSetAuxdata(fts, raw, [](void* p) { delete static_cast<QueryData*>(p); }) != SQLITE_OK) return nullptr;
    return raw;
}

void panelist_rank(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* result, int argc,
                   sqlite3_value** argv) {
    if (argc != 1) {
        sqlite3_result_error(result, "panelist_rank(question_fts, documents) takes one argument", -1);
        return;
    }
    const QueryData* data = query_data(api, fts, argv[0]);
    if (!data) {
        sqlite3_result_error_nomem(result);
        return;
    }
    std::vector<double> frequency(data->idf.size(), 0.0);
    int hits = 0;
    api->xInstCount(fts, &hits);
    for (int i = 0; i < hits; ++i) {
        int phrase = 0, column = 0, offset = 0;
        if (api->xInst(fts, i, &phrase, &column, &offset) != SQLITE_OK) continue;
        if (phrase >= 0 && static_cast<std::size_t>(phrase) < frequency.size() && column >= 0 &&
            static_cast<std::size_t>(column) < column_weight.size())
            frequency[static_cast<std::size_t>(phrase)] += column_weight[static_cast<std::size_t>(column)];
    }
    int length = 0;
    api->xColumnSize(fts, -1, &length);
    const double norm = k1 * (1 - b + b * static_cast<double>(length) / data->average_length);
    double score = 0;
    for (std::size_t p = 0; p < frequency.size(); ++p)
        score += data->idf[p] * frequency[p] * (k1 + 1) / (frequency[p] + norm);
    sqlite3_result_double(result, -score);
}


} // namespace

void register_search_rank(SQLite::Database& db) {
    fts5_api* api = fts5_api_of(db);
    if (api->xCreateFunction(api, "panelist_rank", nullptr, panelist_rank, nullptr) != SQLITE_OK)
        throw std::runtime_error("cannot add panelist_rank to FTS5");
}

std::string phrase_documents_argument(const std::vector<std::int64_t>& documents) {
    return fmt::format("{}", fmt::join(documents, " "));
}

} // namespace panelist

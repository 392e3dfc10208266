#include "persistence/reports/practice_record_formats.hpp"

#include "persistence/reports/comparison_formats.hpp"

#include <cmath>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace panelist {
namespace {

using nlohmann::ordered_json;

double rounded(double x) { return std::round(x * 10000.0) / 10000.0; }

ordered_json accuracy_json(const std::vector<PracticeItemScore>& items) {
    const auto a = practice_accuracy(items);
    ordered_json j{{"items", a.items},
                   {"mean_absolute_error", rounded(a.mean_absolute_error)},
                   {"within_one", rounded(a.within_one)},
                   {"bias", rounded(a.bias)}};
    if (a.components) {
        const auto& c = *a.components;
        j["components"] = ordered_json{{"questions", c.questions},
                                       {"ranks", c.ranks},
                                       {"elevation", rounded(c.elevation)},
                                       {"differential_elevation", rounded(c.differential_elevation)},
                                       {"stereotype_accuracy", rounded(c.stereotype_accuracy)},
                                       {"differential_accuracy", rounded(c.differential_accuracy)}};
    } else {
        j["components"] = nullptr;
    }
    return j;
}

std::vector<PracticeItemScore> items_of(const PracticeSession& s) {
    std::vector<PracticeItemScore> out;
    for (const auto& r : s.scores) out.push_back(r.score);
    return out;
}

} // namespace

std::string practice_record_json(const std::string& interviewer, const std::vector<PracticeSession>& sessions) {
    std::vector<PracticeItemScore> all;
    ordered_json list = ordered_json::array();
    for (const auto& s : sessions) {
        const auto items = items_of(s);
        all.insert(all.end(), items.begin(), items.end());
        ordered_json scores = ordered_json::array();
        for (const auto& r : s.scores)
            scores.push_back({{"question_id", r.score.question_id},
                              {"sample", r.score.sample + 1},
                              {"given", r.score.given},
                              {"reference", r.score.reference},
                              {"why", r.why}});
        list.push_back({{"started_at", s.started_at},
                        {"practised", s.practised},
                        {"accuracy", accuracy_json(items)},
                        {"scores", std::move(scores)}});
    }
    const ordered_json j{{"format", "panelist-practice-record"},
                         {"version", 1},
                         {"interviewer", interviewer},
                         {"accuracy", accuracy_json(all)},
                         {"sessions", std::move(list)}};
    return j.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

std::string practice_record_csv(const std::vector<PracticeSession>& sessions) {
    std::string out = "interviewer,session,started_at,practised,question_id,sample,given,reference,difference,why\r\n";
    int number = 0;
    for (const auto& s : sessions) {
        ++number;
        for (const auto& r : s.scores)
            out += fmt::format("{},{},{},{},{},{},{},{},{:+d},{}\r\n", csv_field(s.interviewer), number,
                               csv_field(s.started_at), csv_field(s.practised), csv_field(r.score.question_id),
                               r.score.sample + 1, r.score.given, r.score.reference, r.score.given - r.score.reference,
                               csv_field(r.why));
    }
    return out;
}

} // namespace panelist

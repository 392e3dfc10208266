// agreement: how far a panel's interviewers agree, from a ratings CSV, with readings in words.
#include "domain/agreement.hpp"
#include "ui/cli/terminal.hpp"
#include "persistence/formats/question_file.hpp"
#include "persistence/formats/ratings_csv.hpp"
#include "ui/cli/commands.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace panelist {
namespace {


std::string icc_section(const RatingsMatrix& m) {
    IntraclassCorrelations icc;
    try {
        icc = intraclass_correlations(m);
    } catch (const AgreementError& e) {
        // Common when every candidate misses someone's score; alpha below still works.
        return fmt::format("Intraclass correlation: not computed. {}.\n", e.what());
    }
    std::string out = fmt::format(
        "Intraclass correlation (Shrout & Fleiss 1979), on the {} scored by all {} interviewers",
        plural(icc.candidates_used, "candidate"), icc.interviewers);
    if (icc.candidates_skipped > 0)
        out += fmt::format(" ({} left out: a score is missing)",
                           plural(icc.candidates_skipped, "candidate"));
    out += ":\n";
    const std::string k = std::to_string(icc.interviewers);
    const std::string mean_of = fmt::format("the mean of {} scores", icc.interviewers);
    const struct {
        std::string name;
        const std::optional<double>& value;
        std::string meaning;
    } rows[] = {
        {"ICC(1,1)", icc.icc1_1, "one interviewer's score; interviewers differ per candidate"},
        {"ICC(2,1)", icc.icc2_1, "one interviewer's score; absolute agreement"},
        {"ICC(3,1)", icc.icc3_1, "one interviewer's score; consistency (same order)"},
        {"ICC(1," + k + ")", icc.icc1_k, mean_of + "; interviewers differ per candidate"},
        {"ICC(2," + k + ")", icc.icc2_k, mean_of + "; absolute agreement"},
        {"ICC(3," + k + ")", icc.icc3_k, mean_of + "; consistency (same order)"},
    };
    for (const auto& r : rows) {
        if (r.value)
            out += fmt::format("  {:<9} {:>6.3f}  {:<12} {}\n", r.name, shown_rounded(*r.value, 3),
                               to_string(koo_li_reading(*r.value)), r.meaning);
        else
            out += fmt::format("  {:<9} {:>6}  {:<12} {}\n", r.name, "-", "undefined", r.meaning);
    }
    return out;
}

// Throws AgreementError when no candidate has two scores: then there is nothing to compare.
std::string alpha_section(const RatingsMatrix& m) {
    std::string lines;
    KrippendorffAlpha any;
    for (auto level :
         {LevelOfMeasurement::nominal, LevelOfMeasurement::ordinal, LevelOfMeasurement::interval}) {
        const KrippendorffAlpha a = krippendorff_alpha(m, level);
        any = a;
        if (a.value)
            lines += fmt::format("  {:<9} {:>6.3f}  {:<12} {}\n", to_string(level), shown_rounded(*a.value, 3),
                                 to_string(koo_li_reading(*a.value)),
                                 to_string(krippendorff_reading(*a.value)));
        else
            lines += fmt::format("  {:<9} {:>6}  undefined    every score is the same\n",
                                 to_string(level), "-");
    }
    return fmt::format("Krippendorff's alpha, on the {} scored by 2 or more interviewers ({}):\n",
                       plural(any.pairable_candidates, "candidate"),
                       plural(any.pairable_scores, "score")) +
           lines;
}

// Once for both sections: ICC may be missing, alpha never is when a report is printed.
constexpr std::string_view readings = "Readings: Koo & Li (2016): below 0.50 poor, 0.50-0.75 "
                                      "moderate, 0.75-0.90 good, above 0.90 excellent.\n"
                                      "          Krippendorff, for alpha: 0.800 and above "
                                      "reliable, 0.667-0.800 tentative, below not reliable.\n";

std::string leniency_section(const RatingsMatrix& m) {
    const auto leniency = interviewer_leniency(m);
    std::size_t width = 0; // in characters, as fmt pads UTF-8
    for (const auto& l : leniency)
        width = std::max(width, static_cast<std::size_t>(std::count_if(
                                    l.interviewer.begin(), l.interviewer.end(), [](char c) {
                                        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
                                    })));
    std::string out =
        "Leniency: each interviewer's score minus the other interviewers' mean on the "
        "same candidates (+ lenient, - strict):\n";
    for (const auto& l : leniency) {
        if (l.mean_deviation)
            out += fmt::format("  {:<{}}  {:+.2f}  on {}\n", l.interviewer, width,
                               shown_deviation(*l.mean_deviation), plural(l.candidates, "candidate"));
        else
            out += fmt::format("  {:<{}}  {:>5}  shares no candidate with another interviewer\n",
                               l.interviewer, width, "-");
    }
    return out;
}

} // namespace

int agreement_command(const std::filesystem::path& ratings_file) {
    std::string report;
    try {
        const RatingsMatrix m = read_ratings_csv(ratings_file);
        // Everything is computed before anything is printed: a failure leaves stdout empty.
        report = fmt::format("{}: {}, {}\n\n", ratings_file.string(),
                             plural(m.candidate_count(), "candidate"),
                             plural(m.interviewer_count(), "interviewer"));
        const std::string alpha = alpha_section(m);
        report += icc_section(m) + "\n" + alpha + "\n" + std::string(readings) + "\n" +
                  leniency_section(m);
    } catch (const FileError& e) {
        say_err("{}\n", e.what());
        return exit_user_error;
    } catch (const AgreementError& e) {
        say_err("{}: cannot measure agreement: {}.\n", ratings_file.string(), e.what());
        return exit_user_error;
    }
    say("{}", report);
    return exit_ok;
}

} // namespace panelist

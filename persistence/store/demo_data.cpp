#include "persistence/store/demo_data.hpp"
#include "persistence/store/store_edge.hpp"

#include "domain/plan_assembly.hpp"
#include "persistence/store/interview_repository.hpp"
#include "persistence/store/people_repository.hpp"
#include "persistence/store/question_repository.hpp"
#include "persistence/store/question_set_repository.hpp"
#include "persistence/sqlite/write_transaction.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <set>

namespace panelist {
namespace {

struct DemoCandidate {
    const char* name;
    Level level;
    int strength; // 1..5: how well they answer on average
    const char* notes;
};

constexpr std::array<DemoCandidate, 5> candidates{{
    {"Amara Okafor", Level::senior, 5, "Referred by the platform team. Ran ML infra at a fintech for 4 years."},
    {"Bruno Castell", Level::senior, 3, "Strong data engineering background; less serving experience."},
    {"Chen Wei", Level::junior, 4, "New grad, internship on a feature store project."},
    {"Dalia Haddad", Level::junior, 2, "Career switcher from backend; self-taught ML."},
    {"Erik Lindqvist", Level::senior, 4, "Kubernetes-heavy SRE moving into MLOps."},
}};

constexpr std::array<const char*, 3> interviewers{"Ana Ruiz", "Ben Ito", "Chloe Martin"};

// Notes an interviewer might write for an answer of each score.
constexpr std::array<std::array<const char*, 2>, 5> notes_by_score{{
    {"Could not get started; guessed at terms.", "Confused the concepts; no concrete example."},
    {"Knew the names, not how they work. Needed heavy prompting.", "Partial answer; missed the main risk."},
    {"Solid basics, one concrete example. Did not discuss trade-offs.",
     "Correct but generic; follow-up on scale was weak."},
    {"Clear and structured; named tools and a real incident.", "Good depth; caught the edge case after one hint."},
    {"Excellent: trade-offs, numbers, and what they would monitor.",
     "Best answer of the loop; taught me something about rollback."},
}};

// A tiny deterministic generator, so the demo is the same on every run.
struct Dice {
    std::uint64_t state;
    int roll(int n) {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<int>((state >> 33) % static_cast<std::uint64_t>(n));
    }
};

Recommendation recommend(double mean) {
    if (mean >= 4.2) return Recommendation::strong_yes;
    if (mean >= 3.2) return Recommendation::yes;
    if (mean >= 2.3) return Recommendation::no;
    return Recommendation::strong_no;
}

} // namespace

DemoSummary fill_demo(Database& db) {
    return at_store_edge(db.sql(), [&]() -> DemoSummary {
        QuestionRepository questions(db);
        QuestionSetRepository sets(db);
        PeopleRepository people(db);
        InterviewRepository interviews(db);
        const auto bank = questions.all();
        if (bank.empty()) throw DatabaseError(fmt::format("{}: the bank is empty; import questions first", db.path().string()));

        DemoSummary summary;
        WriteTransaction tx(db.sql());
        Loop loop;
        loop.name = "MLOps Engineer, Berlin, 2026-Q4";
        loop.role = "MLOps Engineer";
        people.save(loop);
        ++summary.loops;

        Dice dice{20261123};
        int candidate_index = 0;
        for (const auto& spec : candidates) {
            Candidate c;
            c.name = spec.name;
            c.loop_id = loop.id;
            c.level = spec.level;
            c.role = loop.role;
            c.notes = spec.notes;
            people.save(c);
            ++summary.candidates;

            // The first role set of the candidate's level for the first interview (comparable
            // across candidates), assembled lists for the others.
            std::optional<QuestionSet> role_set;
            for (const auto& s : sets.all())
                if (s.level == spec.level && !role_set) role_set = s;
            std::set<std::string> asked;
            const int interview_count = candidate_index == 4 ? 2 : 3;
            for (int k = 0; k < interview_count; ++k) {
                PlannedList plan;
                if (k == 0 && role_set) {
                    plan = plan_from_set(*role_set, bank, asked);
                } else {
                    PlanRequest request;
                    request.level = spec.level;
                    request.budget_minutes = 45;
                    request.seed = static_cast<std::uint64_t>(candidate_index * 10 + k + 1);
                    request.exclude = asked;
                    plan = assemble_plan(bank, request);
                }
                for (const auto& q : plan.questions) asked.insert(q.question_id);
                Interview iv;
                iv.candidate_id = c.id;
                iv.interviewer = interviewers[static_cast<std::size_t>(k)];
                iv.date = fmt::format("2026-11-{:02}", 10 + candidate_index * 2 + k);
                iv.questions = plan.questions;
                interviews.create(iv);
                ++summary.interviews;

                // The last candidate's second interview is still planned; one other is mid-call.
                const bool planned_only = candidate_index == 4 && k == 1;
                const bool in_progress = candidate_index == 3 && k == 2;
                if (planned_only) continue;
                const std::size_t answered = in_progress ? iv.questions.size() / 2 : iv.questions.size();
                int sum = 0, n = 0;
                for (std::size_t i = 0; i < answered; ++i) {
                    const auto& q = iv.questions[i];
                    // Interviewers differ a little: Ben is harsher, Chloe kinder.
                    const int bias = k == 1 ? -1 : (k == 2 ? 1 : 0);
                    const int score = std::clamp(spec.strength + bias + dice.roll(3) - 1, 1, 5);
                    interviews.set_score(iv.id, q.question_id, Score::of(score));
                    interviews.set_notes(iv.id, q.question_id,
                                         notes_by_score[static_cast<std::size_t>(score - 1)][static_cast<std::size_t>(dice.roll(2))]);
                    interviews.add_seconds(iv.id, q.question_id, q.planned_minutes * 60 + (dice.roll(7) - 3) * 40);
                    if (dice.roll(2) == 0) interviews.set_follow_ups_asked(iv.id, q.question_id, {0});
                    sum += score;
                    ++n;
                }
                if (in_progress) continue;
                const double mean = n ? double(sum) / n : 0;
                interviews.set_overall_notes(iv.id, fmt::format("{}. Average {:.1f} over {} questions.",
                                                                mean >= 3.5 ? "Would hire for this level"
                                                                            : "Not ready for this level yet",
                                                                mean, n));
                interviews.submit(iv.id, recommend(mean));
            }
            ++candidate_index;
        }
        tx.commit();
        return summary;
    });
}

} // namespace panelist

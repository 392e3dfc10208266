// The Library's duplicate review (docs/curation.md): pairs of questions close enough to be one,
// closest first, each shown side by side with what real loops did with it, and the three ways to
// settle a pair: merge one into the other, make one different (in the editor), or keep both on
// purpose. Keyboard first, as the rest of the Library.
#pragma once
#include "domain/question.hpp"
#include "persistence/store/curation_repository.hpp"
#include "ui/context/store_cache.hpp"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace panelist {

class AppContext;

class DuplicateReview {
public:
    static constexpr int default_percent = 25, least_percent = 10, step_percent = 5;

    // Returns the id of a question to open in the editor ("make different"), once.
    std::optional<std::string> draw(AppContext&);
    // True while the bank is still being compared: the window keeps drawing frames.
    bool scanning() const { return scan_ && !scan_->done(); }

    // For tests: the pairs listed now and the one selected.
    const std::vector<DuplicatePair>& pairs() const { return pairs_; }
    int selected() const { return selected_; }
    int min_percent() const { return min_percent_; }

private:
    enum class Confirm { none, merge_into_first, merge_into_second };
    void draw_pair(AppContext&, const DuplicatePair&);
    void draw_side(const std::optional<Question>&, int times_asked);
    void merge(AppContext&, const std::string& keep, const std::string& drop);

    int min_percent_ = default_percent;
    int selected_ = 0;
    bool moved_ = false; // the curator chose a pair since the last comparison began
    Confirm confirm_ = Confirm::none;
    std::vector<DuplicatePair> pairs_;
    // Compared again when the bank changes or the threshold moves, a slice per frame.
    std::unique_ptr<DuplicateScan> scan_;
    StoreVersion scanned_version_;
    int scanned_percent_ = 0;
    void update_scan(AppContext&);
    StoreCache<std::pair<std::string, std::string>, std::pair<std::optional<Question>, std::optional<Question>>> shown_;
    StoreCache<bool, std::map<std::string, int>> times_asked_;
};

} // namespace panelist

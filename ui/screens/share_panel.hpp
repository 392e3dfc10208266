// Sharing scorecards between laptops from the window: export an interview or a whole loop as a
// bundle, and merge bundles from other interviewers (the same as `panelist bundle`).
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace panelist {

class AppContext;

class SharePanel {
public:
    void draw(AppContext&);
    const std::vector<std::string>& log() const { return log_; }
    bool failed() const { return error_; }

    // What the buttons do, also for tests.
    void export_interview(AppContext&, const std::string& path);
    void export_loop(AppContext&, const std::string& path);
    // `paths`: one or more files separated by ';'. A loop or candidate named like one here but
    // made on another laptop stops the merge: the panel shows the matches and asks.
    void merge(AppContext&, const std::string& paths);
    // The answer to that question: take them as one (merge again), or leave it.
    bool asking() const { return !asked_paths_.empty(); }
    void take_as_one(AppContext&);
    void cancel_merge();

private:
    void merge(AppContext&, const std::vector<std::filesystem::path>&, bool same_names_are_one);
    std::vector<std::filesystem::path> asked_paths_; // waiting for the answer
    std::string export_path_;
    std::string import_paths_;
    std::vector<std::string> log_;
    bool error_ = false;
};

} // namespace panelist

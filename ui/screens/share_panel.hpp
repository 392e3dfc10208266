// Sharing scorecards between laptops from the window: export an interview or a whole loop as a
// bundle, and merge bundles from other interviewers (the same as `panelist bundle`).
#pragma once
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
    // `paths`: one or more files separated by ';'.
    void merge(AppContext&, const std::string& paths);

private:
    std::string export_path_;
    std::string import_paths_;
    std::vector<std::string> log_;
    bool error_ = false;
};

} // namespace panelist

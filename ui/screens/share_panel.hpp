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

private:
    std::string export_path_;
    std::string import_paths_;
    std::vector<std::string> log_;
    bool error_ = false;
};

} // namespace panelist

// The export row Report and Compare share: a folder, a format (F picks the next), and X to write
// the file there atomically. What happened is told on the status line, as everywhere.
#pragma once
#include <functional>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace panelist {

class AppContext;

class ExportBar {
public:
    struct Format {
        const char* label;
        const char* extension; // without the dot
    };
    // The file for a format (an index into the formats): its name without the extension, and
    // its bytes.
    using Render = std::function<std::pair<std::string, std::string>(int format)>;

    explicit ExportBar(std::vector<Format> formats) : formats_(std::move(formats)) {}
    void draw(AppContext&, const Render&);
    // Writes the chosen format now; false (and said on the status line) if it could not.
    bool export_now(AppContext&, const Render&);

    void set_folder(std::string folder) { folder_ = std::move(folder); }
    const std::string& folder() const { return folder_; }
    int format() const { return format_; }

private:
    std::vector<Format> formats_;
    std::string folder_; // the user's home folder until they type another
    int format_ = 0;
};

} // namespace panelist

// The team folder on disk: a folder that some sync engine (git, Syncthing, a network share, a
// cloud drive) keeps in step between the interviewers' laptops. Panelist only reads and writes
// files in it; it has no network code. Layout:
//
//   loops/<loop uuid>.json            loop kits: the loop, its candidates, who interviews whom
//   scorecards/<interview uuid>.json  one submitted interview each (a scorecard bundle)
//   erased/<candidate uuid>.json      tombstones: this candidate was erased; erase it too
//
// Files are written atomically (a hidden temporary file renamed over the name), so a reader
// never sees half of a file Panelist wrote; a sync engine may still deliver one half-written,
// which reading notices and leaves for the next scan.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace panelist {

// The folder is not there, or not a folder (an unmounted drive, a moved share).
class TeamFolderMissing : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// One file of the folder as a scan saw it.
struct TeamFile {
    std::string name; // relative to the folder, e.g. "scorecards/5f0c....json"
    std::int64_t size = 0;
    std::int64_t mtime_ns = 0;
    bool operator==(const TeamFile&) const = default;
};

class TeamFolder {
public:
    static constexpr const char* kits = "loops";
    static constexpr const char* scorecards = "scorecards";
    static constexpr const char* erased = "erased";

    // Throws TeamFolderMissing when `root` is not an existing folder.
    explicit TeamFolder(std::filesystem::path root);
    const std::filesystem::path& root() const { return root_; }

    // The .json files of one part of the folder, in name order. Hidden files (temporary files
    // of Panelist and of sync engines) are left out; a part not there yet is empty.
    std::vector<TeamFile> list(const char* part) const;
    // The file's bytes, or nothing when it went away meanwhile or changed while it was read
    // (a sync engine writing it): the next scan reads it again.
    std::optional<std::string> read(const TeamFile&) const;
    // Writes atomically (mode 0640: a shared drive's group may read it) and returns the file as
    // it now is, so the next scan knows it already. Throws FileError when it cannot.
    TeamFile write(const char* part, const std::string& file_name, const std::string& bytes) const;
    // Removes a file if it is there (an erased candidate's scorecards).
    void remove(const char* part, const std::string& file_name) const;

private:
    std::filesystem::path root_;
};

// A tombstone's text, and its reading; nullopt when the text is not one.
std::string write_tombstone(const std::string& candidate_uuid, const std::string& at);
std::optional<std::string> read_tombstone(const std::string& text);

} // namespace panelist

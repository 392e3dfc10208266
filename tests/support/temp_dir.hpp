// A fresh folder per test, removed afterwards, plus small file helpers.
#pragma once
#include <filesystem>
#include <string>

namespace panelist::test {

class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

std::string read_file(const std::filesystem::path&);
void write_file(const std::filesystem::path&, const std::string& bytes);

} // namespace panelist::test

#include "persistence/files/files.hpp"

#include "persistence/files/file_problem.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace panelist {
namespace fs = std::filesystem;
namespace {
[[noreturn]] void fail(const fs::path& path, const std::string& message) {
    throw FileError({{path.string(), {}, "", message}});
}
} // namespace

std::string read_text_file(const fs::path& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) fail(path, "no such file");
    if (fs::is_directory(path, ec)) fail(path, "is a folder, not a file");
    const auto size = fs::file_size(path, ec);
    if (!ec && size > max_input_file_bytes)
        fail(path, fmt::format("is {} MiB; files over {} MiB are refused", size >> 20,
                               max_input_file_bytes >> 20));
    std::ifstream in(path, std::ios::binary);
    if (!in) fail(path, fmt::format("cannot be read: {}", std::strerror(errno)));
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

std::vector<NamedText> read_text_files(const std::vector<fs::path>& paths) {
    std::vector<NamedText> texts;
    std::vector<FileProblem> problems;
    for (const auto& path : paths) {
        try {
            texts.push_back({path.string(), read_text_file(path)});
        } catch (const FileError& e) {
            problems.insert(problems.end(), e.problems().begin(), e.problems().end());
        }
    }
    if (!problems.empty()) throw FileError(std::move(problems));
    return texts;
}

void write_file_atomically(const fs::path& path, const std::string& bytes, mode_t mode) {
    const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
    std::string temp = (dir / ("." + path.filename().string() + ".XXXXXX")).string();
    const int fd = ::mkstemp(temp.data());
    if (fd < 0) fail(path, fmt::format("cannot be written: {}", std::strerror(errno)));
    auto give_up = [&](const char* what) {
        const std::string reason = std::strerror(errno);
        ::close(fd);
        ::unlink(temp.c_str());
        fail(path, fmt::format("cannot be written ({}): {}", what, reason));
    };
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            give_up("write");
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fchmod(fd, mode) != 0) give_up("chmod");
    if (::fsync(fd) != 0) give_up("fsync");
    if (::close(fd) != 0) {
        ::unlink(temp.c_str());
        fail(path, fmt::format("cannot be written: {}", std::strerror(errno)));
    }
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        const std::string reason = std::strerror(errno);
        ::unlink(temp.c_str());
        fail(path, fmt::format("cannot be written (rename): {}", reason));
    }
    if (const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
        ::fsync(dfd); // make the rename itself durable
        ::close(dfd);
    }
}

} // namespace panelist

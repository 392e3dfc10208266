#include "persistence/files/files.hpp"

#include "persistence/files/file_problem.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

namespace panelist {
namespace fs = std::filesystem;
namespace {
[[noreturn]] void fail(const fs::path& path, const std::string& message) {
    throw FileError({{path.string(), {}, "", message}});
}
} // namespace

std::string read_text_file(const fs::path& path, std::uintmax_t limit_bytes, FileKinds kinds) {
    // Bounded by what is read, not by what the file says it is: a pipe, a FIFO, a device such
    // as /dev/zero or standard input has no size to check first.
    const bool regular_only = kinds == FileKinds::regular_only;
    // O_NONBLOCK: opening a FIFO waits for a writer otherwise; for a regular file it changes nothing.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | (regular_only ? O_NONBLOCK | O_NOFOLLOW : 0));
    if (fd < 0) {
        if (errno == ENOENT) fail(path, "no such file");
        if (errno == ELOOP && regular_only) fail(path, "is a symbolic link, not a file");
        fail(path, fmt::format("cannot be read: {}", std::strerror(errno)));
    }
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0) fail(path, fmt::format("cannot be read: {}", std::strerror(errno)));
    if (S_ISDIR(st.st_mode)) fail(path, "is a folder, not a file");
    if (regular_only && !S_ISREG(st.st_mode)) fail(path, "is not a regular file");
    // Whole MiB, else tenths rounded up: a file just over the limit never reads as the limit.
    const auto shown = [](std::uintmax_t bytes) {
        constexpr std::uintmax_t mib = 1u << 20;
        return bytes % mib == 0 ? fmt::format("{} MiB", bytes / mib)
                                : fmt::format("{:.1f} MiB", static_cast<double>((bytes * 10 + mib - 1) / mib) / 10);
    };
    const auto refuse = [&](const std::string& what) {
        if (limit_bytes < max_input_file_bytes) // earlier files of the same import used the rest
            fail(path, fmt::format("{}, which with the files before it is over the {} one import reads; "
                                   "import them in parts",
                                   what, shown(max_input_file_bytes)));
        fail(path, fmt::format("{}; inputs over {} are refused", what, shown(max_input_file_bytes)));
    };
    if (S_ISREG(st.st_mode) && static_cast<std::uintmax_t>(st.st_size) > limit_bytes)
        refuse(fmt::format("is {}", shown(static_cast<std::uintmax_t>(st.st_size))));
    // A regular file that grew while read, or a stream.
    const auto too_big = [&] { refuse(fmt::format("gives more than {}", shown(limit_bytes))); };
    std::string bytes;
    if (S_ISREG(st.st_mode)) bytes.reserve(static_cast<std::size_t>(st.st_size));
    char chunk[64 * 1024];
    for (;;) {
        const ssize_t n = ::read(fd, chunk, sizeof chunk);
        if (n == 0) break;
        if (n < 0) {
            if (errno == EINTR) continue;
            fail(path, fmt::format("cannot be read: {}", std::strerror(errno)));
        }
        if (bytes.size() + static_cast<std::size_t>(n) > limit_bytes) too_big();
        bytes.append(chunk, static_cast<std::size_t>(n));
    }
    return bytes;
}

std::vector<NamedText> read_text_files(const std::vector<fs::path>& paths) {
    std::vector<NamedText> texts;
    std::vector<FileProblem> problems;
    std::uintmax_t read = 0;
    for (const auto& path : paths) {
        try {
            texts.push_back({path.string(), read_text_file(path, max_input_file_bytes - read)});
            read += texts.back().text.size();
        } catch (const FileError& e) {
            problems.insert(problems.end(), e.problems().begin(), e.problems().end());
        }
    }
    if (!problems.empty()) throw FileError(std::move(problems));
    return texts;
}

void write_file_atomically(const fs::path& path, const std::string& bytes, mode_t mode) {
    const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
    std::string temp = (dir / (std::string(".") + path.filename().string() + ".XXXXXX")).string();
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

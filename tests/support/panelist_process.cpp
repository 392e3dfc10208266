#include "tests/support/panelist_process.hpp"

#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace panelist::test {
namespace {

// The environment of this process with XDG_DATA_HOME and HOME replaced.
std::vector<std::string> environment_with(const std::string& data_home, const std::string& home) {
    std::vector<std::string> env;
    for (char** e = environ; *e; ++e) {
        const std::string entry = *e;
        if (entry.rfind("XDG_DATA_HOME=", 0) == 0 || entry.rfind("HOME=", 0) == 0) continue;
        env.push_back(entry);
    }
    env.push_back("XDG_DATA_HOME=" + data_home);
    env.push_back("HOME=" + home);
    return env;
}

std::vector<char*> pointers_to(std::vector<std::string>& strings) {
    std::vector<char*> out;
    for (auto& s : strings) out.push_back(s.data());
    out.push_back(nullptr);
    return out;
}

} // namespace

// posix_spawnp (a bare name is looked up in PATH) with the arguments as they are: no shell, so
// nothing in them needs quoting.
Run run_process(const std::string& exe, const TempDir& home, const std::vector<std::string>& args) {
    std::vector<std::string> argv_strings{exe};
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());
    auto env_strings = environment_with((home / "data").string(), home.path().string());
    auto argv = pointers_to(argv_strings);
    auto envp = pointers_to(env_strings);

    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    const std::string out_path = (home / "stdout").string(), err_path = (home / "stderr").string();
    posix_spawn_file_actions_addopen(&files, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&files, STDOUT_FILENO, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&files, STDERR_FILENO, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    pid_t pid = 0;
    const int failed = posix_spawnp(&pid, exe.c_str(), &files, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&files);
    if (failed != 0) throw std::runtime_error("cannot start " + exe + ": " + std::strerror(failed));
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
    }
    Run r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = read_file(home / "stdout");
    r.err = read_file(home / "stderr");
    return r;
}

} // namespace panelist::test

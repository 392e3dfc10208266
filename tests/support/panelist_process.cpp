#include "tests/support/panelist_process.hpp"

#include <cstdlib>
#include <fmt/format.h>
#include <sys/wait.h>

namespace panelist::test {

std::string shell_quote(const std::string& arg) {
    std::string q = "'";
    for (char c : arg) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

Run run_process(const std::string& exe, const TempDir& home, const std::vector<std::string>& args) {
    std::string command = fmt::format("env XDG_DATA_HOME={} HOME={} {}", shell_quote((home / "data").string()),
                                      shell_quote(home.path().string()), shell_quote(exe));
    for (const auto& a : args) command += " " + shell_quote(a);
    command += fmt::format(" >{} 2>{} </dev/null", shell_quote((home / "stdout").string()),
                           shell_quote((home / "stderr").string()));
    const int status = std::system(command.c_str());
    Run r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = read_file(home / "stdout");
    r.err = read_file(home / "stderr");
    return r;
}

} // namespace panelist::test

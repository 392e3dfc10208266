// Runs the real `panelist` executable as a script would: arguments in, exit code, stdout and
// stderr out, with XDG_DATA_HOME and HOME inside a test's own folder.
#pragma once
#include "tests/support/temp_dir.hpp"

#include <string>
#include <vector>

namespace panelist::test {

struct Run {
    int code = -1;
    std::string out;
    std::string err;
};

Run run_process(const std::string& exe, const TempDir& home, const std::vector<std::string>& args);
inline bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

#ifdef PANELIST_EXE
// The panelist built with this test (its path comes from CMake), run as a script would run it.
inline Run run_panelist(const TempDir& home, const std::vector<std::string>& args,
                        const std::string& exe = PANELIST_EXE) {
    return run_process(exe, home, args);
}
#endif

} // namespace panelist::test

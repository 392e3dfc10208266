// The `panelist` command line: subcommands run headless; no subcommand opens the window.
#pragma once

namespace panelist {

// Exit codes: 0 success, 1 a user error (message on stderr), 2 bad usage.
int run_command_line(int argc, char** argv);

} // namespace panelist

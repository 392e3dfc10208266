// Panelist's entry point: everything starts from the command line.
#include "ui/cli/command_line.hpp"

int main(int argc, char** argv) { return panelist::run_command_line(argc, argv); }

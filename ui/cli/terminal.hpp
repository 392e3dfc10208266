// Everything the command line prints goes through `say`: text from files and databases (a
// prompt, a candidate's name, a file name in a team folder) may hold escape sequences that
// would clear the screen or rewrite what the user sees; they are shown, never acted on.
#pragma once
#include "domain/text.hpp"

#include <cstdio>
#include <fmt/format.h>

namespace panelist {

inline void say_to(std::FILE* to, const std::string& text) {
    const std::string shown = visible_controls(text);
    std::fwrite(shown.data(), 1, shown.size(), to);
}

template <typename... T>
void say(fmt::format_string<T...> format, T&&... args) {
    say_to(stdout, fmt::format(format, std::forward<T>(args)...));
}

template <typename... T>
void say_err(fmt::format_string<T...> format, T&&... args) {
    say_to(stderr, fmt::format(format, std::forward<T>(args)...));
}

} // namespace panelist

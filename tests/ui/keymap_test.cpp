// One keyboard map: a letter or digit key means one thing wherever it works. Arrows, Enter, Esc,
// Space, PgUp/PgDn and Delete move, confirm, cancel or toggle within the screen they are on.
#include "tests/ui/app_fixture.hpp"

#include <doctest/doctest.h>
#include <map>
#include <cctype>

using namespace panelist;
using namespace panelist::test;

namespace {

// "Right / J / PgDn" -> {"J"}; "Ctrl+1 .. Ctrl+6" -> {"Ctrl+1", "Ctrl+6"}; "N or Enter" -> {"N"};
// "Shift+1 - 4" -> {"Shift+1", "Shift+4"}: the end of a range keeps the start's modifiers.
std::vector<std::string> letter_and_digit_keys(const std::string& keys) {
    std::vector<std::string> tokens;
    std::string token;
    for (const char c : keys + " ") {
        if (c == ' ' || c == '/' || c == ',') {
            if (!token.empty()) tokens.push_back(token);
            token.clear();
        } else {
            token += c;
        }
    }
    std::vector<std::string> out;
    std::string range_prefix;
    bool in_range = false;
    for (const auto& t : tokens) {
        if (t == "-" || t == "..") {
            in_range = true;
            continue;
        }
        std::string prefix, key = t;
        for (std::size_t plus; (plus = key.find('+')) != std::string::npos && plus + 1 < key.size();) {
            prefix += key.substr(0, plus + 1);
            key = key.substr(plus + 1);
        }
        const bool single = key.size() == 1 && (std::isupper(static_cast<unsigned char>(key[0])) || std::isdigit(static_cast<unsigned char>(key[0])));
        if (in_range && prefix.empty()) prefix = range_prefix;
        in_range = false;
        range_prefix = prefix;
        if (single) out.push_back(prefix + static_cast<char>(std::toupper(static_cast<unsigned char>(key[0]))));
    }
    return out;
}
} // namespace

TEST_CASE("the key lists parse as intended") {
    CHECK(letter_and_digit_keys("Right / J / PgDn") == std::vector<std::string>{"J"});
    CHECK(letter_and_digit_keys("Ctrl+1 .. Ctrl+6") == std::vector<std::string>{"Ctrl+1", "Ctrl+6"});
    CHECK(letter_and_digit_keys("F1 or ?").empty());
    CHECK(letter_and_digit_keys("Shift+1 - 4") == std::vector<std::string>{"Shift+1", "Shift+4"});
    CHECK(letter_and_digit_keys("1 - 5") == std::vector<std::string>{"1", "5"});
    CHECK(letter_and_digit_keys("Alt+Up / Alt+Down").empty());
}

TEST_CASE("no letter or digit key has two meanings across the screens") {
    AppFixture f;
    std::map<std::string, std::pair<std::string, std::string>> meaning; // key -> (where, action)
    const auto add = [&](const std::string& where, std::span<const Shortcut> list) {
        for (const auto& s : list)
            for (const auto& key : letter_and_digit_keys(s.keys)) {
                const auto [it, fresh] = meaning.try_emplace(key, where, s.action);
                if (fresh || it->second.second == s.action) continue;
                FAIL_CHECK(key << " means \"" << std::string(it->second.second) << "\" on " << it->second.first << " and \""
                               << std::string(s.action) << "\" on " << where);
            }
    };
    add("every screen", PanelistApp::global_shortcuts());
    for (const Screen* screen : f.app->screens()) add(std::string(screen->title()), screen->shortcuts());
    CHECK(meaning.count("P") == 1);
    CHECK(meaning.count("J") == 1);
    CHECK(meaning.count("S") == 1);
}

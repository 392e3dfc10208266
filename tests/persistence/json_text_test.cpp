// JSON text read the fast way must be read exactly as nlohmann reads it: the same values, the
// same duplicate keys, and for text that is not JSON the same refusal with the same position.
#include "persistence/formats/json_text.hpp"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace panelist;
using json = nlohmann::json;

namespace {

// What nlohmann alone makes of the text: the value, or the message of its refusal.
std::string nlohmann_reading(const std::string& text) {
    try {
        return json::parse(text).dump();
    } catch (const json::exception& e) {
        return std::string("refused: ") + e.what();
    }
}

std::string fast_reading(const std::string& text) {
    try {
        return parse_json_text(text).value.dump();
    } catch (const json::exception& e) {
        return std::string("refused: ") + e.what();
    }
}

} // namespace

TEST_CASE("valid JSON reads to the same value as nlohmann's own reader, number types included") {
    const std::vector<std::string> texts = {
        R"({"format": 2, "loop": {"name": "MLOps, Berlin", "uuid": "x"}, "list": [1, -2, 3.5, true, false, null]})",
        R"([0, -0, 18446744073709551615, 9223372036854775807, -9223372036854775808, 1e308, 2.5E-3])",
        R"("Zoë 你好 مرحبا \u00e9 \ud83d\ude00 \n\t\"")",
        R"({"a": {"b": {"c": [[], {}, [{}]]}}})",
        "  \n {\"spaces\" : [ 1 , 2 ] }  \n",
    };
    for (const auto& text : texts) {
        CAPTURE(text);
        CHECK(fast_reading(text) == nlohmann_reading(text));
        // Integers keep nlohmann's kinds: a bundle's checks ask for unsigned and signed alike.
        const auto fast = parse_json_text(text).value;
        const auto slow = json::parse(text);
        CHECK(fast.type() == slow.type());
    }
    const auto numbers = parse_json_text("[5, -5, 5.0]").value;
    CHECK(numbers[0].is_number_unsigned());
    CHECK(numbers[1].is_number_integer());
    CHECK_FALSE(numbers[1].is_number_unsigned());
    CHECK(numbers[2].is_number_float());
}

TEST_CASE("a number too large for 64 bits reads as nlohmann reads it, a double") {
    const std::string text = "[123456789012345678901234567890]";
    CHECK(fast_reading(text) == nlohmann_reading(text));
    CHECK(parse_json_text(text).value[0].is_number_float());
}

TEST_CASE("keys said twice in one object are listed in the order met, and the last one is kept") {
    const auto parsed = parse_json_text(R"({"a": 1, "b": {"c": 1, "c": 2}, "a": 3})");
    CHECK(parsed.duplicate_keys == std::vector<std::string>{"c", "a"});
    CHECK(parsed.value["a"] == 3);
    CHECK(parsed.value["b"]["c"] == 2);
    // The same keys are not duplicates in two different objects.
    CHECK(parse_json_text(R"([{"a": 1}, {"a": 2}])").duplicate_keys.empty());
}

TEST_CASE("text that is not JSON is refused with nlohmann's own message and position") {
    const std::vector<std::string> texts = {
        "",
        "{",
        "[1, 2,]",
        "{\"a\": tru}",
        "{\"a\": 1} trailing",
        "\"bad escape \\x\"",
        "\"lone surrogate \\ud800\"",
        "\"raw control \x01 character\"",
        std::string("\"broken utf-8 \xc3\x28\""),
        "[1e999]",
        "{'single': 1}",
    };
    for (const auto& text : texts) {
        CAPTURE(text);
        const auto slow = nlohmann_reading(text);
        REQUIRE(slow.rfind("refused: ", 0) == 0);
        CHECK(fast_reading(text) == slow);
    }
}

TEST_CASE("text nested too deep or holding too many values is refused where it passes the limit") {
    const std::string fine = std::string(max_json_depth, '[') + std::string(max_json_depth, ']');
    CHECK(fast_reading(fine) == nlohmann_reading(fine));
    for (const std::size_t size : {std::size_t(100), std::size_t(3) << 20}) { // small and large texts
        const std::string deep = std::string(size, '[');
        try {
            parse_json_text(deep);
            FAIL("too deep was read");
        } catch (const JsonTooLarge& e) {
            CHECK(e.byte() == max_json_depth); // the 65th '['
            CHECK(std::string(e.what()).find("nested deeper than 64 levels") != std::string::npos);
        }
    }
    std::string flat = "[";
    for (std::size_t i = 0; i < max_json_values; ++i) flat += "1,";
    flat += "1]";
    try {
        parse_json_text(flat);
        FAIL("too many values were read");
    } catch (const JsonTooLarge& e) {
        CHECK(e.byte() == 2 * max_json_values); // the comma before the 750,001st value
        CHECK(std::string(e.what()).find("more than 750,000 values") != std::string::npos);
    }
    // Brackets inside strings are text, not nesting.
    const std::string quoted = "[\"" + std::string(1000, '[') + "\\\"[\"]";
    CHECK(fast_reading(quoted) == nlohmann_reading(quoted));
}

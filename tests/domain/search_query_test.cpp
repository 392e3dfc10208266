#include "domain/search_query.hpp"
#include "domain/text.hpp"

#include <doctest/doctest.h>

using namespace panelist;

TEST_CASE("free words become terms") {
    auto q = parse_search_query("  drift   psi ");
    REQUIRE(q.terms.size() == 2);
    CHECK(q.terms[0] == TextTerm{"drift", false, false});
    CHECK(q.terms[1] == TextTerm{"psi", false, false});
    CHECK(q.filters.empty());
}

TEST_CASE("only a bare word at the very end is still being typed") {
    CHECK(parse_search_query("drift ps").terms[1].being_typed);
    CHECK_FALSE(parse_search_query("drift ps").terms[0].being_typed);
    CHECK_FALSE(parse_search_query("drift ps ").terms[1].being_typed);      // a space ends it
    CHECK_FALSE(parse_search_query("\"feature store\"").terms[0].being_typed); // a closed phrase
    CHECK(parse_search_query("-drif").terms[0].being_typed);
    CHECK_FALSE(parse_search_query("drif topic:gpu").terms[0].being_typed);
}

TEST_CASE("quoted phrases stay whole") {
    auto q = parse_search_query("\"feature store\" skew");
    REQUIRE(q.terms.size() == 2);
    CHECK(q.terms[0] == TextTerm{"feature store", true, false});
}

TEST_CASE("filters: topic, tag, level, diff and set") {
    auto q = parse_search_query("topic:Monitoring tag:drift level:senior diff:hard set:\"Senior onsite\"");
    REQUIRE(q.filters.size() == 5);
    CHECK(q.filters[0] == Filter{FilterKey::topic, "monitoring", false});
    CHECK(q.filters[1] == Filter{FilterKey::tag, "drift", false});
    CHECK(q.filters[2] == Filter{FilterKey::level, "senior", false});
    CHECK(q.filters[3] == Filter{FilterKey::difficulty, "hard", false});
    CHECK(q.filters[4] == Filter{FilterKey::set, "Senior onsite", false});
    CHECK(parse_search_query("difficulty:easy").filters[0].key == FilterKey::difficulty);
}

TEST_CASE("a leading minus negates words, phrases and filters") {
    auto q = parse_search_query("-kubernetes -\"feature store\" -topic:gpu");
    REQUIRE(q.terms.size() == 2);
    CHECK(q.terms[0].negated);
    CHECK(q.terms[1] == TextTerm{"feature store", true, true});
    CHECK(q.filters[0] == Filter{FilterKey::topic, "gpu", true});
}

TEST_CASE("words with inner punctuation stay words") {
    auto q = parse_search_query("a/b-testing k8s: x");
    CHECK(q.terms.size() == 3);
    CHECK(q.terms[0].text == "a/b-testing");
}

TEST_CASE("an empty query matches everything") {
    CHECK(parse_search_query("").empty());
    CHECK(parse_search_query("   ").empty());
}

namespace {
void check_error(const char* text, std::size_t column, const char* words) {
    try {
        parse_search_query(text);
        FAIL("no error for: " << text);
    } catch (const QueryError& e) {
        CHECK_MESSAGE(e.column() == column, text);
        CHECK_MESSAGE(std::string(e.what()).find(words) != std::string::npos, e.what());
    }
}
} // namespace

TEST_CASE("bad queries say what is wrong and where") {
    check_error("drift owner:ana", 7, "unknown filter 'owner:'");
    // Columns count characters, not bytes: the quote after two CJK characters and a space is 4th.
    check_error("\xe6\x97\xa5\xe6\x9c\xac \"abc", 4, "column 4: this quote is never closed");
    check_error("topic:", 1, "needs a value");
    check_error("level:expert", 1, "use junior, senior or both");
    check_error("diff:impossible", 1, "use easy, medium or hard");
    check_error("\"feature store", 1, "never closed");
    check_error("drift -", 7, "'-' must be followed");
    check_error("ab\"cd\"", 3, "a quote must start a phrase");
}

TEST_CASE("a query that is not valid UTF-8 says where") {
    check_error("drift caf\xC3\x28", 10, "not valid UTF-8");
    check_error("\xFF", 1, "not valid UTF-8");
    check_error("ok \xED\xA0\x80", 4, "not valid UTF-8"); // a UTF-16 surrogate
    check_error("\xC0\xAF", 1, "not valid UTF-8");        // an overlong '/'
    CHECK_NOTHROW(parse_search_query("naïve café 日本 🚀"));
}

TEST_CASE("a search past its documented size is refused where it goes over, before the index sees it") {
    std::string words = "drift";
    for (int i = 1; i < static_cast<int>(max_search_items); ++i) words += " -w" + std::to_string(i);
    CHECK(parse_search_query(words).terms.size() == max_search_items);
    const std::string one_more = words + " -extra";
    try {
        parse_search_query(one_more);
        FAIL("33 items were accepted");
    } catch (const QueryError& e) {
        CHECK(e.column() == words.size() + 2); // at the 33rd item
        CHECK(std::string(e.what()).find("at most 32 words, phrases and filters") != std::string::npos);
    }
    // One word repeated thousands of times is refused at once, not searched for seconds.
    std::string repeated;
    for (int i = 0; i < 2000; ++i) repeated += "drift ";
    CHECK_THROWS_AS(parse_search_query(repeated), QueryError);
    check_error(std::string(max_search_bytes + 1, 'a').c_str(), max_search_bytes + 1, "at most 1000 characters");
}

TEST_CASE("terminal cells: wide characters and emoji take two, combining marks none") {
    CHECK(display_width("drift") == 5);
    CHECK(display_width("\xe6\x97\xa5\xe6\x9c\xac") == 4);          // 日本
    CHECK(display_width("\xed\x95\x9c") == 2);                       // 한
    CHECK(display_width("\xf0\x9f\x9a\x80\xf0\x9f\x94\xa5") == 4);  // two emoji
    CHECK(display_width("e\xcc\x81") == 1);                          // e + combining acute
    CHECK(display_width("\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85") == 4);  // Arabic, one cell each
    CHECK(display_width("") == 0);
}

// Scorecard bundles: JSON writing, strict reading, export from and merge into the database.
//
// [SECTION] Small rules (timestamps, JSON locations)
// [SECTION] Writing JSON
// [SECTION] Reading JSON: every problem named by file and JSON location
// [SECTION] Export: a bundle from the database
// [SECTION] Import: merging bundles by UUID, all or nothing
#include "persistence/formats/bundle.hpp"
#include "persistence/store/store_edge.hpp"

#include "domain/text.hpp"
#include "persistence/files/files.hpp"
#include "persistence/formats/json_text.hpp"
#include "persistence/store/people_repository.hpp"
#include "persistence/store/uuid.hpp"
#include "persistence/sqlite/write_transaction.hpp"

#include <SQLiteCpp/Statement.h>
#include <algorithm>
#include <climits>
#include <cstdint>
#include <fmt/format.h>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

namespace panelist {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Small rules (timestamps, JSON locations)
//-----------------------------------------------------------------------------

// "2026-11-23T10:15:02.481Z", the form SQLite's strftime('%Y-%m-%dT%H:%M:%fZ') stores.
// One fixed width, so comparing the text compares the times.
bool is_timestamp(const std::string& s) {
    if (s.size() != 24 || !is_iso_date(s.substr(0, 10))) return false;
    const std::string pattern = "dddd-dd-ddTdd:dd:dd.dddZ";
    for (std::size_t i = 10; i < s.size(); ++i) {
        if (pattern[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != pattern[i]) return false;
    }
    const int hours = std::stoi(s.substr(11, 2));
    const int minutes = std::stoi(s.substr(14, 2));
    const int seconds = std::stoi(s.substr(17, 2));
    return hours < 24 && minutes < 60 && seconds <= 60; // 60: a leap second
}

std::string field_of(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : fmt::format("{}.{}", path, key);
}

std::string item_of(const std::string& path, std::size_t index) {
    return fmt::format("{}[{}]", path, index);
}

//-----------------------------------------------------------------------------
// [SECTION] Writing JSON
//-----------------------------------------------------------------------------

using ordered_json = nlohmann::ordered_json; // fields in the documented order, not sorted

ordered_json to_json(const InterviewQuestion& q) {
    ordered_json j = ordered_json::object();
    j["question_id"] = q.question_id;
    j["topic"] = q.topic;
    j["prompt"] = q.prompt;
    j["planned_minutes"] = q.planned_minutes;
    j["score"] =
        q.response.score.scored() ? ordered_json(q.response.score.value()) : ordered_json(nullptr);
    j["notes"] = q.response.notes;
    j["seconds_spent"] = q.response.seconds_spent;
    j["follow_ups_asked"] = q.response.follow_ups_asked;
    if (q.version > 0) j["asked"] = q.version - 1;
    return j;
}

ordered_json to_json(const Question& q) {
    return ordered_json{{"question_id", q.id},
                        {"topic", q.topic},
                        {"prompt", q.prompt},
                        {"answer", q.answer},
                        {"follow_ups", q.follow_ups},
                        {"rubric", ordered_json{{"1", q.rubric.one}, {"3", q.rubric.three}, {"5", q.rubric.five}}}};
}

ordered_json to_json(const BundledInterview& b) {
    const Interview& iv = b.interview;
    ordered_json j = ordered_json::object();
    j["uuid"] = iv.uuid;
    j["candidate"] = b.candidate_uuid;
    j["interviewer"] = iv.interviewer;
    j["date"] = iv.date;
    j["status"] = name(iv.status);
    j["recommendation"] =
        iv.recommendation ? ordered_json(name(*iv.recommendation)) : ordered_json(nullptr);
    j["overall_notes"] = iv.overall_notes;
    j["reopen_count"] = iv.reopen_count;
    j["updated_at"] = b.updated_at;
    j["questions"] = ordered_json::array();
    for (const auto& q : iv.questions)
        j["questions"].push_back(to_json(q));
    j["events"] = ordered_json::array();
    for (const auto& e : b.events)
        j["events"].push_back(ordered_json{{"at", e.at}, {"kind", e.kind}, {"detail", e.detail}});
    return j;
}

//-----------------------------------------------------------------------------
// [SECTION] Reading JSON: every problem named by file and JSON location
//-----------------------------------------------------------------------------

using json = nlohmann::json;

// How a value looks in a message: short scalars as written, containers by kind.
std::string shown(const json& v) {
    if (v.is_object()) return "an object";
    if (v.is_array()) return "a list";
    std::string text = v.dump(-1, ' ', false, json::error_handler_t::replace);
    if (text.size() > 40) {
        std::size_t cut = 37;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
            --cut; // on a character boundary
        text = text.substr(0, cut) + "...";
    }
    return text;
}

class JsonReader {
  public:
    JsonReader(std::string file, std::vector<FileProblem>& problems)
        : file_(std::move(file)), problems_(problems) {}

    void problem(const std::string& at, std::string message) {
        problems_.push_back({file_, {}, at, std::move(message)});
    }
    std::size_t problem_count() const { return problems_.size(); }

    // A text; `non_empty` names a text that may not be blank ("" when blank is fine). Every text
    // has a length in characters (bundle_text_limits): a 30 MB name took 323 MB to import and
    // every report made from it more.
    std::string text(const json* v, const std::string& at, std::string_view non_empty = "",
                     std::size_t limit = BundleTextLimits::text) {
        if (!v) return {};
        if (!v->is_string()) {
            problem(at, fmt::format("expected text, found {}", shown(*v)));
            return {};
        }
        auto s = v->get_ref<const std::string&>();
        if (!non_empty.empty() && trim(s).empty())
            problem(at, fmt::format("{} is empty", non_empty));
        if (const auto n = character_count(s); n > limit) {
            problem(at, fmt::format("{} characters; at most {} fit", grouped(static_cast<long long>(n)),
                                    grouped(static_cast<long long>(limit))));
            return {};
        }
        return s;
    }
    std::string name(const json* v, const std::string& at, std::string_view non_empty = "") {
        return text(v, at, non_empty, BundleTextLimits::name);
    }
    std::string notes(const json* v, const std::string& at) { return text(v, at, "", BundleTextLimits::notes); }

    std::optional<int> integer(const json* v, const std::string& at, int min, int max) {
        if (!v) return std::nullopt;
        if (!v->is_number_integer()) {
            problem(at, fmt::format("expected a whole number, found {}", shown(*v)));
            return std::nullopt;
        }
        const std::int64_t n = v->is_number_unsigned()
                                   ? static_cast<std::int64_t>(std::min<std::uint64_t>(
                                         v->get<std::uint64_t>(), INT64_MAX))
                                   : v->get<std::int64_t>();
        if (n < min || n > max) {
            problem(at, fmt::format("{} is not between {} and {}", shown(*v), min, max));
            return std::nullopt;
        }
        return static_cast<int>(n);
    }

    std::string uuid(const json* v, const std::string& at) {
        if (!v) return {};
        auto s = text(v, at);
        if (v->is_string() && !is_uuid(s))
            problem(at, fmt::format("{} is not a UUID (36 lower-case hex digits and dashes)",
                                    shown(*v)));
        return s;
    }

    std::string timestamp(const json* v, const std::string& at) {
        if (!v) return {};
        auto s = text(v, at);
        if (v->is_string() && !is_timestamp(s))
            problem(at, fmt::format("{} is not a UTC time written YYYY-MM-DDTHH:MM:SS.sssZ",
                                    shown(*v)));
        return s;
    }

    template <typename Parse>
    auto choice(const json* v, const std::string& at, Parse parse, std::string_view allowed)
        -> decltype(parse(std::string_view{})) {
        if (!v) return std::nullopt;
        auto s = text(v, at);
        if (!v->is_string()) return std::nullopt;
        auto parsed = parse(s);
        if (!parsed) problem(at, fmt::format("{} is not one of {}", shown(*v), allowed));
        return parsed;
    }

    // The list at `v`, or nothing (with a problem) when it is not a list.
    const json::array_t* list(const json* v, const std::string& at) {
        if (!v) return nullptr;
        if (!v->is_array()) {
            problem(at, fmt::format("expected a list, found {}", shown(*v)));
            return nullptr;
        }
        return &v->get_ref<const json::array_t&>();
    }

  private:
    std::string file_;
    std::vector<FileProblem>& problems_;
};

// The fields of one JSON object: every field is required and no other is allowed, so a
// misspelt or missing field never passes silently.
class Fields {
  public:
    Fields(JsonReader& reader, const json& value, std::string path,
           std::vector<std::string_view> known)
        : reader_(reader), value_(value), path_(std::move(path)), known_(std::move(known)) {
        if (!value_.is_object()) {
            reader_.problem(path_, fmt::format("expected an object, found {}", shown(value_)));
            return;
        }
        is_object_ = true;
        for (const auto& [key, v] : value_.items()) {
            if (std::find(known_.begin(), known_.end(), key) == known_.end()) {
                std::string names;
                for (auto k : known_)
                    names += (names.empty() ? "" : ", ") + std::string(k);
                reader_.problem(field_of(path_, key),
                                fmt::format("unknown field (known: {})", names));
            }
        }
    }

    // The field's value, or nullptr without a word: for fields a newer format added.
    const json* optional(std::string_view key) const {
        if (!is_object_) return nullptr;
        auto it = value_.find(key);
        return it == value_.end() ? nullptr : &*it;
    }

    // The field's value; a problem and nullptr when it is missing.
    const json* get(std::string_view key) {
        if (!is_object_) return nullptr;
        auto it = value_.find(key);
        if (it == value_.end()) {
            reader_.problem(at(key), "missing");
            return nullptr;
        }
        return &*it;
    }
    std::string at(std::string_view key) const { return field_of(path_, key); }

  private:
    JsonReader& reader_;
    const json& value_;
    std::string path_;
    std::vector<std::string_view> known_;
    bool is_object_ = false;
};

Loop read_loop(JsonReader& r, const json& value) {
    Fields f(r, value, "loop", {"uuid", "name", "role"});
    Loop loop;
    loop.uuid = r.uuid(f.get("uuid"), f.at("uuid"));
    loop.name = r.name(f.get("name"), f.at("name"), "the loop's name");
    loop.role = r.name(f.get("role"), f.at("role"));
    return loop;
}

Candidate read_candidate(JsonReader& r, const json& value, const std::string& path) {
    Fields f(r, value, path, {"uuid", "name", "role", "level", "notes"});
    Candidate c;
    c.uuid = r.uuid(f.get("uuid"), f.at("uuid"));
    c.name = r.name(f.get("name"), f.at("name"), "the candidate's name");
    c.role = r.name(f.get("role"), f.at("role"));
    const auto level_parse = [](std::string_view s) -> std::optional<Level> {
        auto level = parse_level(s);
        return level == Level::both ? std::nullopt : level; // a candidate is one or the other
    };
    c.level = r.choice(f.get("level"), f.at("level"), level_parse, "junior, senior")
                  .value_or(Level::junior);
    c.notes = r.notes(f.get("notes"), f.at("notes"));
    return c;
}

// A question's "question_id": text, and a slug like "monitoring/psi".
std::string read_question_id(JsonReader& r, Fields& f) {
    const json* id = f.get("question_id");
    std::string text = r.text(id, f.at("question_id"));
    if (id && id->is_string() && !is_slug(text))
        r.problem(f.at("question_id"), fmt::format("{} is not a question id like \"monitoring/psi\"", shown(*id)));
    return text;
}

InterviewQuestion read_question(JsonReader& r, const json& value, const std::string& path) {
    Fields f(r, value, path,
             {"question_id", "topic", "prompt", "planned_minutes", "score", "notes",
              "seconds_spent", "follow_ups_asked", "asked"});
    InterviewQuestion q;
    q.question_id = read_question_id(r, f);
    q.topic = r.name(f.get("topic"), f.at("topic"));
    q.prompt = r.text(f.get("prompt"), f.at("prompt"));
    q.planned_minutes =
        r.integer(f.get("planned_minutes"), f.at("planned_minutes"), 0, 600).value_or(0);
    if (const json* score = f.get("score"); score && !score->is_null()) {
        if (auto s = r.integer(score, f.at("score"), 1, 5)) q.response.score = Score::of(*s);
    }
    q.response.notes = r.notes(f.get("notes"), f.at("notes"));
    q.response.seconds_spent =
        r.integer(f.get("seconds_spent"), f.at("seconds_spent"), 0, INT_MAX).value_or(0);
    if (auto asked = r.list(f.get("follow_ups_asked"), f.at("follow_ups_asked"))) {
        for (std::size_t i = 0; i < asked->size(); ++i)
            if (auto index = r.integer(&(*asked)[i], item_of(f.at("follow_ups_asked"), i), 0, 999))
                q.response.follow_ups_asked.push_back(*index);
    }
    if (const json* asked = f.optional("asked")) // format 2
        if (auto index = r.integer(asked, f.at("asked"), 0, 1000000)) q.version = *index + 1;
    return q;
}

// A question as asked: what an interview showed of it when it was planned.
Question read_asked(JsonReader& r, const json& value, const std::string& path) {
    Fields f(r, value, path, {"question_id", "topic", "prompt", "answer", "follow_ups", "rubric"});
    Question q;
    q.id = read_question_id(r, f);
    q.topic = r.name(f.get("topic"), f.at("topic"));
    q.prompt = r.text(f.get("prompt"), f.at("prompt"));
    q.answer = r.text(f.get("answer"), f.at("answer"));
    if (auto list = r.list(f.get("follow_ups"), f.at("follow_ups")))
        for (std::size_t i = 0; i < list->size(); ++i) q.follow_ups.push_back(r.text(&(*list)[i], item_of(f.at("follow_ups"), i)));
    if (const json* rubric = f.get("rubric")) {
        Fields levels(r, *rubric, f.at("rubric"), {"1", "3", "5"});
        q.rubric = {r.text(levels.get("1"), levels.at("1")), r.text(levels.get("3"), levels.at("3")),
                    r.text(levels.get("5"), levels.at("5"))};
    }
    return q;
}

InterviewEvent read_event(JsonReader& r, const json& value, const std::string& path) {
    Fields f(r, value, path, {"at", "kind", "detail"});
    InterviewEvent e;
    e.at = r.timestamp(f.get("at"), f.at("at"));
    e.kind = r.name(f.get("kind"), f.at("kind"), "the event's kind");
    e.detail = r.text(f.get("detail"), f.at("detail"));
    return e;
}

BundledInterview read_interview(JsonReader& r, const json& value, const std::string& path) {
    Fields f(r, value, path,
             {"uuid", "candidate", "interviewer", "date", "status", "recommendation",
              "overall_notes", "reopen_count", "updated_at", "questions", "events"});
    BundledInterview b;
    Interview& iv = b.interview;
    iv.uuid = r.uuid(f.get("uuid"), f.at("uuid"));
    b.candidate_uuid = r.uuid(f.get("candidate"), f.at("candidate"));
    iv.interviewer = r.name(f.get("interviewer"), f.at("interviewer"), "the interviewer's name");
    const json* date = f.get("date");
    iv.date = r.name(date, f.at("date"));
    if (date && date->is_string() && !is_iso_date(iv.date))
        r.problem(f.at("date"), fmt::format("{} is not a date written YYYY-MM-DD", shown(*date)));
    const auto status = r.choice(f.get("status"), f.at("status"), parse_interview_status,
                                 "planned, in_progress, submitted");
    iv.status = status.value_or(InterviewStatus::planned);
    const json* recommendation = f.get("recommendation");
    if (recommendation && !recommendation->is_null())
        iv.recommendation = r.choice(recommendation, f.at("recommendation"), parse_recommendation,
                                     "strong_no, no, yes, strong_yes, null");
    else if (recommendation && status == InterviewStatus::submitted)
        r.problem(f.at("recommendation"), "a submitted interview needs a recommendation");
    iv.overall_notes = r.notes(f.get("overall_notes"), f.at("overall_notes"));
    iv.reopen_count =
        r.integer(f.get("reopen_count"), f.at("reopen_count"), 0, 1000000).value_or(0);
    b.updated_at = r.timestamp(f.get("updated_at"), f.at("updated_at"));

    std::set<std::string> planned;
    if (auto questions = r.list(f.get("questions"), f.at("questions"))) {
        for (std::size_t i = 0; i < questions->size(); ++i) {
            const std::string at = item_of(f.at("questions"), i);
            iv.questions.push_back(read_question(r, (*questions)[i], at));
            const auto& id = iv.questions.back().question_id;
            if (!id.empty() && !planned.insert(id).second)
                r.problem(at + ".question_id",
                          fmt::format("\"{}\" is planned twice in this interview", id));
        }
    }
    if (auto events = r.list(f.get("events"), f.at("events"))) {
        for (std::size_t i = 0; i < events->size(); ++i)
            b.events.push_back(read_event(r, (*events)[i], item_of(f.at("events"), i)));
    }
    return b;
}

// Cross-record rules: each UUID once, and every interview's candidate in the bundle.
void check_references(JsonReader& r, const Bundle& b) {
    std::set<std::string> candidates;
    for (std::size_t i = 0; i < b.candidates.size(); ++i) {
        const auto& uuid = b.candidates[i].uuid;
        if (!uuid.empty() && !candidates.insert(uuid).second)
            r.problem(item_of("candidates", i) + ".uuid",
                      fmt::format("\"{}\" is listed twice", uuid));
    }
    std::set<std::string> interviews;
    for (std::size_t i = 0; i < b.interviews.size(); ++i) {
        const auto& iv = b.interviews[i];
        const std::string at = item_of("interviews", i);
        if (!iv.interview.uuid.empty() && !interviews.insert(iv.interview.uuid).second)
            r.problem(at + ".uuid", fmt::format("\"{}\" is listed twice", iv.interview.uuid));
        if (is_uuid(iv.candidate_uuid) && !candidates.count(iv.candidate_uuid))
            r.problem(
                at + ".candidate",
                fmt::format("\"{}\" is not one of this bundle's candidates", iv.candidate_uuid));
        for (std::size_t k = 0; k < iv.interview.questions.size(); ++k) {
            const auto& q = iv.interview.questions[k];
            if (q.version > static_cast<std::int64_t>(b.asked.size()))
                r.problem(item_of(at + ".questions", k) + ".asked",
                          fmt::format("{} is not an index of this bundle's \"asked\" list ({} entries)",
                                      q.version - 1, b.asked.size()));
            else if (q.version > 0 && b.asked[static_cast<std::size_t>(q.version - 1)].id != q.question_id)
                r.problem(item_of(at + ".questions", k) + ".asked",
                          fmt::format("asked[{}] is question \"{}\", not \"{}\"", q.version - 1,
                                      b.asked[static_cast<std::size_t>(q.version - 1)].id, q.question_id));
        }
    }
}

SourcePosition position_at(std::string_view text, std::size_t byte) {
    SourcePosition at{1, 1};
    for (std::size_t i = 0; i + 1 < byte && i < text.size(); ++i) {
        if (text[i] == '\n')
            ++at.line, at.column = 1;
        else
            ++at.column;
    }
    return at;
}

//-----------------------------------------------------------------------------
// [SECTION] Export: a bundle from the database
//-----------------------------------------------------------------------------

std::string updated_at_of(SQLite::Database& sql, std::int64_t interview_id) {
    SQLite::Statement s(sql, "SELECT updated_at FROM interview WHERE id = ?");
    s.bind(1, interview_id);
    return s.executeStep() ? s.getColumn(0).getString() : std::string();
}

BundledInterview bundled(Database& db, const Interview& iv, const std::string& candidate_uuid) {
    BundledInterview b;
    b.interview = iv;
    b.candidate_uuid = candidate_uuid;
    b.updated_at = updated_at_of(db.sql(), iv.id);
    b.events = InterviewRepository(db).events(iv.id);
    return b;
}

// Each question's version as an index into the bundle's `asked` list, in the order the
// interviews first use them, so the same data always gives the same bytes.
void index_asked(Database& db, Bundle& b) {
    std::vector<Interview> all;
    for (const auto& bi : b.interviews) all.push_back(bi.interview);
    const auto versions = InterviewRepository(db).asked(all);
    std::map<std::int64_t, std::int64_t> index;
    for (auto& bi : b.interviews)
        for (auto& q : bi.interview.questions) {
            const auto v = versions.find(q.version);
            if (v == versions.end()) {
                q.version = 0;
                continue;
            }
            const auto [it, added] = index.try_emplace(q.version, static_cast<std::int64_t>(b.asked.size()));
            if (added) b.asked.push_back(v->second);
            q.version = it->second + 1;
        }
}

// By name, then date and interviewer; UUIDs break ties, so two databases holding the
// same interviews export the same bytes.
void sort_for_export(Bundle& b) {
    std::sort(b.candidates.begin(), b.candidates.end(), [](const Candidate& x, const Candidate& y) {
        return std::tie(x.name, x.uuid) < std::tie(y.name, y.uuid);
    });
    std::sort(b.interviews.begin(), b.interviews.end(),
              [](const BundledInterview& x, const BundledInterview& y) {
                  return std::tie(x.interview.date, x.interview.interviewer, x.interview.uuid) <
                         std::tie(y.interview.date, y.interview.interviewer, y.interview.uuid);
              });
}

//-----------------------------------------------------------------------------
// [SECTION] Import: merging bundles by UUID, all or nothing
//-----------------------------------------------------------------------------

std::optional<std::int64_t> id_by_uuid(StatementCache& sql, const char* table, const std::string& uuid) {
    auto s = sql.use(fmt::format("SELECT id FROM {} WHERE uuid = ?", table));
    s->bind(1, uuid);
    if (!s->executeStep()) return std::nullopt;
    return s->getColumn(0).getInt64();
}

// How far along an interview is: reopened more often, then planned < started < submitted. A
// copy never replaces one further along, however new it is.
std::pair<int, int> progress(const Interview& iv) {
    const auto stage = stage_of(iv);
    const int rank = stage == InterviewStage::planned ? 0 : stage == InterviewStage::submitted ? 2 : 1;
    return {iv.reopen_count, rank};
}

bool same_events(const std::vector<InterviewEvent>& a, const std::vector<InterviewEvent>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](const InterviewEvent& x, const InterviewEvent& y) {
                          return x.at == y.at && x.kind == y.kind && x.detail == y.detail;
                      });
}

// Writes the bundle's copy as it is: its uuid, its updated_at, its prompts and topics (not the
// local bank's), its events, under this laptop's candidate id. `local_id` 0 adds a new
// interview. The interview tables' one writer does it.
// `theirs` is the file's interview with this database's candidate and question versions.
void write_interview(InterviewRepository& interviews, std::int64_t local_id, const Interview& theirs,
                     const BundledInterview& b) {
    interviews.write_copy(local_id, theirs, b.events, b.updated_at);
}

// The local row a file's loop or candidate is: its UUID, or one taken as its UUID before.
std::optional<std::int64_t> known(StatementCache& sql, const char* table, const std::string& uuid) {
    if (auto local = id_by_uuid(sql, table, uuid)) return local;
    auto s = sql.use(fmt::format("SELECT {0}_id FROM {0}_alias WHERE uuid = ?", table));
    s->bind(1, uuid);
    if (!s->executeStep()) return std::nullopt;
    return s->getColumn(0).getInt64();
}

void remember_alias(StatementCache& sql, const char* table, const std::string& uuid, std::int64_t id) {
    auto s = sql.use(fmt::format("INSERT OR REPLACE INTO {0}_alias (uuid, {0}_id) VALUES (?, ?)", table));
    s->bind(1, uuid);
    s->bind(2, id);
    s->exec();
}

// A row here with the same name (letter case and outer spaces aside), under another UUID. The
// names are compared as lower(trim(name)), which schema step 4 indexes.
std::optional<std::int64_t> same_name(StatementCache& sql, const std::string& sql_text, const std::string& name,
                                      std::int64_t loop_id = 0) {
    auto s = sql.use(sql_text);
    s->bind(1, name);
    if (loop_id) s->bind(2, loop_id);
    if (!s->executeStep()) return std::nullopt;
    return s->getColumn(0).getInt64();
}

// What an import keeps from one file to the next: repositories and prepared statements.
struct Merger {
    explicit Merger(Database& d) : db(d), people(d), interviews(d), sql(d.sql()) {}
    Database& db;
    PeopleRepository people;
    InterviewRepository interviews;
    StatementCache sql;
    // Versions already resolved by content: thousands of scorecards of one loop ask the same
    // few questions, so each is looked up once.
    std::map<std::string, std::int64_t> versions;

    std::int64_t version_for(const Question& q) {
        std::string key = q.id + '\x1f' + q.topic + '\x1f' + q.prompt + '\x1f' + q.answer + '\x1f' + q.rubric.one +
                          '\x1f' + q.rubric.three + '\x1f' + q.rubric.five;
        for (const auto& f : q.follow_ups) key += '\x1e' + f;
        if (const auto it = versions.find(key); it != versions.end()) return it->second;
        return versions[key] = interviews.version_for(q);
    }
};

void merge(Merger& merger, const std::string& file, const Bundle& bundle, SameNames same_names,
           BundleImportReport& report, std::vector<SameNameMatch>& matches) {
    StatementCache& sql = merger.sql;
    PeopleRepository& people = merger.people;
    InterviewRepository& interviews = merger.interviews;

    std::int64_t loop_id = 0;
    std::string loop_name = bundle.loop.name;
    if (auto local = known(sql, "loop", bundle.loop.uuid)) {
        loop_id = *local; // the local loop stays as it is: a bundle carries interviews, not renames
    } else if (auto named = same_name(sql, "SELECT id FROM loop WHERE lower(trim(name)) = lower(trim(?)) "
                                           "ORDER BY id LIMIT 1", bundle.loop.name)) {
        loop_id = *named;
        if (same_names == SameNames::merge) {
            remember_alias(sql, "loop", bundle.loop.uuid, loop_id);
            ++report.loops_matched;
        } else {
            matches.push_back({file, bundle.loop.name, {}});
        }
    } else {
        Loop loop = bundle.loop;
        loop.id = 0;
        loop_id = people.save(loop);
        ++report.loops_added;
    }

    std::map<std::string, Candidate> candidates; // by the file's uuid, as stored here
    for (const auto& c : bundle.candidates) {
        if (auto local = known(sql, "candidate", c.uuid)) {
            candidates[c.uuid] = *people.find_candidate(*local);
        } else if (auto named = same_name(sql, "SELECT id FROM candidate WHERE lower(trim(name)) = lower(trim(?)) "
                                               "AND loop_id = ? ORDER BY id LIMIT 1",
                                          c.name, loop_id)) {
            candidates[c.uuid] = *people.find_candidate(*named);
            if (same_names == SameNames::merge) {
                remember_alias(sql, "candidate", c.uuid, *named);
                ++report.candidates_matched;
            } else {
                matches.push_back({file, loop_name, c.name});
            }
        } else {
            Candidate added = c;
            added.id = 0;
            added.loop_id = loop_id;
            people.save(added);
            candidates[c.uuid] = added;
            ++report.candidates_added;
        }
    }

    for (const auto& as_read : bundle.interviews) {
        // The file's questions as asked, as this database's versions (the same content is one).
        const BundledInterview& b = as_read;
        const Candidate& candidate = candidates.at(b.candidate_uuid);
        Interview theirs = b.interview; // as this database has it: its candidate, its versions
        theirs.candidate_id = candidate.id;
        for (auto& q : theirs.questions)
            q.version = q.version > 0 ? merger.version_for(bundle.asked[static_cast<std::size_t>(q.version - 1)])
                                      : interviews.planned_version(q);
        InterviewMerge m;
        m.file = file;
        m.uuid = b.interview.uuid;
        m.interviewer = b.interview.interviewer;
        m.candidate = candidate.name;
        m.date = b.interview.date;
        m.bundle_updated_at = b.updated_at;
        const auto local_id = id_by_uuid(sql, "interview", b.interview.uuid);
        if (!local_id) {
            write_interview(interviews, 0, theirs, b);
            m.outcome = MergeOutcome::added;
        } else {
            m.local_updated_at = updated_at_of(merger.db.sql(), *local_id);
            const auto here = interviews.find(*local_id);
            if (m.local_updated_at < b.updated_at && here && progress(b.interview) < progress(*here)) {
                m.outcome = MergeOutcome::skipped_behind;
                m.bundle_stage = std::string(label(stage_of(b.interview)));
                m.local_stage = std::string(label(stage_of(*here)));
            } else if (m.local_updated_at < b.updated_at) {
                write_interview(interviews, *local_id, theirs, b);
                m.outcome = MergeOutcome::replaced;
            } else if (m.local_updated_at > b.updated_at) {
                m.outcome = MergeOutcome::skipped_older;
            } else {
                theirs.id = *local_id;
                const bool same = interviews.find(*local_id) == theirs &&
                                  same_events(interviews.events(*local_id), b.events);
                m.outcome = same ? MergeOutcome::unchanged : MergeOutcome::skipped_conflict;
            }
        }
        report.interviews.push_back(std::move(m));
    }
}

} // namespace

std::string write_bundle(const Bundle& b) {
    ordered_json root = ordered_json::object();
    root["format"] = bundle_format;
    root["loop"] =
        ordered_json{{"uuid", b.loop.uuid}, {"name", b.loop.name}, {"role", b.loop.role}};
    root["candidates"] = ordered_json::array();
    for (const auto& c : b.candidates)
        root["candidates"].push_back(ordered_json{{"uuid", c.uuid},
                                                  {"name", c.name},
                                                  {"role", c.role},
                                                  {"level", name(c.level)},
                                                  {"notes", c.notes}});
    root["interviews"] = ordered_json::array();
    for (const auto& iv : b.interviews)
        root["interviews"].push_back(to_json(iv));
    root["asked"] = ordered_json::array();
    for (const auto& q : b.asked) root["asked"].push_back(to_json(q));
    // Text from the database is UTF-8; should a byte not be, it is replaced rather than lost whole.
    return root.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

Bundle read_bundle(std::string_view text, const std::string& file_name) {
    std::vector<FileProblem> problems;
    JsonReader r(file_name, problems);
    ParsedJson parsed;
    try {
        parsed = parse_json_text(text);
    } catch (const JsonTooLarge& e) {
        throw FileError({{file_name, position_at(text, e.byte() + 1), "", e.what()}});
    } catch (const json::parse_error& e) {
        // e.what() is "[json.exception.parse_error.101] parse error at line 3, column 5: why".
        std::string why = e.what();
        if (auto colon = why.find(": "); colon != std::string::npos) why = why.substr(colon + 2);
        for (char& c : why) // the bytes it quotes may be the broken UTF-8 itself
            if (static_cast<unsigned char>(c) >= 0x80) c = '?';
        throw FileError({{file_name, position_at(text, e.byte), "", "not valid JSON: " + why}});
    } catch (const json::out_of_range& e) {
        // "[json.exception.out_of_range.406] number overflow parsing '1e999'": a number no
        // double holds. It carries no position, so the number is found in the text instead.
        std::string why = e.what();
        if (auto space = why.find("] "); space != std::string::npos) why = why.substr(space + 2);
        SourcePosition at{};
        const auto open = why.find('\''), close = why.rfind('\'');
        if (open != std::string::npos && close > open + 1)
            if (auto byte = text.find(why.substr(open + 1, close - open - 1));
                byte != std::string_view::npos)
                at = position_at(text, byte + 1);
        throw FileError({{file_name, at, "", "not valid JSON: " + why}});
    }
    for (const auto& key : parsed.duplicate_keys)
        r.problem(key, "appears twice in one object; a bundle says each thing once");
    const json& root = parsed.value;

    if (!root.is_object()) {
        r.problem(
            "", fmt::format("expected a scorecard bundle (an object with \"format\": {}), found {}",
                            bundle_format, shown(root)));
        throw FileError(std::move(problems));
    }
    // The format comes first: fields of a newer format would only read as noise.
    const auto format = root.find("format");
    if (format == root.end()) {
        r.problem("format", "missing; is this a Panelist scorecard bundle?");
        throw FileError(std::move(problems));
    }
    if (format->is_number_integer() && format->get<std::int64_t>() > bundle_format) {
        r.problem("format",
                  fmt::format("this bundle is format {}, newer than this Panelist reads ({}); "
                              "update Panelist to import it",
                              format->get<std::int64_t>(), bundle_format));
        throw FileError(std::move(problems));
    }
    if (!r.integer(&*format, "format", 1, bundle_format)) throw FileError(std::move(problems));

    Fields f(r, root, "", {"format", "loop", "candidates", "interviews", "asked"});
    Bundle bundle;
    if (const json* loop = f.get("loop")) bundle.loop = read_loop(r, *loop);
    if (auto list = r.list(f.get("candidates"), "candidates"))
        for (std::size_t i = 0; i < list->size(); ++i)
            bundle.candidates.push_back(read_candidate(r, (*list)[i], item_of("candidates", i)));
    if (auto list = r.list(f.get("interviews"), "interviews"))
        for (std::size_t i = 0; i < list->size(); ++i)
            bundle.interviews.push_back(read_interview(r, (*list)[i], item_of("interviews", i)));
    if (const json* asked = f.optional("asked")) // format 2
        if (auto list = r.list(asked, "asked"))
            for (std::size_t i = 0; i < list->size(); ++i) bundle.asked.push_back(read_asked(r, (*list)[i], item_of("asked", i)));
    check_references(r, bundle);
    if (!problems.empty()) throw FileError(std::move(problems));
    return bundle;
}

std::optional<Bundle> bundle_for_interview(Database& db, const std::string& interview) {
    return at_store_edge(db.sql(), [&]() -> std::optional<Bundle> {
        SQLite::Statement s(db.sql(),
                            "SELECT id FROM interview WHERE uuid = ? OR CAST(id AS TEXT) = ?");
        s.bind(1, interview);
        s.bind(2, interview);
        if (!s.executeStep()) return std::nullopt;
        auto iv = InterviewRepository(db).find(s.getColumn(0).getInt64());
        PeopleRepository people(db);
        auto candidate = people.find_candidate(iv->candidate_id);
        auto loop = people.find_loop(candidate->loop_id);
        Bundle b;
        b.loop = *loop;
        b.candidates = {*candidate};
        b.interviews = {bundled(db, *iv, candidate->uuid)};
        index_asked(db, b);
        return b;
    });
}

std::optional<Bundle> bundle_for_loop(Database& db, const std::string& loop_name) {
    return at_store_edge(db.sql(), [&]() -> std::optional<Bundle> {
        PeopleRepository people(db);
        auto loop = people.find_loop_by_name(loop_name);
        if (!loop) return std::nullopt;
        InterviewRepository interviews(db);
        Bundle b;
        b.loop = *loop;
        b.candidates = people.candidates(loop->id, true);
        for (const auto& c : b.candidates)
            for (const auto& iv : interviews.for_candidate(c.id))
                b.interviews.push_back(bundled(db, iv, c.uuid));
        sort_for_export(b);
        index_asked(db, b);
        return b;
    });
}

std::string InterviewMerge::describe() const {
    const std::string which = fmt::format("{} / {} / {}", interviewer, candidate, date);
    switch (outcome) {
    case MergeOutcome::added:
        return "added " + which;
    case MergeOutcome::replaced:
        return "replaced older local copy of " + which;
    case MergeOutcome::unchanged:
        return "unchanged " + which;
    case MergeOutcome::skipped_older:
        return fmt::format(
            "skipped older copy of {} (this database's copy is newer: {}, the bundle's {})", which,
            local_updated_at, bundle_updated_at);
    case MergeOutcome::skipped_behind:
        return fmt::format("skipped the newer {} copy of {}: this database's copy is further along ({}), so "
                           "its scores and notes stay",
                           bundle_stage, which, local_stage);
    case MergeOutcome::skipped_conflict:
        return fmt::format(
            "skipped {}: same update time ({}) as this database's copy but different "
            "content; kept this database's copy",
            which, bundle_updated_at);
    }
    return which;
}

int BundleImportReport::count(MergeOutcome outcome) const {
    return static_cast<int>(
        std::count_if(interviews.begin(), interviews.end(),
                      [&](const InterviewMerge& m) { return m.outcome == outcome; }));
}

std::string SameNameMatch::describe() const {
    if (candidate.empty())
        return fmt::format("{}: the loop \"{}\" is already here, made separately (another laptop gave it "
                           "its own identity)", file, loop);
    return fmt::format("{}: the candidate \"{}\" of \"{}\" is already here, made separately", file, candidate, loop);
}

SameNamesFound::SameNamesFound(std::vector<SameNameMatch> matches)
    : std::runtime_error([&] {
          std::string text;
          for (const auto& m : matches) text += m.describe() + "\n";
          return text + "If they are the same, import again taking them as one (panelist bundle import "
                        "--merge-same-names; remembered for later files); if they are different, rename "
                        "one of them first.";
      }()),
      matches_(std::move(matches)) {}

BundleImportReport import_bundle_texts(Database& db, const std::vector<NamedText>& texts, SameNames same_names) {
    std::vector<ReadBundle> bundles;
    std::vector<FileProblem> problems;
    for (const auto& t : texts) {
        try {
            bundles.push_back({t.name, read_bundle(t.text, t.name)});
        } catch (const FileError& e) {
            problems.insert(problems.end(), e.problems().begin(), e.problems().end());
        }
    }
    if (!problems.empty()) throw FileError(std::move(problems));
    return import_bundles(db, bundles, same_names);
}

BundleImportReport import_bundles(Database& db, const std::vector<ReadBundle>& bundles, SameNames same_names) {
    return at_store_edge(db.sql(), [&]() -> BundleImportReport {
        BundleImportReport report;
        std::vector<SameNameMatch> matches;
        WriteTransaction tx(db.sql());
        Merger merger(db);
        for (const auto& [file, bundle] : bundles) {
            try {
                merge(merger, file, bundle, same_names, report, matches);
            } catch (const std::exception& e) {
                // Checked files should always merge; if the database disagrees, nothing is kept.
                throw FileError({{file, {}, "", fmt::format("cannot be merged: {}", e.what())}});
            }
        }
        if (!matches.empty()) throw SameNamesFound(std::move(matches)); // rolled back: nothing written
        tx.commit();
        return report;
    });
}

BundleImportReport import_bundle_files(Database& db, const std::vector<std::filesystem::path>& paths,
                                       SameNames same_names) {
    return import_bundle_texts(db, read_text_files(paths), same_names);
}

std::optional<std::string> bundle_too_large_to_import(std::string_view text) {
    if (text.size() <= max_input_file_bytes) return std::nullopt;
    return fmt::format("This bundle is more than one import reads ({} MiB): share the loop's "
                       "interviews in parts (bundle export --interview), or through the team folder.",
                       max_input_file_bytes >> 20);
}

} // namespace panelist

// The JSON profile reader: one JSON Lines record in, a Profile or positioned diagnostics out, with the
// checks of the TOML loader. Most cases use the small hand-built rule set of profile_fixture.hpp; the
// last ones read every bundled example, converted from TOML to JSON, against the bundled rules.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <sstream>
#include <string>
#include <toml++/toml.h>

#include "../rules/rule_base_fixture.hpp"
#include "dsl/diagnostic_codes.hpp"
#include "dsl/source_file.hpp"
#include "engine/profile.hpp"
#include "engine/profile_json.hpp"
#include "profile_fixture.hpp"

namespace {

using rapport::dsl::Diagnostic;
using rapport::dsl::Diagnostics;
using rapport::engine::is_unknown;
using rapport::engine::JsonProfileReader;
using rapport::engine::Profile;
using rapport::engine::RecordPlace;
using rapport::engine::RuleSet;
namespace code = rapport::dsl::code;

const RuleSet& rules() { return rapport::engine::testing::profile_rules(); }

struct Read {
  bool valid = false;
  Profile profile;
  Diagnostics errors;
};

Read read(const std::string& record, std::uint32_t line = 7) {
  JsonProfileReader reader(rules());
  Read result;
  result.valid = reader.read(record, RecordPlace{"portfolio.jsonl", line}, result.profile, result.errors);
  return result;
}

const std::string kCompany = R"("company": {"name": "Northwind Retail"})";

// A record with the company and one more member, e.g. with(R"("it": {...})").
std::string with(const std::string& member) { return "{" + kCompany + ", " + member + "}"; }

// The 1-based column where `needle` starts in `record` (all test records are ASCII unless said).
std::uint32_t column_of(const std::string& record, const std::string& needle) {
  const auto at = record.find(needle);
  REQUIRE(at != std::string::npos);
  return static_cast<std::uint32_t>(at + 1);
}

// The only problem of a record that should fail exactly once.
Diagnostic only_error(const std::string& record) {
  const Read result = read(record);
  CHECK_FALSE(result.valid);
  INFO(record);
  for (const auto& e : result.errors) INFO(e.where.col << ": " << e.message);
  REQUIRE(result.errors.size() == 1);
  return result.errors.front();
}

}  // namespace

// ---------------------------------------------------------------- valid records

TEST_CASE("a JSON record fills every slot with normalised values, as a TOML profile does", "[profile-json]") {
  const Read result = read(R"({"company": {"name": "Northwind Retail", "industry": "Retail", "assessed_on": "2026-10-15"},)"
                           R"( "respondents": {"it": 14, "marketing": 22.0},)"
                           R"( "it": {"satisfied_with_collaboration": 0.18, "alignment_score": 4},)"
                           R"( "marketing": {"satisfied_with_collaboration": "9%", "alignment_score": 2.5, "budget_share": "58.5 %"},)"
                           R"( "company_metrics": {"cio_cmo_meetings_per_month": 0.5, "shared_kpis": true}})");
  REQUIRE(result.errors.empty());
  REQUIRE(result.valid);
  const Profile& p = result.profile;
  CHECK(p.company.name == "Northwind Retail");
  CHECK(p.company.industry == "Retail");
  CHECK(p.company.assessed_on == "2026-10-15");
  CHECK(p.it_respondents == 14);
  CHECK(p.marketing_respondents == 22);
  REQUIRE(p.values.size() == 7);
  CHECK(p.values[0] == 0.18);
  CHECK(p.values[1] == Approx(0.09));
  CHECK(p.values[2] == 4);
  CHECK(p.values[3] == 2.5);
  CHECK(p.values[4] == Approx(0.585));
  CHECK(p.values[5] == 0.5);
  CHECK(p.values[6] == 1);
}

TEST_CASE("null in a JSON record means unknown, as leaving the key out does", "[profile-json]") {
  const Read result = read(R"({"company": {"name": "A", "industry": null}, "respondents": {"it": null},)"
                           R"( "it": {"satisfied_with_collaboration": null}, "marketing": null})");
  REQUIRE(result.valid);
  CHECK(is_unknown(result.profile.values[0]));
  CHECK_FALSE(result.profile.it_respondents);
  CHECK(result.profile.company.industry.empty());
}

TEST_CASE("samples in a JSON record carry n, count and sd as in TOML", "[profile-json]") {
  const Read result = read(with(R"("respondents": {"it": 14, "marketing": 22},)"
                                R"( "it": {"satisfied_with_collaboration": {"count": 3, "n": 14}, "alignment_score": {"mean": 3.5, "sd": 0.9, "n": 12}},)"
                                R"( "marketing": {"satisfied_with_collaboration": {"value": "50%", "n": 20}})"));
  REQUIRE(result.valid);
  const Profile& p = result.profile;
  CHECK(p.values[0] == Approx(3.0 / 14));
  CHECK(p.samples[0].n == 14);
  CHECK(p.samples[0].count == 3);
  CHECK(p.values[2] == 3.5);
  CHECK(p.samples[2].sd == 0.9);
  CHECK(p.samples[2].n == 12);
  CHECK(p.values[1] == 0.5);
  CHECK(p.samples[1].n == 20);
  CHECK_FALSE(p.samples[1].count);
}

TEST_CASE("a reused profile keeps nothing of the record read before", "[profile-json]") {
  JsonProfileReader reader(rules());
  Profile profile;
  Diagnostics errors;
  REQUIRE(reader.read(R"({"company": {"name": "First", "industry": "Retail"}, "respondents": {"it": 9},)"
                      R"( "it": {"satisfied_with_collaboration": {"count": 3, "n": 9}}})",
                      RecordPlace{"p.jsonl", 1}, profile, errors));
  CHECK_FALSE(reader.read(R"({"company": {"name": "Bad"}, "it": {"satisfied_with_collaboration": 3}})",
                          RecordPlace{"p.jsonl", 2}, profile, errors));
  CHECK(errors.size() == 1);
  REQUIRE(reader.read(R"({"company": {"name": "Second"}})", RecordPlace{"p.jsonl", 3}, profile, errors));
  CHECK(errors.empty());
  CHECK(profile.company.name == "Second");
  CHECK(profile.company.industry.empty());
  CHECK_FALSE(profile.it_respondents);
  CHECK(is_unknown(profile.values[0]));
  CHECK_FALSE(profile.samples[0].n);
}

TEST_CASE("a record read in place, with padding after it, reads as a copied one does", "[profile-json]") {
  const std::string record = with(R"("it": {"alignment_score": 4.5}, "marketing": {"budget_share": "30%"})");
  std::string buffer = record + "\n" + with(R"("it": {"alignment_score": 1}})") + std::string(64, ' ');
  JsonProfileReader reader(rules());
  Profile in_place;
  Diagnostics errors;
  REQUIRE(reader.read(std::string_view(buffer).substr(0, record.size()), buffer.size(), RecordPlace{"p", 1}, in_place,
                      errors));
  CHECK(in_place.values[2] == 4.5);
  CHECK(in_place.values[4] == Approx(0.3));
}

// ---------------------------------------------------------------- where problems are reported

TEST_CASE("a record's problems name the file, the record's line and the column in code points",
          "[profile-json]") {
  const std::string record = R"({"company": {"name": "Café Müller"}, "it": {"alignment_score": 7}})";
  const Read result = read(record, 1234);
  REQUIRE(result.errors.size() == 1);
  const Diagnostic& d = result.errors.front();
  CHECK(d.where.file == "portfolio.jsonl");
  CHECK(d.where.line == 1234);
  // Two characters of the name take two bytes each: the column counts them once.
  CHECK(d.where.col == column_of(record, "7}}") - 2);
  CHECK(d.code == code::out_of_range);
  CHECK(d.message == "'alignment_score' is 7, outside its scale of 1 to 5");
  CHECK(d.help == "write a number from 1 to 5");
}

TEST_CASE("every problem in a record is reported, in the order written", "[profile-json]") {
  const std::string record = R"({"company": {"name": ""}, "respondents": {"it": -3},)"
                             R"( "it": {"satisfied_with_collaboration": 58, "alignment_score": "4"},)"
                             R"( "company_metrics": {"shared_kpis": 1}})";
  const Read result = read(record);
  CHECK_FALSE(result.valid);
  REQUIRE(result.errors.size() == 5);
  CHECK(result.errors[0].code == code::bad_value);
  CHECK(result.errors[0].where.col == column_of(record, R"("")"));
  CHECK(result.errors[1].where.col == column_of(record, "-3"));
  CHECK(result.errors[2].where.col == column_of(record, "58"));
  CHECK(result.errors[3].where.col == column_of(record, R"("4")"));
  CHECK(result.errors[3].where.length == 3);
  CHECK(result.errors[4].where.col == column_of(record, "1}}"));
}

// ---------------------------------------------------------------- metric values

TEST_CASE("an unknown metric id is reported at its key with the nearest id of that group", "[profile-json]") {
  const std::string record = with(R"("it": {"satisfied_with_colaboration": 0.2})");
  const Diagnostic d = only_error(record);
  CHECK(d.code == code::unknown_key);
  CHECK(d.where.col == column_of(record, R"("satisfied_with_colaboration")"));
  CHECK(d.where.length == 29);
  CHECK(d.message == R"(unknown metric 'satisfied_with_colaboration' in "it")");
  CHECK(d.help == "did you mean 'satisfied_with_collaboration'?");
}

TEST_CASE("a metric under a group it is not asked of says where it belongs", "[profile-json]") {
  const std::string record = with(R"("it": {"budget_share": 0.5})");
  const Diagnostic d = only_error(record);
  CHECK(d.code == code::group_not_asked);
  CHECK(d.where.col == column_of(record, R"("budget_share")"));
  CHECK(d.message == "'budget_share' is not asked of the IT group");
  CHECK(d.help == R"('budget_share' is asked of the marketing group; put it inside "marketing")");
}

TEST_CASE("shares outside 0 to 1, or given as other types, are refused with the TOML loader's words",
          "[profile-json]") {
  SECTION("a whole number that meant a percentage") {
    const Diagnostic d = only_error(with(R"("it": {"satisfied_with_collaboration": 58})"));
    CHECK(d.code == code::out_of_range);
    CHECK(d.message == "'satisfied_with_collaboration' is 58, outside 0 to 1 (shares are fractions)");
    CHECK(d.help == R"(write 0.58 or "58%")");
  }
  SECTION("a percentage above 100%") {
    const Diagnostic d = only_error(with(R"("marketing": {"budget_share": "140%"})"));
    CHECK(d.code == code::out_of_range);
    CHECK(d.message == R"('budget_share' is "140%", outside 0% to 100%)");
  }
  SECTION("text that is not a percentage") {
    const Diagnostic d = only_error(with(R"("marketing": {"budget_share": "about half"})"));
    CHECK(d.code == code::wrong_type);
    CHECK(d.message == R"('budget_share' is the string "about half", which is not a percentage)");
  }
  SECTION("a boolean") {
    const Diagnostic d = only_error(with(R"("marketing": {"budget_share": true})"));
    CHECK(d.code == code::wrong_type);
    CHECK(d.message == "'budget_share' is a share, so it takes a fraction or a percentage, not a boolean");
  }
  SECTION("an array") {
    const std::string record = with(R"("marketing": {"budget_share": [0.5]})");
    const Diagnostic d = only_error(record);
    CHECK(d.message == "'budget_share' is a share, so it takes a fraction or a percentage, not an array");
    CHECK(d.where.col == column_of(record, "[0.5]"));
  }
}

TEST_CASE("scale values outside their bounds or quoted, and flags given as numbers, are refused", "[profile-json]") {
  SECTION("a quoted scale value") {
    const Diagnostic d = only_error(with(R"("it": {"alignment_score": "4"})"));
    CHECK(d.code == code::wrong_type);
    CHECK(d.message == "'alignment_score' is a scale of 1 to 5, so it takes a number, not a string");
    CHECK(d.help == "write 4 without quotes");
  }
  SECTION("a scale value below its bounds") {
    const Diagnostic d = only_error(with(R"("it": {"alignment_score": 0.5})"));
    CHECK(d.code == code::out_of_range);
  }
  SECTION("a flag given as 1") {
    const Diagnostic d = only_error(with(R"("company_metrics": {"shared_kpis": 1})"));
    CHECK(d.message == "'shared_kpis' is a flag, so it takes true or false, not a number");
    CHECK(d.help == "write true instead of 1");
  }
  SECTION("a flag given as an object") {
    const Diagnostic d = only_error(with(R"("company_metrics": {"shared_kpis": {"value": true}})"));
    CHECK(d.message == "'shared_kpis' is a flag, so it takes true or false, not an object");
  }
  SECTION("a company metric given with a sample") {
    const Diagnostic d = only_error(with(R"("company_metrics": {"cio_cmo_meetings_per_month": {"mean": 2, "n": 3}})"));
    CHECK(d.message == "'cio_cmo_meetings_per_month' takes a number, not an object");
  }
}

TEST_CASE("a metric given twice in one group is refused at its second key", "[profile-json]") {
  const std::string record = with(R"("it": {"alignment_score": 3, "alignment_score": 4})");
  const Diagnostic d = only_error(record);
  CHECK(d.code == code::duplicate_field);
  CHECK(d.where.col == column_of(record, R"("alignment_score": 4)"));
  CHECK(d.message == R"('alignment_score' is given twice in "it")");
}

// ---------------------------------------------------------------- samples

TEST_CASE("a sample's n above the group's respondents is refused at n", "[profile-json]") {
  const std::string record =
      with(R"("respondents": {"it": 10}, "it": {"satisfied_with_collaboration": {"count": 3, "n": 14}})");
  const Diagnostic d = only_error(record);
  CHECK(d.code == code::out_of_range);
  CHECK(d.where.col == column_of(record, "14}"));
  CHECK(d.message == "'satisfied_with_collaboration' has n = 14, more than the 10 respondents in the IT group");
}

TEST_CASE("a sample's count above its n, n = 0, or a missing n are refused", "[profile-json]") {
  SECTION("count above n: at the whole sample") {
    const std::string record = with(R"("it": {"satisfied_with_collaboration": {"count": 15, "n": 14}})");
    const Diagnostic d = only_error(record);
    CHECK(d.code == code::out_of_range);
    CHECK(d.where.col == column_of(record, R"({"count")"));
    CHECK(d.where.length == std::string(R"({"count": 15, "n": 14})").size());
    CHECK(d.message == "'satisfied_with_collaboration' has count = 15, more than the 14 who answered");
  }
  SECTION("n = 0: at n") {
    const std::string record = with(R"("it": {"satisfied_with_collaboration": {"count": 0, "n": 0}})");
    const Diagnostic d = only_error(record);
    CHECK(d.code == code::bad_value);
    CHECK(d.where.col == column_of(record, "0}"));
  }
  SECTION("no n: the help shows the JSON to write") {
    const Diagnostic d = only_error(with(R"("it": {"satisfied_with_collaboration": {"count": 3}})"));
    CHECK(d.code == code::missing_field);
    CHECK(d.help == R"(write e.g. "satisfied_with_collaboration": {"count": 3, "n": 14})");
  }
  SECTION("a scale's sample with a value instead of a mean") {
    const Diagnostic d = only_error(with(R"("it": {"alignment_score": {"value": 4, "n": 12}})"));
    CHECK(d.code == code::unknown_key);
    CHECK(d.help == R"(a scale's sample gives its mean: write "mean": 4)");
  }
  SECTION("a negative standard deviation") {
    const Diagnostic d = only_error(with(R"("it": {"alignment_score": {"mean": 4, "sd": -1, "n": 12}})"));
    CHECK(d.code == code::out_of_range);
    CHECK(d.help == R"(write the sample standard deviation of the answers, e.g. "sd": 0.9)");
  }
}

// ---------------------------------------------------------------- numbers beyond a double

TEST_CASE("a number beyond a double's range in a record is not finite, refused at its value", "[profile-json][numbers]") {
  SECTION("a share of 1e999") {
    const std::string record = with(R"("it": {"satisfied_with_collaboration": 1e999})");
    const Diagnostic d = only_error(record);
    CHECK(d.code == code::not_finite);
    CHECK(d.where.line == 7);
    CHECK(d.where.col == column_of(record, "1e999"));
    CHECK(d.where.length == 5);
    CHECK(d.message == "'satisfied_with_collaboration' is inf, not a finite number");
    CHECK(d.help == "leave 'satisfied_with_collaboration' out if its value is unknown");
  }
  SECTION("a company figure of -1E+400") {
    const std::string record = with(R"("company_metrics": {"cio_cmo_meetings_per_month": -1E+400})");
    const Diagnostic d = only_error(record);
    CHECK(d.code == code::not_finite);
    CHECK(d.where.col == column_of(record, "-1E+400"));
    CHECK(d.message == "'cio_cmo_meetings_per_month' is -inf, not a finite number");
  }
  SECTION("respondents written with 400 digits") {
    const std::string digits = "1" + std::string(400, '0');
    const std::string record = with(R"("respondents": {"it": )" + digits + "}");
    const Diagnostic d = only_error(record);
    CHECK(d.code == code::not_finite);
    CHECK(d.where.col == column_of(record, digits));
  }
  SECTION("a sample's n and sd") {
    const std::string n_record = with(R"("it": {"alignment_score": {"mean": 4, "sd": 1, "n": 1e999}})");
    CHECK(only_error(n_record).code == code::not_finite);
    CHECK(only_error(n_record).where.col == column_of(n_record, "1e999"));
    const std::string sd_record = with(R"("it": {"alignment_score": {"mean": 4, "sd": 1e999, "n": 12}})");
    CHECK(only_error(sd_record).code == code::not_finite);
    CHECK(only_error(sd_record).where.col == column_of(sd_record, "1e999"));
  }
  SECTION("a number too small to tell from zero reads as zero") {
    const Read result = read(with(R"("it": {"satisfied_with_collaboration": 1e-999})"));
    CHECK(result.valid);
    CHECK(result.profile.values[0] == 0.0);
  }
}

TEST_CASE("NaN and Infinity, which JSON lacks, are not finite at their token", "[profile-json][numbers]") {
  for (const std::string written : {"NaN", "Infinity", "-Infinity"}) {
    const std::string record = with(R"("it": {"satisfied_with_collaboration": )" + written + "}}");
    INFO(record);
    const Diagnostic d = only_error(record);
    CHECK(d.code == code::not_finite);
    CHECK(d.where.col == column_of(record, written));
  }
}

TEST_CASE("a malformed number stays a syntax error, not an infinity", "[profile-json][numbers]") {
  const std::string record = with(R"("it": {"satisfied_with_collaboration": 1e})");
  const Diagnostic d = only_error(record);
  CHECK(d.code == code::profile_syntax);
  CHECK(d.message == "invalid JSON: a number is malformed or too large");
}

// ---------------------------------------------------------------- company and respondents

TEST_CASE("respondents must be whole numbers of zero or more, with help in JSON", "[profile-json]") {
  SECTION("a fraction") {
    const Diagnostic d = only_error(with(R"("respondents": {"marketing": 14.5})"));
    CHECK(d.code == code::wrong_type);
    CHECK(d.message == "the number of marketing respondents must be a whole number, not 14.5");
    CHECK(d.help == R"(write how many people answered, e.g. "marketing": 14)");
  }
  SECTION("text") {
    const Diagnostic d = only_error(with(R"("respondents": {"it": "14"})"));
    CHECK(d.message == "the number of IT respondents must be a whole number, not a string");
    CHECK(d.help == R"(write a count without quotes, e.g. "it": 14)");
  }
  SECTION("an unknown key") {
    const Diagnostic d = only_error(with(R"("respondents": {"marketin": 14})"));
    CHECK(d.code == code::unknown_key);
    CHECK(d.help == "did you mean 'marketing'?");
  }
}

TEST_CASE("a record without a company, or whose company has no name, is refused", "[profile-json]") {
  SECTION("no company: at the record's start") {
    const Diagnostic d = only_error(R"({"it": {"alignment_score": 3}})");
    CHECK(d.code == code::missing_field);
    CHECK(d.where.col == 1);
    CHECK(d.message == R"(the profile has no "company")");
  }
  SECTION("no name: at the company's key") {
    const std::string record = R"({"it": {}, "company": {"industry": "Retail"}})";
    const Diagnostic d = only_error(record);
    CHECK(d.code == code::missing_field);
    CHECK(d.where.col == column_of(record, R"("company")"));
  }
  SECTION("a company that is null") {
    const Diagnostic d = only_error(R"({"company": null, "it": {}})");
    CHECK(d.code == code::wrong_type);
    CHECK(d.message == R"("company" must be an object, not null)");
  }
  SECTION("a name that is not text") {
    const Diagnostic d = only_error(R"({"company": {"name": 42}})");
    CHECK(d.code == code::wrong_type);
    CHECK(d.message == "'name' takes text, not a number");
  }
  SECTION("a misspelt company key") {
    const Diagnostic d = only_error(R"({"company": {"name": "A", "industy": "Retail"}})");
    CHECK(d.code == code::unknown_key);
    CHECK(d.help == "did you mean 'industry'?");
  }
}

TEST_CASE("unknown keys at the top of a record suggest the object meant", "[profile-json]") {
  SECTION("a misspelt object") {
    const std::string record = with(R"("marketting": {"budget_share": 0.5})");
    const Diagnostic d = only_error(record);
    CHECK(d.code == code::unknown_key);
    CHECK(d.where.col == column_of(record, R"("marketting")"));
    CHECK(d.message == "unknown object 'marketting' in the profile");
    CHECK(d.help == R"(did you mean "marketing"?)");
  }
  SECTION("a metric outside any group") {
    const Diagnostic d = only_error(with(R"("budget_share": 0.5)"));
    CHECK(d.message == "unknown key 'budget_share' in the profile");
    CHECK(d.help == R"(put 'budget_share' inside "marketing")");
  }
  SECTION("a group given as something else than an object") {
    const std::string record = with(R"("it": [1, 2])");
    const Diagnostic d = only_error(record);
    CHECK(d.code == code::wrong_type);
    CHECK(d.where.col == column_of(record, "[1, 2]"));
    CHECK(d.message == R"("it" must be an object, not an array)");
  }
  SECTION("a record that is not an object") {
    const Diagnostic d = only_error("[1, 2]");
    CHECK(d.code == code::wrong_type);
    CHECK(d.message == "a profile is a JSON object, not an array");
  }
}

TEST_CASE("top-level keys written with escapes are read unescaped, and their problems point at the key",
          "[profile-json]") {
  SECTION("escaped names of known objects read as the plain names") {
    const Read result = read(R"({"compan\u0079": {"name": "Northwind Retail"}, "\u0069t": {"alignment_score": 4}})");
    REQUIRE(result.errors.empty());
    CHECK(result.valid);
    CHECK(result.profile.company.name == "Northwind Retail");
  }
  SECTION("an escaped unknown key is reported at its opening quote") {
    const std::string record = with(R"("marketting\u0021": {"budget_share": 0.5})");
    const Diagnostic d = only_error(record);
    CHECK(d.code == code::unknown_key);
    CHECK(d.where.col == column_of(record, R"("marketting\u0021")"));
  }
  SECTION("an escaped object given twice is reported at its second key") {
    const std::string record = with(R"("it": {}, "i\u0074": {})");
    const Diagnostic d = only_error(record);
    CHECK(d.code == code::duplicate_field);
    CHECK(d.where.col == column_of(record, R"("i\u0074")"));
  }
}

// ---------------------------------------------------------------- JSON syntax

TEST_CASE("a JSON syntax error is the record's only problem, at the token the parser could not take",
          "[profile-json]") {
  SECTION("a missing comma") {
    const std::string record = R"({"company": {"name": "A"} "it": {"alignment_score": 90}})";
    const Diagnostic d = only_error(record);
    CHECK(d.code == code::profile_syntax);
    CHECK(d.where.col == column_of(record, R"("it")"));
    CHECK(d.message.starts_with("invalid JSON: "));
  }
  SECTION("a string never closed") {
    const std::string record = R"({"company": {"name": "A}})";
    const Diagnostic d = only_error(record);
    CHECK(d.where.col == column_of(record, R"("A)"));
    CHECK(d.message == "invalid JSON: a string is never closed");
  }
  SECTION("an object never closed") {
    const std::string record = R"({"company": {"name": "A"})";
    const Diagnostic d = only_error(record);
    CHECK(d.where.col == record.size() + 1);
    CHECK(d.message == "invalid JSON: an object or array is never closed");
  }
  SECTION("text after the object") {
    const std::string record = R"({"company": {"name": "A"}}})";
    const Diagnostic d = only_error(record);
    CHECK(d.where.col == record.size());
    CHECK(d.message == "invalid JSON: there is text after the profile's closing '}'");
  }
  SECTION("a malformed number") {
    const std::string record = with(R"("it": {"alignment_score": 01})");
    const Diagnostic d = only_error(record);
    CHECK(d.where.col == column_of(record, "01"));
    CHECK(d.message == "invalid JSON: a number is malformed or too large");
  }
  SECTION("bytes that are not UTF-8") {
    const std::string record = "{\"company\": {\"name\": \"Caf\xE9\"}}";
    const Diagnostic d = only_error(record);
    CHECK(d.where.col == column_of(record, "\xE9"));
    CHECK(d.code == code::not_utf8);
    CHECK(d.message.starts_with("not valid UTF-8: byte 0xE9 does not belong here"));
  }
  SECTION("a misspelt literal") {
    const Diagnostic d = only_error(with(R"("company_metrics": {"shared_kpis": ture})"));
    CHECK(d.code == code::profile_syntax);
  }
}

// ---------------------------------------------------------------- the examples, as JSON

namespace {

// A TOML profile as one JSON line, as scripts/make-batch-sample.py writes them: toml++ renders it as
// JSON (dates as strings), and the line breaks between tokens go.
std::string as_json_line(const std::string& toml_text) {
  std::ostringstream json;
  json << toml::json_formatter{toml::parse(toml_text)};
  std::string line = json.str();
  for (char& c : line)
    if (c == '\n') c = ' ';
  return line;
}

bool same_value(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

}  // namespace

TEST_CASE("every example profile, written as a JSON line, reads to the same profile as its TOML",
          "[profile-json][examples]") {
  const auto& base = rapport::test::bundled_rule_base();
  REQUIRE(base.checked.rules.has_value());
  const RuleSet& bundled = *base.checked.rules;
  JsonProfileReader reader(bundled);
  int examples = 0;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(RAPPORT_SOURCE_DIR) + "/examples")) {
    if (entry.path().extension() != ".toml") continue;
    INFO(entry.path());
    const std::string text = rapport::test::read_file(entry.path());
    const auto from_toml = rapport::engine::load_profile(rapport::dsl::SourceFile(entry.path().string(), text), bundled);
    REQUIRE(from_toml.profile);
    Profile from_json;
    Diagnostics errors;
    const std::string line = as_json_line(text);
    INFO(line);
    REQUIRE(reader.read(line, RecordPlace{"examples.jsonl", 1}, from_json, errors));
    const Profile& expected = *from_toml.profile;
    CHECK(from_json.company.name == expected.company.name);
    CHECK(from_json.company.industry == expected.company.industry);
    CHECK(from_json.company.assessed_on == expected.company.assessed_on);
    CHECK(from_json.it_respondents == expected.it_respondents);
    CHECK(from_json.marketing_respondents == expected.marketing_respondents);
    REQUIRE(from_json.values.size() == expected.values.size());
    for (std::size_t s = 0; s < expected.values.size(); ++s) {
      INFO("slot " << s);
      CHECK(same_value(from_json.values[s], expected.values[s]));
      CHECK(from_json.samples[s].n == expected.samples[s].n);
      CHECK(from_json.samples[s].count == expected.samples[s].count);
      CHECK(from_json.samples[s].sd == expected.samples[s].sd);
    }
    ++examples;
  }
  CHECK(examples >= 6);
}

TEST_CASE("a profile with samples of every kind reads the same from TOML and from JSON", "[profile-json]") {
  const std::string toml = R"([company]
name = "Sampled"
assessed_on = 2026-10-15
[respondents]
it = 14
marketing = 22
[it]
satisfied_with_collaboration = { count = 3, n = 14 }
alignment_score = { mean = 3.4, sd = 0.8, n = 12 }
[marketing]
satisfied_with_collaboration = { value = "64%", n = 20 }
alignment_score = 2
budget_share = 0.3
[company_metrics]
shared_kpis = false
cio_cmo_meetings_per_month = 2
)";
  const auto from_toml = rapport::engine::load_profile(rapport::dsl::SourceFile("s.toml", toml), rules());
  REQUIRE(from_toml.profile);
  const Read from_json = read(as_json_line(toml));
  REQUIRE(from_json.valid);
  for (std::size_t s = 0; s < rules().slots.size(); ++s) {
    INFO("slot " << s);
    CHECK(same_value(from_json.profile.values[s], from_toml.profile->values[s]));
    CHECK(from_json.profile.samples[s].n == from_toml.profile->samples[s].n);
    CHECK(from_json.profile.samples[s].count == from_toml.profile->samples[s].count);
    CHECK(from_json.profile.samples[s].sd == from_toml.profile->samples[s].sd);
  }
  CHECK(from_json.profile.company.assessed_on == "2026-10-15");
}

// Damaged input never throws or crashes: every error comes back as a positioned diagnostic.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <optional>
#include <random>

#include "parse_fixture.hpp"

using namespace rapport::dsl;
using namespace rapport::dsl::testing;

namespace {

const char* const kExample =
    "# Sources\n"
    "source accenture_disconnect\n"
    "  title \"The CMO–CIO disconnect\"\n"
    "  sample marketing 405, it 252\n"
    "  year 2010\n"
    "end\n"
    "metric satisfied\n"
    "  question \"Satisfied?\"\n"
    "  kind scale 1 to 5\n"
    "  asked both\n"
    "  benchmark it about 10% from accenture_disconnect \"one in ten\"\n"
    "end\n"
    "finding f\n"
    "  severity high\n"
    "  when it.satisfied < 30% or not (marketing.satisfied >= 2.5 and known(x))\n"
    "  evidence accenture_disconnect \"q\"\n"
    "  narrative \"Only {it.satisfied} of IT \\u{e9} {{x}}\"\n"
    "            \"{max(a, -b, 3pp)} more\"\n"
    "end\n"
    "recommendation r\n"
    "  owner both\n"
    "  horizon 30 days\n"
    "  when f\n"
    "  priority 50 + 100 * default(abs(gap(satisfied)), 0) / 2 - 1\n"
    "  action \"Act\"\n"
    "end\n";

}  // namespace

TEST_CASE("randomly damaged rule files give positioned diagnostics and never throw", "[robustness]") {
  const std::string alphabet = "()\"{}\\#%.,<>=!+-*/ \n\tabcdeinorst0123456789\xC3\xA9";
  std::mt19937 random(20240611);  // fixed: the test is deterministic
  const int rounds = std::getenv("RAPPORT_FUZZ_ROUNDS") ? std::atoi(std::getenv("RAPPORT_FUZZ_ROUNDS")) : 1500;
  for (int round = 0; round < rounds; ++round) {
    std::string text = kExample;
    const int edits = 1 + static_cast<int>(random() % 4);
    for (int e = 0; e < edits; ++e) {
      const std::size_t at = random() % text.size();
      switch (random() % 3) {
        case 0: text.erase(at, 1 + random() % 6); break;
        case 1: text.insert(at, 1, alphabet[random() % alphabet.size()]); break;
        default: text[at] = alphabet[random() % alphabet.size()]; break;
      }
      if (text.empty()) text.push_back('x');
    }
    INFO(text);
    std::optional<Parsed> parsed;
    REQUIRE_NOTHROW(parsed.emplace(text));
    for (const Diagnostic& d : parsed->diagnostics()) {
      CHECK(d.where.line >= 1);
      CHECK(d.where.col >= 1);
      CHECK(!d.message.empty());
      CHECK(d.message.find("boost") == std::string::npos);  // never a mangled parser type as a rule name
    }
    REQUIRE_NOTHROW(parsed->rendered());
  }
}

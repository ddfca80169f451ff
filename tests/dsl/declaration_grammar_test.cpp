// Declarations and every one of their fields, in any order, with spans.
#include <catch2/catch.hpp>

#include "parse_fixture.hpp"

using namespace rapport::dsl;
using namespace rapport::dsl::testing;

namespace {

const Declaration& only_declaration(const Parsed& parsed) {
  INFO(parsed.rendered());
  REQUIRE(parsed.diagnostics().empty());
  REQUIRE(parsed.declarations().size() == 1);
  return parsed.declarations()[0];
}

}  // namespace

TEST_CASE("a source has title, by, year, sample, url and note", "[decl]") {
  Parsed parsed(
      "source accenture_disconnect\n"
      "  title \"The CMO–CIO disconnect\"\n"
      "  by \"Brian Whipple and Baiju Shah, Accenture\"\n"
      "  year 2010\n"
      "  sample marketing 405, it 252, total 657\n"
      "  url \"https://example.com/report\"\n"
      "  note \"surveyed worldwide\"\n"
      "end\n");
  const Declaration& decl = only_declaration(parsed);
  CHECK(decl.kind == DeclKind::Source);
  CHECK(decl.id.name == "accenture_disconnect");
  CHECK(parsed.slice(decl.id.span) == "accenture_disconnect");
  CHECK(parsed.slice(decl.span) == parsed.file.text().substr(0, parsed.file.text().size() - 1));

  const auto texts = fields_of<TextField>(decl);
  REQUIRE(texts.size() == 4);
  CHECK(texts[0].key == FieldKey::Title);
  CHECK(texts[0].text.value == "The CMO–CIO disconnect");
  CHECK(parsed.slice(texts[0].span) == "title \"The CMO–CIO disconnect\"");
  CHECK(parsed.slice(texts[0].text.span) == "\"The CMO–CIO disconnect\"");
  CHECK(texts[1].key == FieldKey::By);
  CHECK(texts[2].key == FieldKey::Url);
  CHECK(texts[3].key == FieldKey::Note);

  const auto years = fields_of<NumberField>(decl);
  REQUIRE(years.size() == 1);
  CHECK(years[0].key == FieldKey::Year);
  CHECK(years[0].value == 2010);
  CHECK(parsed.slice(years[0].span) == "year 2010");

  const auto samples = fields_of<SampleField>(decl);
  REQUIRE(samples.size() == 1);
  const auto& counts = samples[0].counts;
  REQUIRE(counts.size() == 3);
  CHECK(counts[0].group == Audience::Marketing);
  CHECK(counts[0].count == 405);
  CHECK(parsed.slice(counts[0].span) == "marketing 405");
  CHECK(counts[1].group == Audience::It);
  CHECK(counts[1].count == 252);
  CHECK(counts[2].group == Audience::Company);
  CHECK(parsed.slice(samples[0].span) == "sample marketing 405, it 252, total 657");
}

TEST_CASE("a metric has question, label, kind, asked and benchmarks", "[decl]") {
  Parsed parsed(
      "metric satisfied\n"
      "  question \"I am satisfied\"\n"
      "  label \"Satisfied\"\n"
      "  kind share\n"
      "  asked both\n"
      "  benchmark it about 10% from accenture \"one in ten\"\n"
      "  benchmark marketing 12pp from accenture\n"
      "  benchmark company under 50% from cmo_council\n"
      "  benchmark it over 3 from x\n"
      "end\n");
  const Declaration& decl = only_declaration(parsed);
  CHECK(decl.kind == DeclKind::Metric);
  const auto texts = fields_of<TextField>(decl);
  REQUIRE(texts.size() == 2);
  CHECK(texts[0].key == FieldKey::Question);
  CHECK(texts[1].key == FieldKey::Label);
  CHECK(texts[1].text.value == "Satisfied");

  const auto kinds = fields_of<KindField>(decl);
  REQUIRE(kinds.size() == 1);
  CHECK(kinds[0].kind == MetricKind::Share);
  CHECK(parsed.slice(kinds[0].span) == "kind share");

  const auto asked = fields_of<AskedField>(decl);
  REQUIRE(asked.size() == 1);
  CHECK(asked[0].audiences == std::vector<Audience>{Audience::It, Audience::Marketing});
  CHECK(parsed.slice(asked[0].span) == "asked both");

  const auto benchmarks = fields_of<BenchmarkField>(decl);
  REQUIRE(benchmarks.size() == 4);
  CHECK(benchmarks[0].group == Audience::It);
  CHECK(benchmarks[0].bound == Bound::About);
  CHECK(benchmarks[0].value.number == 0.10);
  CHECK(benchmarks[0].value.unit == NumberUnit::Percent);
  CHECK(benchmarks[0].source.name == "accenture");
  CHECK(parsed.slice(benchmarks[0].source.span) == "accenture");
  CHECK(benchmarks[0].has_quote);
  CHECK(benchmarks[0].quote.value == "one in ten");
  CHECK(parsed.slice(benchmarks[0].span) == "benchmark it about 10% from accenture \"one in ten\"");
  CHECK(benchmarks[1].group == Audience::Marketing);
  CHECK(benchmarks[1].bound == Bound::Exact);
  CHECK(benchmarks[1].value.unit == NumberUnit::Points);
  CHECK_FALSE(benchmarks[1].has_quote);
  CHECK(parsed.slice(benchmarks[1].span) == "benchmark marketing 12pp from accenture");
  CHECK(benchmarks[2].group == Audience::Company);
  CHECK(benchmarks[2].bound == Bound::Under);
  CHECK(benchmarks[3].bound == Bound::Over);
  CHECK(benchmarks[3].value.number == 3);
}

TEST_CASE("a metric's kind is share, scale LOW to HIGH, number or flag", "[decl]") {
  const auto kind_of = [](const std::string& kind) {
    Parsed parsed("metric m\n  kind " + kind + "\nend\n");
    INFO(parsed.rendered());
    REQUIRE(parsed.diagnostics().empty());
    return fields_of<KindField>(parsed.declarations().at(0)).at(0);
  };
  CHECK(kind_of("share").kind == MetricKind::Share);
  CHECK(kind_of("number").kind == MetricKind::Number);
  CHECK(kind_of("flag").kind == MetricKind::Flag);
  const KindField scale = kind_of("scale 1 to 5");
  CHECK(scale.kind == MetricKind::Scale);
  CHECK(scale.low == 1);
  CHECK(scale.high == 5);
  const KindField centred = kind_of("scale -2.5 to 2.5");
  CHECK(centred.low == -2.5);
  CHECK(centred.high == 2.5);
}

TEST_CASE("a metric is asked of a list of groups", "[decl]") {
  Parsed parsed("metric m\n  asked it, marketing\nend\nmetric n\n  asked company\nend\nmetric o\n  asked marketing\nend\n");
  INFO(parsed.rendered());
  REQUIRE(parsed.diagnostics().empty());
  CHECK(fields_of<AskedField>(parsed.declarations()[0])[0].audiences ==
        std::vector<Audience>{Audience::It, Audience::Marketing});
  CHECK(fields_of<AskedField>(parsed.declarations()[1])[0].audiences == std::vector<Audience>{Audience::Company});
  CHECK(fields_of<AskedField>(parsed.declarations()[2])[0].audiences == std::vector<Audience>{Audience::Marketing});
}

TEST_CASE("a finding has title, severity, when, evidence and narrative", "[decl]") {
  Parsed parsed(
      "finding collaboration_dissatisfaction\n"
      "  title \"Few are satisfied\"\n"
      "  severity high\n"
      "  when it.satisfied < 30% or marketing.satisfied < 30%\n"
      "  evidence accenture \"only one in ten\"\n"
      "  evidence cmo_council \"58%\"\n"
      "  narrative \"Only {it.satisfied} of IT\"\n"
      "end\n");
  const Declaration& decl = only_declaration(parsed);
  CHECK(decl.kind == DeclKind::Finding);
  CHECK(decl.id.name == "collaboration_dissatisfaction");

  const auto severities = fields_of<SeverityField>(decl);
  REQUIRE(severities.size() == 1);
  CHECK(severities[0].value == Severity::High);
  CHECK(parsed.slice(severities[0].span) == "severity high");

  const auto conditions = fields_of<ExprField>(decl);
  REQUIRE(conditions.size() == 1);
  CHECK(conditions[0].key == FieldKey::When);
  CHECK(show(conditions[0].expr) == "(or (< it.satisfied 30%) (< marketing.satisfied 30%))");
  CHECK(parsed.slice(conditions[0].span) == "when it.satisfied < 30% or marketing.satisfied < 30%");

  const auto evidence = fields_of<EvidenceField>(decl);
  REQUIRE(evidence.size() == 2);
  CHECK(evidence[0].source.name == "accenture");
  CHECK(evidence[0].quote.value == "only one in ten");
  CHECK(parsed.slice(evidence[0].span) == "evidence accenture \"only one in ten\"");
  CHECK(evidence[1].quote.value == "58%");

  const auto texts = fields_of<TextField>(decl);
  REQUIRE(texts.size() == 2);
  CHECK(texts[1].key == FieldKey::Narrative);
  REQUIRE(texts[1].text.parts.size() == 3);
  CHECK(texts[1].text.parts[1].is_placeholder);
}

TEST_CASE("every severity level is recognised", "[decl]") {
  const std::vector<std::pair<std::string, Severity>> levels = {{"info", Severity::Info},
                                                                {"low", Severity::Low},
                                                                {"medium", Severity::Medium},
                                                                {"high", Severity::High},
                                                                {"critical", Severity::Critical}};
  for (const auto& [word, level] : levels) {
    Parsed parsed("finding f\n  severity " + word + "\nend\n");
    REQUIRE(parsed.diagnostics().empty());
    CHECK(fields_of<SeverityField>(parsed.declarations()[0])[0].value == level);
  }
}

TEST_CASE("a recommendation has title, owner, horizon, when, priority, action and rationale", "[decl]") {
  Parsed parsed(
      "recommendation trust_builds_trust\n"
      "  title \"Trust builds trust\"\n"
      "  owner both\n"
      "  horizon 30 days\n"
      "  when collaboration_dissatisfaction or cio_cmo_meetings_per_month < 1\n"
      "  priority 50 + 100 * default(abs(gap(satisfied)), 0)\n"
      "  action \"Set a fortnightly CIO–CMO meeting\"\n"
      "  action \"Publish a joint scorecard\"\n"
      "  rationale \"Open the doors\"\n"
      "end\n");
  const Declaration& decl = only_declaration(parsed);
  CHECK(decl.kind == DeclKind::Recommendation);

  const auto owners = fields_of<OwnerField>(decl);
  REQUIRE(owners.size() == 1);
  CHECK(owners[0].value == Owner::Both);
  CHECK(parsed.slice(owners[0].span) == "owner both");

  const auto horizons = fields_of<NumberField>(decl);
  REQUIRE(horizons.size() == 1);
  CHECK(horizons[0].key == FieldKey::Horizon);
  CHECK(horizons[0].value == 30);
  CHECK(parsed.slice(horizons[0].span) == "horizon 30 days");

  const auto exprs = fields_of<ExprField>(decl);
  REQUIRE(exprs.size() == 2);
  CHECK(exprs[0].key == FieldKey::When);
  CHECK(exprs[1].key == FieldKey::Priority);
  CHECK(show(exprs[1].expr) == "(+ 50 (* 100 (default() (abs() (gap() satisfied)) 0)))");
  CHECK(parsed.slice(exprs[1].span) == "priority 50 + 100 * default(abs(gap(satisfied)), 0)");

  const auto texts = fields_of<TextField>(decl);
  REQUIRE(texts.size() == 4);
  CHECK(texts[0].key == FieldKey::Title);
  CHECK(texts[1].key == FieldKey::Action);
  CHECK(texts[2].key == FieldKey::Action);
  CHECK(texts[3].key == FieldKey::Rationale);
}

TEST_CASE("owners are cio, cmo or both", "[decl]") {
  for (const auto& [word, owner] : std::vector<std::pair<std::string, Owner>>{
           {"cio", Owner::Cio}, {"cmo", Owner::Cmo}, {"both", Owner::Both}}) {
    Parsed parsed("recommendation r\n  owner " + word + "\nend\n");
    REQUIRE(parsed.diagnostics().empty());
    CHECK(fields_of<OwnerField>(parsed.declarations()[0])[0].value == owner);
  }
}

TEST_CASE("fields come in any order, may repeat, and a declaration may be empty", "[decl]") {
  Parsed parsed("finding f\n  narrative \"n\"\n  severity low\n  title \"a\"\n  title \"b\"\nend\nsource s end\n");
  INFO(parsed.rendered());
  REQUIRE(parsed.diagnostics().empty());
  REQUIRE(parsed.declarations().size() == 2);
  CHECK(parsed.declarations()[0].fields.size() == 4);
  CHECK(parsed.declarations()[1].fields.empty());
  CHECK(parsed.slice(parsed.declarations()[1].span) == "source s end");
}

TEST_CASE("several declarations on one line are all parsed", "[decl]") {
  Parsed parsed("source a end source b end\n");
  INFO(parsed.rendered());
  REQUIRE(parsed.diagnostics().empty());
  REQUIRE(parsed.declarations().size() == 2);
  CHECK(parsed.declarations()[1].id.name == "b");
}

TEST_CASE("comments are kept in order for the formatter, and strings may hold a '#'", "[decl]") {
  Parsed parsed(
      "# Sources\n"
      "source s  # the main one\n"
      "  title \"issue #12\"\n"
      "end\n"
      "# last line without newline");
  INFO(parsed.rendered());
  REQUIRE(parsed.diagnostics().empty());
  const auto& comments = parsed.result.file.comments;
  REQUIRE(comments.size() == 3);
  CHECK(comments[0].text == "# Sources");
  CHECK(comments[1].text == "# the main one");
  CHECK(parsed.slice(comments[1].span) == "# the main one");
  CHECK(comments[2].text == "# last line without newline");
  CHECK(fields_of<TextField>(parsed.declarations()[0])[0].text.value == "issue #12");
}

TEST_CASE("a comment with UTF-8 text and CRLF line endings is fine", "[decl]") {
  Parsed parsed("# “Quotes” – é\r\nsource s\r\n  title \"é\"  # “x”\r\nend\r\n");
  INFO(parsed.rendered());
  REQUIRE(parsed.diagnostics().empty());
  REQUIRE(parsed.result.file.comments.size() == 2);
  CHECK(parsed.result.file.comments[0].text == "# “Quotes” – é");
}

TEST_CASE("a file may start with a byte order mark", "[decl]") {
  Parsed parsed("\xEF\xBB\xBFsource s\nend\n");
  INFO(parsed.rendered());
  REQUIRE(parsed.diagnostics().empty());
  REQUIRE(parsed.declarations().size() == 1);
}

TEST_CASE("an empty file or one with only comments has no declarations and no errors", "[decl]") {
  CHECK(Parsed("").diagnostics().empty());
  CHECK(Parsed("\n\n  \n").diagnostics().empty());
  CHECK(Parsed("# nothing yet\n# really").diagnostics().empty());
}

TEST_CASE("the worked example of the spec parses without a diagnostic", "[decl]") {
  Parsed parsed(
      "# Sources\n"
      "source accenture_disconnect\n"
      "  title \"The CMO–CIO disconnect\"\n"
      "  by \"Brian Whipple and Baiju Shah, Accenture\"\n"
      "  sample marketing 405, it 252\n"
      "end\n"
      "\n"
      "metric satisfied_with_collaboration\n"
      "  question \"I am satisfied with the way IT and marketing collaborate\"\n"
      "  label \"Satisfied with collaboration\"\n"
      "  kind share\n"
      "  asked both\n"
      "  benchmark it about 10% from accenture_disconnect \"only one in ten ... is satisfied\"\n"
      "  benchmark marketing about 10% from accenture_disconnect\n"
      "end\n"
      "\n"
      "finding collaboration_dissatisfaction\n"
      "  title \"Few are satisfied with how IT and marketing collaborate\"\n"
      "  severity high\n"
      "  when it.satisfied_with_collaboration < 30% or marketing.satisfied_with_collaboration < 30%\n"
      "  evidence accenture_disconnect \"only one in ten\"\n"
      "  narrative \"Only {it.satisfied_with_collaboration} of your IT respondents and \"\n"
      "            \"{marketing.satisfied_with_collaboration} of marketing are satisfied \"\n"
      "            \"(benchmark: {benchmark(it.satisfied_with_collaboration)}).\"\n"
      "end\n"
      "\n"
      "recommendation trust_builds_trust\n"
      "  title \"Trust builds trust: open the doors to communication\"\n"
      "  owner both\n"
      "  horizon 30 days\n"
      "  when collaboration_dissatisfaction or cio_cmo_meetings_per_month < 1\n"
      "  priority 50 + 100 * default(abs(gap(satisfied_with_collaboration)), 0)\n"
      "  action \"Set a fortnightly CIO–CMO meeting with a shared agenda\"\n"
      "  action \"Publish a joint scorecard of {it.satisfied_with_collaboration} vs "
      "{marketing.satisfied_with_collaboration}\"\n"
      "end\n");
  INFO(parsed.rendered());
  REQUIRE(parsed.diagnostics().empty());
  REQUIRE(parsed.declarations().size() == 4);
  const auto narrative = fields_of<TextField>(parsed.declarations()[2]).at(1);
  CHECK(narrative.text.value ==
        "Only {it.satisfied_with_collaboration} of your IT respondents and "
        "{marketing.satisfied_with_collaboration} of marketing are satisfied "
        "(benchmark: {benchmark(it.satisfied_with_collaboration)}).");
  REQUIRE(narrative.text.parts.size() == 7);
  CHECK(narrative.text.parts[5].is_placeholder);
  CHECK(show(narrative.text.parts[5].expr) == "(benchmark() it.satisfied_with_collaboration)");
}

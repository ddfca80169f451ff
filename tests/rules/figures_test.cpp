// The rule base carries every figure and every tip of the two source articles, each with its source,
// and quotes them exactly. If a rule edit drops or misquotes one, these tests say which.
#include <catch2/catch.hpp>

#include <cmath>

#include "rule_base_fixture.hpp"

using namespace rapport;
using engine::Audience;
using engine::Bound;
using test::articles;
using test::bundled_rule_base;
using test::normalise;

namespace {

const engine::RuleSet& rules() {
  const auto& base = bundled_rule_base();
  REQUIRE(base.syntax.empty());
  REQUIRE(base.checked.rules.has_value());
  return *base.checked.rules;
}

const engine::Source& source(const std::string& id) {
  for (const auto& s : rules().sources)
    if (s.id == id) return s;
  FAIL("no source '" << id << "' in rules/");
  throw;
}

std::uint32_t source_index(const std::string& id) {
  const auto& all = rules().sources;
  return static_cast<std::uint32_t>(&source(id) - all.data());
}

// Every evidence quote, benchmark quote and rationale in the rule base, with the source it cites.
struct Quote {
  std::uint32_t source;
  std::string text;
  std::string where;
};

std::vector<Quote> all_quotes() {
  std::vector<Quote> quotes;
  for (const auto& f : rules().findings)
    for (const auto& c : f.evidence) quotes.push_back({c.source, c.quote, "finding " + f.id});
  for (const auto& m : rules().metrics)
    for (const auto& b : m.benchmarks)
      if (!b.quote.empty()) quotes.push_back({b.source, b.quote, "benchmark of " + m.id});
  return quotes;
}

bool cited(const std::string& figure_text, const std::string& source_id) {
  const auto index = source_index(source_id);
  for (const auto& q : all_quotes())
    if (q.source == index && normalise(q.text).find(normalise(figure_text)) != std::string::npos) return true;
  return false;
}

struct PublishedFigure {
  std::string metric;
  Audience group;
  double value;
  Bound bound;
  std::string source;
  std::string wording;  // how the article states it, quoted in the benchmark
};

}  // namespace

TEST_CASE("the bundled rule base checks with no errors and no warnings", "[rules]") {
  const auto& base = bundled_rule_base();
  CHECK(base.syntax.empty());
  for (const auto& d : base.checked.diagnostics) FAIL_CHECK(d.where.file << ":" << d.where.line << ": " << d.message);
}

TEST_CASE("every study the articles cite is a source, with its sample sizes where given", "[rules]") {
  CHECK(source("cmo_council_digital_agenda").year == 2010);
  CHECK(source("cio_state_of_the_cio_2010").title == "2010 State of the CIO survey");
  CHECK(source("cmo_council_outlook_2010").title == "Marketing Outlook 2010");
  CHECK(source("gartner_cmo_it_spend").by == "Gartner");
  const auto& accenture = source("accenture_disconnect");
  CHECK(accenture.title == "The CMO–CIO disconnect");
  CHECK(accenture.by.find("Whipple") != std::string::npos);
  CHECK(accenture.by.find("Shah") != std::string::npos);
  using Sample = std::vector<std::pair<Audience, int>>;
  CHECK(accenture.sample == Sample{{Audience::Marketing, 405}, {Audience::It, 252}});
}

TEST_CASE("every published figure is a benchmark of the group that was asked, citing its study", "[rules]") {
  const std::vector<PublishedFigure> figures = {
      // CMO Council survey, via the blog post
      {"says_it_leads_digital", Audience::It, 0.58, Bound::Exact, "cmo_council_digital_agenda", "58% of CIO’s"},
      {"says_it_leads_digital", Audience::Marketing, 0.19, Bound::Exact, "cmo_council_digital_agenda", "19% of the CMO’s"},
      {"says_marketing_leads_digital", Audience::Marketing, 0.69, Bound::Exact, "cmo_council_digital_agenda", "69% of the CMO’s"},
      // Accenture, "The CMO–CIO disconnect"
      {"satisfied_with_collaboration", Audience::It, 0.10, Bound::About, "accenture_disconnect", "only one in ten"},
      {"satisfied_with_collaboration", Audience::Marketing, 0.10, Bound::About, "accenture_disconnect", "only one in ten"},
      {"well_positioned_for_digital", Audience::It, 0.60, Bound::Exact, "accenture_disconnect", "Six out of ten CIOs"},
      {"well_positioned_for_digital", Audience::Marketing, 0.50, Bound::Under, "accenture_disconnect", "less than half"},
      {"close_relationship_important", Audience::It, 0.75, Bound::Exact, "accenture_disconnect", "Three-quarters of IT managers"},
      {"close_relationship_important", Audience::Marketing, 0.50, Bound::Over, "accenture_disconnect", "slightly more than half of CMOs"},
      {"marketing_ignores_standards", Audience::It, 0.50, Bound::Under, "accenture_disconnect", "Almost half of IT managers"},
      {"wants_data_without_it", Audience::Marketing, 0.45, Bound::Exact, "accenture_disconnect", "45% of marketing managers"},
      {"marketing_requests_top_priority", Audience::It, 0.45, Bound::Exact, "accenture_disconnect", "45% indicated"},
      {"marketing_requests_top_priority", Audience::Marketing, 0.36, Bound::Exact, "accenture_disconnect", "only 36% of CMOs"},
      {"objective_know_customers", Audience::It, 0.50, Bound::Over, "accenture_disconnect", "over half of those surveyed"},
      {"objective_know_customers", Audience::Marketing, 0.50, Bound::Over, "accenture_disconnect", "over half of those surveyed"},
      {"objective_marketing_performance", Audience::Marketing, 0.51, Bound::Exact, "accenture_disconnect", "51% of CMOs"},
      {"objective_marketing_performance", Audience::It, 0.43, Bound::Exact, "accenture_disconnect", "43% of CIOs"},
      {"objective_link_web_analytics", Audience::It, 0.55, Bound::Exact, "accenture_disconnect", "55% of CIOs"},
      {"objective_link_web_analytics", Audience::Marketing, 0.41, Bound::Exact, "accenture_disconnect", "41% of CMOs"},
      {"objective_social_analysis", Audience::It, 0.37, Bound::Exact, "accenture_disconnect", "37% of CIOs"},
      {"objective_social_analysis", Audience::Marketing, 0.29, Bound::Exact, "accenture_disconnect", "29% of CMOs"},
      // Gartner's forecast
      {"marketing_tech_spend_share", Audience::Company, 0.50, Bound::Over, "gartner_cmo_it_spend", "by 2017 than CIOs"},
  };
  for (const auto& figure : figures) {
    INFO(figure.metric << " / " << figure.wording);
    auto metric_index = rules().metric_index(figure.metric);
    REQUIRE(metric_index.has_value());
    const auto& metric = rules().metrics[*metric_index];
    CHECK(metric.asked_of(figure.group));
    const auto* benchmark = metric.benchmark_for(figure.group);
    REQUIRE(benchmark != nullptr);
    CHECK(benchmark->value == Approx(figure.value));
    CHECK(benchmark->bound == figure.bound);
    CHECK(benchmark->source == source_index(figure.source));
    CHECK(normalise(benchmark->quote).find(normalise(figure.wording)) != std::string::npos);
  }
}

TEST_CASE("every figure is quoted as evidence by a finding or benchmark citing its study", "[rules]") {
  const std::vector<std::pair<std::string, std::string>> quoted = {
      {"58% of CIO’s / IT Executives said they were leading the digital agenda", "cmo_council_digital_agenda"},
      {"19% of the CMO’s / Marketing Executives said that the CIO/IT Execs were leading", "cmo_council_digital_agenda"},
      {"69% of the CMO’s / Marketing Executives said that they were leading", "cmo_council_digital_agenda"},
      {"only one in ten of the 405 marketing managers and 252 IT managers", "accenture_disconnect"},
      {"Six out of ten CIOs", "accenture_disconnect"},
      {"less than half share this opinion", "accenture_disconnect"},
      {"Three-quarters of IT managers", "accenture_disconnect"},
      {"only slightly more than half of CMOs", "accenture_disconnect"},
      {"procuring IT services from external providers", "accenture_disconnect"},
      {"Almost half of IT managers", "accenture_disconnect"},
      {"45% of marketing managers prefer", "accenture_disconnect"},
      {"45% indicated that IT requests from marketing were their highest priority", "accenture_disconnect"},
      {"only 36% of CMOs surveyed", "accenture_disconnect"},
      {"crisis of confidence", "accenture_disconnect"},
      {"over half of those surveyed", "accenture_disconnect"},
      {"51% of CMOs", "accenture_disconnect"},
      {"Only 43% of CIOs", "accenture_disconnect"},
      {"55% of CIOs", "accenture_disconnect"},
      {"Only 41% of CMOs", "accenture_disconnect"},
      {"37% of CIOs", "accenture_disconnect"},
      {"only 29% of CMOs", "accenture_disconnect"},
      {"differ only by a few percentage points", "mistrust_article"},
      {"spending more on IT and specialist analysis technology by 2017 than CIOs", "gartner_cmo_it_spend"},
      {"don’t talk in most organizations", "real_problem_blog"},
      {"Communication & Leadership", "real_problem_blog"},
      {"reducing costs…which can be at odds with what marketing is trying to do", "real_problem_blog"},
  };
  for (const auto& [text, source_id] : quoted) {
    INFO(text << " (" << source_id << ")");
    CHECK(cited(text, source_id));
  }
}

TEST_CASE("both top-5 project lists are quoted in full, each from its own survey", "[rules]") {
  const std::vector<std::string> cio_projects = {
      "Improve end-user workforce productivity", "Lower the company’s overall operating costs",
      "Re-engineer core business processes", "Improve quality of products and/or processes",
      "Innovative new market offerings or business practices"};
  const std::vector<std::string> cmo_projects = {
      "Digital marketing makeover – platforms, programs people", "Sales and marketing organization alignment",
      "Customer data integration and analytics", "Marketing performance measurement",
      "Lead qualification and harvesting system"};
  for (const auto& project : cio_projects) {
    INFO(project);
    CHECK(cited(project, "cio_state_of_the_cio_2010"));
  }
  for (const auto& project : cmo_projects) {
    INFO(project);
    CHECK(cited(project, "cmo_council_outlook_2010"));
  }
}

TEST_CASE("each of the five trust tips is its own recommendation quoting the tip", "[rules]") {
  const std::vector<std::pair<std::string, std::string>> tips = {
      {"The CMO is the Chief Experience Officer (CXO)",
       "He or she must set benchmarks that will allow the company to better align itself with its customers."},
      {"IT is a strategic partner of marketing",
       "they must not view their colleagues in IT simply as a body that helps implement the measures."},
      {"IT and marketing should agree on shared standards",
       "CIOs and CMOs need to reach a common understanding on all of these issues."},
      {"IT competence in marketing, marketing competence in IT",
       "IT needs to foster a culture of responding to market requirements more quickly."},
      {"Trust builds trust", "it will ultimately increase trust between the two organizations."},
  };
  for (const auto& [tip, sentence] : tips) {
    INFO(tip);
    int carrying = 0;
    for (const auto& rec : rules().recommendations) {
      if (rec.rationale.find("“" + tip + "”") != std::string::npos) {
        ++carrying;
        CHECK(normalise(rec.rationale).find(normalise(sentence)) != std::string::npos);
        CHECK(rec.actions.size() >= 2);
      }
    }
    CHECK(carrying == 1);
  }
}

TEST_CASE("every quote in the rule base is exact, word for word from an article", "[rules]") {
  // A quoted list "1. a; 2. b; ..." is exact when each item is.
  auto items_of = [](const std::string& quote) {
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start <= quote.size()) {
      auto end = quote.find("; ", start);
      std::string item = quote.substr(start, end == std::string::npos ? std::string::npos : end - start);
      if (item.size() > 3 && std::isdigit(static_cast<unsigned char>(item[0])) && item[1] == '.' && item[2] == ' ')
        item = item.substr(3);
      items.push_back(item);
      if (end == std::string::npos) break;
      start = end + 2;
    }
    return items;
  };
  const auto quotes = all_quotes();
  REQUIRE(quotes.size() > 30);
  for (const auto& quote : quotes) {
    INFO(quote.where << ": " << quote.text);
    bool whole = articles().find(normalise(quote.text)) != std::string::npos;
    if (!whole) {
      for (const auto& item : items_of(quote.text)) {
        INFO("item: " << item);
        CHECK(articles().find(normalise(item)) != std::string::npos);
      }
    }
  }
}

TEST_CASE("the rule base has at least fifteen findings, each with evidence and a narrative", "[rules]") {
  CHECK(rules().findings.size() >= 15);
  for (const auto& finding : rules().findings) {
    INFO(finding.id);
    CHECK_FALSE(finding.evidence.empty());
    CHECK_FALSE(finding.narrative.pieces.empty());
  }
}

TEST_CASE("the further measures the findings call for are recommendations with owners and horizons", "[rules]") {
  for (std::string id : {"standing_forum", "digital_leadership_charter", "joint_analytics_roadmap",
                         "self_service_data_platform"}) {
    INFO(id);
    bool found = false;
    for (const auto& rec : rules().recommendations) {
      if (rec.id != id) continue;
      found = true;
      CHECK(rec.horizon_days > 0);
      CHECK(rec.actions.size() >= 2);
    }
    CHECK(found);
  }
}

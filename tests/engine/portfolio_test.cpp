// Portfolio: what a portfolio summary counts (findings, recommendations, values and gaps), that merging
// per-thread portfolios gives the same result however the profiles were split, that its memory is set by
// the rules alone, and which client --highlight keeps. Profiles are TOML texts read by load_profile and
// evaluated by BatchEvaluator, as `rapport batch` does.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <cmath>
#include <random>

#include "engine/batch_evaluate.hpp"
#include "engine/portfolio.hpp"
#include "rules_fixture.hpp"

namespace rapport::engine::testing {
namespace {

const char* const kRules = R"(source s
  title "S"
end
metric sat
  question "Satisfied?"
  kind share
  asked both
  benchmark it about 10% from s
end
metric trust
  question "Trust?"
  kind scale 1 to 5
  asked both
end
metric meetings
  question "How often?"
  kind number
  asked company
end
metric charter
  question "Charter?"
  kind flag
  asked company
end
finding low_sat
  title "Low satisfaction"
  severity high
  when it.sat < 30%
  evidence s "q"
  narrative "n"
end
finding sat_gap
  title "Satisfaction gap"
  severity medium
  when gap(sat) >= 10pp
  evidence s "q"
  narrative "n"
end
finding rare_meetings
  title "Rare meetings"
  severity low
  when meetings < 1
  evidence s "q"
  narrative "n"
end
recommendation talk
  title "Talk"
  owner both
  horizon 30 days
  when low_sat
  priority 50
  action "Talk"
end
recommendation align
  title "Align"
  owner both
  horizon 30 days
  when sat_gap
  priority 80
  action "Align"
end
recommendation meet
  title "Meet"
  owner both
  horizon 30 days
  when rare_meetings
  priority 20
  action "Meet"
end
)";

const RuleSet& rules() {
  static const CheckedRules checked(kRules);
  return checked.rules();
}

Profile load(const std::string& toml) {
  const dsl::SourceFile file("profile.toml", toml);
  ProfileResult result = load_profile(file, rules());
  INFO(toml);
  REQUIRE(result.profile.has_value());
  return std::move(*result.profile);
}

// A profile with [company] name, [respondents] and the given tables' lines.
Profile profile(const std::string& name, const std::string& it, const std::string& marketing,
                const std::string& company = "", int it_respondents = 20, int marketing_respondents = 20) {
  return load(fmt::format("[company]\nname = \"{}\"\n[respondents]\nit = {}\nmarketing = {}\n[it]\n{}\n"
                          "[marketing]\n{}\n[company_metrics]\n{}\n",
                          name, it_respondents, marketing_respondents, it, marketing, company));
}

std::vector<BatchOutcome> evaluate_all(const std::vector<Profile>& profiles, EvidenceOptions options = {}) {
  std::vector<BatchOutcome> outcomes(profiles.size());
  BatchEvaluator(rules(), options).evaluate(profiles, outcomes);
  return outcomes;
}

Portfolio portfolio_of(const std::vector<Profile>& profiles, PortfolioOptions options = {}) {
  const auto outcomes = evaluate_all(profiles, options.evidence);
  Portfolio portfolio(rules(), std::move(options));
  for (std::size_t i = 0; i < profiles.size(); ++i) portfolio.add(profiles[i], outcomes[i]);
  return portfolio;
}

const SlotTally& slot(const Portfolio& p, const char* metric, Audience a) {
  return p.slots()[slot_named(rules(), metric, a)];
}

// Random survey results, some missing and some from too few people; every fifth, from the second on, is
// named Northwind Retail.
std::vector<Profile> random_profiles(std::size_t count, std::uint64_t seed) {
  std::mt19937_64 random(seed);
  std::uniform_int_distribution<int> people(2, 40);
  std::uniform_real_distribution<double> unit(0, 1);
  const char* const names[] = {"Acme", "Northwind Retail", "Fjord", "Harbor", "Meridian"};
  std::vector<Profile> profiles;
  for (std::size_t i = 0; i < count; ++i) {
    const int it_n = people(random), marketing_n = people(random);
    std::string it, marketing, company;
    if (unit(random) < 0.9) it += fmt::format("sat = {{ count = {}, n = {} }}\n", int(unit(random) * it_n), it_n);
    if (unit(random) < 0.8) marketing += fmt::format("sat = {:.3f}\n", unit(random));
    if (unit(random) < 0.7) it += fmt::format("trust = {:.2f}\n", 1 + 4 * unit(random));
    if (unit(random) < 0.7) {
      marketing += fmt::format("trust = {{ mean = {:.2f}, sd = 0.8, n = {} }}\n", 1 + 4 * unit(random), marketing_n);
    }
    if (unit(random) < 0.6) company += fmt::format("meetings = {:.2f}\n", std::exp(4 * unit(random) - 2));
    if (unit(random) < 0.5) company += fmt::format("charter = {}\n", unit(random) < 0.3 ? "true" : "false");
    profiles.push_back(profile(names[i % 5], it, marketing, company, it_n, marketing_n));
  }
  return profiles;
}

void check_same_distribution(const Distribution& a, const Distribution& b) {
  REQUIRE(a.count() == b.count());
  if (a.count() == 0) return;
  CHECK(a.min() == b.min());
  CHECK(a.max() == b.max());
  for (int p : {10, 25, 50, 75, 90}) CHECK(a.percentile(p) == b.percentile(p));
  CHECK(a.rank_of(a.percentile(50)) == b.rank_of(a.percentile(50)));
}

void check_same(const Portfolio& a, const Portfolio& b) {
  REQUIRE(a.profiles() == b.profiles());
  for (std::size_t f = 0; f < a.findings().size(); ++f) {
    INFO("finding " << rules().findings[f].id);
    CHECK(a.findings()[f].fired == b.findings()[f].fired);
    CHECK(a.findings()[f].unknown == b.findings()[f].unknown);
    CHECK(a.findings()[f].tentative == b.findings()[f].tentative);
  }
  for (std::size_t r = 0; r < a.recommendations().size(); ++r) {
    INFO("recommendation " << rules().recommendations[r].id);
    const auto &x = a.recommendations()[r], &y = b.recommendations()[r];
    CHECK(x.applied == y.applied);
    CHECK(x.tentative == y.tentative);
    CHECK(x.first == y.first);
    CHECK(x.top3 == y.top3);
    CHECK(x.rank_sum == y.rank_sum);
  }
  for (std::size_t s = 0; s < a.slots().size(); ++s) {
    INFO("slot " << s);
    CHECK(a.slots()[s].set_aside == b.slots()[s].set_aside);
    check_same_distribution(a.slots()[s].values, b.slots()[s].values);
  }
  for (std::size_t g = 0; g < a.gaps().size(); ++g) check_same_distribution(a.gaps()[g].values, b.gaps()[g].values);
  CHECK(a.highlight_matches() == b.highlight_matches());
  REQUIRE(a.highlighted().has_value() == b.highlighted().has_value());
  if (a.highlighted()) CHECK(a.highlighted()->position == b.highlighted()->position);
}

}  // namespace

TEST_CASE("a portfolio counts how often each finding fires or is unknown, and each recommendation applies",
          "[portfolio]") {
  const std::vector<Profile> profiles = {
      profile("A", "sat = 0.2", "sat = 0.5", "meetings = 0.5"),  // low_sat, rare_meetings: talk 1st, meet 2nd
      profile("B", "sat = 0.6", "sat = 0.3"),                    // sat_gap (+30 pp): align; rare_meetings unknown
      profile("C", "", "sat = 0.3", "meetings = 3"),             // low_sat and sat_gap unknown
  };
  const Portfolio p = portfolio_of(profiles);
  const RuleSet& r = rules();
  CHECK(p.profiles() == 3);
  const auto& low_sat = p.findings()[finding_index(r, "low_sat")];
  CHECK(low_sat.fired == 1);
  CHECK(low_sat.unknown == 1);
  const auto& sat_gap = p.findings()[finding_index(r, "sat_gap")];
  CHECK(sat_gap.fired == 1);
  CHECK(sat_gap.unknown == 1);
  CHECK(p.findings()[finding_index(r, "rare_meetings")].fired == 1);
  CHECK(p.findings()[finding_index(r, "rare_meetings")].unknown == 1);

  const auto& talk = p.recommendations()[recommendation_index(r, "talk")];
  const auto& meet = p.recommendations()[recommendation_index(r, "meet")];
  const auto& align = p.recommendations()[recommendation_index(r, "align")];
  CHECK(talk.applied == 1);
  CHECK(talk.first == 1);
  CHECK(meet.applied == 1);
  CHECK(meet.first == 0);
  CHECK(meet.top3 == 1);
  CHECK(meet.mean_rank() == 2);
  CHECK(align.mean_rank() == 1);
  CHECK(std::isnan(RecommendationTally{}.mean_rank()));
}

TEST_CASE("a portfolio gathers each slot's values and each gap from the profiles that give both", "[portfolio]") {
  const Portfolio p = portfolio_of({
      profile("A", "sat = 0.2\ntrust = 4", "sat = 0.5", "meetings = 0.5\ncharter = true"),
      profile("B", "sat = 0.6", "sat = 0.3\ntrust = 2", "charter = false"),
      profile("C", "", "sat = 0.3", "meetings = 3"),
  });
  CHECK(slot(p, "sat", Audience::It).values.count() == 2);
  CHECK(slot(p, "sat", Audience::Marketing).values.count() == 3);
  CHECK(slot(p, "sat", Audience::Marketing).values.percentile(50) == Approx(0.3));
  CHECK(slot(p, "meetings", Audience::Company).values.max() == 3);
  CHECK(slot(p, "charter", Audience::Company).values.rank_of(1) == Approx(0.75));  // one yes, one no
  REQUIRE(p.gaps().size() == 2);  // sat and trust: asked of both groups
  const GapTally& sat_gap = p.gaps()[0];
  CHECK(sat_gap.metric == *rules().metric_index("sat"));
  CHECK(sat_gap.values.count() == 2);
  CHECK(sat_gap.values.min() == Approx(-0.3));
  CHECK(sat_gap.values.max() == Approx(0.3));
  CHECK(p.gaps()[1].values.count() == 0);  // trust: no profile gives both
}

TEST_CASE("values from too few people are set aside, not counted, as the rules set them aside", "[portfolio]") {
  const Portfolio p = portfolio_of({
      profile("A", "sat = { count = 1, n = 3 }", "sat = 0.5", "", 3, 20),  // 3 answered: withheld
      profile("B", "sat = { count = 2, n = 6 }", "sat = 0.5", "", 6, 20),  // 6 answered: fewer than --min-n 8
  }, {.evidence = {.min_n = 8}});
  CHECK(slot(p, "sat", Audience::It).values.count() == 0);
  CHECK(slot(p, "sat", Audience::It).set_aside == 2);
  CHECK(slot(p, "sat", Audience::Marketing).values.count() == 2);
  CHECK(p.gaps()[0].values.count() == 0);
}

TEST_CASE("a portfolio counts the tentative findings and recommendations", "[portfolio]") {
  // 6 of 10 against 4 of 10: a 20-point gap that a two-proportion test cannot tell from chance.
  const Portfolio p = portfolio_of({
      profile("A", "sat = { count = 6, n = 10 }", "sat = { count = 4, n = 10 }", "", 10, 10),
      profile("B", "sat = { count = 90, n = 100 }", "sat = { count = 10, n = 100 }", "", 100, 100),
  });
  CHECK(p.findings()[finding_index(rules(), "sat_gap")].fired == 2);
  CHECK(p.findings()[finding_index(rules(), "sat_gap")].tentative == 1);
  CHECK(p.recommendations()[recommendation_index(rules(), "align")].tentative == 1);
}

TEST_CASE("the counts agree with evaluate() profile by profile", "[portfolio]") {
  const auto profiles = random_profiles(300, 23);
  const Portfolio p = portfolio_of(profiles);
  std::vector<std::uint64_t> fired(rules().findings.size()), unknown(rules().findings.size());
  std::vector<std::uint64_t> applied(rules().recommendations.size());
  for (const auto& profile : profiles) {
    const Assessment a = evaluate(rules(), profile);
    for (const auto& f : a.findings) {
      fired[f.finding] += f.verdict == Verdict::Fired;
      unknown[f.finding] += f.verdict == Verdict::Unknown;
    }
    for (auto r : a.ranking) ++applied[r];
  }
  for (std::size_t f = 0; f < fired.size(); ++f) {
    CHECK(p.findings()[f].fired == fired[f]);
    CHECK(p.findings()[f].unknown == unknown[f]);
  }
  for (std::size_t r = 0; r < applied.size(); ++r) CHECK(p.recommendations()[r].applied == applied[r]);
}

TEST_CASE("merged portfolios do not depend on how the profiles were split among threads", "[portfolio]") {
  const auto profiles = random_profiles(1200, 29);
  const auto outcomes = evaluate_all(profiles);
  const PortfolioOptions options{.highlight = "Northwind Retail"};
  Portfolio whole(rules(), options);
  for (std::size_t i = 0; i < profiles.size(); ++i) whole.add(profiles[i], outcomes[i], i);
  REQUIRE(whole.highlight_matches() > 1);

  // Three workers taking profiles round-robin (as threads pulling blocks would), merged in either order,
  // and two workers taking unequal halves.
  std::vector<Portfolio> round_robin(3, Portfolio(rules(), options));
  for (std::size_t i = 0; i < profiles.size(); ++i) round_robin[i % 3].add(profiles[i], outcomes[i], i);
  Portfolio forward = round_robin[0], backward = round_robin[2];
  forward.merge(round_robin[1]);
  forward.merge(round_robin[2]);
  backward.merge(round_robin[1]);
  backward.merge(round_robin[0]);
  Portfolio head(rules(), options), tail(rules(), options);
  for (std::size_t i = 0; i < profiles.size(); ++i) (i < 1000 ? head : tail).add(profiles[i], outcomes[i], i);
  tail.merge(head);

  for (const Portfolio* merged : {&forward, &backward, &tail}) check_same(whole, *merged);
  CHECK(backward.highlighted()->position == 1);  // the first Northwind Retail, though merged last
}

TEST_CASE("portfolios for different rules or options refuse to merge", "[portfolio]") {
  Portfolio plain(rules());
  const CheckedRules other(rules_with("it.sat < 30%"));
  CHECK_THROWS_AS(plain.merge(Portfolio(other.rules())), std::logic_error);
  CHECK_THROWS_AS(plain.merge(Portfolio(rules(), {.highlight = "Acme"})), std::logic_error);
  CHECK_THROWS_AS(plain.merge(Portfolio(rules(), {.evidence = {.min_n = 9}})), std::logic_error);
}

TEST_CASE("a portfolio's memory is set by the rules, not by the number of profiles", "[portfolio]") {
  const auto profiles = random_profiles(2000, 31);
  const auto outcomes = evaluate_all(profiles);
  Portfolio p(rules(), {.highlight = "Acme"});
  for (std::size_t i = 0; i < 10; ++i) p.add(profiles[i], outcomes[i]);
  const std::size_t bins = p.bins();
  for (int round = 0; round < 5; ++round) {
    for (std::size_t i = 0; i < profiles.size(); ++i) p.add(profiles[i], outcomes[i]);
  }
  CHECK(p.profiles() == 10010);
  CHECK(p.bins() == bins);
  // sat and trust for IT and marketing: 1001 bins each; their gaps 2001 each; the flag 2; meetings logarithmic.
  CHECK(bins == 4 * 1001 + 2 * 2001 + 2 + Distribution::logarithmic().bins());
}

TEST_CASE("the highlight keeps the first profile with that exact name, with its values and results", "[portfolio]") {
  const std::vector<Profile> profiles = {
      profile("Northwind Retail Group", "sat = 0.9", "sat = 0.9"),
      profile("Northwind Retail", "sat = 0.2\ntrust = 3.5", "sat = { count = 1, n = 3 }", "meetings = 0.5", 20, 3),
      profile("Northwind Retail", "sat = 0.7", "sat = 0.1"),
  };
  const Portfolio p = portfolio_of(profiles, {.highlight = "Northwind Retail"});
  CHECK(p.highlight_matches() == 2);
  REQUIRE(p.highlighted().has_value());
  const HighlightedProfile& h = *p.highlighted();
  CHECK(h.position == 1);
  CHECK(h.company.name == "Northwind Retail");
  CHECK(h.values[slot_named(rules(), "sat", Audience::It)] == Approx(0.2));
  CHECK(h.values[slot_named(rules(), "trust", Audience::It)] == Approx(3.5));
  CHECK(std::isnan(h.values[slot_named(rules(), "sat", Audience::Marketing)]));  // 3 answered: withheld
  CHECK(h.standing[slot_named(rules(), "sat", Audience::Marketing)] == Standing::Suppressed);
  CHECK(h.standing[slot_named(rules(), "charter", Audience::Company)] == Standing::Absent);
  CHECK(std::isnan(h.gap(p.gaps()[0])));
  CHECK(h.outcome.fired_findings == std::vector<std::uint32_t>{finding_index(rules(), "low_sat"),
                                                               finding_index(rules(), "rare_meetings")});
  REQUIRE(h.outcome.ranking.size() == 2);
  CHECK(h.outcome.ranking[0].recommendation == recommendation_index(rules(), "talk"));
}

TEST_CASE("a highlight that no profile carries leaves nothing highlighted", "[portfolio]") {
  const Portfolio p = portfolio_of(random_profiles(50, 37), {.highlight = "Nobody Ltd"});
  CHECK(p.highlight_matches() == 0);
  CHECK_FALSE(p.highlighted().has_value());
  const Portfolio without = portfolio_of(random_profiles(5, 37));
  CHECK_FALSE(without.highlighted().has_value());
}

}  // namespace rapport::engine::testing

// Reading a case's [case.expect] table: lists of finding and recommendation ids, each checked against
// the rule set, and the contradictions a case could never satisfy (fired and not fired at once).
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "dsl/diagnostic_codes.hpp"
#include "engine/profile_reader.hpp"
#include "engine/rule_test_reading.hpp"

namespace rapport::engine {
namespace {

namespace code = dsl::code;

struct ListKind {
  std::string_view key;
  Expect expect;
  std::string_view phrase;  // how a message says it
};

constexpr ListKind kLists[] = {
    {"fired", Expect::Fired, "fired"},
    {"not_fired", Expect::NotFired, "not fired"},
    {"unknown", Expect::Unknown, "unknown"},
    {"recommended", Expect::Recommended, "recommended"},
    {"not_recommended", Expect::NotRecommended, "not recommended"},
};

std::string_view phrase_of(Expect expect) {
  for (const auto& list : kLists)
    if (list.expect == expect) return list.phrase;
  return "";
}

class ExpectReader {
 public:
  ExpectReader(const RuleIds& ids, RuleTestCase& test, ProfileErrors& errors)
      : ids_(ids), test_(test), errors_(errors) {}

  void read(const toml::table& table);

 private:
  void read_list(const ListKind& list, const toml::key& key, const toml::node& value);
  void read_order(const toml::key& key, const toml::node& value);
  std::optional<std::uint32_t> resolve(const WrittenId& written, bool finding, std::string_view list);
  void report_contradictions();
  void report_ordered_but_not_recommended();

  const RuleIds& ids_;
  RuleTestCase& test_;
  ProfileErrors& errors_;
};

void ExpectReader::read(const toml::table& table) {
  for (auto&& [key, value] : table) {
    const std::string name(key.str());
    const auto list = std::find_if(std::begin(kLists), std::end(kLists),
                                   [&](const ListKind& l) { return l.key == name; });
    if (list != std::end(kLists)) {
      read_list(*list, key, value);
    } else if (name == "order") {
      read_order(key, value);
    } else {
      const std::string takes = fmt::format("[case.expect] takes {}", joined(expectation_keys(), " or "));
      errors_.add(code::unknown_key, key.source(), fmt::format("unknown key '{}' in [case.expect]", name),
                  did_you_mean(name, expectation_keys(), takes));
    }
  }
  report_contradictions();
  report_ordered_but_not_recommended();
}

void ExpectReader::read_list(const ListKind& list, const toml::key& key, const toml::node& value) {
  const bool finding = is_finding_expectation(list.expect);
  const std::string example = finding ? "[\"low_trust\"]" : "[\"trust_builds_trust\"]";
  for (const auto& written : read_id_list(key, value, example, errors_)) {
    const auto id = resolve(written, finding, list.key);
    if (!id) continue;
    const bool repeated = std::any_of(test_.expectations.begin(), test_.expectations.end(), [&](const auto& e) {
      return e.expect == list.expect && e.id == *id;
    });
    if (repeated) {
      errors_.add(code::duplicate_id, written.where, fmt::format("'{}' is listed twice in {}", written.text, list.key),
                  "list each id once");
      continue;
    }
    test_.expectations.push_back({list.expect, *id, written.where});
  }
}

void ExpectReader::read_order(const toml::key& key, const toml::node& value) {
  OrderExpectation order;
  order.where = errors_.where(key.source());
  const auto written_ids = read_id_list(key, value, "[\"trust_builds_trust\", \"standing_forum\"]", errors_);
  for (const auto& written : written_ids) {
    const auto id = resolve(written, false, "order");
    if (!id) continue;
    if (std::find(order.recommendations.begin(), order.recommendations.end(), *id) != order.recommendations.end()) {
      errors_.add(code::duplicate_id, written.where, fmt::format("'{}' is listed twice in order", written.text),
                  "a recommendation has one place in the ranking: list it once");
      continue;
    }
    order.recommendations.push_back(*id);
  }
  if (written_ids.size() < 2 && value.is_array()) {
    errors_.add(code::bad_value, value.source(), "an order needs at least two recommendations",
                "list two or more, highest-ranked first; to check that one appears, use recommended");
    return;
  }
  test_.order = std::move(order);
}

std::optional<std::uint32_t> ExpectReader::resolve(const WrittenId& written, bool finding, std::string_view list) {
  const auto& own = finding ? ids_.findings : ids_.recommendations;
  if (const auto found = own.find(written.text); found != own.end()) return found->second;

  const auto& other = finding ? ids_.recommendations : ids_.findings;
  const std::string_view kind = finding ? "finding" : "recommendation";
  if (other.contains(written.text)) {
    errors_.add(code::wrong_kind_of_id, written.where,
                fmt::format("'{}' is {}, not a {}", written.text, finding ? "a recommendation" : "a finding", kind),
                finding ? "list it under recommended or not_recommended"
                        : "list it under fired, not_fired or unknown");
  } else if (ids_.rules.metric_ids.contains(written.text)) {
    errors_.add(code::wrong_kind_of_id, written.where, fmt::format("'{}' is a metric, not a {}", written.text, kind),
                "expectations name findings and recommendations; give the metric's value under [case.it], "
                "[case.marketing] or [case.company_metrics]");
  } else {
    const auto& names = finding ? ids_.finding_names : ids_.recommendation_names;
    errors_.add(code::unknown_id, written.where, fmt::format("unknown {} '{}' in {}", kind, written.text, list),
                did_you_mean(written.text, names, fmt::format("no {} by that name is declared in the rules", kind)));
  }
  return std::nullopt;
}

// A finding has one verdict, and a recommendation either appears or does not: a case that says both
// could never pass. Reported at the later of the two places, with a note at the earlier.
void ExpectReader::report_contradictions() {
  auto& all = test_.expectations;
  std::sort(all.begin(), all.end(), [](const IdExpectation& a, const IdExpectation& b) { return a.where < b.where; });
  for (std::size_t later = 0; later < all.size(); ++later) {
    for (std::size_t earlier = 0; earlier < later; ++earlier) {
      const IdExpectation& a = all[earlier];
      const IdExpectation& b = all[later];
      if (a.id != b.id || a.expect == b.expect || is_finding_expectation(a.expect) != is_finding_expectation(b.expect))
        continue;
      const auto& name = is_finding_expectation(a.expect) ? ids_.finding_names[a.id] : ids_.recommendation_names[a.id];
      dsl::Diagnostic diagnostic;
      diagnostic.code = code::bad_value;
      diagnostic.where = b.where;
      diagnostic.message =
          fmt::format("'{}' is expected both {} and {}", name, phrase_of(a.expect), phrase_of(b.expect));
      diagnostic.notes.push_back({fmt::format("expected {} here", phrase_of(a.expect)), a.where});
      diagnostic.help = "keep one of the two; a case that expects both could never pass";
      errors_.add(std::move(diagnostic));
    }
  }
}

void ExpectReader::report_ordered_but_not_recommended() {
  if (!test_.order) return;
  for (const auto& expectation : test_.expectations) {
    if (expectation.expect != Expect::NotRecommended) continue;
    const auto& ordered = test_.order->recommendations;
    if (std::find(ordered.begin(), ordered.end(), expectation.id) == ordered.end()) continue;
    dsl::Diagnostic diagnostic;
    diagnostic.code = code::bad_value;
    diagnostic.where = expectation.where;
    diagnostic.message = fmt::format("'{}' is expected not recommended, but order ranks it",
                                     ids_.recommendation_names[expectation.id]);
    diagnostic.notes.push_back({"ranked here", test_.order->where});
    diagnostic.help = "a recommendation in order must appear; remove it from one of the two lists";
    errors_.add(std::move(diagnostic));
  }
}

}  // namespace

bool is_finding_expectation(Expect expect) {
  return expect == Expect::Fired || expect == Expect::NotFired || expect == Expect::Unknown;
}

std::vector<WrittenId> read_id_list(const toml::key& key, const toml::node& value, std::string_view example,
                                    ProfileErrors& errors) {
  std::vector<WrittenId> ids;
  const auto* list = value.as_array();
  if (!list) {
    errors.add(code::wrong_type, value.source(),
               fmt::format("'{}' takes a list of ids, not {}", key.str(), describe_type(value)),
               fmt::format("write the ids in square brackets, e.g. {} = {}", key.str(), example));
    return ids;
  }
  for (const auto& element : *list) {
    if (const auto* text = element.as_string()) {
      ids.push_back({text->get(), errors.where(element.source())});
    } else {
      errors.add(code::wrong_type, element.source(),
                 fmt::format("'{}' lists ids, which are text, not {}", key.str(), describe_type(element)),
                 fmt::format("write each id in double quotes, e.g. {} = {}", key.str(), example));
    }
  }
  return ids;
}

void read_expectations(const toml::key& key, const toml::node& value, const RuleIds& ids, RuleTestCase& test,
                       ProfileErrors& errors) {
  const auto* table = value.as_table();
  if (!table) {
    errors.add(code::wrong_type, value.source(),
               fmt::format("'{}' must be a table, not {}", key.str(), describe_type(value)),
               "write [case.expect] on a line of its own, then lists such as fired = [\"low_trust\"] below it");
    return;
  }
  ExpectReader(ids, test, errors).read(*table);
}

}  // namespace rapport::engine

// `rapport whatif --format json` (schema in docs/json-output.md): the values set and every change,
// keyed by the rules' ids; unknown values are null.
#include <nlohmann/json.hpp>

#include <cmath>

#include "cli/value_format.hpp"
#include "cli/whatif_render.hpp"

namespace rapport::cli {

namespace {

using Json = nlohmann::ordered_json;

Json number(double value) {
  if (engine::is_unknown(value) || !std::isfinite(value)) return nullptr;
  return std::round(value * 1e6) / 1e6;
}

Json rank(std::size_t rank) { return rank == 0 ? Json(nullptr) : Json(rank); }

Json values_set(const WhatIfInput& in) {
  Json list = Json::array();
  for (const auto& o : in.set) {
    const double before = o.slot < in.profile.values.size() ? in.profile.values[o.slot] : engine::kUnknown;
    list.push_back({{"metric", slot_reference(in.rules, o.slot)}, {"before", number(before)}, {"after", number(o.value)}});
  }
  return list;
}

Json recommendations(const WhatIfInput& in) {
  Json list = Json::array();
  for (const auto& s : in.result.recommendations) {
    const auto& rec = in.rules.recommendations[s.recommendation];
    list.push_back({{"id", rec.id},
                    {"title", rec.title},
                    {"change", shift_key(s)},
                    {"rank_before", rank(s.rank_before)},
                    {"rank_after", rank(s.rank_after)},
                    {"priority_before", number(s.priority_before)},
                    {"priority_after", number(s.priority_after)},
                    {"status_before", verdict_key(s.verdict_before)},
                    {"status_after", verdict_key(s.verdict_after)}});
  }
  return list;
}

Json findings(const WhatIfInput& in) {
  Json list = Json::array();
  for (const auto& f : in.result.findings) {
    const auto& finding = in.rules.findings[f.finding];
    list.push_back({{"id", finding.id},
                    {"title", finding.title},
                    {"severity", severity_key(finding.severity)},
                    {"status_before", verdict_key(f.before)},
                    {"status_after", verdict_key(f.after)}});
  }
  return list;
}

Json ranking_after(const WhatIfInput& in) {
  Json list = Json::array();
  const auto& after = in.result.after;
  for (std::size_t i = 0; i < after.ranking.size(); ++i) {
    list.push_back({{"rank", i + 1},
                    {"id", in.rules.recommendations[after.ranking[i]].id},
                    {"priority", number(after.recommendations[after.ranking[i]].priority)}});
  }
  return list;
}

}  // namespace

std::string render_whatif_json(const WhatIfInput& in) {
  const Json out = {{"rapport_version", RAPPORT_VERSION},
                    {"profile", in.profile_path},
                    {"company", in.profile.company.name},
                    {"rules_fingerprint", in.rules_fingerprint},
                    {"set", values_set(in)},
                    {"changes_nothing", in.result.changes_nothing()},
                    {"recommendations", recommendations(in)},
                    {"findings", findings(in)},
                    {"ranking_after", ranking_after(in)}};
  return out.dump(2) + "\n";
}

}  // namespace rapport::cli

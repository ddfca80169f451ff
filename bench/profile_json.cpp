// Writing profiles as JSON Lines (see profile_json.hpp). Written by hand with fmt rather than through a
// JSON library's document, to write a million lines in seconds.
#include "bench/profile_json.hpp"

#include <iterator>

#include <fmt/format.h>

namespace rapport::bench {

using engine::Audience;
using engine::MetricKind;

std::string json_string(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out += fmt::format("\\u{:04x}", static_cast<int>(c));
    } else {
      out += c;
    }
  }
  return out + "\"";
}

ProfileJsonWriter::ProfileJsonWriter(const engine::RuleSet& rules) {
  for (std::uint32_t s = 0; s < rules.slots.size(); ++s) {
    const engine::Metric& metric = rules.metrics[rules.slots[s].metric];
    Key key{s, metric.kind, json_string(metric.id) + ":"};
    switch (rules.slots[s].audience) {
      case Audience::It: it_.push_back(std::move(key)); break;
      case Audience::Marketing: marketing_.push_back(std::move(key)); break;
      case Audience::Company: company_.push_back(std::move(key)); break;
    }
  }
}

void ProfileJsonWriter::append_table(std::string& out, const char* name, const std::vector<Key>& keys,
                                     const engine::Profile& profile) const {
  bool first = true;
  for (const Key& key : keys) {
    const double v = profile.values[key.slot];
    if (engine::is_unknown(v)) continue;
    out += first ? fmt::format(",\"{}\":{{", name) : std::string(",");
    first = false;
    out += key.quoted;
    const engine::Sample* sample = key.slot < profile.samples.size() ? &profile.samples[key.slot] : nullptr;
    auto to = std::back_inserter(out);
    if (key.kind == MetricKind::Flag) {
      out += v != 0.0 ? "true" : "false";
    } else if (!sample || !sample->n) {
      fmt::format_to(to, "{}", v);
    } else if (key.kind == MetricKind::Share && sample->count) {
      fmt::format_to(to, "{{\"count\":{},\"n\":{}}}", *sample->count, *sample->n);
    } else if (key.kind == MetricKind::Share) {
      fmt::format_to(to, "{{\"value\":{},\"n\":{}}}", v, *sample->n);
    } else if (sample->sd) {
      fmt::format_to(to, "{{\"mean\":{},\"sd\":{},\"n\":{}}}", v, *sample->sd, *sample->n);
    } else {
      fmt::format_to(to, "{{\"mean\":{},\"n\":{}}}", v, *sample->n);
    }
  }
  if (!first) out += '}';
}

void ProfileJsonWriter::append(std::string& out, const engine::Profile& profile) const {
  const engine::Company& company = profile.company;
  out += "{\"company\":{\"name\":" + json_string(company.name);
  if (!company.industry.empty()) out += ",\"industry\":" + json_string(company.industry);
  if (!company.assessed_on.empty()) out += ",\"assessed_on\":" + json_string(company.assessed_on);
  out += '}';
  if (profile.it_respondents || profile.marketing_respondents) {
    out += ",\"respondents\":{";
    if (profile.it_respondents) fmt::format_to(std::back_inserter(out), "\"it\":{}", *profile.it_respondents);
    if (profile.it_respondents && profile.marketing_respondents) out += ',';
    if (profile.marketing_respondents)
      fmt::format_to(std::back_inserter(out), "\"marketing\":{}", *profile.marketing_respondents);
    out += '}';
  }
  append_table(out, "it", it_, profile);
  append_table(out, "marketing", marketing_, profile);
  append_table(out, "company_metrics", company_, profile);
  out += "}\n";
}

}  // namespace rapport::bench

// Formatting of values and rule-set terms for reports (see value_format.hpp).
#include "cli/value_format.hpp"

#include <fmt/format.h>

#include <cmath>

namespace rapport::cli {
namespace {

// Up to `decimals` decimals, trailing zeros dropped: 58, 58.5, 0.25.
std::string trimmed(double value, int decimals) {
  std::string text = fmt::format("{:.{}f}", value, decimals);
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  if (text == "-0") text = "0";
  return text;
}

}  // namespace

std::string format_number(double value) { return trimmed(value, 2); }

std::string format_value(double value, engine::Unit unit) {
  if (engine::is_unknown(value)) return "n/a";
  switch (unit) {
    case engine::Unit::Truth: return value != 0 ? "yes" : "no";
    case engine::Unit::Percent: return trimmed(value * 100, 1) + "%";
    case engine::Unit::Points: {
      std::string points = trimmed(value * 100, 1);
      return (value > 0 && points != "0" ? "+" : "") + points + " pp";
    }
    case engine::Unit::Plain: return format_number(value);
  }
  return format_number(value);
}

engine::Unit unit_of(const engine::Metric& metric) {
  switch (metric.kind) {
    case engine::MetricKind::Share: return engine::Unit::Percent;
    case engine::MetricKind::Flag: return engine::Unit::Truth;
    case engine::MetricKind::Scale:
    case engine::MetricKind::Number: return engine::Unit::Plain;
  }
  return engine::Unit::Plain;
}

std::string format_benchmark(const engine::Benchmark& benchmark, const engine::Metric& metric) {
  std::string value = format_value(benchmark.value, unit_of(metric));
  switch (benchmark.bound) {
    case engine::Bound::Exact: return value;
    case engine::Bound::About: return "about " + value;
    case engine::Bound::Under: return "under " + value;
    case engine::Bound::Over: return "over " + value;
  }
  return value;
}

std::string fill(const engine::FilledText& text) {
  std::string out;
  for (const auto& piece : text) out += piece.is_value ? format_value(piece.value, piece.unit) : piece.text;
  return out;
}

std::string audience_name(engine::Audience audience) {
  switch (audience) {
    case engine::Audience::It: return "IT";
    case engine::Audience::Marketing: return "marketing";
    case engine::Audience::Company: return "company";
  }
  return "?";
}

std::string audience_key(engine::Audience audience) {
  switch (audience) {
    case engine::Audience::It: return "it";
    case engine::Audience::Marketing: return "marketing";
    case engine::Audience::Company: return "company";
  }
  return "?";
}

std::string owner_name(engine::Owner owner) {
  switch (owner) {
    case engine::Owner::Cio: return "CIO";
    case engine::Owner::Cmo: return "CMO";
    case engine::Owner::Both: return "CIO and CMO";
  }
  return "?";
}

std::string owner_key(engine::Owner owner) {
  switch (owner) {
    case engine::Owner::Cio: return "cio";
    case engine::Owner::Cmo: return "cmo";
    case engine::Owner::Both: return "both";
  }
  return "?";
}

std::string severity_key(engine::Severity severity) {
  switch (severity) {
    case engine::Severity::Info: return "info";
    case engine::Severity::Low: return "low";
    case engine::Severity::Medium: return "medium";
    case engine::Severity::High: return "high";
    case engine::Severity::Critical: return "critical";
  }
  return "?";
}

std::string kind_key(engine::MetricKind kind) {
  switch (kind) {
    case engine::MetricKind::Share: return "share";
    case engine::MetricKind::Scale: return "scale";
    case engine::MetricKind::Number: return "number";
    case engine::MetricKind::Flag: return "flag";
  }
  return "?";
}

std::string bound_key(engine::Bound bound) {
  switch (bound) {
    case engine::Bound::Exact: return "exact";
    case engine::Bound::About: return "about";
    case engine::Bound::Under: return "under";
    case engine::Bound::Over: return "over";
  }
  return "?";
}

std::string verdict_key(engine::Verdict verdict) {
  switch (verdict) {
    case engine::Verdict::Fired: return "fired";
    case engine::Verdict::NotFired: return "not_fired";
    case engine::Verdict::Unknown: return "unknown";
  }
  return "?";
}

std::string slot_reference(const engine::RuleSet& rules, std::uint32_t slot) {
  const engine::Slot& s = rules.slots.at(slot);
  const std::string& id = rules.metrics.at(s.metric).id;
  return s.audience == engine::Audience::Company ? id : audience_key(s.audience) + "." + id;
}

}  // namespace rapport::cli

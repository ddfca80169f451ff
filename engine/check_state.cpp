// The checker's shared services: locating spans, quoting source, reporting, and naming things.
#include "engine/check_state.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include "dsl/diagnostic_codes.hpp"
#include "engine/suggest.hpp"

namespace rapport::engine::checking {

dsl::Location CheckState::locate(std::uint32_t file, dsl::Span span) const {
  const dsl::SourceFile* source = file < files.size() ? files[file].source : nullptr;
  if (source == nullptr) return {};
  // The caret underlines the span's code points, up to the end of its first line.
  const std::string& text = source->text();
  std::uint32_t length = 0;
  for (std::uint32_t i = span.begin; i < span.end && i < text.size() && text[i] != '\n'; ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++length;
  return source->locate(span.begin, std::max<std::uint32_t>(length, 1));
}

std::string CheckState::written(std::uint32_t file, dsl::Span span) const {
  constexpr std::uint32_t kLongest = 40;
  const dsl::SourceFile* source = file < files.size() ? files[file].source : nullptr;
  if (source == nullptr || span.end <= span.begin || span.end > source->text().size() ||
      span.end - span.begin > kLongest)
    return {};
  const std::string_view text = std::string_view(source->text()).substr(span.begin, span.end - span.begin);
  return text.find('\n') == std::string_view::npos ? std::string(text) : std::string();
}

std::string CheckState::quote(std::uint32_t file, dsl::Span span) const {
  const std::string text = written(file, span);
  return text.empty() ? "this expression" : "'" + text + "'";
}

dsl::Diagnostic& CheckState::error(const char* code, dsl::Location where, std::string message, std::string help) {
  diagnostics.push_back({dsl::DiagSeverity::Error, code, std::move(message), std::move(where), {}, std::move(help)});
  return diagnostics.back();
}

dsl::Diagnostic& CheckState::warning(const char* code, dsl::Location where, std::string message, std::string help) {
  diagnostics.push_back({dsl::DiagSeverity::Warning, code, std::move(message), std::move(where), {}, std::move(help)});
  return diagnostics.back();
}

bool CheckState::has_errors() const {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const dsl::Diagnostic& d) { return d.severity == dsl::DiagSeverity::Error; });
}

std::vector<std::string> CheckState::ids_of(std::initializer_list<dsl::DeclKind> kinds) const {
  std::vector<std::string> ids;
  for (const auto& [id, symbol] : symbols)
    if (std::find(kinds.begin(), kinds.end(), symbol.kind) != kinds.end()) ids.push_back(id);
  return ids;
}

std::string CheckState::did_you_mean(const std::string& name, const std::vector<std::string>& candidates) {
  const auto best = closest(name, candidates);
  return best ? "did you mean '" + *best + "'?" : std::string();
}

std::string_view kind_name(dsl::DeclKind kind) {
  switch (kind) {
    case dsl::DeclKind::Source: return "source";
    case dsl::DeclKind::Metric: return "metric";
    case dsl::DeclKind::Finding: return "finding";
    case dsl::DeclKind::Recommendation: return "recommendation";
  }
  return "declaration";
}

std::string_view audience_name(Audience audience) {
  switch (audience) {
    case Audience::It: return "it";
    case Audience::Marketing: return "marketing";
    case Audience::Company: return "company";
  }
  return "company";
}

std::string_view unit_phrase(Unit unit) {
  switch (unit) {
    case Unit::Truth: return "a truth value";
    case Unit::Plain: return "a number";
    case Unit::Percent: return "a percentage";
    case Unit::Points: return "a difference in percentage points";
  }
  return "a value";
}

bool is_number(Unit unit) { return unit != Unit::Truth; }

std::string spell(double value) {
  std::array<char, 32> buffer{};
  const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  return ec == std::errc() ? std::string(buffer.data(), end) : std::string("?");
}

Unit unit_of_metric(const Metric& metric) {
  switch (metric.kind) {
    case MetricKind::Share: return Unit::Percent;
    case MetricKind::Flag: return Unit::Truth;
    case MetricKind::Scale:
    case MetricKind::Number: return Unit::Plain;
  }
  return Unit::Plain;
}

std::string plain_text(const dsl::Text& text) {
  if (text.parts.empty()) return text.value;
  std::string joined;
  for (const auto& part : text.parts)
    if (!part.is_placeholder) joined += part.text;
  return joined;
}

bool check_literal_range(CheckState& state, std::uint32_t file, const dsl::Expr& number) {
  if (number.unit == dsl::NumberUnit::Percent && (number.number < 0 || number.number > 1)) {
    state.error(dsl::code::percent_out_of_range, state.locate(file, number.span),
                number.spelling + " is not between 0% and 100%", "a share is at most 100%");
    return false;
  }
  if (number.unit == dsl::NumberUnit::Points && (number.number < -1 || number.number > 1)) {
    state.error(dsl::code::percent_out_of_range, state.locate(file, number.span),
                number.spelling + " is not between -100pp and 100pp",
                "a difference of two shares is at most 100 percentage points");
    return false;
  }
  return true;
}

}  // namespace rapport::engine::checking

// What every field variant has in common: its key, its span and its name in the language.
#include "engine/declaration_fields.hpp"

namespace rapport::engine::checking {

namespace {

template <typename... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <typename... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

}  // namespace

dsl::FieldKey key_of(const dsl::Field& field) {
  using K = dsl::FieldKey;
  return std::visit(Overloaded{
                        [](const dsl::TextField& f) { return f.key; },
                        [](const dsl::NumberField& f) { return f.key; },
                        [](const dsl::ExprField& f) { return f.key; },
                        [](const dsl::SeverityField&) { return K::Severity; },
                        [](const dsl::OwnerField&) { return K::Owner; },
                        [](const dsl::KindField&) { return K::Kind; },
                        [](const dsl::AskedField&) { return K::Asked; },
                        [](const dsl::SampleField&) { return K::Sample; },
                        [](const dsl::BenchmarkField&) { return K::Benchmark; },
                        [](const dsl::EvidenceField&) { return K::Evidence; },
                    },
                    field);
}

dsl::Span span_of(const dsl::Field& field) {
  return std::visit([](const auto& f) { return f.span; }, field);
}

std::string_view field_name(dsl::FieldKey key) {
  using K = dsl::FieldKey;
  switch (key) {
    case K::Title: return "title";
    case K::By: return "by";
    case K::Year: return "year";
    case K::Sample: return "sample";
    case K::Url: return "url";
    case K::Note: return "note";
    case K::Question: return "question";
    case K::Label: return "label";
    case K::Kind: return "kind";
    case K::Asked: return "asked";
    case K::Benchmark: return "benchmark";
    case K::Severity: return "severity";
    case K::When: return "when";
    case K::Evidence: return "evidence";
    case K::Narrative: return "narrative";
    case K::Owner: return "owner";
    case K::Horizon: return "horizon";
    case K::Priority: return "priority";
    case K::Action: return "action";
    case K::Rationale: return "rationale";
  }
  return "field";
}

}  // namespace rapport::engine::checking

// The fields of one declaration, grouped by key once the field rules (allowed, once, required)
// were checked. The declare pass builds it; the model builders read it.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <variant>
#include <vector>

#include "dsl/ast.hpp"
#include "engine/check_state.hpp"

namespace rapport::engine::checking {

inline constexpr std::size_t kFieldKeyCount = static_cast<std::size_t>(dsl::FieldKey::Rationale) + 1;

dsl::FieldKey key_of(const dsl::Field& field);
dsl::Span span_of(const dsl::Field& field);
std::string_view field_name(dsl::FieldKey key);

struct FieldSet {
  std::uint32_t file = 0;
  const dsl::Declaration* decl = nullptr;
  std::array<std::vector<const dsl::Field*>, kFieldKeyCount> by_key;

  template <typename T>
  const T* get(dsl::FieldKey key) const {
    const auto& list = by_key[static_cast<std::size_t>(key)];
    return list.empty() ? nullptr : std::get_if<T>(list.front());
  }
  template <typename T>
  std::vector<const T*> all(dsl::FieldKey key) const {
    std::vector<const T*> found;
    for (const dsl::Field* f : by_key[static_cast<std::size_t>(key)])
      if (const T* t = std::get_if<T>(f)) found.push_back(t);
    return found;
  }
};

// Model builders (build_model.cpp): each appends one element to state.rules and its syntax record.
void build_source(CheckState& state, const FieldSet& fields);
void build_metric(CheckState& state, const FieldSet& fields);
void build_finding(CheckState& state, const FieldSet& fields);
void build_recommendation(CheckState& state, const FieldSet& fields);

}  // namespace rapport::engine::checking

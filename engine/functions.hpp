// The functions a rule expression may call, by name: how many arguments each takes and what it does.
// One table serves the resolver (names, argument counts, suggestions) and the compiler (op codes).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace rapport::engine {

enum class Function : std::uint8_t {
  Gap, Abs, Min, Max, Known, Default, All, Any, Benchmark, Weight,
  N, CiLow, CiHigh, PValue, Significant,  // statistics of a group's value or of a gap (evidence.hpp)
};

struct FunctionInfo {
  std::string_view name;
  Function function;
  std::uint32_t min_args;
  std::uint32_t max_args;   // kVariadic when there is no upper bound
  std::string_view usage;   // shown in help lines: "gap(metric)"
};

inline constexpr std::uint32_t kVariadic = 0xFFFFFFFFu;

std::span<const FunctionInfo> functions();
const FunctionInfo* find_function(std::string_view name);
const FunctionInfo& info_of(Function function);

// gap(metric), benchmark(it.metric) and weight(finding) take the id of a declaration, not a value:
// the function resolves its argument itself, and the argument has no type of its own. The statistics
// take a group's value (it.m) or a gap (gap(m)) and read what stands behind it, not its value.
bool takes_an_id(Function function);
bool is_statistic(Function function);

}  // namespace rapport::engine

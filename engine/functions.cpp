// The table of callable functions (see the spec's "Functions" list).
#include "engine/functions.hpp"

#include <array>

namespace rapport::engine {

namespace {

constexpr std::array kFunctions{
    FunctionInfo{"gap", Function::Gap, 1, 1, "gap(metric)"},
    FunctionInfo{"abs", Function::Abs, 1, 1, "abs(x)"},
    FunctionInfo{"min", Function::Min, 2, kVariadic, "min(a, b, ...)"},
    FunctionInfo{"max", Function::Max, 2, kVariadic, "max(a, b, ...)"},
    FunctionInfo{"known", Function::Known, 1, 1, "known(x)"},
    FunctionInfo{"default", Function::Default, 2, 2, "default(x, fallback)"},
    FunctionInfo{"all", Function::All, 1, kVariadic, "all(c1, c2, ...)"},
    FunctionInfo{"any", Function::Any, 1, kVariadic, "any(c1, c2, ...)"},
    FunctionInfo{"benchmark", Function::Benchmark, 1, 1, "benchmark(it.metric)"},
    FunctionInfo{"weight", Function::Weight, 1, 1, "weight(finding)"},
    FunctionInfo{"n", Function::N, 1, 1, "n(it.metric)"},
    FunctionInfo{"ci_low", Function::CiLow, 1, 1, "ci_low(it.metric) or ci_low(gap(metric))"},
    FunctionInfo{"ci_high", Function::CiHigh, 1, 1, "ci_high(it.metric) or ci_high(gap(metric))"},
    FunctionInfo{"p_value", Function::PValue, 1, 1, "p_value(gap(metric))"},
    FunctionInfo{"significant", Function::Significant, 1, 1, "significant(gap(metric))"},
};

}  // namespace

std::span<const FunctionInfo> functions() { return kFunctions; }

const FunctionInfo* find_function(std::string_view name) {
  for (const auto& f : kFunctions)
    if (f.name == name) return &f;
  return nullptr;
}

const FunctionInfo& info_of(Function function) {
  for (const auto& f : kFunctions)
    if (f.function == function) return f;
  return kFunctions.front();  // unreachable: every Function is in the table
}

bool is_statistic(Function function) {
  return function == Function::N || function == Function::CiLow || function == Function::CiHigh ||
         function == Function::PValue || function == Function::Significant;
}

bool takes_an_id(Function function) {
  return function == Function::Gap || function == Function::Benchmark || function == Function::Weight ||
         is_statistic(function);
}

}  // namespace rapport::engine

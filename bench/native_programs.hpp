// The native programs this build compiled from the synthetic workload (the CMake function
// rapport_bench_natives lists them for each executable), and the workload they were generated from.
#pragma once

#include <cstdint>

#include "bench/evaluators.hpp"
#include "bench/workload.hpp"

namespace rapport::bench {

// The shape the native programs were generated with: RAPPORT_BENCH_METRICS metrics, seed
// RAPPORT_BENCH_SEED, and `rules` findings.
WorkloadShape native_shape(std::uint32_t rules);

// The program for `rules` findings; throws std::runtime_error when this executable has none.
NativeProgram native_program(std::uint32_t rules);

}  // namespace rapport::bench

// The native limit: the synthetic rules written out as straight-line C++, as a programmer would write
// them by hand, with Rapport's semantics (NaN is unknown, comparisons with the 1e-9 relative tolerance,
// Kleene all/any; see engine/program.cpp). The benchmarks compile it with -O2 and hold Rapport to it.
#pragma once

#include <string>
#include <vector>

#include "bench/workload.hpp"

namespace rapport::bench {

// A C++ source file defining `void rapport::bench::native::NAME(const double* values, double* findings)`:
// values[m] is metric m's value (NaN when unknown), findings[r] receives rule r's truth (1, 0 or NaN).
// Its body is straight-line code, split into parts of 250 rules to keep compile times linear.
std::string native_program(const WorkloadShape& shape, const std::vector<SyntheticRule>& rules,
                           const std::string& name);

}  // namespace rapport::bench

// The bundled rule set, loaded once per fuzzer process from the source tree: the profile, CSV and JSON
// Lines fuzzers read their inputs against the real rules, as consultants' files are.
#pragma once

#include "engine/model.hpp"

namespace rapport::fuzz {

// Aborts with a message if the bundled rules do not load: a fuzzer without them would test nothing.
const engine::RuleSet& bundled_rules();

}  // namespace rapport::fuzz

// Comparing two parsed rule files for what they say, ignoring where they say it: the formatter's
// promise never to change meaning, checked on every file it formats and throughout its tests.
#pragma once

#include <string>

#include "dsl/ast.hpp"

namespace rapport::dsl {

// Everything a rule file says, one line per declaration, field and comment, with no positions:
// ids, field values, expressions as S-expressions (numbers with their spelling, value and unit),
// texts decoded with their placeholders, comments without trailing whitespace.
std::string syntax_dump(const RuleFile& file);

// "" when the two files say the same; else the first line of their dumps that differs, both ways.
std::string syntax_difference(const RuleFile& a, const RuleFile& b);

}  // namespace rapport::dsl

// The parenthesis-depth guard run before X3 sees an expression (see nesting.hpp).
#include "dsl/nesting.hpp"

#include <string>

#include "dsl/diagnostic_codes.hpp"
#include "dsl/lexical_scan.hpp"
#include "dsl/syntax_error.hpp"

namespace rapport::dsl {

std::optional<Diagnostic> check_nesting(const SourceFile& file, std::size_t begin, std::size_t end,
                                        std::size_t max_nesting) {
  const std::size_t too_deep = lexical::too_deep_parenthesis(file.text(), begin, end, max_nesting);
  if (too_deep == std::string::npos) return std::nullopt;
  return error_at(file, too_deep, code::nesting_too_deep,
                  "expression nested too deeply (more than " + std::to_string(max_nesting) +
                      " levels of parentheses)",
                  "split it into findings that build on each other");
}

}  // namespace rapport::dsl

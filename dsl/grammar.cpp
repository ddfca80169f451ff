// The only translation unit that compiles the grammar: it instantiates the entry rules for the
// one iterator and context the parser uses (dsl/grammar.hpp).
#include "dsl/grammar_def.hpp"

namespace rapport::dsl::grammar {

BOOST_SPIRIT_INSTANTIATE(declaration_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(expression_type, iterator_type, context_type)

}  // namespace rapport::dsl::grammar

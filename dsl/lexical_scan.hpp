// Token-level scans of rule text that need no grammar: finding declarations, comments, parenthesis
// depth and the token before an error. Strings and comments are always skipped as whole units.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "dsl/ast.hpp"

namespace rapport::dsl::lexical {

enum class TokenKind { Word, Number, String, Comment, Symbol, End };

// [begin, end) in the scanned text. A Word keeps a dotted tail (marketing.satisfaction, it.);
// a Number keeps its unit (30%, 10pp); a String runs to its closing quote or the end of its line.
struct Token {
  TokenKind kind = TokenKind::End;
  std::size_t begin = 0;
  std::size_t end = 0;
};

bool is_ident_start(char c);
bool is_ident_char(char c);

// The first token at or after `pos` (whitespace skipped, comments returned as tokens), before `end`.
Token next_token(std::string_view text, std::size_t pos, std::size_t end);
// The first offset at or after `pos` that is neither whitespace nor a comment (`end` if none).
std::size_t skip_blanks(std::string_view text, std::size_t pos, std::size_t end);
// The last token that starts before `at`, scanning from `from` (kind End if there is none).
Token previous_token(std::string_view text, std::size_t from, std::size_t at);
// Where each line whose first word is source, metric, finding or recommendation starts that word.
std::vector<std::size_t> declaration_starts(std::string_view text);
// The offset of the first '(' in [begin, end) that opens more than `limit` levels, or npos.
std::size_t too_deep_parenthesis(std::string_view text, std::size_t begin, std::size_t end, std::size_t limit);
// Every comment in the text, in order.
std::vector<Comment> comments(std::string_view text);

}  // namespace rapport::dsl::lexical

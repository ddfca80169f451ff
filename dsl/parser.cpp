// parse_rule_file: splits a rule file into declarations at lines that start with a declaration
// keyword and parses each on its own, so one broken declaration never hides the others and
// every syntax error in the file is reported.
#include "dsl/parser.hpp"

#include <algorithm>
#include <variant>

#include <fmt/format.h>

#include "dsl/diagnostic_codes.hpp"
#include "dsl/grammar.hpp"
#include "dsl/lexical_scan.hpp"
#include "dsl/nesting.hpp"
#include "dsl/size_limit.hpp"
#include "dsl/syntax_error.hpp"
#include "dsl/text_literal.hpp"

namespace rapport::dsl {
namespace {

constexpr std::string_view kDeclarationExpected = "a declaration: source, metric, finding or recommendation";

// The texts of a declaration are decoded after it parses: escapes, joined strings, placeholders.
void decode_texts(Declaration& decl, const SourceFile& file, const ParseLimits& limits, Diagnostics& diags) {
  for (Field& field : decl.fields) {
    if (auto* text = std::get_if<TextField>(&field)) decode_text(text->text, file, limits, diags);
    if (auto* evidence = std::get_if<EvidenceField>(&field)) decode_text(evidence->quote, file, limits, diags);
    if (auto* benchmark = std::get_if<BenchmarkField>(&field); benchmark && benchmark->has_quote) {
      decode_text(benchmark->quote, file, limits, diags);
    }
  }
}

Diagnostic too_many_declarations(const SourceFile& file, std::size_t at, std::size_t limit) {
  return error_at(file, at, code::too_many_declarations,
                  fmt::format("more than {} declarations in one rule file", limit),
                  "split the rules into several .rules files in one directory, and name the directory with -r");
}

// A chunk runs from one declaration line to the next. It normally holds one declaration; the
// loop also takes `end finding b ...` on one line, and reports anything else left over.
// Returns false when the file holds too many declarations to go on.
bool parse_chunk(const SourceFile& file, ParseRegion chunk, const ParseLimits& limits, ParseResult& result) {
  if (auto too_deep = check_nesting(file, chunk.begin, chunk.end, limits.max_nesting)) {
    result.diagnostics.push_back(std::move(*too_deep));
    return true;
  }
  const std::string_view text = file.text();
  const grammar::ParseState state{text.data(), static_cast<std::uint32_t>(limits.max_depth)};
  std::size_t at = lexical::skip_blanks(text, chunk.begin, chunk.end);
  while (at < chunk.end) {
    grammar::iterator_type first = text.data() + at;
    Declaration decl;
    bool parsed = false;
    auto error = catch_syntax_error(file, chunk, [&] {
      parsed = grammar::parse_with(grammar::declaration(), first, text.data() + chunk.end, state, decl);
    });
    if (error) {
      result.diagnostics.push_back(std::move(*error));
      return true;
    }
    if (!parsed) {
      result.diagnostics.push_back(expected_here(file, chunk, at, kDeclarationExpected));
      return true;
    }
    if (result.file.declarations.size() >= limits.max_declarations) {
      result.diagnostics.push_back(too_many_declarations(file, at, limits.max_declarations));
      return false;
    }
    decode_texts(decl, file, limits, result.diagnostics);
    result.file.declarations.push_back(std::move(decl));
    at = lexical::skip_blanks(text, static_cast<std::size_t>(first - text.data()), chunk.end);
  }
  return true;
}

}  // namespace

ParseResult parse_rule_file(const SourceFile& file, const ParseLimits& limits) {
  ParseResult result;
  if (auto too_large = check_file_size(file, limits.max_file_bytes, "the rule file",
                                       "split the rules into several .rules files in one directory, and name the "
                                       "directory with -r")) {
    result.diagnostics.push_back(std::move(*too_large));
    return result;
  }
  const std::string_view text = file.text();
  result.file.comments = lexical::comments(text);

  // Text before the first declaration line is a chunk too: anything there but comments is an error.
  std::vector<std::size_t> starts = lexical::declaration_starts(text);
  const std::size_t body = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  if (starts.empty() || starts.front() != body) starts.insert(starts.begin(), body);
  for (std::size_t i = 0; i < starts.size(); ++i) {
    const std::size_t end = i + 1 < starts.size() ? starts[i + 1] : text.size();
    if (!parse_chunk(file, {starts[i], end}, limits, result)) break;
  }
  sort_by_location(result.diagnostics);
  return result;
}

}  // namespace rapport::dsl

// parse_rule_file: splits a rule file into declarations at lines that start with a declaration
// keyword and parses each on its own, so one broken declaration never hides the others and
// every syntax error in the file is reported.
#include "dsl/parser.hpp"

#include <algorithm>
#include <variant>

#include "dsl/grammar.hpp"
#include "dsl/lexical_scan.hpp"
#include "dsl/nesting.hpp"
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

// A chunk runs from one declaration line to the next. It normally holds one declaration; the
// loop also takes `end finding b ...` on one line, and reports anything else left over.
void parse_chunk(const SourceFile& file, ParseRegion chunk, const ParseLimits& limits, ParseResult& result) {
  if (auto too_deep = check_nesting(file, chunk.begin, chunk.end, limits.max_nesting)) {
    result.diagnostics.push_back(std::move(*too_deep));
    return;
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
      return;
    }
    if (!parsed) {
      result.diagnostics.push_back(expected_here(file, chunk, at, kDeclarationExpected));
      return;
    }
    decode_texts(decl, file, limits, result.diagnostics);
    result.file.declarations.push_back(std::move(decl));
    at = lexical::skip_blanks(text, static_cast<std::size_t>(first - text.data()), chunk.end);
  }
}

}  // namespace

ParseResult parse_rule_file(const SourceFile& file, const ParseLimits& limits) {
  ParseResult result;
  const std::string_view text = file.text();
  result.file.comments = lexical::comments(text);

  // Text before the first declaration line is a chunk too: anything there but comments is an error.
  std::vector<std::size_t> starts = lexical::declaration_starts(text);
  const std::size_t body = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  if (starts.empty() || starts.front() != body) starts.insert(starts.begin(), body);
  for (std::size_t i = 0; i < starts.size(); ++i) {
    const std::size_t end = i + 1 < starts.size() ? starts[i + 1] : text.size();
    parse_chunk(file, {starts[i], end}, limits, result);
  }
  sort_by_location(result.diagnostics);
  return result;
}

}  // namespace rapport::dsl

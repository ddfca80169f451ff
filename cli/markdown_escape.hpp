// Escaping text for Markdown (GitHub-flavoured): everything that comes from a profile or a rule file goes
// through here, so a `|`, `<script>` or `*` in it shows as written and cannot break a table.
#pragma once

#include <string>
#include <string_view>

namespace rapport::cli {

// Text inside a line, literally: newlines become spaces, and every character that could start emphasis,
// code, a link, HTML, an entity, a heading or a table cell is backslash-escaped.
std::string md_inline(std::string_view text);

// Text that starts a paragraph, list item or heading: also escapes what would make its start a list
// item ("- ", "+ ", "1. ", "1) ") or a setext underline ("=").
std::string md_escape(std::string_view text);

// A table cell: a cell cannot open a block, so only inline escapes (which cover `|` and newlines) apply;
// a dash stands for nothing.
std::string md_cell(std::string_view text);

// Identifiers from the rules ("it.trust", "gap(trust)") are shown as code; anything else falls back to
// escaped text.
std::string md_code(std::string_view text);

// Only web links become links; characters that would end or break the link are percent-encoded.
std::string md_link(std::string_view title, std::string_view url);

}  // namespace rapport::cli

// Diagnostics as values: counting, ordering, and rendering in the rustc/clang form with a quoted
// source line and a caret.
#include "dsl/diagnostic.hpp"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "dsl/diagnostic_codes.hpp"
#include "dsl/source_file.hpp"
#include "dsl/text_encoding.hpp"

namespace rapport::dsl {
namespace {

// ANSI styles, used only when the caller asks for colour.
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kRed = "\x1b[1;31m";
constexpr std::string_view kYellow = "\x1b[1;33m";
constexpr std::string_view kCyan = "\x1b[1;36m";
constexpr std::string_view kReset = "\x1b[0m";

struct Style {
  bool color = false;
  std::string paint(std::string_view text, std::string_view ansi) const {
    if (!color) return std::string(text);
    return fmt::format("{}{}{}", ansi, text, kReset);
  }
};

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::string place(const Location& where) {
  if (!where.has_position()) return where.file;
  return fmt::format("{}:{}:{}", where.file, where.line, where.col);
}

// "file:line:col: " (or "file: ", or nothing for a diagnostic about no file at all), in bold.
std::string heading(const Location& where, const Style& style) {
  const std::string text = place(where);
  return text.empty() ? std::string() : style.paint(text + ": ", kBold);
}

// The caret line's indentation: one space per code point before the column, but tabs stay
// tabs so the caret sits under the same character as in the quoted line.
std::string caret_indent(std::string_view line, std::uint32_t col) {
  std::string indent;
  std::uint32_t seen = 0;
  for (std::size_t i = 0; i < line.size() && seen + 1 < col; ++i) {
    if (is_continuation_byte(line[i])) continue;
    indent += line[i] == '\t' ? '\t' : ' ';
    ++seen;
  }
  indent.append(col - 1 - seen, ' ');  // a column past the end of the line (an expected token at the end)
  return indent;
}

// The line as a terminal can show it: a byte that is not UTF-8, or a control character other than a
// tab, becomes U+FFFD, one column wide, so the caret still lines up and no stray byte reaches the terminal.
std::string printable(std::string_view line) {
  std::string shown;
  shown.reserve(line.size());
  for (std::size_t i = 0; i < line.size();) {
    const auto byte = static_cast<unsigned char>(line[i]);
    const std::size_t length = utf8_sequence_length(line, i);
    if (length == 0 || (byte < 0x20 && byte != '\t') || byte == 0x7F) {
      shown += "\xEF\xBF\xBD";  // U+FFFD, the replacement character
      ++i;
      continue;
    }
    shown.append(line.substr(i, length));
    i += length;
  }
  return shown;
}

// A line longer than this many code points (a minified JSON record, a long text) is quoted as a window
// around the column, so that an error in a 1 MiB line shows one terminal line, not the whole record.
constexpr std::uint32_t kQuotedWidth = 120;
constexpr std::uint32_t kContextBeforeColumn = 40;
constexpr std::uint32_t kContextAfterColumn = 20;
constexpr std::string_view kCut = "...";

struct Quoted {
  std::string line;
  std::uint32_t col = 1;
  std::uint32_t length = 1;
};

Quoted window_around(const std::string& line, std::uint32_t col, std::uint32_t length) {
  std::vector<std::size_t> starts;  // the byte offset of every code point
  for (std::size_t i = 0; i < line.size(); ++i)
    if (!is_continuation_byte(line[i])) starts.push_back(i);
  const auto points = static_cast<std::uint32_t>(starts.size());
  if (points <= kQuotedWidth) return {line, col, length};
  // From the line's start when the column is early enough to leave some text after it; else centred-left.
  const bool from_start = col + kContextAfterColumn <= kQuotedWidth;
  const std::uint32_t first = from_start ? 0 : std::min(col - 1 - kContextBeforeColumn, points - kQuotedWidth);
  const std::uint32_t end = first + kQuotedWidth;
  const bool cut_front = first > 0;
  const bool cut_back = end < points;
  Quoted quoted;
  quoted.line = cut_front ? std::string(kCut) : std::string();
  quoted.line.append(line, starts[first], (cut_back ? starts[end] : line.size()) - starts[first]);
  if (cut_back) quoted.line += kCut;
  const auto shift = static_cast<std::uint32_t>(cut_front ? kCut.size() : 0);
  quoted.col = col - first + shift;
  // The underline stops where the window does (one past it when the place is the end of the line).
  const std::uint32_t room = end + 1 > col ? end + 1 - col : 1;
  quoted.length = std::min(length, room);
  return quoted;
}

//    14 |   when marketing.satisfaction 30%
//       |                               ^
void quote(std::string& out, const Location& where, std::string_view raw, std::string_view ansi, const Style& style) {
  const Quoted quoted = window_around(printable(raw), where.col, where.length);
  const std::string& line = quoted.line;
  const std::string number = std::to_string(where.line);
  const std::string gutter(number.size(), ' ');
  out += fmt::format("   {} |{}{}\n", number, line.empty() ? "" : " ", line);
  std::string marker = "^" + std::string(quoted.length > 1 ? quoted.length - 1 : 0, '~');
  out += fmt::format("   {} | {}{}\n", gutter, caret_indent(line, quoted.col), style.paint(marker, ansi));
}

void quote(std::string& out, const Location& where, const SourceMap& sources, std::string_view ansi,
           const Style& style) {
  const SourceFile* file = sources.find(where.file);
  if (!file || !where.has_position()) return;
  quote(out, where, file->line(where.line), ansi, style);
}

// The diagnostic, its notes and its help; `quote_at` quotes the source line of a place, if it can.
template <typename Quote>
std::string render_with(const Diagnostic& diag, bool color, Quote quote_at) {
  const Style style{color};
  const bool is_error = diag.severity == DiagSeverity::Error;
  const std::string_view ansi = is_error ? kRed : kYellow;

  std::string out = heading(diag.where, style);
  out += style.paint(is_error ? "error" : "warning", ansi);
  out += ": " + style.paint(diag.message, kBold) + "\n";
  if (diag.code != code::not_text) quote_at(out, diag.where, ansi, style);  // a binary file's "line" shows nothing

  for (const DiagNote& note : diag.notes) {
    if (note.where) out += heading(*note.where, style);
    out += style.paint("note", kCyan) + ": " + note.message + "\n";
    if (note.where) quote_at(out, *note.where, kCyan, style);
  }
  if (!diag.help.empty()) out += style.paint("help", kCyan) + ": " + diag.help + "\n";
  return out;
}

}  // namespace

bool has_errors(const Diagnostics& diags) { return count(diags, DiagSeverity::Error) > 0; }

std::size_t count(const Diagnostics& diags, DiagSeverity severity) {
  return static_cast<std::size_t>(std::count_if(
      diags.begin(), diags.end(), [severity](const Diagnostic& d) { return d.severity == severity; }));
}

void sort_by_location(Diagnostics& diags) {
  std::stable_sort(diags.begin(), diags.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.where < b.where; });
}

std::string render(const Diagnostic& diag, const SourceMap& sources, bool color) {
  return render_with(diag, color, [&](std::string& out, const Location& where, std::string_view ansi, const Style& style) {
    quote(out, where, sources, ansi, style);
  });
}

std::string render(const Diagnostic& diag, std::string_view line, bool color) {
  return render_with(diag, color, [&](std::string& out, const Location& where, std::string_view ansi, const Style& style) {
    if (where.has_position() && where == diag.where) quote(out, where, line, ansi, style);
  });
}

}  // namespace rapport::dsl

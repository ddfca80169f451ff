// The CSV reader: RFC 4180 plus what spreadsheets write (BOM, CRLF/LF/CR, ';' or tab, `sep=` line,
// ragged rows). A malformed row is reported where it goes wrong, left out, and reading goes on.
#include "engine/csv.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include <fmt/format.h>

#include "dsl/diagnostic_codes.hpp"
#include "dsl/size_limit.hpp"
#include "dsl/source_file.hpp"
#include "dsl/text_encoding.hpp"

namespace rapport::engine {

namespace {

namespace code = dsl::code;

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

bool is_break(char c) { return c == '\n' || c == '\r'; }

// A record as parsed, before it is checked against the header.
struct Parsed {
  CsvRecord record;
  std::uint32_t end = 0;  // offset just past the last field
  bool bad = false;       // reported; the record is left out
};

class Reader {
 public:
  Reader(const dsl::SourceFile& file, std::size_t start, CsvTable& table)
      : file_(file), text_(file.text()), pos_(start), table_(table) {}

  void read_all() {
    std::size_t expected = 0;
    while (pos_ < text_.size()) {
      Parsed parsed = read_record();
      const auto& fields = parsed.record.fields;
      if (parsed.bad && !header_read_) return;  // without the header no row can be read
      if (parsed.bad || std::all_of(fields.begin(), fields.end(), [](const auto& f) { return f.empty(); })) continue;
      if (!header_read_) {
        expected = fields.size();
        header_read_ = true;
      } else if (!fit_to_header(parsed, expected)) {
        continue;
      }
      table_.records.push_back(std::move(parsed.record));
    }
  }

 private:
  char sep() const { return table_.separator; }
  std::string left_out() const {
    return header_read_ ? "this row is left out" : "this is the header row, so no row of the file can be read";
  }
  std::uint32_t at(std::size_t offset) const { return static_cast<std::uint32_t>(offset); }

  Parsed read_record() {
    Parsed parsed;
    parsed.record.line = file_.locate(at(pos_)).line;
    while (read_field(parsed)) {
      if (pos_ < text_.size() && text_[pos_] == sep()) {
        ++pos_;
        continue;
      }
      parsed.end = at(pos_);
      skip_line_break();
      return parsed;
    }
    return parsed;  // bad, and pos_ is where reading resumes
  }

  // Reads one field; false when the record cannot go on (an unterminated quote).
  bool read_field(Parsed& parsed) {
    std::size_t quote = pos_;
    while (quote < text_.size() && text_[quote] == ' ') ++quote;  // spaces before an opening quote are layout
    if (quote < text_.size() && text_[quote] == '"') return read_quoted(parsed, quote);
    parsed.record.offsets.push_back(at(pos_));
    std::string field;
    while (pos_ < text_.size() && text_[pos_] != sep() && !is_break(text_[pos_])) {
      if (text_[pos_] == '"' && !parsed.bad) {
        report(code::csv_stray_quote, pos_, "a quote inside a field that does not start with one",
               fmt::format("put the whole field in quotes and double the quote inside it (\"like \"\"this\"\"\"); {}",
                           left_out()));
        parsed.bad = true;
      }
      field.push_back(text_[pos_++]);
    }
    parsed.record.fields.push_back(std::move(field));
    return true;
  }

  bool read_quoted(Parsed& parsed, std::size_t open) {
    parsed.record.offsets.push_back(at(open));
    pos_ = open + 1;
    std::string field;
    bool spans_lines = false;
    for (;;) {
      if (pos_ >= text_.size()) return unterminated(parsed, open, std::nullopt);
      const char c = text_[pos_];
      if (c == '"' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
        field.push_back('"');
        pos_ += 2;
      } else if (c == '"') {
        break;
      } else if (is_break(c)) {
        spans_lines = true;
        field.push_back('\n');
        skip_line_break();
      } else {
        field.push_back(c);
        ++pos_;
      }
    }
    const std::size_t close = pos_++;
    while (pos_ < text_.size() && text_[pos_] == ' ') ++pos_;
    if (pos_ < text_.size() && text_[pos_] != sep() && !is_break(text_[pos_])) {
      // Across lines, the likelier mistake is a quote that was never closed on the first line.
      if (spans_lines) return unterminated(parsed, open, close);
      if (!parsed.bad)
        report(code::csv_stray_quote, pos_, "text after the closing quote of a field",
               fmt::format("end the quoted field with a quote followed by the separator, and write a quote "
                           "inside it as two (\"\"); {}",
                           left_out()));
      parsed.bad = true;
      while (pos_ < text_.size() && text_[pos_] != sep() && !is_break(text_[pos_])) field.push_back(text_[pos_++]);
    }
    parsed.record.fields.push_back(std::move(field));
    return true;
  }

  // Reports the quote at `open`, leaves the record out and resumes on the line after the quote.
  bool unterminated(Parsed& parsed, std::size_t open, std::optional<std::size_t> close) {
    pos_ = open;
    while (pos_ < text_.size() && !is_break(text_[pos_])) ++pos_;
    skip_line_break();
    const std::uint32_t next = file_.locate(at(std::min(pos_, text_.size()))).line;
    const std::string resume = !header_read_ ? left_out()
                               : pos_ < text_.size() ? fmt::format("{} and reading goes on at line {}", left_out(), next)
                                                     : fmt::format("{} and nothing after it is read", left_out());
    dsl::Diagnostic& diag = report(
        code::csv_unterminated_quote, open,
        close ? "this quoted field runs on to a later line and ends in the middle of a field" : "this quote is never closed",
        fmt::format("close the field with a quote before the separator, and write a quote inside it as two (\"\"); "
                    "{}",
                    resume));
    if (close)
      diag.notes.push_back({"the quote that closes it, followed by more text", file_.locate(at(*close))});
    parsed.bad = true;
    return false;
  }

  // Drops empty trailing fields beyond the header (a trailing separator); too many fields is an error,
  // too few a warning (the missing answers read as blank).
  bool fit_to_header(Parsed& parsed, std::size_t expected) {
    CsvRecord& record = parsed.record;
    while (record.fields.size() > expected && record.fields.back().empty()) {
      record.fields.pop_back();
      record.offsets.pop_back();
    }
    const std::size_t found = record.fields.size();
    if (found > expected) {
      report(code::csv_field_count, record.offsets[expected],
             fmt::format("this row has {} fields, the header has {}", found, expected),
             fmt::format("a field that holds the separator ({}) must be in quotes; this row is left out",
                         separator_name(sep())));
      return false;
    }
    if (found < expected) {
      auto& diag = report(code::csv_field_count, parsed.end,
                          fmt::format("this row has {} field{}, the header has {}", found, found == 1 ? "" : "s", expected),
                          "the missing fields at the end are read as blank answers");
      diag.severity = dsl::DiagSeverity::Warning;
      record.fields.resize(expected);
      record.offsets.resize(expected, parsed.end);
    }
    return true;
  }

  void skip_line_break() {
    if (pos_ < text_.size() && text_[pos_] == '\r') ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
  }

  dsl::Diagnostic& report(const char* diag_code, std::size_t offset, std::string message, std::string help) {
    dsl::Diagnostic diag;
    diag.code = diag_code;
    diag.message = std::move(message);
    diag.where = file_.locate(at(offset));
    diag.help = std::move(help);
    table_.diagnostics.push_back(std::move(diag));
    return table_.diagnostics.back();
  }

  const dsl::SourceFile& file_;
  const std::string& text_;
  std::size_t pos_;
  CsvTable& table_;
  bool header_read_ = false;
};

// A binary file or UTF-16 (Excel's "Unicode text") cannot be read at all; other bytes that are not
// UTF-8 (a Windows code page) are read as they are, with a warning. Returns false when nothing can be read.
bool check_encoding(const dsl::SourceFile& file, dsl::Diagnostics& diags) {
  const std::string_view text = file.text();
  if (auto problem = dsl::not_text(file)) {
    diags.push_back(std::move(*problem));
    return false;
  }
  if (const auto bad = dsl::first_invalid_utf8(text)) {
    dsl::Diagnostic diag;
    diag.code = code::csv_encoding;
    diag.severity = dsl::DiagSeverity::Warning;
    diag.message = "this file is " + dsl::not_utf8_message(text, *bad);
    diag.where = file.locate(static_cast<std::uint32_t>(*bad));
    diag.help = "export the responses as CSV in UTF-8 (in Excel: Save As, \"CSV UTF-8\"); until then, answers "
                "with accented letters may not match the survey file";
    diags.push_back(std::move(diag));
  }
  return true;
}

}  // namespace

std::string_view separator_name(char separator) {
  switch (separator) {
    case ';': return "semicolon";
    case '\t': return "tab";
    default: return "comma";
  }
}

char detect_separator(std::string_view text) {
  std::array<std::size_t, 3> counts{};  // ',', ';', tab
  bool quoted = false;
  for (const char c : text) {
    if (c == '"') quoted = !quoted;  // a doubled quote flips twice: still inside
    if (quoted) continue;
    if (is_break(c)) break;
    if (c == ',') ++counts[0];
    if (c == ';') ++counts[1];
    if (c == '\t') ++counts[2];
  }
  const auto most = std::max_element(counts.begin(), counts.end());  // the first of equals: ',' wins ties
  if (*most == 0) return ',';
  return std::array<char, 3>{',', ';', '\t'}[static_cast<std::size_t>(most - counts.begin())];
}

CsvTable read_csv(const dsl::SourceFile& file, const CsvOptions& options) {
  CsvTable table;
  if (auto too_large = dsl::check_file_size(file, options.max_bytes, "the survey export",
                                            "export only the columns the survey mapping reads (a survey tool "
                                            "can leave out the others)")) {
    table.diagnostics.push_back(std::move(*too_large));
    return table;
  }
  if (!check_encoding(file, table.diagnostics)) return table;
  const std::string_view text = file.text();
  std::size_t start = text.starts_with(kByteOrderMark) ? kByteOrderMark.size() : 0;
  table.separator = options.separator;
  // Excel writes and reads a first line "sep=;" that names the separator.
  const std::string_view rest = text.substr(start);
  if (rest.starts_with("sep=") && rest.size() >= 5 && std::string_view(",;\t").find(rest[4]) != std::string_view::npos &&
      (rest.size() == 5 || is_break(rest[5]))) {
    if (table.separator == 0) table.separator = rest[4];
    start += 5;
    if (start < text.size() && text[start] == '\r') ++start;
    if (start < text.size() && text[start] == '\n') ++start;
  }
  if (table.separator == 0) table.separator = detect_separator(text.substr(start));
  Reader(file, start, table).read_all();
  return table;
}

dsl::Location field_location(const dsl::SourceFile& file, const CsvRecord& record, std::size_t field) {
  if (record.offsets.empty()) return file.locate(0);
  const std::uint32_t offset = field < record.offsets.size() ? record.offsets[field] : record.offsets.back();
  return file.locate(offset);
}

}  // namespace rapport::engine

// Reads CSV text (RFC 4180 and what survey tools and spreadsheets really write) into records,
// each with the physical line it starts on; malformed rows become positioned diagnostics. No I/O.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/diagnostic.hpp"

namespace rapport::dsl {
class SourceFile;
}

namespace rapport::engine {

// The largest survey export read: far above what a survey of people yields (a million cells), low
// enough that reading it, field by field, stays within a laptop's memory.
inline constexpr std::size_t kMaxCsvBytes = 64 * 1024 * 1024;

struct CsvRecord {
  std::uint32_t line = 0;               // the physical line the record starts on, 1-based
  std::vector<std::string> fields;      // unquoted; line breaks inside a quoted field read as '\n'
  std::vector<std::uint32_t> offsets;   // byte offset in the file of each field (its opening quote if quoted)
};

struct CsvOptions {
  char separator = 0;  // ',', ';' or '\t'; 0 detects it from the header line
  std::size_t max_bytes = kMaxCsvBytes;  // a larger file is refused (file-too-large), not read
};

struct CsvTable {
  char separator = ',';
  std::vector<CsvRecord> records;  // the header row(s) first; blank rows and malformed rows are left out
  // Errors name rows that were left out; warnings name rows that were kept (a short row, padded with
  // blanks) or the file as a whole (not UTF-8). Reading always goes on to the end of the text.
  dsl::Diagnostics diagnostics;
};

// Parses the whole text of `file`. Every record has as many fields as the first one (the header).
CsvTable read_csv(const dsl::SourceFile& file, const CsvOptions& options = {});

// The separator of a header line: the most frequent of ',', ';' and tab outside quotes (',' when none).
// `text` starts at the header line (after any byte order mark).
char detect_separator(std::string_view text);

// Where a field of a record is in the file, for a diagnostic about its value; a field past the end
// of a (padded) short row points at the end of the record.
dsl::Location field_location(const dsl::SourceFile& file, const CsvRecord& record, std::size_t field);

// "comma", "semicolon", "tab": the separator in words for messages.
std::string_view separator_name(char separator);

}  // namespace rapport::engine

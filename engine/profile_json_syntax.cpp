// JSON syntax errors in plain words and in place (see profile_json_syntax.hpp). Only bad records
// come here, so these scan the record byte by byte without hurry.
#include "engine/profile_json_syntax.hpp"

#include <algorithm>

#include "dsl/text_encoding.hpp"

namespace rapport::engine {

std::string json_error_words(simdjson::error_code error) {
  switch (error) {
    case simdjson::TAPE_ERROR:
      return "the structure is broken here: a comma, colon, quote or bracket is missing or one too many";
    case simdjson::DEPTH_ERROR: return "objects and arrays are nested too deeply";
    case simdjson::STRING_ERROR: return "a string holds an invalid escape (a backslash must start \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)";
    case simdjson::T_ATOM_ERROR: return "expected true";
    case simdjson::F_ATOM_ERROR: return "expected false";
    case simdjson::N_ATOM_ERROR: return "expected null";
    case simdjson::NUMBER_ERROR:
    case simdjson::NUMBER_OUT_OF_RANGE: return "a number is malformed or too large";
    case simdjson::UTF8_ERROR: return "the text is not valid UTF-8";
    case simdjson::EMPTY: return "the record holds no JSON value";
    case simdjson::UNESCAPED_CHARS: return "a string holds a control character, such as a tab, that must be escaped";
    case simdjson::UNCLOSED_STRING: return "a string is never closed";
    case simdjson::INCOMPLETE_ARRAY_OR_OBJECT: return "an object or array is never closed";
    case simdjson::TRAILING_CONTENT: return "there is text after the profile's closing '}'";
    case simdjson::CAPACITY: return "the record is too large";
    default: return simdjson::error_message(error);
  }
}

namespace {

// Walks the strings of the record: calls `visit(offset, in_string)` for each byte outside escapes.
// Returns the offset of the opening quote of a string left open, or npos.
template <typename Visit>
std::size_t walk_strings(std::string_view record, Visit visit) {
  bool in_string = false;
  std::size_t opened = std::string_view::npos;
  for (std::size_t i = 0; i < record.size(); ++i) {
    const char c = record[i];
    if (in_string && c == '\\') {
      ++i;
      continue;
    }
    if (c == '"') {
      in_string = !in_string;
      opened = in_string ? i : std::string_view::npos;
      continue;
    }
    if (visit(i, in_string)) return i;
  }
  return opened;
}

}  // namespace

std::size_t stage1_error_offset(simdjson::error_code error, std::string_view record) {
  if (error == simdjson::UTF8_ERROR) {
    if (const auto bad = dsl::first_invalid_utf8(record)) return *bad;
  } else if (error == simdjson::UNCLOSED_STRING) {
    const std::size_t opened = walk_strings(record, [](std::size_t, bool) { return false; });
    if (opened != std::string_view::npos) return opened;
  } else if (error == simdjson::UNESCAPED_CHARS) {
    const std::size_t at = walk_strings(record, [&](std::size_t i, bool in_string) {
      return in_string && static_cast<unsigned char>(record[i]) < 0x20;
    });
    if (at != std::string_view::npos) return at;
  }
  return 0;
}

namespace {

bool starts_code_point(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

}  // namespace

std::size_t token_length(std::string_view record, std::size_t offset) {
  if (offset >= record.size()) return 1;
  std::size_t end = offset + 1;
  if (record[offset] == '"') {
    for (; end < record.size() && record[end] != '"'; ++end)
      if (record[end] == '\\') ++end;
    return std::min(end + 1, record.size()) - offset;
  }
  if (record[offset] == '{' || record[offset] == '[') return 1;
  while (end < record.size() && std::string_view(",}] \t\r\n").find(record[end]) == std::string_view::npos) ++end;
  return end - offset;
}

std::uint32_t column_of(std::string_view record, std::size_t offset) {
  std::uint32_t column = 1;
  for (std::size_t i = 0; i < offset && i < record.size(); ++i) column += starts_code_point(record[i]) ? 1 : 0;
  return column;
}

std::uint32_t width_of(std::string_view record, std::size_t offset, std::size_t length) {
  std::uint32_t width = 0;
  for (std::size_t i = offset; i < offset + length && i < record.size(); ++i) width += starts_code_point(record[i]) ? 1 : 0;
  return width > 0 ? width : 1;
}

}  // namespace rapport::engine

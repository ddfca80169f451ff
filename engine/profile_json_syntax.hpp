// JSON syntax errors in a profile record: simdjson's error codes in plain words, where in the record
// the errors it finds before walking (an unclosed string, bad UTF-8) are, and columns from offsets.
// Private to the JSON profile reader.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <simdjson.h>

namespace rapport::engine {

// "a string is never closed", "a number is malformed or too large", ...
std::string json_error_words(simdjson::error_code error);

// Where an error found before the walk (simdjson's stage 1) is: the opening quote of a string that
// is never closed, the first byte that is not UTF-8, the control character inside a string.
// 0 when it cannot be told.
std::size_t stage1_error_offset(simdjson::error_code error, std::string_view record);

// How many bytes the JSON token at `offset` takes: a string up to its closing quote, a number or a
// literal up to the next delimiter, a bracket 1.
std::size_t token_length(std::string_view record, std::size_t offset);

// The 1-based column of byte `offset`, in code points, as dsl::Location counts them.
std::uint32_t column_of(std::string_view record, std::size_t offset);
// How many code points `length` bytes from `offset` cover (at least 1).
std::uint32_t width_of(std::string_view record, std::size_t offset, std::size_t length);

}  // namespace rapport::engine

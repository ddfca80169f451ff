// Whether a file's bytes are text Rapport can read: UTF-8, with or without a byte order mark, with any
// line ends. Every reader (rules, profiles, mappings, survey exports, reports, JSON Lines) asks here
// first, so a binary file or a Windows code page gets one clear error instead of a cascade of syntax errors.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "dsl/diagnostic.hpp"
#include "dsl/source_file.hpp"

namespace rapport::dsl {

// The length of the well-formed UTF-8 sequence that starts at `i`; 0 when none does (a stray
// continuation byte, an overlong form, a surrogate, a code point past U+10FFFF, a sequence cut short).
std::size_t utf8_sequence_length(std::string_view text, std::size_t i);

// The offset of the first byte that is not part of well-formed UTF-8, if any.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

// What `text` is when it is not text at all, in words for a message: "a gzip archive", "a PDF document",
// "UTF-16 text", "binary data"... Told by the first bytes (the signatures of common binary formats and
// UTF-16's byte order mark) or by a NUL byte anywhere. Nothing for text.
struct BinaryKind {
  std::string what;  // "a gzip archive"
  std::string help;  // what to do instead: "decompress it first (gunzip FILE)"
};
std::optional<BinaryKind> binary_kind(std::string_view text);

// "not valid UTF-8: byte 0xE9 does not belong here", for the byte at `offset`.
std::string not_utf8_message(std::string_view text, std::size_t offset);
inline constexpr const char* kSaveAsUtf8 =
    "save the file again in the UTF-8 encoding (most editors offer it under Save As or Encoding)";

// `not-text` at 1:1, when `file` is binary (see binary_kind).
std::optional<Diagnostic> not_text(const SourceFile& file);
// The error that stops a file from being read as text, if there is one: not_text(), or `not-utf8` at the
// first byte that is not UTF-8.
std::optional<Diagnostic> text_problem(const SourceFile& file);

}  // namespace rapport::dsl

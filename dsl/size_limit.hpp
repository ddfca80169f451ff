// Size limits on whole inputs (a rule file, a profile, a survey export, a JSON Lines record): an input
// over its limit is refused before it is parsed, so no parser ever sees a pathological size.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "dsl/diagnostic.hpp"
#include "dsl/source_file.hpp"

namespace rapport::dsl {

// A size as a person reads it: "812 bytes", "64 KiB", "16.5 MiB".
std::string byte_size_text(std::size_t bytes);

// "the rule file is 17.2 MiB, more than the limit of 16 MiB": `what` names the input ("the rule file").
std::string too_large_message(std::string_view what, std::size_t bytes, std::size_t limit);

// A file-too-large error at 1:1 when `file` holds more than `limit` bytes; nothing otherwise.
std::optional<Diagnostic> check_file_size(const SourceFile& file, std::size_t limit, std::string_view what,
                                          std::string help);

}  // namespace rapport::dsl

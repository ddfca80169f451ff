// Escaping text for HTML and SVG: everything that comes from a profile or a rule file goes through here.
#pragma once

#include <string>
#include <string_view>

namespace rapport::cli {

// Replaces & < > " ' with character references, so the text is safe in element content and in
// double- or single-quoted attribute values alike.
std::string escape(std::string_view text);

}  // namespace rapport::cli

// Writing JSON text by hand, for output made a million lines a second (`rapport batch`), where building
// nlohmann::json values would cost more than the assessment itself. Appends to a reused buffer.
#pragma once

#include <string>
#include <string_view>

namespace rapport::cli {

// `text` as a JSON string, quotes included: " \ and control characters escaped, UTF-8 kept as it is.
void append_json_string(std::string& out, std::string_view text);

// A number in the shortest form that reads back to the same double (129, 0.58); null for NaN or infinity.
void append_json_number(std::string& out, double value);

// A whole number.
void append_json_integer(std::string& out, unsigned long long value);

}  // namespace rapport::cli

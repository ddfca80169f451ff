// A unified diff of two texts, line by line, as `diff -u` prints it: what rapport fmt --diff shows.
#pragma once

#include <string>
#include <string_view>

#include "cli/report.hpp"  // TextStyle

namespace rapport::cli {

// "" when the texts are equal. Otherwise `--- from`, `+++ to`, then hunks with three lines of
// context; removed lines red and added lines green when `style` has colour. A last line without
// a newline is marked "\ No newline at end of file". Minimal for the changes a formatter makes;
// a very large rewrite may come out as one replaced block.
std::string unified_diff(std::string_view before, std::string_view after, const std::string& from,
                         const std::string& to, const TextStyle& style);

}  // namespace rapport::cli

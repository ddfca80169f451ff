// "Did you mean ...?": the closest known name to a misspelt one, by edit distance.
// Shared by every place that reports an unknown name (rule-set ids, profile tables and keys).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rapport::engine {

// Edits (insert, delete, replace, swap of neighbours) that turn `a` into `b`, ignoring ASCII case.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate nearest to `word`, if it is close enough to be a likely typo: at most one edit
// per three characters of the word (and at least one). Ties go to the earlier candidate.
std::optional<std::string> closest(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace rapport::engine

// Unified diffs (see line_diff.hpp): common head and tail trimmed, a longest common subsequence
// of the lines in between, then hunks with three lines of context.
#include "cli/line_diff.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace rapport::cli {
namespace {

constexpr std::size_t kContext = 3;
// Above this many cells the middle of the two texts is shown as replaced as a whole.
constexpr std::size_t kMaxTableCells = 4'000'000;

// Lines with their newline, so that a missing newline at the end is a difference too.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    const std::size_t length = end == std::string_view::npos ? text.size() : end + 1;
    lines.push_back(text.substr(0, length));
    text.remove_prefix(length);
  }
  return lines;
}

enum class EditKind : std::uint8_t { Same, Removed, Added };
struct Edit {
  EditKind kind;
  std::string_view line;
};

// The edit script of the lines in between an equal head and an equal tail.
void diff_middle(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b, std::size_t head,
                 std::size_t a_end, std::size_t b_end, std::vector<Edit>& edits) {
  const std::size_t n = a_end - head;
  const std::size_t m = b_end - head;
  if (n * m > kMaxTableCells) {
    for (std::size_t i = head; i < a_end; ++i) edits.push_back({EditKind::Removed, a[i]});
    for (std::size_t j = head; j < b_end; ++j) edits.push_back({EditKind::Added, b[j]});
    return;
  }
  // common[i][j]: the length of the longest common subsequence of a[head+i..] and b[head+j..].
  std::vector<std::uint32_t> common((n + 1) * (m + 1), 0);
  auto at = [m](std::size_t i, std::size_t j) { return i * (m + 1) + j; };
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t j = m; j-- > 0;) {
      common[at(i, j)] = a[head + i] == b[head + j] ? common[at(i + 1, j + 1)] + 1
                                                    : std::max(common[at(i + 1, j)], common[at(i, j + 1)]);
    }
  }
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[head + i] == b[head + j]) {
      edits.push_back({EditKind::Same, a[head + i]});
      ++i, ++j;
    } else if (i < n && (j == m || common[at(i + 1, j)] >= common[at(i, j + 1)])) {
      edits.push_back({EditKind::Removed, a[head + i++]});  // removals first, as diff -u shows them
    } else {
      edits.push_back({EditKind::Added, b[head + j++]});
    }
  }
}

std::vector<Edit> edit_script(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  std::size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  std::size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) ++tail;
  std::vector<Edit> edits;
  for (std::size_t i = 0; i < head; ++i) edits.push_back({EditKind::Same, a[i]});
  diff_middle(a, b, head, a.size() - tail, b.size() - tail, edits);
  for (std::size_t i = a.size() - tail; i < a.size(); ++i) edits.push_back({EditKind::Same, a[i]});
  return edits;
}

// "@@ -start,count +start,count @@": a range of no lines starts at the line before it.
std::string range(std::size_t before, std::size_t count) {
  return fmt::format("{},{}", count == 0 ? before : before + 1, count);
}

void print_line(std::string& out, char mark, std::string_view line, const TextStyle& style) {
  const bool has_newline = !line.empty() && line.back() == '\n';
  const std::string_view body = has_newline ? line.substr(0, line.size() - 1) : line;
  const std::string text = mark + std::string(body);
  out += mark == '-' ? style.paint("31", text) : mark == '+' ? style.paint("32", text) : text;
  out += has_newline ? "\n" : "\n\\ No newline at end of file\n";
}

// One hunk: edits [first, last) with the number of lines of each side before them.
void print_hunk(std::string& out, const std::vector<Edit>& edits, std::size_t first, std::size_t last,
                std::size_t a_before, std::size_t b_before, const TextStyle& style) {
  std::size_t a_count = 0;
  std::size_t b_count = 0;
  for (std::size_t k = first; k < last; ++k) {
    a_count += edits[k].kind != EditKind::Added ? 1 : 0;
    b_count += edits[k].kind != EditKind::Removed ? 1 : 0;
  }
  out += style.paint("36", fmt::format("@@ -{} +{} @@", range(a_before, a_count), range(b_before, b_count))) + "\n";
  for (std::size_t k = first; k < last; ++k) {
    const char mark = edits[k].kind == EditKind::Same ? ' ' : edits[k].kind == EditKind::Removed ? '-' : '+';
    print_line(out, mark, edits[k].line, style);
  }
}

}  // namespace

std::string unified_diff(std::string_view before, std::string_view after, const std::string& from,
                         const std::string& to, const TextStyle& style) {
  if (before == after) return "";
  const std::vector<Edit> edits = edit_script(split_lines(before), split_lines(after));
  std::string out = style.paint("1", "--- " + from) + "\n" + style.paint("1", "+++ " + to) + "\n";
  std::size_t a_line = 0;  // lines of each side before edits[k]
  std::size_t b_line = 0;
  std::size_t k = 0;
  while (k < edits.size()) {
    if (edits[k].kind == EditKind::Same) {
      ++a_line, ++b_line, ++k;
      continue;
    }
    // A hunk: back up over the context, then take changes until a run of unchanged lines is
    // longer than two contexts (or the text ends).
    const std::size_t back = std::min({kContext, a_line, b_line, k});
    const std::size_t first = k - back;
    std::size_t last = k;
    std::size_t a_end = a_line;
    std::size_t b_end = b_line;
    while (last < edits.size()) {
      std::size_t same = 0;
      while (last + same < edits.size() && edits[last + same].kind == EditKind::Same) ++same;
      if (last + same == edits.size() || same > 2 * kContext) {
        const std::size_t context = std::min(same, kContext);
        last += context, a_end += context, b_end += context;
        break;
      }
      last += same, a_end += same, b_end += same;
      while (last < edits.size() && edits[last].kind != EditKind::Same) {
        a_end += edits[last].kind == EditKind::Removed ? 1 : 0;
        b_end += edits[last].kind == EditKind::Added ? 1 : 0;
        ++last;
      }
    }
    print_hunk(out, edits, first, last, a_line - back, b_line - back, style);
    a_line = a_end, b_line = b_end, k = last;
  }
  return out;
}

}  // namespace rapport::cli

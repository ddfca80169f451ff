// Maps byte offsets in a named text to 1-based line:col, counting UTF-8 code points as editors do.
#include "dsl/source_file.hpp"

#include <algorithm>

namespace rapport::dsl {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::uint32_t count_code_points(std::string_view bytes) {
  return static_cast<std::uint32_t>(
      std::count_if(bytes.begin(), bytes.end(), [](char c) { return !is_continuation_byte(c); }));
}

}  // namespace

SourceFile::SourceFile(std::string path, std::string text) : path_(std::move(path)), text_(std::move(text)) {
  line_starts_.push_back(0);
  // LF, CRLF and a lone CR (old Mac spreadsheets still write it) each end a line, as in editors.
  for (std::size_t i = 0; i < text_.size(); ++i) {
    const bool lone_cr = text_[i] == '\r' && (i + 1 == text_.size() || text_[i + 1] != '\n');
    if (text_[i] == '\n' || lone_cr) line_starts_.push_back(static_cast<std::uint32_t>(i + 1));
  }
}

// `length` is in bytes (spans are bytes); the result underlines that many code points,
// cut at the end of the line so a caret never runs past the quoted text.
Location SourceFile::locate(std::uint32_t offset, std::uint32_t length) const {
  const auto size = static_cast<std::uint32_t>(text_.size());
  offset = std::min(offset, size);
  const auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line_index = static_cast<std::uint32_t>(after - line_starts_.begin() - 1);

  std::uint32_t start = line_starts_[line_index];
  // A byte order mark is invisible in editors, so it is not a column.
  if (line_index == 0 && std::string_view(text_).starts_with(kByteOrderMark)) {
    start = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(kByteOrderMark.size()));
  }
  const std::string_view before(text_.data() + start, offset - start);

  const std::string_view rest = line(line_index + 1);
  const auto line_end = static_cast<std::uint32_t>(rest.data() + rest.size() - text_.data());
  const std::uint32_t stop = std::max(offset, std::min(line_end, offset + length));
  const std::uint32_t underlined = count_code_points(std::string_view(text_.data() + offset, stop - offset));

  Location where;
  where.file = path_;
  where.line = line_index + 1;
  where.col = count_code_points(before) + 1;
  where.length = std::max<std::uint32_t>(underlined, 1);
  return where;
}

std::string_view SourceFile::line(std::uint32_t line_number) const {
  if (line_number == 0 || line_number > line_starts_.size()) return {};
  std::size_t begin = line_starts_[line_number - 1];
  std::size_t end = line_number < line_starts_.size() ? line_starts_[line_number] - 1 : text_.size();
  std::string_view text(text_.data() + begin, end - begin);
  if (text.ends_with('\r')) text.remove_suffix(1);
  if (line_number == 1 && text.starts_with(kByteOrderMark)) text.remove_prefix(kByteOrderMark.size());
  return text;
}

const SourceFile& SourceMap::add(std::string path, std::string text) {
  auto file = std::make_unique<SourceFile>(path, std::move(text));
  const SourceFile& added = *file;
  files_.insert_or_assign(std::move(path), std::move(file));
  return added;
}

const SourceFile* SourceMap::find(const std::string& path) const {
  const auto found = files_.find(path);
  return found == files_.end() ? nullptr : found->second.get();
}

}  // namespace rapport::dsl

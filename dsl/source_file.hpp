// A named text (rule file, profile, CSV) and the mapping from byte offsets to line:col.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/location.hpp"

namespace rapport::dsl {

class SourceFile {
 public:
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }

  // 1-based line and column; the column counts UTF-8 code points, as editors do, and a byte
  // order mark is not a column. `length` is in bytes (as spans are); Location::length gets the
  // code points it covers, cut at the end of the line, at least 1.
  Location locate(std::uint32_t offset, std::uint32_t length = 1) const;
  // The text of a 1-based line, without its line ending ("" past the end).
  std::string_view line(std::uint32_t line_number) const;

 private:
  std::string path_;
  std::string text_;
  std::vector<std::uint32_t> line_starts_;
};

// Every text that diagnostics may point into, by path, so a renderer can quote the line.
class SourceMap {
 public:
  const SourceFile& add(std::string path, std::string text);
  const SourceFile* find(const std::string& path) const;

 private:
  std::map<std::string, std::unique_ptr<SourceFile>> files_;
};

}  // namespace rapport::dsl

// Telling text from what is not (see text_encoding.hpp): UTF-8 validation and binary signatures.
#include "dsl/text_encoding.hpp"

#include <array>
#include <cstring>

#include <fmt/format.h>

#include "dsl/diagnostic_codes.hpp"

namespace rapport::dsl {

std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // the range of the second byte: no overlong forms, no surrogates
  if (lead >= 0xC2 && lead <= 0xDF) length = 2;
  else if (lead == 0xE0) length = 3, low = 0xA0;
  else if (lead == 0xED) length = 3, high = 0x9F;
  else if (lead >= 0xE1 && lead <= 0xEF) length = 3;
  else if (lead == 0xF0) length = 4, low = 0x90;
  else if (lead == 0xF4) length = 4, high = 0x8F;
  else if (lead >= 0xF1 && lead <= 0xF3) length = 4;
  else return 0;
  if (i + length > text.size()) return 0;
  if (byte(i + 1) < low || byte(i + 1) > high) return 0;
  for (std::size_t k = 2; k < length; ++k)
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  return length;
}

std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    // ASCII, by far the most of any file, a byte at a time without the table above.
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t length = utf8_sequence_length(text, i);
    if (length == 0) return i;
    i += length;
  }
  return std::nullopt;
}

namespace {

struct Signature {
  std::string_view magic;
  const char* what;
  const char* help;
};

constexpr const char* kGiveText =
    "name the text file itself: rules, profiles, survey mappings and exports, and JSON Lines are UTF-8 text";
constexpr const char* kDecompress = "decompress it first (for example: gunzip -k FILE), and give Rapport the text inside";

// The first bytes of the binary files most likely to be given by mistake.
const std::array<Signature, 10> kSignatures = {{
    {"\xEF\xBB\xBF", nullptr, nullptr},  // UTF-8's byte order mark: text
    {"\xFF\xFE", "UTF-16 text", kSaveAsUtf8},
    {"\xFE\xFF", "UTF-16 text", kSaveAsUtf8},
    {"\x1F\x8B", "a gzip archive", kDecompress},
    {"\xFD" "7zXZ", "an xz archive", kDecompress},
    {"\x28\xB5\x2F\xFD", "a zstd archive", kDecompress},
    {"PK\x03\x04", "a ZIP archive (an Excel workbook is one)",
     "extract the text file from it; for survey responses, export them as CSV (in Excel: Save As, \"CSV UTF-8\")"},
    {"\xD0\xCF\x11\xE0", "an Office document (an old Excel workbook?)",
     "export the data as text; for survey responses, as CSV (in Excel: Save As, \"CSV UTF-8\")"},
    {"%PDF-", "a PDF document", kGiveText},
    {"\x89PNG\r\n\x1A\n", "a PNG image", kGiveText},
}};

}  // namespace

std::optional<BinaryKind> binary_kind(std::string_view text) {
  for (const Signature& signature : kSignatures) {
    if (!text.starts_with(signature.magic)) continue;
    if (signature.what == nullptr) break;
    return BinaryKind{signature.what, signature.help};
  }
  if (text.starts_with("\xFF\xD8\xFF")) return BinaryKind{"a JPEG image", kGiveText};
  const void* nul = std::memchr(text.data(), '\0', text.size());
  if (nul == nullptr) return std::nullopt;
  // Text saved as UTF-16 without a byte order mark: every other byte of plain letters is NUL.
  const bool utf16 = text.size() >= 4 && (text[0] == '\0') != (text[1] == '\0') && (text[2] == '\0') != (text[3] == '\0');
  if (utf16) return BinaryKind{"UTF-16 text", kSaveAsUtf8};
  return BinaryKind{"binary data (it holds NUL bytes)", kGiveText};
}

std::string not_utf8_message(std::string_view text, std::size_t offset) {
  return fmt::format("not valid UTF-8: byte 0x{:02X} does not belong here (is the file in a Windows or Latin-1 "
                     "encoding?)",
                     static_cast<unsigned char>(text[offset]));
}

std::optional<Diagnostic> not_text(const SourceFile& file) {
  const auto kind = binary_kind(file.text());
  if (!kind) return std::nullopt;
  Diagnostic diagnostic;
  diagnostic.code = code::not_text;
  diagnostic.message = "this is not a text file: it looks like " + kind->what;
  diagnostic.where = Location{file.path(), 1, 1, 1};
  diagnostic.help = kind->help;
  return diagnostic;
}

std::optional<Diagnostic> text_problem(const SourceFile& file) {
  if (auto binary = not_text(file)) return binary;
  const std::string_view text = file.text();
  if (const auto bad = first_invalid_utf8(text)) {
    Diagnostic diagnostic;
    diagnostic.code = code::not_utf8;
    diagnostic.message = not_utf8_message(text, *bad);
    diagnostic.where = file.locate(static_cast<std::uint32_t>(*bad));
    diagnostic.help = kSaveAsUtf8;
    return diagnostic;
  }
  return std::nullopt;
}

}  // namespace rapport::dsl

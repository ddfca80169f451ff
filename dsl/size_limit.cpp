// Size limits on whole inputs (see size_limit.hpp).
#include "dsl/size_limit.hpp"

#include <fmt/format.h>

#include "dsl/diagnostic_codes.hpp"

namespace rapport::dsl {

std::string byte_size_text(std::size_t bytes) {
  constexpr double kKiB = 1024.0, kMiB = 1024.0 * 1024.0, kGiB = 1024.0 * kMiB;
  const double size = static_cast<double>(bytes);
  // One decimal only when it says something: 16 MiB, but 16.5 MiB.
  auto shown = [](double value, const char* unit) {
    const double rounded = static_cast<double>(static_cast<long long>(value * 10 + 0.5)) / 10;
    return rounded == static_cast<double>(static_cast<long long>(rounded)) ? fmt::format("{:.0f} {}", rounded, unit)
                                                                           : fmt::format("{:.1f} {}", rounded, unit);
  };
  if (size >= kGiB) return shown(size / kGiB, "GiB");
  if (size >= kMiB) return shown(size / kMiB, "MiB");
  if (size >= kKiB) return shown(size / kKiB, "KiB");
  return fmt::format("{} byte{}", bytes, bytes == 1 ? "" : "s");
}

std::string too_large_message(std::string_view what, std::size_t bytes, std::size_t limit) {
  // Just over the limit reads the same as the limit once rounded: then the exact byte counts say it.
  std::string size = byte_size_text(bytes), most = byte_size_text(limit);
  if (size == most) size = fmt::format("{} bytes", bytes), most = fmt::format("{} bytes", limit);
  return fmt::format("{} is {}, more than the limit of {}", what, size, most);
}

std::optional<Diagnostic> check_file_size(const SourceFile& file, std::size_t limit, std::string_view what,
                                          std::string help) {
  const std::size_t bytes = file.text().size();
  if (bytes <= limit) return std::nullopt;
  Diagnostic diag;
  diag.code = code::file_too_large;
  diag.message = too_large_message(what, bytes, limit);
  diag.help = std::move(help);
  diag.where = file.locate(0);
  return diag;
}

}  // namespace rapport::dsl

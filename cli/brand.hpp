// A consulting firm's branding for reports: its name, accent colour and logo (--brand brand.toml).
#pragma once

#include <string>

#include "dsl/source_file.hpp"

namespace rapport::cli {

struct Brand {
  std::string firm = "Rapport";     // the firm preparing the report
  std::string accent = "#1f4e79";   // a CSS hex colour, validated
  std::string logo_data_uri;        // "data:image/png;base64,...", or "" for no logo
  std::string logo_path;            // the file it was read from: an input that -o must not overwrite
};

// Reads brand.toml (format in docs/reports.md). The logo path is relative to the brand file and
// embedded as a data URI. Invalid content: positioned diagnostics on stderr, then InvalidInput (exit 3);
// an unreadable file or logo: IoError (exit 4).
Brand load_brand(const std::string& path, dsl::SourceMap& sources);

}  // namespace rapport::cli

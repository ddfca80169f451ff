// load_brand (see brand.hpp): reads brand.toml with toml++, checks every key, embeds the logo as a data URI.
// All problems in the file are collected and printed with their place before giving up.
#include "cli/brand.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

#include "cli/diagnostic_output.hpp"
#include "cli/errors.hpp"
#include "cli/file_io.hpp"
#include "cli/report_css.hpp"
#include "dsl/diagnostic_codes.hpp"
#include "dsl/text_encoding.hpp"
#include "engine/suggest.hpp"

namespace rapport::cli {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kKeys = {"firm", "accent", "logo"};

std::string base64(std::string_view bytes) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    std::uint32_t chunk = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) chunk |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    if (i + 2 < bytes.size()) chunk |= static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[(chunk >> 18) & 63];
    out += kAlphabet[(chunk >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(chunk >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kAlphabet[chunk & 63] : '=';
  }
  return out;
}

// Whether `path` stays within `folder`, both as written (no absolute path, no ".." out of it) and once
// symbolic links are followed.
bool inside(const fs::path& folder, const fs::path& path) {
  const fs::path relative = path.lexically_relative(folder).lexically_normal();
  if (relative.empty() || relative.is_absolute() || *relative.begin() == "..") return false;
  std::error_code ec;
  const fs::path real_folder = fs::weakly_canonical(folder.empty() ? fs::path(".") : folder, ec);
  const fs::path real_path = fs::weakly_canonical(path, ec);
  if (ec) return true;  // cannot resolve: reading it will say why
  const fs::path real_relative = real_path.lexically_relative(real_folder);
  return !real_relative.empty() && *real_relative.begin() != "..";
}

// "image/png" for logo.png, ... or "" for an extension a report cannot show.
std::string media_type(const fs::path& logo) {
  std::string ext = logo.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  if (ext == ".png") return "image/png";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".jpg" || ext == ".jpeg") return "image/jpeg";
  return "";
}

class BrandReader {
 public:
  explicit BrandReader(std::string path) : path_(std::move(path)) {}

  void read(const toml::table& document) {
    for (auto&& [key, value] : document) {
      const std::string name(key.str());
      if (name == "firm") {
        if (auto text = string_value(key, value, "firm = \"Harbour & Co Advisory\"")) brand_.firm = *text;
      } else if (name == "accent") {
        read_accent(key, value);
      } else if (name == "logo") {
        if (auto text = string_value(key, value, "logo = \"logo.png\"")) read_logo(*text, value);
      } else {
        const auto near = engine::closest(name, kKeys);
        add(dsl::code::unknown_key, key.source(), fmt::format("unknown key '{}' in a brand file", name),
            near ? fmt::format("did you mean '{}'?", *near) : "a brand file has the keys firm, accent and logo");
      }
    }
  }

  void syntax_error(const toml::parse_error& error) {
    std::string_view description = error.description();
    const auto colon = description.find(": ");
    if (description.starts_with("Error while parsing") && colon != std::string_view::npos)
      description.remove_prefix(colon + 2);
    add(dsl::code::syntax, error.source(), fmt::format("invalid TOML: {}", description),
        "a brand file is TOML: key = \"value\" lines, e.g. accent = \"#1f4e79\" (see docs/reports.md)");
  }

  // Reads the logo once the file is known to be valid, so a bad file is reported before any I/O error.
  void embed_logo() {
    if (!logo_path_) return;
    brand_.logo_data_uri = "data:" + logo_type_ + ";base64," + base64(read_text_file(*logo_path_));
    brand_.logo_path = *logo_path_;
  }

  const dsl::Diagnostics& diagnostics() const { return diagnostics_; }
  Brand take() { return std::move(brand_); }

 private:
  std::string path_;
  Brand brand_;
  dsl::Diagnostics diagnostics_;
  std::optional<std::string> logo_path_;
  std::string logo_type_;

  void add(const char* code, const toml::source_region& region, std::string message, std::string help) {
    dsl::Diagnostic diag;
    diag.code = code;
    diag.message = std::move(message);
    diag.where = dsl::Location{path_, region.begin.line, region.begin.column, 1};
    if (region.end.line == region.begin.line && region.end.column > region.begin.column)
      diag.where.length = region.end.column - region.begin.column;
    diag.help = std::move(help);
    diagnostics_.push_back(std::move(diag));
  }

  std::optional<std::string> string_value(const toml::key& key, const toml::node& value, std::string_view example) {
    if (const auto* text = value.as_string()) return text->get();
    add(dsl::code::wrong_type, value.source(), fmt::format("'{}' must be text in double quotes", key.str()),
        fmt::format("write it as {}", example));
    return std::nullopt;
  }

  void read_accent(const toml::key& key, const toml::node& value) {
    auto text = string_value(key, value, "accent = \"#1f4e79\"");
    if (!text) return;
    if (!is_hex_colour(*text)) {
      add(dsl::code::bad_value, value.source(), fmt::format("'{}' is not a colour a report can use", *text),
          "give the accent as a hex colour, #rgb or #rrggbb, e.g. accent = \"#1f4e79\"");
      return;
    }
    brand_.accent = *text;
  }

  void read_logo(const std::string& relative, const toml::node& value) {
    const fs::path folder = fs::path(path_).parent_path();
    const fs::path logo = folder / relative;
    if (!inside(folder, logo)) {
      // A brand file is shared between consultants; it must not be able to embed any file of the machine.
      add(dsl::code::bad_value, value.source(), fmt::format("the logo '{}' is outside the brand file's folder", relative),
          "put the logo next to brand.toml (or in a folder below it) and name it relative to it, e.g. logo = \"logo.png\"");
      return;
    }
    const std::string type = media_type(logo);
    if (type.empty()) {
      add(dsl::code::bad_value, value.source(), fmt::format("the logo '{}' is not a PNG, SVG or JPEG file", relative),
          "give a file ending in .png, .svg, .jpg or .jpeg");
      return;
    }
    logo_path_ = logo.string();
    logo_type_ = type;
  }
};

}  // namespace

Brand load_brand(const std::string& path, dsl::SourceMap& sources) {
  const dsl::SourceFile& file = sources.add(path, read_text_file(path));
  BrandReader reader(path);
  dsl::Diagnostics diagnostics;
  if (auto problem = dsl::text_problem(file)) {
    diagnostics.push_back(std::move(*problem));
  } else {
    try {
      reader.read(toml::parse(std::string_view(file.text()), std::string_view(file.path())));
    } catch (const toml::parse_error& error) {
      reader.syntax_error(error);
    }
    diagnostics = reader.diagnostics();
  }
  if (!diagnostics.empty()) {
    dsl::sort_by_location(diagnostics);
    print_diagnostics(stderr, diagnostics, sources);
    throw InvalidInput("the brand file " + path + " has " + diagnostic_summary(diagnostics) +
                           "; no report was written",
                       "fix what the messages above point at (docs/reports.md describes brand files), or leave out --brand");
  }
  reader.embed_logo();
  return reader.take();
}

}  // namespace rapport::cli

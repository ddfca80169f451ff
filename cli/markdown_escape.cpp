// Markdown escaping (see markdown_escape.hpp).
#include "cli/markdown_escape.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace rapport::cli {

std::string md_inline(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    if (std::string_view("\\`*_[]<>|~&#").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  const auto first = out.find_first_not_of(' ');
  if (first == std::string::npos) return "";
  return out.substr(first, out.find_last_not_of(' ') - first + 1);
}

std::string md_escape(std::string_view text) {
  std::string out = md_inline(text);
  if (out.empty()) return out;
  if (out[0] == '+' || out[0] == '-' || out[0] == '=') return "\\" + out;
  const auto digits = out.find_first_not_of("0123456789");
  if (digits > 0 && digits < out.size() && (out[digits] == '.' || out[digits] == ')')) {
    return out.substr(0, digits) + "\\" + out.substr(digits);
  }
  return out;
}

std::string md_cell(std::string_view text) {
  std::string cell = md_inline(text);
  return cell.empty() ? "–" : cell;
}

std::string md_code(std::string_view text) {
  bool plain = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-' || c == '(' || c == ')';
  });
  return plain ? fmt::format("`{}`", text) : md_escape(text);
}

std::string md_link(std::string_view title, std::string_view url) {
  if (url.rfind("https://", 0) != 0 && url.rfind("http://", 0) != 0) return md_escape(title);
  std::string target;
  for (char c : url) {
    if (std::string_view(" ()<>|\\\"'`\n\r\t").find(c) != std::string_view::npos) {
      target += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    } else {
      target += c;
    }
  }
  return fmt::format("[{}]({})", md_escape(title), target);
}

}  // namespace rapport::cli

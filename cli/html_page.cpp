// HTML document pieces (see html_page.hpp).
#include "cli/html_page.hpp"

#include <fmt/format.h>

#include "cli/html_escape.hpp"

namespace rapport::cli {

std::string html_head(std::string_view title, std::string_view stylesheet) {
  // The policy makes the no-fetch promise enforceable: a browser loads nothing but inline styles and data: images.
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
      "img-src data:\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"generator\" content=\"Rapport {}\">\n<title>{}</title>\n<style>{}</style>\n</head>\n",
      RAPPORT_VERSION, escape(title), stylesheet);
}

std::string element(std::string_view tag, const std::string& content, std::string_view css_class) {
  if (css_class.empty()) return fmt::format("<{0}>{1}</{0}>", tag, escape(content));
  return fmt::format("<{0} class=\"{2}\">{1}</{0}>", tag, escape(content), css_class);
}

std::string section_heading(int number, const std::string& title) {
  return fmt::format("<h2><span class=\"number\">{}</span>{}</h2>\n", number, escape(title));
}

}  // namespace rapport::cli

// The pieces every HTML document Rapport writes shares: the head with its content security policy
// (no scripts, no fetches: inline styles and data: images only), and escaped elements.
#pragma once

#include <string>
#include <string_view>

namespace rapport::cli {

// From <!DOCTYPE html> to </head>: the policy, the viewport, the generator, `title` (escaped here) and
// `stylesheet` (inline, written as is).
std::string html_head(std::string_view title, std::string_view stylesheet);

// <tag class="...">escaped text</tag>
std::string element(std::string_view tag, const std::string& content, std::string_view css_class = "");

// <h2><span class="number">2</span>Title</h2>
std::string section_heading(int number, const std::string& title);

}  // namespace rapport::cli

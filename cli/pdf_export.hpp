// PDF reports: the HTML report printed to A4 by headless Chromium (the page's @page rules set the layout).
#pragma once

#include <string>

namespace rapport::cli {

// Prints `html` to a PDF at `output_path`, atomically (never a half-written file). Throws IoError when
// Chromium is not installed, fails, times out, or the PDF cannot be written.
void export_pdf(const std::string& html, const std::string& output_path);

}  // namespace rapport::cli

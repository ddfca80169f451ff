// Writing the portfolio summary (see portfolio_summary.hpp).
#include "cli/portfolio_summary.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <ctime>

#include "cli/file_io.hpp"

namespace rapport::cli {

void write_portfolio_summary(const PortfolioSummaryInput& input, PortfolioFormat format, const std::string& output,
                             const Brand& brand) {
  const PortfolioReport report = build_portfolio_report(input);
  write_output(output, format == PortfolioFormat::Html ? render_portfolio_html(report, brand)
                                                       : render_portfolio_markdown(report, brand));
}

std::optional<std::string> highlight_warning(const engine::Portfolio& portfolio) {
  const auto& name = portfolio.options().highlight;
  if (!name || portfolio.highlighted()) return std::nullopt;
  return fmt::format("no profile is named “{}” (the name must match [company] name exactly); the summary has no "
                     "highlighted client",
                     *name);
}

std::string today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return fmt::format("{:%Y-%m-%d}", local);
}

}  // namespace rapport::cli

// Builds the portfolio summary's sections from a Portfolio (see portfolio_model.hpp).
#include "cli/portfolio_model.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "cli/portfolio_method.hpp"
#include "cli/portfolio_spread.hpp"
#include "cli/value_format.hpp"

namespace rapport::cli {
namespace {

bool contains(const std::vector<std::uint32_t>& items, std::uint32_t item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

bool applies_to(const engine::HighlightedProfile& client, std::uint32_t recommendation) {
  return std::any_of(client.outcome.ranking.begin(), client.outcome.ranking.end(),
                     [&](const engine::RankedRecommendation& r) { return r.recommendation == recommendation; });
}

FrequencyRow named(const std::string& id, const std::string& title, std::string detail) {
  FrequencyRow row;
  row.id = id;
  row.title = title;
  row.detail = std::move(detail);
  return row;
}

double share_of(std::uint64_t count, std::uint64_t total) {
  return total == 0 ? 0.0 : static_cast<double>(count) / static_cast<double>(total);
}

class PortfolioReportBuilder {
 public:
  explicit PortfolioReportBuilder(const PortfolioSummaryInput& in)
      : in_(in), portfolio_(in.portfolio), rules_(in.portfolio.rules()), total_(in.portfolio.profiles()) {}

  PortfolioReport build() const {
    PortfolioReport report;
    report.cover = cover();
    report.min_group_size = portfolio_.options().evidence.min_group_size;
    report.withheld = total_ < static_cast<std::uint64_t>(report.min_group_size);
    report.recommendations = recommendations();
    report.findings = findings();
    for (std::uint32_t s = 0; s < rules_.slots.size(); ++s) report.metrics.push_back(slot_spread(portfolio_, s));
    for (const auto& gap : portfolio_.gaps()) report.gaps.push_back(gap_spread(portfolio_, gap));
    report.gap_axis = share_gap_axis(report.gaps);
    if (portfolio_.options().highlight) {
      report.highlight = highlight(report.withheld);
      report.highlight->standouts = standouts(report);
    }
    report.method = portfolio_method(portfolio_);
    return report;
  }

 private:
  const PortfolioSummaryInput& in_;
  const engine::Portfolio& portfolio_;
  const engine::RuleSet& rules_;
  std::uint64_t total_;

  const engine::HighlightedProfile* client() const {
    return portfolio_.highlighted() ? &*portfolio_.highlighted() : nullptr;
  }

  PortfolioCover cover() const {
    PortfolioCover c;
    c.profiles = total_;
    c.profiles_text = thousands(total_);
    if (in_.rejected > 0) {
      c.rejected_text = fmt::format("{} input record{} could not be read and {} not counted", thousands(in_.rejected),
                                    in_.rejected == 1 ? "" : "s", in_.rejected == 1 ? "is" : "are");
    }
    const auto files = in_.rule_files.size();
    c.rules_version = fmt::format("{} file{}, fingerprint {}", files, files == 1 ? "" : "s", in_.rules_fingerprint);
    c.date = in_.date;
    c.findings = rules_.findings.size();
    c.recommendations = rules_.recommendations.size();
    c.metrics = rules_.metrics.size();
    c.highlight = portfolio_.options().highlight.value_or("");
    return c;
  }

  void fill_counts(FrequencyRow& row, std::uint64_t count, std::uint64_t tentative) const {
    row.count = count;
    row.count_text = thousands(count);
    row.share = share_of(count, total_);
    row.share_text = profile_share(count, total_);
    row.tentative_share = share_of(tentative, total_);
    row.tentative_text = profile_share(tentative, total_);
  }

  std::vector<FrequencyRow> recommendations() const {
    std::vector<FrequencyRow> rows;
    for (std::uint32_t r = 0; r < rules_.recommendations.size(); ++r) {
      const auto& rec = rules_.recommendations[r];
      const auto& tally = portfolio_.recommendations()[r];
      FrequencyRow row = named(rec.id, rec.title, owner_name(rec.owner));
      fill_counts(row, tally.applied, tally.tentative);
      row.mean_rank_text = tally.applied == 0 ? "–" : fmt::format("{:.1f}", tally.mean_rank());
      row.top3_text = profile_share(tally.top3, total_);
      row.highlighted = client() && applies_to(*client(), r);
      rows.push_back(std::move(row));
    }
    std::stable_sort(rows.begin(), rows.end(), [](const FrequencyRow& a, const FrequencyRow& b) { return a.count > b.count; });
    return rows;
  }

  std::vector<FrequencyRow> findings() const {
    std::vector<std::pair<FrequencyRow, engine::Severity>> rows;
    for (std::uint32_t f = 0; f < rules_.findings.size(); ++f) {
      const auto& finding = rules_.findings[f];
      const auto& tally = portfolio_.findings()[f];
      FrequencyRow row = named(finding.id, finding.title, severity_key(finding.severity));
      fill_counts(row, tally.fired, tally.tentative);
      row.unknown_share = share_of(tally.unknown, total_);
      row.unknown_text = profile_share(tally.unknown, total_);
      row.highlighted = client() && contains(client()->outcome.fired_findings, f);
      rows.emplace_back(std::move(row), finding.severity);
    }
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
      if (a.first.count != b.first.count) return a.first.count > b.first.count;
      return a.second > b.second;  // the more severe first
    });
    std::vector<FrequencyRow> out;
    for (auto& [row, severity] : rows) out.push_back(std::move(row));
    return out;
  }

  std::string portfolio_share(std::uint64_t count, bool withheld) const {
    return withheld ? "withheld" : profile_share(count, total_);
  }

  // Where the client is in the bottom or top tenth of the portfolio, the most extreme first.
  static std::vector<Standout> standouts(const PortfolioReport& report) {
    std::vector<Standout> out;
    auto consider = [&](const SpreadRow& row, const std::string& label) {
      if (row.highlight_rank && (*row.highlight_rank <= 10 || *row.highlight_rank >= 90)) {
        out.push_back({label, row.highlight_text, *row.highlight_rank});
      }
    };
    for (const auto& row : report.metrics) {
      if (!row.flag) consider(row, row.label + " (" + row.group + ")");
    }
    for (const auto& row : report.gaps) consider(row, row.label + " (gap, IT − marketing)");
    std::stable_sort(out.begin(), out.end(), [](const Standout& a, const Standout& b) {
      return std::abs(a.rank - 50) > std::abs(b.rank - 50);
    });
    return out;
  }

  HighlightView highlight(bool withheld) const {
    HighlightView view;
    view.name = *portfolio_.options().highlight;
    if (!client()) return view;
    const auto& c = *client();
    view.found = true;
    view.position_text = ordinal(c.position + 1);
    view.industry = c.company.industry;
    view.assessed_on = c.company.assessed_on;
    int rank = 0;
    for (const auto& r : c.outcome.ranking) {
      view.recommendations.push_back({rules_.recommendations[r.recommendation].title, std::to_string(++rank),
                                      portfolio_share(portfolio_.recommendations()[r.recommendation].applied, withheld),
                                      r.tentative});
    }
    for (auto f : c.outcome.fired_findings) {
      view.findings.push_back({rules_.findings[f].title, severity_key(rules_.findings[f].severity),
                               portfolio_share(portfolio_.findings()[f].fired, withheld),
                               contains(c.outcome.tentative_findings, f)});
    }
    if (portfolio_.highlight_matches() > 1) {
      view.notes.push_back(fmt::format("{} profiles are named “{}”; the first in the input (the {} assessed) is shown.",
                                       thousands(portfolio_.highlight_matches()), view.name, view.position_text));
    }
    if (withheld) {
      view.notes.push_back(fmt::format("The portfolio has fewer than {} profiles, so how common the client's results "
                                       "are, and where its values sit, is withheld.",
                                       portfolio_.options().evidence.min_group_size));
    }
    return view;
  }
};

}  // namespace

std::string thousands(std::uint64_t n) {
  const std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string ordinal(std::uint64_t n) {
  const std::uint64_t tens = n % 100, units = n % 10;
  const char* suffix = tens >= 11 && tens <= 13 ? "th"
                       : units == 1              ? "st"
                       : units == 2              ? "nd"
                       : units == 3              ? "rd"
                                                 : "th";
  return thousands(n) + suffix;
}

std::string profile_share(std::uint64_t count, std::uint64_t total) {
  if (total == 0) return "–";
  const double percent = 100.0 * static_cast<double>(count) / static_cast<double>(total);
  if (count > 0 && percent < 0.5) return "<1%";
  if (count < total && percent >= 99.5) return ">99%";
  return fmt::format("{}%", std::lround(percent));
}

PortfolioReport build_portfolio_report(const PortfolioSummaryInput& input) {
  return PortfolioReportBuilder(input).build();
}

}  // namespace rapport::cli

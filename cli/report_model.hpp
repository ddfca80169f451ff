// What every report shows, whatever its format: the seven sections of a client report, with values both
// as numbers (for charts) and as the text a reader sees. Built once from an assessment; the text, Markdown,
// HTML and JSON renderers only lay it out.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/report.hpp"

namespace rapport::cli {

// One metric value as a reader sees it, next to its published benchmark.
struct ValueLine {
  std::string reference;       // "it.satisfied_with_collaboration"
  std::string label;           // "Satisfied with collaboration"
  std::string group;           // "IT", "marketing", "company"
  std::string value;           // "21%", "n/a", or "withheld" when too few answered to show it
  std::string benchmark;       // "about 10%" or "" when none is published
  std::string benchmark_source;  // the source's title, or ""
  std::string n{};             // "14": how many answered, or "" when not known
  std::string ci{};            // "8–48%": the confidence interval, or ""
  std::string standing{};      // "withheld: 4 answered, fewer than 5 (anonymity)", or "" when used
};

struct Citation {
  std::string source_id;
  std::string source;          // "The CMO–CIO disconnect (Brian Whipple and Baiju Shah, Accenture)"
  std::string quote;
};

struct FindingView {
  std::string id;
  std::string title;
  std::string severity;        // "info" ... "critical"
  std::string status;          // "fired", "not_fired", "unknown"
  std::string narrative;       // filled in (fired findings only)
  std::vector<Citation> evidence;
  std::vector<ValueLine> values;
  bool tentative = false;      // fired only thanks to gaps that are not significant
  std::string certainty{};     // why it is tentative, or ""
};

struct RecommendationView {
  int rank = 0;
  std::string id;
  std::string title;
  std::string priority;        // "129" or "unknown"
  std::string owner;           // "CIO", "CMO", "CIO and CMO"
  int horizon_days = 0;
  std::string rationale;
  std::vector<std::string> actions;
  std::vector<FindingView> because;  // the fired findings behind it, with their values
  std::string summary;         // the executive summary's paragraph, shown after the title
  bool tentative = false;
  std::string certainty{};     // why it is tentative, or ""
};

// A metric asked of both groups: IT and marketing side by side, with the published benchmarks.
struct GapRow {
  std::string metric_id;
  std::string label;
  std::string question;
  bool is_share = false;       // shares are drawn on a 0–100% axis; other kinds on their own range
  double low = 0, high = 1;    // the axis
  std::optional<double> it, marketing;                    // raw values (fractions for shares)
  std::optional<double> it_benchmark, marketing_benchmark;
  std::string it_text, marketing_text, gap_text;          // "64%", "14%", "+50 pp" ("n/a" when missing)
  std::string it_benchmark_text, marketing_benchmark_text; // "58%", "under 50%", "" when none
  std::string it_n{}, marketing_n{};                      // "14", or "" when not known
  std::optional<engine::statistics::ConfidenceInterval> it_ci{}, marketing_ci{};  // for error bars
  std::string it_ci_text{}, marketing_ci_text{};          // "8–48%", or ""
  std::string gap_ci_text{};                              // "-4 to +31 pp", or "" when not tested
  std::string p_text{};                                   // "p = 0.03", or "" when not tested
  std::string n_text{};                                   // "14/22" (IT/marketing, "–" for unknown), or ""
  std::string p_short{};                                  // "0.03", "< 0.001": p_text for a column headed p
  std::optional<bool> significant{};                      // when tested
};

struct NotAssessedItem {
  std::string kind;            // "finding" or "recommendation"
  std::string id;
  std::string title;
  std::vector<std::string> missing;           // metric references the profile lacks
  std::vector<std::string> unknown_findings;  // titles of findings it builds on that are unknown
  std::vector<std::string> thin{};            // values set aside for too few answers: "it.x (4 answered)"
  std::vector<std::string> unsampled{};       // values given without the count a statistic needs
  std::string fault{};                        // "a division by zero in its condition (see Warnings)", or ""
};

// Why an item could not be decided, one reason per kind: "missing" and the metric references the profile
// lacks; "depends on unassessed" and the titles of the findings it builds on; and so on. Every format
// words these the same way; only the mark-up differs.
struct UndecidedReason {
  std::string label;                  // "missing", "depends on unassessed", ...
  std::vector<std::string> items;     // may be empty: the label says it all
  bool titles = false;                // items are titles (quoted), not metric references (code)
};
std::vector<UndecidedReason> undecided_reasons(const NotAssessedItem& item);

struct SourceView {
  std::string id;
  std::string title;
  std::string by;
  std::string year;            // "" when not given
  std::string sample;          // "405 marketing, 252 IT" or ""
  std::string note;
  std::string url;
};

struct Cover {
  std::string company;
  std::string industry;
  std::string assessed_on;
  std::string it_respondents;         // "14" or "not given"
  std::string marketing_respondents;
  std::string rules_version;          // "8 files, fingerprint 3f2a9c1b"
  std::size_t findings = 0, recommendations = 0, metrics = 0, sources = 0;
};

struct ClientReport {
  Cover cover;
  std::size_t applying = 0;                     // recommendations that apply (before --top)
  std::vector<RecommendationView> recommendations;  // ranked, honouring --top; the first three are the summary
  std::vector<FindingView> findings;            // fired, most severe first
  std::vector<std::string> not_observed;        // titles of findings that did not fire
  std::vector<GapRow> gaps;                     // every metric asked of both groups, declaration order
  std::vector<NotAssessedItem> not_assessed;    // data missing
  std::vector<NotAssessedItem> insufficient;    // data given, but from too few people to use
  std::vector<std::string> evidence_notes;      // values withheld or set aside, and why
  std::vector<std::string> warnings;            // a division by zero or an overflow that left a rule unknown
  std::string significance;                     // "5%": the level gaps are tested at
  std::string confidence;                       // "95%": the level of the confidence intervals
  std::size_t tentative = 0;                    // fired findings and shown recommendations that are tentative
  std::vector<SourceView> sources;
  std::vector<std::string> method;              // paragraphs on how the assessment works
};

ClientReport build_client_report(const ReportInput& input);

// What to do about ClientReport::warnings, said after them in every format.
inline constexpr const char* kWarningsAdvice =
    "The profile's figures made these rules divide by zero or compute a number too large, so their results are "
    "unknown rather than wrong. Check the figures they read.";

}  // namespace rapport::cli

// The resolve pass: decides what every name in every expression denotes (a metric slot, a
// finding, a function) and which source each citation and benchmark names, with suggestions.
#include <optional>
#include <string>

#include "dsl/diagnostic_codes.hpp"
#include "engine/check_passes.hpp"

namespace rapport::engine::checking {

namespace {

using dsl::DeclKind;
using dsl::Expr;
using dsl::ExprKind;

std::string groups_asked(const Metric& metric) {
  std::string list;
  for (std::size_t i = 0; i < metric.asked.size(); ++i) {
    if (i > 0) list += i + 1 == metric.asked.size() ? " and " : ", ";
    list += metric.asked[i] == Audience::Company ? "the company as a whole" : std::string(audience_name(metric.asked[i]));
  }
  return list;
}

// How to refer to the metric as it is asked: "it.x or marketing.x", "x".
std::string ways_to_write(const Metric& metric) {
  std::string list;
  for (const Audience a : metric.asked) {
    if (!list.empty()) list += " or ";
    list += a == Audience::Company ? metric.id : std::string(audience_name(a)) + "." + metric.id;
  }
  return list;
}

// The index of the declaration `id` names, which must be of the given kind; reports an unknown id
// (suggesting the closest of that kind) or an id of another kind.
std::optional<std::uint32_t> declared(CheckState& state, DeclKind kind, const std::string& id,
                                      const dsl::Location& where) {
  const auto it = state.symbols.find(id);
  const std::string wanted(kind_name(kind));
  if (it == state.symbols.end()) {
    state.error(dsl::code::unknown_id, where, "unknown " + wanted + " '" + id + "'",
                CheckState::did_you_mean(id, state.ids_of({kind})));
    return std::nullopt;
  }
  if (it->second.kind != kind) {
    state.error(dsl::code::wrong_kind_of_id, where,
                "'" + id + "' is a " + std::string(kind_name(it->second.kind)) + ", not a " + wanted)
        .notes.push_back({"declared here", it->second.where});
    return std::nullopt;
  }
  return it->second.index;
}

class Resolver {
 public:
  Resolver(CheckState& state, const ExprRoot& root) : state_(state), root_(root) {}

  void walk(const Expr& e) {
    switch (e.kind) {
      case ExprKind::Number:
      case ExprKind::Truth: return;
      case ExprKind::GroupRef: group_ref(e); return;
      case ExprKind::Name: name(e); return;
      case ExprKind::Call: call(e); return;
      case ExprKind::Unary:
      case ExprKind::Binary:
        for (const auto& arg : e.args) walk(arg);
        return;
    }
  }

 private:
  dsl::Location at(dsl::Span span) const { return state_.locate(root_.file, span); }

  std::optional<std::uint32_t> metric_named(const std::string& id, dsl::Span span) {
    return declared(state_, DeclKind::Metric, id, at(span));
  }

  // A finding's condition that reads another finding depends on it: an edge for the cycle check.
  void read_finding(std::uint32_t finding, dsl::Span span) {
    if (root_.owner_kind == DeclKind::Finding && root_.role == Role::Condition)
      state_.finding_reads[root_.owner].push_back({finding, at(span)});
  }

  // Whether the metric is asked of the audience; reports the mismatch when not. A metric whose
  // 'asked' line is missing was reported already, so it is skipped quietly.
  bool asked(std::uint32_t m, Audience audience, dsl::Span span, const std::string& written) {
    const Metric& metric = state_.rules.metrics[m];
    if (metric.asked_of(audience)) return true;
    if (state_.metric_syntax[m].asked == nullptr) return false;
    std::string message = audience == Audience::Company
                              ? "metric '" + metric.id + "' is asked of " + groups_asked(metric) +
                                    ", not of the company as a whole"
                              : "metric '" + metric.id + "' is not asked of " + std::string(audience_name(audience));
    auto& diag = state_.error(dsl::code::group_not_asked, at(span), std::move(message),
                              "write " + ways_to_write(metric) + " instead of " + written);
    diag.notes.push_back({"'" + metric.id + "' is asked of " + groups_asked(metric) + " here",
                          state_.locate(state_.metric_syntax[m].file, state_.metric_syntax[m].asked->span)});
    return false;
  }

  static Audience audience_of(dsl::Group group) { return group == dsl::Group::It ? Audience::It : Audience::Marketing; }

  void group_ref(const Expr& e) {
    const auto m = metric_named(e.name, e.name_span);
    if (!m) return;
    const Audience audience = audience_of(e.group);
    if (!asked(*m, audience, e.span, std::string(audience_name(audience)) + "." + e.name)) return;
    state_.meanings[&e] = Meaning::slot(*m, audience);
  }

  void name(const Expr& e) {
    const auto it = state_.symbols.find(e.name);
    if (it == state_.symbols.end()) {
      state_.error(dsl::code::unknown_id, at(e.name_span), "unknown name '" + e.name + "'",
                   CheckState::did_you_mean(e.name, state_.ids_of({DeclKind::Metric, DeclKind::Finding})));
      return;
    }
    const Symbol& symbol = it->second;
    switch (symbol.kind) {
      case DeclKind::Finding:
        state_.meanings[&e] = Meaning::finding(symbol.index);
        read_finding(symbol.index, e.name_span);
        return;
      case DeclKind::Metric:
        if (asked(symbol.index, Audience::Company, e.name_span, e.name))
          state_.meanings[&e] = Meaning::slot(symbol.index, Audience::Company);
        return;
      case DeclKind::Source:
      case DeclKind::Recommendation:
        state_.error(dsl::code::wrong_kind_of_id, at(e.name_span),
                     "'" + e.name + "' is a " + std::string(kind_name(symbol.kind)) +
                         ", but an expression can only use metrics and findings")
            .notes.push_back({"declared here", symbol.where});
        return;
    }
  }

  void call(const Expr& e) {
    const FunctionInfo* f = find_function(e.name);
    if (f == nullptr) {
      std::vector<std::string> names;
      std::string all;
      for (const auto& known : functions()) {
        names.emplace_back(known.name);
        all += (all.empty() ? "" : ", ") + std::string(known.name);
      }
      std::string help = CheckState::did_you_mean(e.name, names);
      state_.error(dsl::code::unknown_function, at(e.name_span), "unknown function '" + e.name + "'",
                   help.empty() ? "the functions are " + all : help);
      for (const auto& arg : e.args) walk(arg);
      return;
    }
    const auto given = static_cast<std::uint32_t>(e.args.size());
    if (given < f->min_args || given > f->max_args) {
      const std::string takes = f->min_args == f->max_args ? std::to_string(f->min_args)
                                : f->max_args == kVariadic ? "at least " + std::to_string(f->min_args)
                                                           : std::to_string(f->min_args) + " to " + std::to_string(f->max_args);
      state_.error(dsl::code::wrong_arguments, at(e.name_span),
                   "'" + e.name + "' takes " + takes + (f->min_args == 1 && f->max_args == 1 ? " argument" : " arguments") +
                       ", but is given " + std::to_string(given),
                   "write " + std::string(f->usage));
      if (!takes_an_id(f->function))
        for (const auto& arg : e.args) walk(arg);
      return;
    }
    switch (f->function) {
      case Function::Gap: gap(e); return;
      case Function::Benchmark: benchmark(e); return;
      case Function::Weight: weight(e); return;
      case Function::N:
      case Function::CiLow:
      case Function::CiHigh:
      case Function::PValue:
      case Function::Significant: statistic(e, *f); return;
      default:
        state_.meanings[&e] = Meaning::call(f->function);
        for (const auto& arg : e.args) walk(arg);
        return;
    }
  }

  // gap(m) is it.m - marketing.m, so m must be named bare and asked of both groups.
  void gap(const Expr& e) {
    const Expr& arg = e.args.front();
    if (arg.kind != ExprKind::Name) {
      state_.error(dsl::code::wrong_arguments, at(arg.span), "gap takes a metric's name, not " + state_.quote(root_.file, arg.span),
                   arg.kind == ExprKind::GroupRef ? "gap already compares it with marketing: write gap(" + arg.name + ")"
                                                  : "write gap(metric)");
      return;
    }
    const auto m = metric_named(arg.name, arg.name_span);
    if (!m) return;
    const Metric& metric = state_.rules.metrics[*m];
    if (state_.metric_syntax[*m].asked == nullptr) return;
    if (!metric.asked_of(Audience::It) || !metric.asked_of(Audience::Marketing)) {
      state_.error(dsl::code::group_not_asked, at(arg.span),
                   "gap(" + metric.id + ") needs metric '" + metric.id + "' asked of both it and marketing, but it is asked of " +
                       groups_asked(metric),
                   "add both groups to its 'asked' line, or compare a figure with a threshold")
          .notes.push_back({"'asked' is here", state_.locate(state_.metric_syntax[*m].file, state_.metric_syntax[*m].asked->span)});
      return;
    }
    state_.meanings[&e] = Meaning::gap(*m);
  }

  // benchmark(it.m), benchmark(marketing.m) or benchmark(m) for a company-level metric.
  void benchmark(const Expr& e) {
    const Expr& arg = e.args.front();
    if (arg.kind != ExprKind::GroupRef && arg.kind != ExprKind::Name) {
      state_.error(dsl::code::wrong_arguments, at(arg.span),
                   "benchmark takes a metric, not " + state_.quote(root_.file, arg.span), "write benchmark(it.metric)");
      return;
    }
    const auto m = metric_named(arg.name, arg.name_span);
    if (!m) return;
    const Audience audience = arg.kind == ExprKind::GroupRef ? audience_of(arg.group) : Audience::Company;
    const std::string written = arg.kind == ExprKind::GroupRef ? std::string(audience_name(audience)) + "." + arg.name : arg.name;
    if (!asked(*m, audience, arg.span, written)) return;
    const Metric& metric = state_.rules.metrics[*m];
    if (metric.benchmark_for(audience) == nullptr) {
      const std::string group = audience == Audience::Company ? "company" : std::string(audience_name(audience));
      state_.error(dsl::code::no_benchmark, at(e.span), "metric '" + metric.id + "' has no " + group + " benchmark",
                   "add a line such as `benchmark " + group + " about 50% from some_source` to metric '" + metric.id + "'")
          .notes.push_back({"metric '" + metric.id + "' is declared here", metric.where});
      return;
    }
    state_.meanings[&e] = Meaning::benchmark(*m, audience);
  }

  // weight(f) names a finding bare. It reads the finding's verdict, so inside a finding's condition
  // it is a dependency like naming the finding would be.
  void weight(const Expr& e) {
    const Expr& arg = e.args.front();
    if (arg.kind != ExprKind::Name) {
      state_.error(dsl::code::wrong_arguments, at(arg.span),
                   "weight takes a finding's name, not " + state_.quote(root_.file, arg.span), "write weight(finding)");
      return;
    }
    const auto f = declared(state_, DeclKind::Finding, arg.name, at(arg.name_span));
    if (!f) return;
    state_.meanings[&e] = Meaning::weight(*f);
    read_finding(*f, arg.name_span);
  }

  // n(it.m), ci_low(it.m), ci_high(it.m) read what stands behind one group's value; ci_low, ci_high,
  // p_value and significant also read the test of gap(m). Only survey answers have a sample.
  void statistic(const Expr& e, const FunctionInfo& f) {
    const Expr& arg = e.args.front();
    const bool of_gap_only = f.function == Function::PValue || f.function == Function::Significant;
    const bool is_gap = arg.kind == ExprKind::Call && arg.name == "gap" && arg.args.size() == 1;
    if (arg.kind == ExprKind::GroupRef && !of_gap_only) {
      const auto m = metric_named(arg.name, arg.name_span);
      if (!m) return;
      const Audience audience = audience_of(arg.group);
      if (!asked(*m, audience, arg.span, std::string(audience_name(audience)) + "." + arg.name)) return;
      state_.meanings[&e] = Meaning::statistic(f.function, *m, audience);
      return;
    }
    if (is_gap && f.function != Function::N) {
      gap(arg);
      if (const auto it = state_.meanings.find(&arg); it != state_.meanings.end())
        state_.meanings[&e] = Meaning::statistic(f.function, it->second.index, Audience::Company);
      return;
    }
    std::string help = "write " + std::string(f.usage);
    if (arg.kind == ExprKind::Name && of_gap_only) help = "write " + e.name + "(gap(" + arg.name + "))";
    if (arg.kind == ExprKind::Name && !of_gap_only) help = "write " + e.name + "(it." + arg.name + ") or " + e.name + "(marketing." + arg.name + ")";
    const std::string what = f.function == Function::N ? "a group's answer such as it.metric"
                             : of_gap_only            ? "a gap such as gap(metric)"
                                                      : "a group's answer such as it.metric, or a gap";
    state_.error(dsl::code::wrong_arguments, at(arg.span),
                 e.name + " takes " + what + ", not " + state_.quote(root_.file, arg.span), help);
  }

  CheckState& state_;
  const ExprRoot& root_;
};

std::optional<std::uint32_t> source_named(CheckState& state, std::uint32_t file, const dsl::Ident& id) {
  return declared(state, DeclKind::Source, id.name, state.locate(file, id.span));
}

}  // namespace

void resolve(CheckState& state) {
  state.finding_reads.assign(state.rules.findings.size(), {});
  for (const ExprRoot& root : state.roots) Resolver(state, root).walk(*root.expr);

  for (std::size_t m = 0; m < state.rules.metrics.size(); ++m) {
    const MetricSyntax& syntax = state.metric_syntax[m];
    for (std::size_t b = 0; b < syntax.benchmarks.size(); ++b)
      if (const auto source = source_named(state, syntax.file, syntax.benchmarks[b]->source))
        state.rules.metrics[m].benchmarks[b].source = *source;
  }
  for (std::size_t f = 0; f < state.rules.findings.size(); ++f) {
    const FindingSyntax& syntax = state.finding_syntax[f];
    for (std::size_t c = 0; c < syntax.evidence.size(); ++c)
      if (const auto source = source_named(state, syntax.file, syntax.evidence[c]->source))
        state.rules.findings[f].evidence[c].source = *source;
  }
}

}  // namespace rapport::engine::checking

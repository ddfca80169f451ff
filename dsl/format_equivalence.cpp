// A position-free dump of a parsed rule file, and the first difference between two (see
// format_equivalence.hpp). Dumps are compared rather than trees walked in pairs: the dump is
// also what a failing test shows.
#include "dsl/format_equivalence.hpp"

#include <fmt/format.h>

#include <sstream>
#include <variant>

#include "dsl/format_expr.hpp"
#include "dsl/format_writer.hpp"

namespace rapport::dsl {
namespace {

// Control characters and quotes escaped, so a dump line is one line and shows invisible bytes.
std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string number(double value) { return fmt::format("{:.17g}", value); }

void dump_expr(std::string& out, const Expr& e) {
  switch (e.kind) {
    case ExprKind::Number:
      out += fmt::format("{}={}/{}", e.spelling, number(e.number), static_cast<int>(e.unit));
      return;
    case ExprKind::Truth: out += e.truth ? "true" : "false"; return;
    case ExprKind::GroupRef: out += (e.group == Group::It ? "it." : "marketing.") + e.name; return;
    case ExprKind::Name: out += e.name; return;
    case ExprKind::Call: out += "(call " + e.name; break;
    case ExprKind::Unary: out += e.op == Op::Not ? "(not" : "(neg"; break;
    case ExprKind::Binary: out += "(" + std::string(spelling(e.op)); break;
  }
  for (const Expr& arg : e.args) {
    out += ' ';
    dump_expr(out, arg);
  }
  out += ')';
}

std::string expr(const Expr& e) {
  std::string out;
  dump_expr(out, e);
  return out;
}

std::string text(const Text& t) {
  std::string out = quoted(t.value) + " [";
  for (const TemplatePart& part : t.parts) {
    out += part.is_placeholder ? "{" + expr(part.expr) + "}" : quoted(part.text);
  }
  return out + "]";
}

std::string audience(Audience a) {
  switch (a) {
    case Audience::It: return "it";
    case Audience::Marketing: return "marketing";
    case Audience::Company: return "company";
  }
  return "?";
}

// One line per field: its kind (the variant's index), its key, and every value it holds.
struct FieldDump {
  std::string operator()(const TextField& f) const { return fmt::format("text {} {}", int(f.key), text(f.text)); }
  std::string operator()(const NumberField& f) const { return fmt::format("number {} {}", int(f.key), number(f.value)); }
  std::string operator()(const SeverityField& f) const { return fmt::format("severity {}", int(f.value)); }
  std::string operator()(const OwnerField& f) const { return fmt::format("owner {}", int(f.value)); }
  std::string operator()(const KindField& f) const {
    return fmt::format("kind {} {} {}", int(f.kind), number(f.low), number(f.high));
  }
  std::string operator()(const AskedField& f) const {
    std::string out = "asked";
    for (Audience a : f.audiences) out += " " + audience(a);
    return out;
  }
  std::string operator()(const SampleField& f) const {
    std::string out = "sample";
    for (const GroupCount& c : f.counts) out += " " + audience(c.group) + "=" + number(c.count);
    return out;
  }
  std::string operator()(const BenchmarkField& f) const {
    return fmt::format("benchmark {} {} {} from {}{}", audience(f.group), int(f.bound), expr(f.value), f.source.name,
                       f.has_quote ? " quote " + text(f.quote) : "");
  }
  std::string operator()(const EvidenceField& f) const {
    return fmt::format("evidence {} {}", f.source.name, text(f.quote));
  }
  std::string operator()(const ExprField& f) const { return fmt::format("expr {} {}", int(f.key), expr(f.expr)); }
};

}  // namespace

std::string syntax_dump(const RuleFile& file) {
  std::string out;
  for (const Declaration& decl : file.declarations) {
    out += fmt::format("declaration {} {}\n", static_cast<int>(decl.kind), decl.id.name);
    for (const Field& field : decl.fields) out += "  " + std::visit(FieldDump{}, field) + "\n";
  }
  for (const Comment& comment : file.comments) out += "comment " + quoted(format::without_trailing_blanks(comment.text)) + "\n";
  return out;
}

std::string syntax_difference(const RuleFile& a, const RuleFile& b) {
  std::istringstream first(syntax_dump(a));
  std::istringstream second(syntax_dump(b));
  std::string line_a;
  std::string line_b;
  for (int line = 1;; ++line) {
    const bool more_a = static_cast<bool>(std::getline(first, line_a));
    const bool more_b = static_cast<bool>(std::getline(second, line_b));
    if (!more_a && !more_b) return "";
    if (!more_a) line_a = "(nothing)";
    if (!more_b) line_b = "(nothing)";
    if (line_a != line_b) return fmt::format("line {} of the syntax dump: {} became {}", line, line_a, line_b);
  }
}

}  // namespace rapport::dsl

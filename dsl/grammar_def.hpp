// The rule language's grammar in Spirit X3: lexical pieces, expressions, fields, declarations.
// Semantic actions (grammar_actions.hpp) build the syntax tree (dsl/ast.hpp) directly.
// Included only by grammar.cpp, which instantiates the entry rules.
#pragma once

#include <string>
#include <vector>

#include "dsl/diagnostic_codes.hpp"
#include "dsl/grammar.hpp"
#include "dsl/grammar_actions.hpp"

// Expectation messages say "expected <rule name>". Let wrappers around a named rule
// (a semantic action, raw[], lexeme[]) show their subject's name, not a mangled type.
namespace boost::spirit::x3 {
template <typename Subject, typename Action>
struct get_info<action<Subject, Action>> {
  using result_type = std::string;
  std::string operator()(const action<Subject, Action>& p) const { return what(p.subject); }
};
template <typename Subject>
struct get_info<raw_directive<Subject>> {
  using result_type = std::string;
  std::string operator()(const raw_directive<Subject>& p) const { return what(p.subject); }
};
template <typename Subject>
struct get_info<lexeme_directive<Subject>> {
  using result_type = std::string;
  std::string operator()(const lexeme_directive<Subject>& p) const { return what(p.subject); }
};
}  // namespace boost::spirit::x3

namespace rapport::dsl::grammar {

// ====================================================================== lexical pieces

const auto digit = x3::char_('0', '9');
const auto ident_start = x3::char_("a-zA-Z_");
const auto ident_char = x3::char_("a-zA-Z0-9_");

// A word from `words` that is not the start of a longer word: `iffy`, `ending` and `notable`
// are identifiers, not keywords followed by letters.
template <typename Words>
auto word_of(const Words& words) { return x3::lexeme[words >> !ident_char]; }
inline auto keyword(const char* word) { return word_of(x3::lit(word)); }

const x3::symbols<> reserved_words({"source", "metric", "finding", "recommendation", "end", "and", "or", "not",
                                    "true", "false", "it", "marketing"});
// Every word that can start a field in some declaration, and `end`: what may follow an expression.
const x3::symbols<> field_words({"title", "by", "year", "sample", "url", "note", "question", "label", "kind",
                                 "asked", "benchmark", "severity", "when", "evidence", "narrative", "owner",
                                 "horizon", "priority", "action", "rationale", "end"});

// STRING := '"' { char | '\' char } '"'       on one line; decoded later by text_literal.cpp
struct string_literal_parser : x3::parser<string_literal_parser> {
  using attribute_type = x3::unused_type;
  static const bool has_attribute = false;

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, const Iterator& last, const Context& ctx, RContext&, Attribute&) const {
    Iterator open = first;  // `first` moves only on success, so a text's span ends at its last quote
    x3::skip_over(open, last, ctx);
    if (open == last || *open != '"') return false;
    Iterator i = open;
    for (++i; i != last && *i != '"' && *i != '\n'; ++i) {
      if (*i == '\\' && std::next(i) != last && *std::next(i) != '\n') ++i;
    }
    if (i == last || *i != '"') {
      throw SyntaxError(open, code::syntax, "unterminated string",
                        "close it with '\"' on the same line; a long text continues in a second string");
    }
    first = ++i;
    return true;
  }
};
const string_literal_parser string_literal{};

// After a `when` or `priority` expression the next field (or `end`) must start. If something
// else follows, say what the expression lacks: a comparison after a bare value, else an operator.
struct expression_end_parser : x3::parser<expression_end_parser> {
  using attribute_type = x3::unused_type;
  static const bool has_attribute = false;
  bool is_condition = false;

  template <typename Iterator, typename Context, typename Field, typename Attribute>
  bool parse(Iterator& first, const Iterator& last, const Context& ctx, Field& field, Attribute&) const {
    Iterator next = first;  // only looks: the field's span must end with its expression
    x3::skip_over(next, last, ctx);
    Iterator probe = next;
    if (next == last || word_of(field_words).parse(probe, last, ctx, field, x3::unused)) return true;
    const bool comparison = is_condition && act::lacks_comparison(field.expr);
    throw x3::expectation_failure<Iterator>(next, comparison ? "a comparison" : "an operator");
  }
};
const expression_end_parser condition_end{{}, true};
const expression_end_parser priority_end{{}, false};

}  // namespace rapport::dsl::grammar

namespace boost::spirit::x3 {
template <>
struct get_info<rapport::dsl::grammar::string_literal_parser> {
  using result_type = std::string;
  std::string operator()(const rapport::dsl::grammar::string_literal_parser&) const { return "a string"; }
};
}  // namespace boost::spirit::x3

namespace rapport::dsl::grammar {

// IDENT := [A-Za-z_][A-Za-z0-9_]*  except a reserved word
const x3::rule<class ident_class, Ident> ident = "an identifier";
const auto ident_def = x3::raw[x3::lexeme[ident_start >> *ident_char] - word_of(reserved_words)][act::set_ident];

// The same identifier, named for what it identifies where it is expected.
const x3::rule<class source_id_class, Ident> source_id = "a source id";
const x3::rule<class metric_id_class, Ident> metric_id = "a metric id";
const x3::rule<class finding_id_class, Ident> finding_id = "a finding id";
const x3::rule<class recommendation_id_class, Ident> recommendation_id = "a recommendation id";
const auto source_id_def = ident;
const auto metric_id_def = ident;
const auto finding_id_def = ident;
const auto recommendation_id_def = ident;

// TEXT := STRING { STRING }        adjacent strings are one text
const x3::rule<class text_class, Text> text = "a string";
const auto text_def = x3::raw[+string_literal][act::set_span];

// INT := digit { digit }           no fraction, no unit
const x3::rule<class integer_class, double> integer = "a whole number";
const auto integer_def = x3::raw[x3::lexeme[+digit >> !(x3::char_(".%") | ident_char)]][act::set_decimal];

// SCALE_BOUND := ['-'] digit { digit } ['.' digit { digit }]
const x3::rule<class scale_bound_class, double> scale_bound = "a number";
const auto scale_bound_def =
    x3::raw[x3::lexeme[-x3::lit('-') >> +digit >> -('.' >> +digit) >> !(x3::char_(".%") | ident_char)]]
           [act::set_decimal];

// NUMBER := digit { digit } ['.' digit { digit }] ['%' | 'pp']      with no space before the unit
const auto unit_suffix = x3::lit('%') | x3::lexeme[x3::lit("pp") >> !ident_char];
const x3::rule<class number_class, Subtree> number = "a number";
const auto number_def = x3::raw[x3::lexeme[+digit >> -('.' >> +digit) >> -unit_suffix]][act::set_number] >>
                        -x3::raw[unit_suffix][act::reject_spaced_unit];

const x3::rule<class dot_class> dot = "'.'";
const x3::rule<class close_paren_class> close_paren = "')'";
const x3::rule<class keyword_to_class> keyword_to = "'to'";
const x3::rule<class keyword_from_class> keyword_from = "'from'";
const x3::rule<class keyword_days_class> keyword_days = "'days'";
const auto dot_def = x3::lit('.');
const auto close_paren_def = x3::lit(')');
const auto keyword_to_def = keyword("to");
const auto keyword_from_def = keyword("from");
const auto keyword_days_def = keyword("days");

BOOST_SPIRIT_DEFINE(ident, source_id, metric_id, finding_id, recommendation_id, text, integer, scale_bound, number,
                    dot, close_paren, keyword_to, keyword_from, keyword_days)

// ====================================================================== expressions
//
// Operator precedence, loosest first: one rule per level. Binary levels are left-associative,
// except comparison, which takes at most one operator (`a < b < c` is an error).
//
//   level  rule      operators                form
//   1      or_expr   or                       left-associative
//   2      and_expr  and                      left-associative
//   3      not_expr  not                      prefix, repeated
//   4      cmp_expr  =  ==  !=  <  <=  >  >=  non-associative
//   5      sum       +  -                     left-associative
//   6      product   *  /                     left-associative
//   7      unary     -                        prefix, repeated
//   8      primary   literals, references, calls, ( )
//
// Only parentheses and calls recurse; prefixes and chains are repetitions, so the parser's
// stack depth grows with parenthesis depth alone (checked before parsing, see nesting).

const x3::symbols<Op> comparison_operator({{"=", Op::Eq}, {"==", Op::Eq}, {"!=", Op::Ne}, {"<", Op::Lt},
                                           {"<=", Op::Le}, {">", Op::Gt}, {">=", Op::Ge}},
                                          "a comparison operator");
const x3::symbols<Op> additive_operator({{"+", Op::Add}, {"-", Op::Sub}}, "'+' or '-'");
const x3::symbols<Op> multiplicative_operator({{"*", Op::Mul}, {"/", Op::Div}}, "'*' or '/'");

// Every level is "an expression" when it is expected (after an operator, '(' or ',').
const x3::rule<class or_expr_class, Subtree> or_expr = "an expression";
const x3::rule<class and_expr_class, Subtree> and_expr = "an expression";
const x3::rule<class not_expr_class, Subtree> not_expr = "an expression";
const x3::rule<class cmp_expr_class, Subtree> cmp_expr = "an expression";
const x3::rule<class sum_class, Subtree> sum = "an expression";
const x3::rule<class product_class, Subtree> product = "an expression";
const x3::rule<class unary_class, Subtree> unary = "an expression";
const x3::rule<class primary_class, Subtree> primary = "an expression";
const x3::rule<class truth_class, Subtree> truth = "true or false";
const x3::rule<class group_ref_class, Subtree> group_ref = "a group reference";
const x3::rule<class name_or_call_class, Subtree> name_or_call = "a name";
const x3::rule<class call_arguments_class, CallArguments> call_arguments = "an argument or ')'";
const x3::rule<class argument_list_end_class, boost::iterator_range<iterator_type>> argument_list_end = "',' or ')'";
const x3::rule<class parenthesized_class, Subtree> parenthesized = "'('";
const x3::rule<class not_marks_class, std::vector<std::uint32_t>> not_marks = "'not'";
const x3::rule<class minus_marks_class, std::vector<std::uint32_t>> minus_marks = "'-'";
const expression_type expression_entry = "an expression";

// or_expr := and_expr { 'or' and_expr }
const auto or_expr_def = and_expr[act::take] >> *(keyword("or") > and_expr)[act::fold(Op::Or)];

// and_expr := not_expr { 'and' not_expr }
const auto and_expr_def = not_expr[act::take] >> *(keyword("and") > not_expr)[act::fold(Op::And)];

// not_expr := { 'not' } cmp_expr
const auto not_expr_def = (not_marks > cmp_expr)[act::apply_prefixes(Op::Not)];
const auto not_marks_def = *x3::raw[keyword("not")][act::push_offset];

// cmp_expr := sum [ CMP sum ]
const auto cmp_expr_def = sum[act::take] >> -((comparison_operator > sum)[act::fold_operator] >>
                                              -x3::raw[comparison_operator][act::reject_chained_comparison]);

// sum := product { ('+' | '-') product }
const auto sum_def = product[act::take] >> *(additive_operator > product)[act::fold_operator];

// product := unary { ('*' | '/') unary }
const auto product_def = unary[act::take] >> *(multiplicative_operator > unary)[act::fold_operator];

// unary := { '-' } primary
const auto unary_def = (minus_marks > primary)[act::apply_prefixes(Op::Neg)];
const auto minus_marks_def = *x3::raw[x3::lit('-')][act::push_offset];

// primary := NUMBER | 'true' | 'false' | group_ref | name_or_call | '(' or_expr ')'
const auto primary_def = number | truth | group_ref | name_or_call | parenthesized;

// truth := 'true' | 'false'
const auto truth_def = x3::raw[keyword("true")][act::set_truth(true)] |
                       x3::raw[keyword("false")][act::set_truth(false)];

// group_ref := ('it' | 'marketing') '.' IDENT
const auto group_ref_def = x3::raw[keyword("it") | keyword("marketing")][act::set_reference_group] > dot >
                           metric_id[act::set_reference_metric];

// name_or_call := IDENT [ '(' call_arguments ]
const auto name_or_call_def = ident[act::set_name] >> -(x3::lit('(') > call_arguments)[act::make_call];

// call_arguments := ')' | or_expr { ',' or_expr } ')'
const auto call_arguments_def = x3::raw[close_paren][act::close_arguments] |
                                (or_expr[act::push_argument] > *(',' > or_expr[act::push_argument]) >
                                 argument_list_end[act::close_arguments]);
const auto argument_list_end_def = x3::raw[x3::lit(')')];

// parenthesized := '(' or_expr ')'
const auto parenthesized_def = x3::raw[x3::lit('(') > or_expr[act::take] > close_paren][act::widen_span];

// expression := or_expr
const auto expression_entry_def = or_expr[act::take_expression];

BOOST_SPIRIT_DEFINE(or_expr, and_expr, not_expr, cmp_expr, sum, product, unary, primary, truth, group_ref,
                    name_or_call, call_arguments, argument_list_end, parenthesized, not_marks, minus_marks,
                    expression_entry)

// ====================================================================== fields
//
// Field keywords are not reserved: they are recognised only where a field may start.

const x3::symbols<FieldKey> source_text_words(
    {{"title", FieldKey::Title}, {"by", FieldKey::By}, {"url", FieldKey::Url}, {"note", FieldKey::Note}});
const x3::symbols<FieldKey> metric_text_words({{"question", FieldKey::Question}, {"label", FieldKey::Label}});
const x3::symbols<FieldKey> finding_text_words({{"title", FieldKey::Title}, {"narrative", FieldKey::Narrative}});
const x3::symbols<FieldKey> recommendation_text_words(
    {{"title", FieldKey::Title}, {"action", FieldKey::Action}, {"rationale", FieldKey::Rationale}});
const x3::symbols<Audience> sample_groups(
    {{"it", Audience::It}, {"marketing", Audience::Marketing}, {"total", Audience::Company}});
const x3::symbols<Audience> audiences_words(
    {{"it", Audience::It}, {"marketing", Audience::Marketing}, {"company", Audience::Company}});
const x3::symbols<MetricKind> simple_kinds(
    {{"share", MetricKind::Share}, {"number", MetricKind::Number}, {"flag", MetricKind::Flag}});
const x3::symbols<Bound> bounds({{"about", Bound::About}, {"under", Bound::Under}, {"over", Bound::Over}});
const x3::symbols<Severity> severities({{"info", Severity::Info}, {"low", Severity::Low},
                                        {"medium", Severity::Medium}, {"high", Severity::High},
                                        {"critical", Severity::Critical}});
const x3::symbols<Owner> owners({{"cio", Owner::Cio}, {"cmo", Owner::Cmo}, {"both", Owner::Both}});

// text_field := TEXT_WORD TEXT            (which words depends on the declaration)
template <typename Words>
auto text_field_of(const Words& words) {
  return x3::raw[word_of(words)[act::set_key] > text[act::set_text]][act::set_span];
}

const x3::rule<class source_text_field_class, TextField> source_text_field = "a field";
const x3::rule<class metric_text_field_class, TextField> metric_text_field = "a field";
const x3::rule<class finding_text_field_class, TextField> finding_text_field = "a field";
const x3::rule<class recommendation_text_field_class, TextField> recommendation_text_field = "a field";
const auto source_text_field_def = text_field_of(source_text_words);
const auto metric_text_field_def = text_field_of(metric_text_words);
const auto finding_text_field_def = text_field_of(finding_text_words);
const auto recommendation_text_field_def = text_field_of(recommendation_text_words);

// year_field := 'year' INT
const x3::rule<class year_field_class, NumberField> year_field = "'year'";
const auto year_field_def = x3::raw[keyword("year")[act::key_is(FieldKey::Year)] > integer[act::set_value]][act::set_span];

// sample_field := 'sample' group_count { ',' group_count }
// group_count  := ('it' | 'marketing' | 'total') INT
const x3::rule<class sample_field_class, SampleField> sample_field = "'sample'";
const x3::rule<class group_count_class, GroupCount> group_count = "a group (it, marketing or total)";
const auto sample_field_def =
    x3::raw[keyword("sample") > group_count[act::push_count] > *(',' > group_count[act::push_count])][act::set_span];
const auto group_count_def = x3::raw[word_of(sample_groups)[act::set_group] > integer[act::set_count]][act::set_span];

// kind_field  := 'kind' metric_kind
// metric_kind := 'share' | 'scale' SCALE_BOUND 'to' SCALE_BOUND | 'number' | 'flag'
const x3::rule<class kind_field_class, KindField> kind_field = "'kind'";
const x3::rule<class metric_kind_class, KindField> metric_kind = "a kind of metric (share, scale, number or flag)";
const auto kind_field_def = x3::raw[keyword("kind") > metric_kind[act::take_kind]][act::set_span];
const auto metric_kind_def = (keyword("scale")[act::kind_is(MetricKind::Scale)] > scale_bound[act::set_low] >
                              keyword_to > scale_bound[act::set_high]) |
                             word_of(simple_kinds)[act::set_kind];

// asked_field := 'asked' audiences
// audiences   := 'both' | AUDIENCE { ',' AUDIENCE }         AUDIENCE := 'it' | 'marketing' | 'company'
const x3::rule<class asked_field_class, AskedField> asked_field = "'asked'";
const x3::rule<class audiences_class, std::vector<Audience>> audiences = "a group (it, marketing, company or both)";
const x3::rule<class audience_class, Audience> audience = "a group (it, marketing or company)";
const auto asked_field_def = x3::raw[keyword("asked") > audiences[act::set_audiences]][act::set_span];
const auto audiences_def = keyword("both")[act::both_groups] |
                           (audience[act::push_audience] > *(',' > audience[act::push_audience]));
const auto audience_def = word_of(audiences_words);

// benchmark_field := 'benchmark' AUDIENCE ['about' | 'under' | 'over'] NUMBER 'from' SOURCE_ID [TEXT]
const x3::rule<class benchmark_field_class, BenchmarkField> benchmark_field = "'benchmark'";
const auto benchmark_field_def =
    x3::raw[keyword("benchmark") > audience[act::set_group] > -word_of(bounds)[act::set_bound] >
            number[act::set_benchmark_value] > keyword_from > source_id[act::set_source] > -text[act::set_quote]]
           [act::set_span];

// severity_field := 'severity' ('info' | 'low' | 'medium' | 'high' | 'critical')
const x3::rule<class severity_field_class, SeverityField> severity_field = "'severity'";
const x3::rule<class severity_class, Severity> severity = "a severity (info, low, medium, high or critical)";
const auto severity_field_def = x3::raw[keyword("severity") > severity[act::set_value]][act::set_span];
const auto severity_def = word_of(severities);

// when_field := 'when' expression            followed by the next field or 'end'
const x3::rule<class when_field_class, ExprField> when_field = "'when'";
const auto when_field_def =
    x3::raw[keyword("when")[act::key_is(FieldKey::When)] > expression_entry[act::set_expr] > condition_end]
           [act::set_span];

// priority_field := 'priority' expression    followed by the next field or 'end'
const x3::rule<class priority_field_class, ExprField> priority_field = "'priority'";
const auto priority_field_def =
    x3::raw[keyword("priority")[act::key_is(FieldKey::Priority)] > expression_entry[act::set_expr] > priority_end]
           [act::set_span];

// evidence_field := 'evidence' SOURCE_ID TEXT
const x3::rule<class evidence_field_class, EvidenceField> evidence_field = "'evidence'";
const auto evidence_field_def =
    x3::raw[keyword("evidence") > source_id[act::set_source] > text[act::set_quote]][act::set_span];

// owner_field := 'owner' ('cio' | 'cmo' | 'both')
const x3::rule<class owner_field_class, OwnerField> owner_field = "'owner'";
const x3::rule<class owner_class, Owner> owner = "an owner (cio, cmo or both)";
const auto owner_field_def = x3::raw[keyword("owner") > owner[act::set_value]][act::set_span];
const auto owner_def = word_of(owners);

// horizon_field := 'horizon' INT 'days'
const x3::rule<class horizon_field_class, NumberField> horizon_field = "'horizon'";
const auto horizon_field_def =
    x3::raw[keyword("horizon")[act::key_is(FieldKey::Horizon)] > integer[act::set_value] > keyword_days]
           [act::set_span];

BOOST_SPIRIT_DEFINE(source_text_field, metric_text_field, finding_text_field, recommendation_text_field,
                    year_field, sample_field, group_count, kind_field, metric_kind, asked_field, audiences,
                    audience, benchmark_field, severity_field, severity, when_field, priority_field,
                    evidence_field, owner_field, owner, horizon_field)

// ====================================================================== declarations

// source_field := source_text_field | year_field | sample_field
// metric_field := metric_text_field | kind_field | asked_field | benchmark_field
// finding_field := finding_text_field | severity_field | when_field | evidence_field
// recommendation_field := recommendation_text_field | owner_field | horizon_field | when_field
//                       | priority_field
const x3::rule<class source_field_class, Field> source_field = "a field";
const x3::rule<class metric_field_class, Field> metric_field = "a field";
const x3::rule<class finding_field_class, Field> finding_field = "a field";
const x3::rule<class recommendation_field_class, Field> recommendation_field = "a field";
const auto source_field_def = source_text_field[act::take] | year_field[act::take] | sample_field[act::take];
const auto metric_field_def = metric_text_field[act::take] | kind_field[act::take] | asked_field[act::take] |
                              benchmark_field[act::take];
const auto finding_field_def = finding_text_field[act::take] | severity_field[act::take] | when_field[act::take] |
                               evidence_field[act::take];
const auto recommendation_field_def = recommendation_text_field[act::take] | owner_field[act::take] |
                                      horizon_field[act::take] | when_field[act::take] |
                                      priority_field[act::take];

// What may come next inside a declaration, named for the "expected ..." message.
const x3::rule<class source_end_class> source_end =
    "a field of a source (title, by, year, sample, url, note) or 'end'";
const x3::rule<class metric_end_class> metric_end =
    "a field of a metric (question, label, kind, asked, benchmark) or 'end'";
const x3::rule<class finding_end_class> finding_end =
    "a field of a finding (title, severity, when, evidence, narrative) or 'end'";
const x3::rule<class recommendation_end_class> recommendation_end =
    "a field of a recommendation (title, owner, horizon, when, priority, action, rationale) or 'end'";
const auto source_end_def = keyword("end");
const auto metric_end_def = keyword("end");
const auto finding_end_def = keyword("end");
const auto recommendation_end_def = keyword("end");

// source_decl := 'source' SOURCE_ID { source_field } 'end'
const x3::rule<class source_decl_class, Declaration> source_decl = "'source'";
const auto source_decl_def = x3::raw[keyword("source")[act::declaration_is(DeclKind::Source)] >
                                     source_id[act::set_id] > *source_field[act::push_field] > source_end]
                                    [act::set_span];

// metric_decl := 'metric' METRIC_ID { metric_field } 'end'
const x3::rule<class metric_decl_class, Declaration> metric_decl = "'metric'";
const auto metric_decl_def = x3::raw[keyword("metric")[act::declaration_is(DeclKind::Metric)] >
                                     metric_id[act::set_id] > *metric_field[act::push_field] > metric_end]
                                    [act::set_span];

// finding_decl := 'finding' FINDING_ID { finding_field } 'end'
const x3::rule<class finding_decl_class, Declaration> finding_decl = "'finding'";
const auto finding_decl_def = x3::raw[keyword("finding")[act::declaration_is(DeclKind::Finding)] >
                                      finding_id[act::set_id] > *finding_field[act::push_field] > finding_end]
                                     [act::set_span];

// recommendation_decl := 'recommendation' RECOMMENDATION_ID { recommendation_field } 'end'
const x3::rule<class recommendation_decl_class, Declaration> recommendation_decl = "'recommendation'";
const auto recommendation_decl_def =
    x3::raw[keyword("recommendation")[act::declaration_is(DeclKind::Recommendation)] >
            recommendation_id[act::set_id] > *recommendation_field[act::push_field] > recommendation_end]
           [act::set_span];

// declaration := source_decl | metric_decl | finding_decl | recommendation_decl
const declaration_type declaration_entry = "a declaration: source, metric, finding or recommendation";
const auto declaration_entry_def = source_decl | metric_decl | finding_decl | recommendation_decl;

BOOST_SPIRIT_DEFINE(source_field, metric_field, finding_field, recommendation_field, source_end, metric_end,
                    finding_end, recommendation_end, source_decl, metric_decl, finding_decl, recommendation_decl,
                    declaration_entry)

const declaration_type& declaration() { return declaration_entry; }
const expression_type& expression() { return expression_entry; }

}  // namespace rapport::dsl::grammar

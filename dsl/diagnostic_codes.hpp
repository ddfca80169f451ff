// Every diagnostic code, in one place. Codes are stable: tools and tests key on them.
#pragma once

namespace rapport::dsl::code {

// text (dsl/text_encoding): what every reader checks first
inline constexpr const char* not_text = "not-text";    // a binary file: gzip, ZIP, PDF, an image, NUL bytes, UTF-16
inline constexpr const char* not_utf8 = "not-utf8";    // a byte that is not UTF-8 (a Windows or Latin-1 encoding)

// syntax (dsl/)
inline constexpr const char* syntax = "syntax";                    // expected X
inline constexpr const char* nesting_too_deep = "nesting-too-deep";
inline constexpr const char* bad_escape = "bad-escape";
inline constexpr const char* bad_placeholder = "bad-placeholder";
// limits (dsl/parser.hpp ParseLimits; engine's profile and survey readers)
inline constexpr const char* file_too_large = "file-too-large";                // a rule file, profile or CSV over its size limit
inline constexpr const char* text_too_long = "text-too-long";                  // a text literal over 64 KiB
inline constexpr const char* too_many_declarations = "too-many-declarations";  // a rule file with more than 100,000
inline constexpr const char* record_too_long = "record-too-long";              // a JSON Lines record over 1 MiB

// meaning (engine/checker)
inline constexpr const char* unknown_id = "unknown-id";
inline constexpr const char* duplicate_id = "duplicate-id";
inline constexpr const char* wrong_kind_of_id = "wrong-kind-of-id";  // e.g. a source used as a metric
inline constexpr const char* type_error = "type-error";
inline constexpr const char* finding_cycle = "finding-cycle";
inline constexpr const char* percent_out_of_range = "percent-out-of-range";
inline constexpr const char* group_not_asked = "group-not-asked";
inline constexpr const char* missing_field = "missing-field";
inline constexpr const char* duplicate_field = "duplicate-field";
inline constexpr const char* field_not_allowed = "field-not-allowed";
inline constexpr const char* unknown_function = "unknown-function";
inline constexpr const char* wrong_arguments = "wrong-arguments";
inline constexpr const char* bad_value = "bad-value";                // scale 5 to 1, year 0, ...
inline constexpr const char* no_benchmark = "no-benchmark";
inline constexpr const char* no_rules = "no-rules";

// warnings (engine/checker)
inline constexpr const char* unused_metric = "unused-metric";
inline constexpr const char* unused_source = "unused-source";
inline constexpr const char* unused_finding = "unused-finding";
inline constexpr const char* suspicious_threshold = "suspicious-threshold";  // it.share > 50, not 50%
// proved by the condition prover (engine/lint_conditions.cpp)
inline constexpr const char* condition_never_holds = "condition-never-holds";    // it.x > 60% and it.x < 40%
inline constexpr const char* condition_always_holds = "condition-always-holds";  // it.x < 50% or it.x >= 40%
inline constexpr const char* threshold_out_of_range = "threshold-out-of-range";  // it.trust < 7 on a scale 1 to 5
inline constexpr const char* equivalent_conditions = "equivalent-conditions";    // two findings, one condition
inline constexpr const char* unknown_prone_trigger = "unknown-prone-trigger";    // only company figures can trigger it

// profiles (engine/profile)
inline constexpr const char* profile_syntax = "profile-syntax";
inline constexpr const char* unknown_key = "unknown-key";
inline constexpr const char* wrong_type = "wrong-type";
inline constexpr const char* out_of_range = "out-of-range";
inline constexpr const char* not_finite = "not-finite";

// survey exports (engine/csv, engine/survey_export)
inline constexpr const char* csv_unterminated_quote = "csv-unterminated-quote";  // "abc never closed
inline constexpr const char* csv_stray_quote = "csv-stray-quote";                // ab"c, or "abc"d
inline constexpr const char* csv_field_count = "csv-field-count";                // more (error) or fewer (warning) fields than the header
inline constexpr const char* csv_encoding = "csv-encoding";                      // UTF-16, or not valid UTF-8
inline constexpr const char* csv_empty = "csv-empty";                            // no header row at all
inline constexpr const char* csv_header = "csv-header";                          // the header rows do not fit the dialect

// survey mappings and imports (engine/survey_mapping, engine/survey_import)
inline constexpr const char* unknown_column = "unknown-column";          // a mapping names a column the export lacks
inline constexpr const char* ambiguous_column = "ambiguous-column";      // a question text shared by several columns
inline constexpr const char* unmappable_answer = "unmappable-answer";    // an answer the mapping does not code
inline constexpr const char* unknown_group = "unknown-group";            // a group answer the mapping does not list
inline constexpr const char* no_group = "no-group";                      // a response without a group answer
inline constexpr const char* no_responses = "no-responses";              // nothing left to import

// evaluation warnings (engine/evaluate, shown by the reports; not diagnostics of a file)
inline constexpr const char* division_by_zero = "division-by-zero";
inline constexpr const char* overflow = "overflow";

// files (cli/)
inline constexpr const char* io_error = "io-error";

}  // namespace rapport::dsl::code

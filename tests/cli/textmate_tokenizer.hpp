// A small TextMate tokenizer for testing editors/vscode/syntaxes/rapport.tmLanguage.json: it applies
// `match` and `begin`/`end` rules (with captures and #includes) to one line the way editors do —
// the earliest match wins, ties go to the end pattern and then to the first rule listed — and
// returns the scopes of every character. The grammar keeps to regex syntax std::regex shares with
// Oniguruma, so the editors' engine and this one agree.
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <vector>

namespace rapport::test {

class TextMateGrammar {
 public:
  explicit TextMateGrammar(const nlohmann::json& grammar) : grammar_(grammar) {
    top_ = load_list(grammar_.at("patterns"));
  }

  // The space-separated scopes of each byte of `line`, outermost first ("" where no rule applies).
  std::vector<std::string> tokenize(const std::string& line) const {
    std::vector<std::string> scopes(line.size());
    scan(line, 0, top_, nullptr, scopes);
    return scopes;
  }

  // Every regex the grammar holds, as written, for checking that each compiles.
  const std::vector<std::string>& regexes() const { return sources_; }

 private:
  struct Rule {
    std::string name;
    std::unique_ptr<std::regex> match, begin, end;
    std::map<int, std::string> captures, begin_captures, end_captures;
    std::vector<const Rule*> patterns;
  };

  std::unique_ptr<std::regex> compile(const std::string& source) {
    sources_.push_back(source);
    return std::make_unique<std::regex>(source, std::regex::ECMAScript);
  }

  static std::map<int, std::string> load_captures(const nlohmann::json& rule, const char* key) {
    std::map<int, std::string> captures;
    if (!rule.contains(key)) return captures;
    for (const auto& [group, scope] : rule.at(key).items()) captures[std::stoi(group)] = scope.value("name", "");
    return captures;
  }

  // A rule list, with {"include": "#name"} replaced by the repository entry (itself a list or a rule).
  std::vector<const Rule*> load_list(const nlohmann::json& list) {
    std::vector<const Rule*> rules;
    for (const auto& item : list) {
      if (item.contains("include")) {
        const std::string name = item.at("include").get<std::string>().substr(1);
        const auto& entry = grammar_.at("repository").at(name);
        if (entry.contains("patterns") && !entry.contains("begin")) {
          for (const Rule* rule : load_list(entry.at("patterns"))) rules.push_back(rule);
        } else {
          rules.push_back(load_rule(entry));
        }
      } else {
        rules.push_back(load_rule(item));
      }
    }
    return rules;
  }

  const Rule* load_rule(const nlohmann::json& json) {
    auto rule = std::make_unique<Rule>();
    rule->name = json.value("name", "");
    if (json.contains("match")) rule->match = compile(json.at("match"));
    if (json.contains("begin")) {
      rule->begin = compile(json.at("begin"));
      rule->end = compile(json.at("end"));
    }
    rule->captures = load_captures(json, "captures");
    rule->begin_captures = load_captures(json, "beginCaptures");
    rule->end_captures = load_captures(json, "endCaptures");
    Rule* raw = rule.get();
    rules_.push_back(std::move(rule));
    if (json.contains("patterns")) raw->patterns = load_list(json.at("patterns"));
    return raw;
  }

  static bool search(const std::string& line, std::size_t pos, const std::regex& re, std::smatch& m) {
    auto flags = std::regex_constants::match_default;
    if (pos > 0) flags |= std::regex_constants::match_prev_avail | std::regex_constants::match_not_bol;
    return std::regex_search(line.begin() + static_cast<std::ptrdiff_t>(pos), line.end(), m, re, flags);
  }

  static void paint(std::vector<std::string>& scopes, std::size_t from, std::size_t to, const std::string& scope) {
    if (scope.empty()) return;
    for (std::size_t i = from; i < to && i < scopes.size(); ++i) scopes[i] += (scopes[i].empty() ? "" : " ") + scope;
  }

  static void paint_match(std::vector<std::string>& scopes, std::size_t offset, const std::smatch& m,
                          const std::string& name, const std::map<int, std::string>& captures) {
    const std::size_t from = offset + static_cast<std::size_t>(m.position(0));
    paint(scopes, from, from + static_cast<std::size_t>(m.length(0)), name);
    for (const auto& [group, scope] : captures) {
      if (group >= static_cast<int>(m.size()) || !m[group].matched) continue;
      const std::size_t at = offset + static_cast<std::size_t>(m.position(group));
      paint(scopes, at, at + static_cast<std::size_t>(m.length(group)), scope);
    }
  }

  // Scans from `pos` until `end` matches (or the line ends); returns the position after `end`.
  std::size_t scan(const std::string& line, std::size_t pos, const std::vector<const Rule*>& rules,
                   const Rule* enclosing, std::vector<std::string>& scopes) const {
    while (pos < line.size()) {
      std::smatch best;
      const Rule* winner = nullptr;
      bool ends = false;
      std::smatch m;
      if (enclosing && search(line, pos, *enclosing->end, m)) {
        best = m;
        ends = true;
      }
      for (const Rule* rule : rules) {
        const std::regex& re = rule->match ? *rule->match : *rule->begin;
        if (!search(line, pos, re, m)) continue;
        if ((!ends && !winner) || m.position(0) < best.position(0)) {
          best = m;
          winner = rule;
          ends = false;
        }
      }
      if (!ends && !winner) return line.size();
      const std::size_t start = pos + static_cast<std::size_t>(best.position(0));
      const std::size_t after = start + static_cast<std::size_t>(best.length(0));
      if (ends) {
        paint_match(scopes, pos, best, "", enclosing->end_captures);
        return after;
      }
      if (winner->match) {
        paint_match(scopes, pos, best, winner->name, winner->captures);
        pos = after > pos ? after : pos + 1;
        continue;
      }
      // A begin/end rule: its name covers begin through end; the inside is scanned with its patterns.
      std::vector<std::string> nested(line.size());
      paint_match(nested, pos, best, "", winner->begin_captures);
      const std::size_t stop = scan(line, after, winner->patterns, winner, nested);
      for (std::size_t i = start; i < stop; ++i) {
        std::string combined = winner->name;
        if (!nested[i].empty()) combined += " " + nested[i];
        paint(scopes, i, i + 1, combined);
      }
      pos = stop > pos ? stop : pos + 1;
    }
    return pos;
  }

  nlohmann::json grammar_;
  std::vector<std::unique_ptr<Rule>> rules_;
  std::vector<std::string> sources_;
  std::vector<const Rule*> top_;
};

}  // namespace rapport::test

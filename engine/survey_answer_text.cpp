// Answers as people compare them (case, spacing and curly apostrophes aside), sets of them, and
// codings of Likert labels to numbers; see survey_mapping.hpp.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include "engine/survey_mapping.hpp"

namespace rapport::engine {

namespace {

// A plain decimal number ("4", "3.5", "-1", or "3,5" as European spreadsheets write it); nothing else.
std::optional<double> number_answer(std::string_view text) {
  std::string digits(text);
  if (std::count(digits.begin(), digits.end(), ',') == 1 && digits.find('.') == std::string::npos)
    std::replace(digits.begin(), digits.end(), ',', '.');
  if (digits.empty() || digits.find_first_not_of("+-0123456789.") != std::string::npos) return std::nullopt;
  if (digits.front() == '+') digits.erase(0, 1);
  double value = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error != std::errc{} || end != digits.data() + digits.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

}  // namespace

std::string answer_key(std::string_view answer) {
  std::string key;
  bool blank = false;
  for (std::size_t i = 0; i < answer.size(); ++i) {
    const auto c = static_cast<unsigned char>(answer[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      blank = !key.empty();
      continue;
    }
    if (blank) key.push_back(' ');
    blank = false;
    if (answer.substr(i, 3) == "\xE2\x80\x99" || answer.substr(i, 3) == "\xE2\x80\x98") {  // ’ and ‘
      key.push_back('\'');
      i += 2;
      continue;
    }
    key.push_back(static_cast<char>(c < 0x80 ? std::tolower(c) : c));
  }
  return key;
}

void AnswerSet::add(std::string_view answer) {
  std::string key = answer_key(answer);
  if (std::find(keys_.begin(), keys_.end(), key) != keys_.end()) return;
  keys_.push_back(std::move(key));
  written_.emplace_back(answer);
}

bool AnswerSet::contains(std::string_view answer) const {
  return std::find(keys_.begin(), keys_.end(), answer_key(answer)) != keys_.end();
}

std::optional<double> Coding::value_of(std::string_view answer) const {
  const std::string key = answer_key(answer);
  for (const auto& [label, value] : labels)
    if (answer_key(label) == key) return value;
  if (numbers) return number_answer(key);
  return std::nullopt;
}

}  // namespace rapport::engine

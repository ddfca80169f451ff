// The method section of a portfolio summary: what was counted, how the percentiles are read and how
// precise they are (taken from the distributions' own bins, so the text cannot drift from the code), and
// what is withheld to keep clients anonymous.
#pragma once

#include <string>
#include <vector>

#include "engine/portfolio.hpp"

namespace rapport::cli {

std::vector<std::string> portfolio_method(const engine::Portfolio& portfolio);

}  // namespace rapport::cli

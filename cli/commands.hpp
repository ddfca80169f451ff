// Every subcommand of rapport, in one place. Each lives in its own cli/cmd_*.cpp file:
// it declares its flags on `app` and returns the function that runs it once the flags are parsed.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

#include "engine/evidence.hpp"

namespace rapport::cli {

using CommandRun = std::function<int()>;

struct Command {
  CLI::App* flags;  // the subcommand as CLI11 knows it
  CommandRun run;   // runs it once the flags are parsed; returns the exit code
};

Command add_assess_command(CLI::App& app);  // rapport assess PROFILE   — the report
Command add_check_command(CLI::App& app);   // rapport check [RULES...] — diagnostics only
Command add_diff_command(CLI::App& app);    // rapport diff BEFORE AFTER — what changed between two reports
Command add_fmt_command(CLI::App& app);     // rapport fmt PATHS...     — rewrite rule files canonically
Command add_test_command(CLI::App& app);    // rapport test [PATHS...]  — run the rule tests, with coverage
Command add_explain_command(CLI::App& app); // rapport explain PROFILE [ID...] — why, value by value
Command add_whatif_command(CLI::App& app);  // rapport whatif PROFILE --set T=V... — what a change would change
Command add_import_command(CLI::App& app);  // rapport import CSV --survey MAPPING — survey responses to a profile
Command add_batch_command(CLI::App& app);   // rapport batch INPUT      — many profiles, one JSON line each

// Flags shared by several subcommands, defined once.
void add_rules_option(CLI::App& command, std::vector<std::string>& rules);
void add_output_option(CLI::App& command, std::string& output);
// --significance-level, --min-n, --min-group-size: how the statistics judge the evidence.
void add_evidence_options(CLI::App& command, engine::EvidenceOptions& options);

}  // namespace rapport::cli

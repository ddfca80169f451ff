// `rapport batch`'s pipeline: a reader thread cuts the input into chunks, worker threads assess them
// (batch_worker.hpp), and the calling thread writes their lines strictly in input order, so the output
// is the same whatever the number of threads. A fixed number of chunks circulates (batch_flow.hpp):
// memory does not grow with the input.
#pragma once

#include <cstdint>
#include <functional>

#include "cli/batch_input.hpp"
#include "cli/file_io.hpp"
#include "cli/progress_bar.hpp"
#include "engine/batch_evaluate.hpp"
#include "engine/evidence.hpp"
#include "engine/model.hpp"
#include "engine/profile.hpp"

namespace rapport::cli {

// Sees every valid profile and its outcome, in input order, on the writer's thread: where portfolio
// statistics are gathered.
using ProfileObserver = std::function<void(const engine::Profile&, const engine::BatchOutcome&)>;

struct BatchSettings {
  unsigned threads = 1;                 // workers
  engine::EvidenceOptions evidence;
  bool color = false;                   // diagnostics on standard error in colour
  std::size_t shown_errors = 20;        // failed records whose diagnostics go to standard error; the rest are counted
  ProfileObserver observer;             // may be empty
};

struct BatchTotals {
  std::uint64_t records = 0;  // profiles read, valid or not (blank lines are not records)
  std::uint64_t failed = 0;   // records that could not be read
  std::uint64_t shown = 0;    // failed records whose diagnostics were printed
};

// Runs the whole input through. Throws IoError when the input cannot be read or the output written
// (the output is then left uncommitted); the worker threads have stopped by then.
BatchTotals run_batch(BatchSource& source, const engine::RuleSet& rules, const BatchSettings& settings,
                      StreamingOutput& output, ProgressBar& progress);

}  // namespace rapport::cli

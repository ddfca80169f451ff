// The pipeline of rapport batch (see batch_pipeline.hpp).
#include "cli/batch_pipeline.hpp"

#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

#include "cli/batch_flow.hpp"
#include "cli/batch_json.hpp"
#include "cli/batch_worker.hpp"

namespace rapport::cli {

namespace {

void read_input(BatchSource& source, ChunkFlow& flow) {
  try {
    while (BatchChunk* chunk = flow.take_free()) {
      if (!source.next(*chunk)) {
        flow.recycle(chunk);
        break;
      }
      flow.submit(chunk);
    }
    flow.close_input();
  } catch (...) {
    flow.cancel(std::current_exception());
  }
}

void assess_chunks(ChunkAssessor assessor, ChunkFlow& flow) {
  try {
    while (BatchChunk* chunk = flow.take_work()) {
      assessor.assess(*chunk);
      flow.finish(chunk);
    }
  } catch (...) {
    flow.cancel(std::current_exception());
  }
}

// The writer's side: each chunk's lines in input order, its failed records' diagnostics on standard
// error up to the limit, the profiles to the observer, and the progress bar.
class ChunkWriter {
 public:
  ChunkWriter(const BatchSettings& settings, StreamingOutput& output, ProgressBar& progress,
              std::atomic<bool>& enough_shown)
      : settings_(settings), output_(output), progress_(progress), enough_shown_(enough_shown) {}

  void write(const BatchChunk& chunk) {
    output_.write(chunk.output);
    if (settings_.observer) {
      for (std::size_t i = 0; i < chunk.assessed; ++i) settings_.observer(chunk.profiles[i], chunk.outcomes[i]);
    }
    show_errors(chunk);
    totals_.records += chunk.assessed + chunk.failed;
    totals_.failed += chunk.failed;
    units_ += chunk.input_units;
    progress_.update(totals_.records, units_);
  }

  const BatchTotals& totals() const { return totals_; }

 private:
  void show_errors(const BatchChunk& chunk) {
    const std::size_t room = settings_.shown_errors - totals_.shown;
    const std::size_t count = std::min(room, chunk.shown_ends.size());
    if (count == 0) return;
    progress_.clear();
    std::fwrite(chunk.shown_errors.data(), 1, chunk.shown_ends[count - 1], stderr);
    std::fflush(stderr);
    totals_.shown += count;
    if (totals_.shown >= settings_.shown_errors) enough_shown_.store(true, std::memory_order_relaxed);
  }

  const BatchSettings& settings_;
  StreamingOutput& output_;
  ProgressBar& progress_;
  std::atomic<bool>& enough_shown_;
  BatchTotals totals_;
  std::uint64_t units_ = 0;
};

}  // namespace

BatchTotals run_batch(BatchSource& source, const engine::RuleSet& rules, const BatchSettings& settings,
                      StreamingOutput& output, ProgressBar& progress) {
  const unsigned workers = std::max(1u, settings.threads);
  // Two chunks per worker keep every worker busy while the writer waits for the oldest one.
  ChunkFlow flow(2 * workers + 2);
  const BatchLineWriter lines(rules);
  std::atomic<bool> enough_shown{settings.shown_errors == 0};
  const ErrorDisplay display{settings.color, settings.shown_errors, &enough_shown};

  std::vector<std::thread> threads;
  threads.emplace_back(read_input, std::ref(source), std::ref(flow));
  for (unsigned w = 0; w < workers; ++w)
    threads.emplace_back(assess_chunks, ChunkAssessor(rules, settings.evidence, lines, source.name(), display),
                         std::ref(flow));

  ChunkWriter writer(settings, output, progress, enough_shown);
  try {
    while (BatchChunk* chunk = flow.take_next_finished()) {
      writer.write(*chunk);
      flow.recycle(chunk);
    }
  } catch (...) {
    flow.cancel(std::current_exception());
  }
  for (auto& thread : threads) thread.join();
  if (auto failure = flow.failure()) std::rethrow_exception(failure);
  return writer.totals();
}

}  // namespace rapport::cli

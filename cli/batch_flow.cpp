// The queues between rapport batch's threads (see batch_flow.hpp).
#include "cli/batch_flow.hpp"

namespace rapport::cli {

ChunkFlow::ChunkFlow(std::size_t chunks) : finished_(chunks, nullptr) {
  for (std::size_t i = 0; i < chunks; ++i) {
    chunks_.push_back(std::make_unique<BatchChunk>());
    free_.push_back(chunks_.back().get());
  }
}

BatchChunk* ChunkFlow::take_free() {
  std::unique_lock lock(mutex_);
  free_ready_.wait(lock, [&] { return cancelled_ || !free_.empty(); });
  if (cancelled_) return nullptr;
  BatchChunk* chunk = free_.back();
  free_.pop_back();
  return chunk;
}

void ChunkFlow::submit(BatchChunk* chunk) {
  {
    std::lock_guard lock(mutex_);
    chunk->sequence = submitted_++;
    work_.push_back(chunk);
  }
  work_ready_.notify_one();
}

void ChunkFlow::close_input() {
  {
    std::lock_guard lock(mutex_);
    input_closed_ = true;
  }
  work_ready_.notify_all();
  finished_ready_.notify_all();
}

BatchChunk* ChunkFlow::take_work() {
  std::unique_lock lock(mutex_);
  work_ready_.wait(lock, [&] { return cancelled_ || input_closed_ || !work_.empty(); });
  if (cancelled_ || work_.empty()) return nullptr;
  BatchChunk* chunk = work_.front();
  work_.pop_front();
  return chunk;
}

void ChunkFlow::finish(BatchChunk* chunk) {
  {
    std::lock_guard lock(mutex_);
    finished_[chunk->sequence % finished_.size()] = chunk;
  }
  finished_ready_.notify_one();
}

BatchChunk* ChunkFlow::take_next_finished() {
  std::unique_lock lock(mutex_);
  BatchChunk** slot = &finished_[written_ % finished_.size()];
  finished_ready_.wait(lock, [&] { return cancelled_ || *slot != nullptr || (input_closed_ && written_ == submitted_); });
  if (cancelled_ || *slot == nullptr) return nullptr;
  BatchChunk* chunk = *slot;
  *slot = nullptr;
  ++written_;
  return chunk;
}

void ChunkFlow::recycle(BatchChunk* chunk) {
  {
    std::lock_guard lock(mutex_);
    free_.push_back(chunk);
  }
  free_ready_.notify_one();
}

void ChunkFlow::cancel(std::exception_ptr failure) {
  {
    std::lock_guard lock(mutex_);
    if (!failure_) failure_ = failure;
    cancelled_ = true;
  }
  free_ready_.notify_all();
  work_ready_.notify_all();
  finished_ready_.notify_all();
}

std::exception_ptr ChunkFlow::failure() {
  std::lock_guard lock(mutex_);
  return failure_;
}

}  // namespace rapport::cli

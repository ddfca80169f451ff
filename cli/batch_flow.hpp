// The queues between `rapport batch`'s threads: free chunks to the reader, filled chunks to the
// workers, assessed chunks to the writer, which takes them strictly in input order and hands them
// back. A fixed set of chunks circulates, so at most that many are in memory whatever the input's size.
// Any thread that fails cancels the flow; every waiting thread then returns nullptr.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <vector>

#include "cli/batch_chunk.hpp"

namespace rapport::cli {

class ChunkFlow {
 public:
  explicit ChunkFlow(std::size_t chunks);

  BatchChunk* take_free();                  // the reader: a chunk to fill (it gets its sequence number)
  void submit(BatchChunk* chunk);           // the reader: filled
  void close_input();                       // the reader: nothing more to come
  BatchChunk* take_work();                  // a worker: nullptr once the input is closed and all taken
  void finish(BatchChunk* chunk);           // a worker: assessed
  BatchChunk* take_next_finished();         // the writer: the next chunk in input order; nullptr when done
  void recycle(BatchChunk* chunk);          // the writer: written

  void cancel(std::exception_ptr failure);  // the first failure is kept; everyone stops
  std::exception_ptr failure();

 private:
  std::mutex mutex_;
  std::condition_variable free_ready_, work_ready_, finished_ready_;
  std::vector<std::unique_ptr<BatchChunk>> chunks_;
  std::vector<BatchChunk*> free_;
  std::deque<BatchChunk*> work_;
  std::vector<BatchChunk*> finished_;  // by sequence modulo the number of chunks: in flight, they differ
  std::uint64_t submitted_ = 0;        // sequence numbers handed out
  std::uint64_t written_ = 0;          // the next sequence the writer takes
  bool input_closed_ = false;
  bool cancelled_ = false;
  std::exception_ptr failure_;
};

}  // namespace rapport::cli

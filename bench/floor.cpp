// The floor under `rapport batch` on this machine (docs/performance.md, "Targets not met"): the part of
// its work that no design can skip. It reads JSON Lines in 256 KiB chunks as rapport does, walks every
// key and value of every record with simdjson On-Demand (the parser rapport uses), and writes one line of
// a given length per record, as long as rapport's lines are on average. It checks nothing, evaluates
// nothing, keeps no order and shares nothing between its threads, so rapport cannot be faster than this.
//   rapport-bench-floor INPUT.jsonl OUTPUT LINE_BYTES THREADS
// Each thread takes a contiguous part of the input (cut at line ends) and writes OUTPUT.<thread>.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <simdjson.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace od = simdjson::ondemand;

constexpr std::size_t kChunkBytes = 256 * 1024;

[[noreturn]] void fail(const std::string& what) { throw std::runtime_error(what + ": " + std::strerror(errno)); }

// Touches every value as rapport's reader must; the sum keeps the compiler from dropping the work.
double walk(od::value value) {
  double sum = 0;
  switch (value.type().value()) {
    case od::json_type::object:
      for (auto field : value.get_object()) {
        sum += static_cast<double>(std::string_view(field.unescaped_key().value()).size());
        sum += walk(field.value().value());
      }
      break;
    case od::json_type::array:
      for (auto element : value.get_array()) sum += walk(element.value());
      break;
    case od::json_type::number: sum += value.get_double().value(); break;
    case od::json_type::string: sum += static_cast<double>(value.get_string().value().size()); break;
    case od::json_type::boolean: sum += value.get_bool().value() ? 1 : 0; break;
    case od::json_type::null: break;
  }
  return sum;
}

// The byte offsets where each thread's part starts, cut just after a line end; the last is the size.
std::vector<std::size_t> cut_points(int fd, std::size_t size, unsigned threads) {
  std::vector<std::size_t> cuts{0};
  std::vector<char> window(64 * 1024);
  for (unsigned t = 1; t < threads; ++t) {
    std::size_t at = std::max(cuts.back(), size * t / threads);
    const ssize_t got = ::pread(fd, window.data(), window.size(), static_cast<off_t>(at));
    if (got < 0) fail("cannot read the input");
    const void* end = std::memchr(window.data(), '\n', static_cast<std::size_t>(got));
    at = end ? at + static_cast<std::size_t>(static_cast<const char*>(end) - window.data()) + 1 : size;
    cuts.push_back(std::min(at, size));
  }
  cuts.push_back(size);
  return cuts;
}

double run_part(int fd, std::size_t begin, std::size_t end, const std::string& output_path, std::size_t line_bytes) {
  const int out = ::open(output_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (out < 0) fail("cannot write " + output_path);
  std::string line(line_bytes > 0 ? line_bytes - 1 : 0, 'x');
  line += '\n';
  od::parser parser;
  std::vector<char> buffer(2 * kChunkBytes + simdjson::SIMDJSON_PADDING);
  std::string output;
  std::size_t held = 0, at = begin;
  double sum = 0;
  while (at < end || held > 0) {
    const std::size_t want = std::min(kChunkBytes, end - at);
    const ssize_t got = want > 0 ? ::pread(fd, buffer.data() + held, want, static_cast<off_t>(at)) : 0;
    if (got < 0) fail("cannot read the input");
    at += static_cast<std::size_t>(got);
    held += static_cast<std::size_t>(got);
    const bool last = at >= end;
    std::size_t used = 0;
    while (used < held) {
      const void* newline = std::memchr(buffer.data() + used, '\n', held - used);
      if (!newline && !last) break;
      const std::size_t length = newline ? static_cast<std::size_t>(static_cast<const char*>(newline) - (buffer.data() + used))
                                         : held - used;
      if (length > 0) {
        auto document = parser.iterate(buffer.data() + used, length, buffer.size() - used);
        sum += walk(document.get_value().value());
        output += line;
      }
      used += length + 1;
    }
    used = std::min(used, held);
    std::memmove(buffer.data(), buffer.data() + used, held - used);
    held -= used;
    for (std::size_t written = 0; written < output.size();) {
      const ssize_t put = ::write(out, output.data() + written, output.size() - written);
      if (put < 0 && errno != EINTR) fail("cannot write " + output_path);
      if (put > 0) written += static_cast<std::size_t>(put);
    }
    output.clear();
    if (last && held == 0) break;
  }
  ::close(out);
  return sum;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: rapport-bench-floor INPUT.jsonl OUTPUT LINE_BYTES THREADS\n");
    return 2;
  }
  try {
    const std::string input = argv[1], output = argv[2];
    const std::size_t line_bytes = std::strtoul(argv[3], nullptr, 10);
    const unsigned threads = std::max(1ul, std::strtoul(argv[4], nullptr, 10));
    const int fd = ::open(input.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) fail("cannot read " + input);
    struct stat status {};
    if (::fstat(fd, &status) != 0) fail("cannot read " + input);
    const std::vector<std::size_t> cuts = cut_points(fd, static_cast<std::size_t>(status.st_size), threads);
    std::vector<double> sums(threads);
    std::vector<std::exception_ptr> failures(threads);
    std::vector<std::thread> workers;
    for (unsigned t = 0; t < threads; ++t) {
      workers.emplace_back([&, t] {
        try {
          sums[t] = run_part(fd, cuts[t], cuts[t + 1], output + "." + std::to_string(t), line_bytes);
        } catch (...) {
          failures[t] = std::current_exception();
        }
      });
    }
    for (auto& worker : workers) worker.join();
    for (auto& failure : failures)
      if (failure) std::rethrow_exception(failure);
    double total = 0;
    for (double sum : sums) total += sum;
    std::printf("%.0f\n", total);
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "rapport-bench-floor: %s\n", e.what());
    return 1;
  }
}

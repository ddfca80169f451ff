// The cycle pass: findings may build on findings, but never on themselves, directly or through
// others. Each strongly connected group of findings is reported once, as its shortest cycle.
#include <algorithm>
#include <deque>
#include <string>

#include "dsl/diagnostic_codes.hpp"
#include "engine/check_passes.hpp"

namespace rapport::engine::checking {

namespace {

using Graph = std::vector<std::vector<std::uint32_t>>;  // per finding: the findings its condition reads

Graph graph_of(const CheckState& state) {
  Graph graph(state.finding_reads.size());
  for (std::size_t f = 0; f < graph.size(); ++f) {
    for (const auto& read : state.finding_reads[f]) graph[f].push_back(read.finding);
    std::sort(graph[f].begin(), graph[f].end());
    graph[f].erase(std::unique(graph[f].begin(), graph[f].end()), graph[f].end());
  }
  return graph;
}

// Tarjan's strongly connected components, with an explicit stack so that long chains of
// findings cannot exhaust the call stack.
std::vector<std::vector<std::uint32_t>> components(const Graph& graph) {
  constexpr std::uint32_t kUnvisited = 0xFFFFFFFFu;
  const auto n = static_cast<std::uint32_t>(graph.size());
  std::vector<std::uint32_t> index(n, kUnvisited), low(n, 0);
  std::vector<bool> on_stack(n, false);
  std::vector<std::uint32_t> stack;
  std::vector<std::vector<std::uint32_t>> found;
  std::uint32_t next = 0;
  for (std::uint32_t start = 0; start < n; ++start) {
    if (index[start] != kUnvisited) continue;
    std::vector<std::pair<std::uint32_t, std::size_t>> frames{{start, 0}};  // node, next edge
    index[start] = low[start] = next++;
    stack.push_back(start);
    on_stack[start] = true;
    while (!frames.empty()) {
      auto& [node, edge] = frames.back();
      if (edge < graph[node].size()) {
        const std::uint32_t to = graph[node][edge++];
        if (index[to] == kUnvisited) {
          index[to] = low[to] = next++;
          stack.push_back(to);
          on_stack[to] = true;
          frames.emplace_back(to, 0);
        } else if (on_stack[to]) {
          low[node] = std::min(low[node], index[to]);
        }
        continue;
      }
      const std::uint32_t done = node;
      frames.pop_back();
      if (!frames.empty()) low[frames.back().first] = std::min(low[frames.back().first], low[done]);
      if (low[done] != index[done]) continue;
      std::vector<std::uint32_t> component;
      std::uint32_t member = 0;
      do {
        member = stack.back();
        stack.pop_back();
        on_stack[member] = false;
        component.push_back(member);
      } while (member != done);
      std::sort(component.begin(), component.end());
      found.push_back(std::move(component));
    }
  }
  return found;
}

// The shortest path from `start` back to itself inside the component: start, ..., start.
std::vector<std::uint32_t> shortest_cycle(const Graph& graph, const std::vector<std::uint32_t>& component,
                                          std::uint32_t start) {
  const auto inside = [&](std::uint32_t f) { return std::binary_search(component.begin(), component.end(), f); };
  std::vector<std::int64_t> parent(graph.size(), -1);
  std::deque<std::uint32_t> queue{start};
  while (!queue.empty()) {
    const std::uint32_t node = queue.front();
    queue.pop_front();
    for (const std::uint32_t to : graph[node]) {
      if (!inside(to)) continue;
      if (to == start) {
        std::vector<std::uint32_t> cycle{start};
        for (std::int64_t at = node; at != static_cast<std::int64_t>(start) && at >= 0; at = parent[static_cast<std::size_t>(at)])
          cycle.push_back(static_cast<std::uint32_t>(at));
        cycle.push_back(start);
        std::reverse(cycle.begin(), cycle.end());
        return cycle;
      }
      if (parent[to] >= 0 || to == start) continue;
      parent[to] = node;
      queue.push_back(to);
    }
  }
  return {};
}

const dsl::Location& where_read(const CheckState& state, std::uint32_t from, std::uint32_t to) {
  for (const auto& read : state.finding_reads[from])
    if (read.finding == to) return read.where;
  return state.rules.findings[from].where;
}

}  // namespace

void find_cycles(CheckState& state) {
  const Graph graph = graph_of(state);
  auto found = components(graph);
  std::sort(found.begin(), found.end());
  for (const auto& component : found) {
    const std::uint32_t first = component.front();
    const bool self_loop = std::binary_search(graph[first].begin(), graph[first].end(), first);
    if (component.size() == 1 && !self_loop) continue;
    const auto cycle = shortest_cycle(graph, component, first);
    if (cycle.size() < 2) continue;
    std::string path;
    for (const auto f : cycle) path += (path.empty() ? "" : " -> ") + state.rules.findings[f].id;
    auto& diag = state.error(dsl::code::finding_cycle, where_read(state, cycle[0], cycle[1]),
                             "findings depend on each other in a cycle: " + path,
                             "a finding may use another only if that one does not use it back");
    for (std::size_t i = 1; i + 1 < cycle.size(); ++i)
      diag.notes.push_back({"'" + state.rules.findings[cycle[i]].id + "' uses '" +
                                state.rules.findings[cycle[i + 1]].id + "' here",
                            where_read(state, cycle[i], cycle[i + 1])});
  }
}

}  // namespace rapport::engine::checking

// Terminal capabilities (see terminal.hpp).
#include "cli/terminal.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>

namespace rapport::cli {

bool use_color(std::FILE* stream) {
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  return ::isatty(::fileno(stream)) != 0;
}

int terminal_width(std::FILE* stream) {
  winsize size{};
  if (::isatty(::fileno(stream)) && ::ioctl(::fileno(stream), TIOCGWINSZ, &size) == 0 && size.ws_col > 20) {
    return size.ws_col;
  }
  return 100;
}

}  // namespace rapport::cli

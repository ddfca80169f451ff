# Sourced by every script that builds something, so that the Debian 12 packages Rapport needs are listed,
# and installed, in one place.
#   source scripts/packages.sh
#   install_missing WHO PACKAGE...   # apt-get installs those not yet installed (through sudo unless root)

rapport_packages=(g++ cmake ninja-build libboost-dev libtomlplusplus-dev libfmt-dev catch2 libcli11-dev
                  nlohmann-json3-dev libsimdjson-dev)
# The test suite also renders HTML reports to PDF with headless Chromium, which needs the fonts.
rapport_test_packages=(chromium fonts-dejavu-core fonts-liberation)

install_missing() {
  local who=$1 package
  shift
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -gt 0 ] || return 0
  echo "$who: installing ${missing[*]}" >&2
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

#!/usr/bin/env bash
# Installs what building and testing NTM Rules needs, from Debian's packages, and only what
# is missing.  Safe to run again.  With --with-browser, also Chromium, for the browser test of
# the HTML report and for `ntm report --format pdf`, with fonts-liberation (Liberation Serif, the
# metrics of Times New Roman, in which Nghị định 30 sets the frame of a document), and
# poppler-utils (pdfinfo, pdftotext), which only the PDF test uses, and chromium-driver, through
# which the web app's test drives the browser; with --with-fuzz, also clang and its libFuzzer runtime, for scripts/fuzz.sh.
# With --with-bench, also Google Benchmark and GNU time, for scripts/bench.sh.
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config
  tao-pegtl-dev libfmt-dev nlohmann-json3-dev libspdlog-dev catch2 libcli11-dev libutf8proc-dev
  libzip-dev libexpat1-dev libxlsxwriter-dev libjemalloc-dev libcpp-httplib-dev
)
for arg in "$@"; do
  if [ "$arg" = "--with-browser" ]; then packages+=(chromium chromium-driver fonts-liberation poppler-utils); fi
  if [ "$arg" = "--with-fuzz" ]; then packages+=(clang libclang-rt-14-dev); fi
  if [ "$arg" = "--with-bench" ]; then packages+=(libbenchmark-dev time); fi
done

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

// The word list: one file read line by line into a hash set of lower-case words (about 100,000
// words, 1 MB; read in a few milliseconds, only by the PDF reader and only once).

#include "ingest/word_list.h"

#include <cstdlib>
#include <fstream>
#include <string>
#include <unordered_set>

namespace minutes {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

const std::unordered_set<std::string>& Words() {
  static const auto* words = [] {
    auto* set = new std::unordered_set<std::string>;
    const char* env = std::getenv("MINUTES_WORD_LIST");
    std::ifstream in(env != nullptr && *env != '\0' ? env : "/usr/share/dict/british-english");
    std::string line;
    while (std::getline(in, line))
      if (!line.empty()) set->insert(Lower(line));
    return set;
  }();
  return *words;
}

}  // namespace

bool IsEnglishWord(std::string_view word) {
  return !word.empty() && Words().count(Lower(word)) > 0;
}

}  // namespace minutes

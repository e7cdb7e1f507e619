// Internal to ingest: a list of English words, to tell a word broken across two lines without a
// hyphen ("identi" + "fy", where a PDF producer set a word wider than its table column) from two
// words ("partnerships" + "and"). A PDF holds no sign of such a break, so only the words can say.
//
//   if (!IsEnglishWord("identi") && IsEnglishWord("identify")) ...   // join the halves
//
// The list is the system's British English word list (Debian's `wbritish`:
// /usr/share/dict/british-english, or the file named by $MINUTES_WORD_LIST), read once on first
// use and never changed, so the calls are thread-safe. Without the file every call is false, and
// broken words keep their space, as before.

#ifndef MINUTES_INGEST_WORD_LIST_H_
#define MINUTES_INGEST_WORD_LIST_H_

#include <string_view>

namespace minutes {

// True when `word` (ASCII letters, any case) is in the word list, ignoring case.
bool IsEnglishWord(std::string_view word);

}  // namespace minutes

#endif  // MINUTES_INGEST_WORD_LIST_H_

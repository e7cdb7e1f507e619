// Internal to extract: mentions of LAs and uses of people's initials in the discussion.

#ifndef MINUTES_EXTRACT_MENTIONS_H_
#define MINUTES_EXTRACT_MENTIONS_H_

#include <string_view>
#include <vector>

#include "extract/extract.h"
#include "extract/people.h"
#include "extract/spans.h"
#include "ingest/document.h"
#include "normalize/normalize.h"

namespace minutes {

// The meeting's area: `base` with the LAs the notes name unambiguously added to its
// expected_gss_codes, from the attendees' organisations (`listed`) and from the text (exact names,
// aliases and groups; not fuzzy matches, common words, possible initials or ambiguous aliases).
// An ambiguous alias ("WCC") is then settled by LaRegister::SettleInArea with these options, the
// same way for an attendee's organisation (ResolvePeople) as for a mention (FindLaMentions).
// `scan` is the document's text's (LaRegister::ScanMentions), settled here without context;
// FindLaMentions settles the same scan with the area, so the text is scanned once.
normalize::MatchOptions MeetingArea(const normalize::LaRegister& las,
                                    const normalize::LaMentionScan& scan,
                                    const std::vector<ListedPerson>& listed,
                                    const normalize::MatchOptions& base);
// The same, scanning doc.text itself.
normalize::MatchOptions MeetingArea(const Document& doc, const normalize::LaRegister& las,
                                    const std::vector<ListedPerson>& listed,
                                    const normalize::MatchOptions& base);

// True when `text` is, whole, an ambiguous LA abbreviation ("WCC") the meeting's area did not
// settle: FindLaMentions reports it (ambiguous_la) rather than resolving it.
bool IsUnsettledLaAlias(const normalize::LaRegister& las, std::string_view text);

// Every LA mention in the document's text: `scan`, doc.text's (LaRegister::ScanMentions), settled
// with `match` (the meeting's area), and freed once settled. A mention that could be initials
// ("BH") is dropped when a listed person has those initials, unless the words around it say a
// place ("covers BH and E Sussex", "in BH"): then it is a person. An ambiguous alias that `match`
// does not settle is no mention; a finding (ambiguous_la) says so when `findings` is given.
std::vector<LaMentionItem> FindLaMentions(const Document& doc, const normalize::LaRegister& las,
                                          normalize::LaMentionScan scan,
                                          const normalize::MatchOptions& match,
                                          const std::vector<Person>& people,
                                          std::vector<Finding>* findings = nullptr);
// The same, scanning doc.text itself.
std::vector<LaMentionItem> FindLaMentions(const Document& doc, const normalize::LaRegister& las,
                                          const normalize::MatchOptions& match,
                                          const std::vector<Person>& people,
                                          std::vector<Finding>* findings = nullptr);

// Every run of 2 to 5 ASCII capitals standing as a word ("KL", "KGOS", not "KPIs" or "DfE") in
// `text`, as spans: the candidates for initials. One pass, shared by the initials resolver and
// FindPersonMentions.
std::vector<Span> CapsTokens(std::string_view text);

// Every use of a person's initials in the body: in the discussion where the words around say it
// is a person ("KL said", "Question from JD", "RE to meet with SD"), or anywhere when the
// initials are a listed person's and not a sector acronym; and in `owner_spans` (action owners).
// Ambiguous initials are settled by an LA named in the same sentence ("SR said from East
// Sussex"), by a role ("SR presented" -> the presenter), or by the same initials resolved earlier
// in the same agenda item; otherwise the name is left empty and a finding says so.
std::vector<PersonMention> FindPersonMentions(
    const Document& doc, const TextBreaks& breaks, const normalize::LaRegister& las,
    const InitialsResolver& resolver, const std::vector<LaMentionItem>& la_mentions,
    const std::vector<Span>& caps_tokens, const std::vector<Span>& owner_spans,
    const std::vector<Person>& people, std::vector<Finding>* findings);

}  // namespace minutes

#endif  // MINUTES_EXTRACT_MENTIONS_H_

// Scores extraction against the hand-checked gold files in samples/gold/: per field precision,
// recall and F1 over every rendition a gold file lists. Fails below F1 0.97 for any field on any
// sample, and prints the score table to the test log.
//
// Items found by position (money, LA mentions, uses of initials) are keyed by where they start,
// counted in non-whitespace bytes: a gold file's offsets are into the text of the first file it
// lists, and its other renditions (a PDF or HTML page made from the same document) cannot keep
// whitespace nobody sees (two spaces, a trailing space, a line's wrap), but keep every other
// byte in the same order.

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <dirent.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "extract/extract.h"
#include "ingest/ingest.h"

namespace minutes {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

constexpr double kMinF1 = 0.97;

// A field's facts: "item key|value" strings, compared as sets.
using Facts = std::map<std::string, std::set<std::string>>;  // field -> facts

std::string Join(const std::vector<std::string>& v, const char* separator = ";") {
  std::string s;
  for (size_t i = 0; i < v.size(); ++i) s += (i == 0 ? "" : separator) + v[i];
  return s;
}

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

// Where each byte offset of `text` falls counting only non-whitespace bytes before it.
class Position {
 public:
  explicit Position(const std::string& text) : before_(text.size() + 1, 0) {
    for (size_t i = 0; i < text.size(); ++i) {
      // A no-break space (U+00A0, "\xC2\xA0") is whitespace too: a PDF shows it as a gap.
      bool nbsp = (text[i] == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') ||
                  (text[i] == '\xA0' && i > 0 && text[i - 1] == '\xC2');
      bool space = nbsp || std::isspace(static_cast<unsigned char>(text[i]));
      before_[i + 1] = before_[i] + (space ? 0 : 1);
    }
  }
  std::string Key(size_t offset) const {
    return std::to_string(before_[std::min(offset, before_.size() - 1)]);
  }

 private:
  std::vector<size_t> before_;
};

// `s` with each run of whitespace as one space: an action's text as a PDF or HTML page shows
// it (neither keeps two spaces, nor tells a line break in a cell from a space).
std::string Spaced(const std::string& s) {
  std::string out;
  for (char c : s) {
    bool space = std::isspace(static_cast<unsigned char>(c));
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// --- facts from our extraction ---

Facts FromExtraction(const Extraction& x, const Position& pos) {
  Facts f;
  const Meeting& m = x.meeting;
  for (auto [k, v] : std::map<std::string, std::string>{{"title", m.title},
                                                        {"date", m.date},
                                                        {"start_time", m.start_time},
                                                        {"end_time", m.end_time},
                                                        {"chair", m.chair}})
    f["meeting." + k].insert(v);
  for (const MeetingTime& t : m.next_meetings)
    f["meeting.next_meetings"].insert(t.date + " " + t.start_time + "-" + t.end_time);
  for (const Person& p : x.people) {
    const std::string& k = p.name;
    f["people.name"].insert(k);
    f["people.initials"].insert(k + "|" + p.initials);
    f["people.organisation"].insert(k + "|" + p.organisation);
    f["people.la_codes"].insert(k + "|" + Join(p.la_codes));
    f["people.attendance"].insert(k + "|" + std::string(EnumName(p.attendance)));
    f["people.roles"].insert(k + "|" + Join(p.roles));
    f["people.substitute_for"].insert(k + "|" + p.substitute_for);
  }
  for (const Action& a : x.actions) {
    std::string text = Spaced(a.text);
    std::string k = std::string(EnumName(a.source)) + ":" + a.ref + ":" + text.substr(0, 24);
    std::vector<std::string> owners, owner_names;
    for (const Owner& o : a.owners) {
      owners.push_back(o.text);
      owner_names.push_back(o.name);
    }
    f["actions.ref"].insert(k);
    f["actions.text"].insert(k + "|" + text);
    f["actions.owners"].insert(k + "|" + Join(owners));
    f["actions.owner_names"].insert(k + "|" + Join(owner_names));
    f["actions.issued"].insert(k + "|" + a.issued);
    f["actions.due"].insert(k + "|" + a.due);
    f["actions.status"].insert(k + "|" + std::string(a.status ? EnumName(*a.status) : ""));
    f["actions.item"].insert(k + "|" + a.item);
  }
  for (const Money& mo : x.money) {
    std::string k = pos.Key(mo.evidence.span.start);
    f["money.text"].insert(k + "|" + mo.text);
    f["money.amount"].insert(k + "|" + Num(mo.amount.pence / 100.0));
    f["money.range_max"].insert(k + "|" + (mo.range_max ? Num(mo.range_max->pence / 100.0) : ""));
    f["money.period"].insert(k + "|" + std::string(mo.period ? EnumName(*mo.period) : ""));
    f["money.approximate"].insert(k + "|" + (mo.approximate ? "true" : "false"));
    f["money.la_codes"].insert(k + "|" + Join(mo.la_codes));
    f["money.item"].insert(k + "|" + mo.item);
  }
  for (const LaMentionItem& l : x.la_mentions) {
    std::string k = pos.Key(l.evidence.span.start);
    f["la_mentions.text"].insert(k + "|" + l.text);
    f["la_mentions.la_codes"].insert(k + "|" + Join(l.la_codes));
    f["la_mentions.item"].insert(k + "|" + l.item);
  }
  for (const PersonMention& pm : x.person_mentions) {
    std::string k = pos.Key(pm.evidence.span.start);
    f["person_mentions.text"].insert(k + "|" + pm.text);
    f["person_mentions.name"].insert(k + "|" + pm.name);
    f["person_mentions.item"].insert(k + "|" + pm.item);
  }
  for (const AgendaItem& i : x.items) {
    std::string k = pos.Key(i.evidence.span.start);
    f["items.number"].insert(k + "|" + i.number);
    f["items.title"].insert(k + "|" + Spaced(i.title));
  }
  for (const Decision& d : x.decisions) {
    std::string k = pos.Key(d.evidence.span.start);
    f["decisions.text"].insert(k + "|" + Spaced(d.text));
    std::vector<std::string> recommendations;
    for (const Recommendation& r : d.recommendations) recommendations.push_back(Spaced(r.text));
    f["decisions.recommendations"].insert(k + "|" + Join(recommendations, "\n"));
    f["decisions.item"].insert(k + "|" + d.item);
  }
  return f;
}

// --- facts from a gold file ---

std::string Str(const Object::Ptr& o, const std::string& key) {
  if (!o->has(key) || o->isNull(key)) return "";
  return o->getValue<std::string>(key);
}

std::vector<std::string> Strs(const Object::Ptr& o, const std::string& key) {
  std::vector<std::string> out;
  Array::Ptr a = o->getArray(key);
  if (!a) return out;
  for (size_t i = 0; i < a->size(); ++i)
    out.push_back(a->isNull(i) ? "" : a->getElement<std::string>(i));
  return out;
}

// The agenda item a gold item at `start` sits in: the gold's items are written with their extent
// (`start` of the heading, `end` where the item stops), so only they are written by hand.
struct GoldItems {
  std::vector<std::tuple<size_t, size_t, std::string>> extents;
  std::string At(size_t pos) const {
    for (const auto& [start, end, number] : extents)
      if (pos >= start && pos < end) return number;
    return "";
  }
};

Facts FromGold(const Object::Ptr& g, const Position& pos) {
  Facts f;
  GoldItems items;
  Array::Ptr gold_items = g->getArray("items");
  if (!gold_items) ADD_FAILURE() << "a gold file without \"items\": write them (may be [])";
  for (size_t i = 0; gold_items && i < gold_items->size(); ++i) {
    Object::Ptr it = gold_items->getObject(i);
    size_t start = it->getValue<size_t>("start");
    std::string k = pos.Key(start);
    f["items.number"].insert(k + "|" + Str(it, "number"));
    f["items.title"].insert(k + "|" + Spaced(Str(it, "title")));
    items.extents.emplace_back(start, it->getValue<size_t>("end"), Str(it, "number"));
  }
  Array::Ptr decisions = g->getArray("decisions");
  if (!decisions) ADD_FAILURE() << "a gold file without \"decisions\": write them (may be [])";
  for (size_t i = 0; decisions && i < decisions->size(); ++i) {
    Object::Ptr d = decisions->getObject(i);
    size_t start = d->getValue<size_t>("start");
    std::string k = pos.Key(start);
    f["decisions.text"].insert(k + "|" + Spaced(Str(d, "text")));
    std::vector<std::string> recommendations;
    for (const std::string& r : Strs(d, "recommendations")) recommendations.push_back(Spaced(r));
    f["decisions.recommendations"].insert(k + "|" + Join(recommendations, "\n"));
    f["decisions.item"].insert(k + "|" + items.At(start));
  }
  Object::Ptr m = g->getObject("meeting");
  for (const char* k : {"title", "date", "start_time", "end_time", "chair"})
    f[std::string("meeting.") + k].insert(Str(m, k));
  Array::Ptr next = m->getArray("next_meetings");
  for (size_t i = 0; i < next->size(); ++i) {
    Object::Ptr t = next->getObject(i);
    f["meeting.next_meetings"].insert(Str(t, "date") + " " + Str(t, "start_time") + "-" +
                                      Str(t, "end_time"));
  }
  Array::Ptr people = g->getArray("people");
  for (size_t i = 0; i < people->size(); ++i) {
    Object::Ptr p = people->getObject(i);
    std::string k = Str(p, "name");
    f["people.name"].insert(k);
    f["people.initials"].insert(k + "|" + Str(p, "initials"));
    f["people.organisation"].insert(k + "|" + Str(p, "organisation"));
    f["people.la_codes"].insert(k + "|" + Join(Strs(p, "la_codes")));
    f["people.attendance"].insert(k + "|" + Str(p, "attendance"));
    f["people.roles"].insert(k + "|" + Join(Strs(p, "roles")));
    f["people.substitute_for"].insert(k + "|" + Str(p, "substitute_for"));
  }
  Array::Ptr actions = g->getArray("actions");
  for (size_t i = 0; i < actions->size(); ++i) {
    Object::Ptr a = actions->getObject(i);
    std::string text = Spaced(Str(a, "text"));
    std::string k = Str(a, "source") + ":" + Str(a, "ref") + ":" + text.substr(0, 24);
    f["actions.ref"].insert(k);
    f["actions.text"].insert(k + "|" + text);
    f["actions.owners"].insert(k + "|" + Join(Strs(a, "owners")));
    f["actions.owner_names"].insert(k + "|" + Join(Strs(a, "owner_names")));
    f["actions.issued"].insert(k + "|" + Str(a, "issued"));
    f["actions.due"].insert(k + "|" + Str(a, "due"));
    f["actions.status"].insert(k + "|" + Str(a, "status"));
    f["actions.item"].insert(k + "|" + Str(a, "item"));
  }
  Array::Ptr money = g->getArray("money");
  for (size_t i = 0; i < money->size(); ++i) {
    Object::Ptr mo = money->getObject(i);
    std::string k = pos.Key(mo->getValue<size_t>("start"));
    f["money.text"].insert(k + "|" + Str(mo, "text"));
    f["money.amount"].insert(k + "|" + Num(mo->getValue<double>("amount")));
    f["money.range_max"].insert(
        k + "|" + (mo->isNull("range_max") ? "" : Num(mo->getValue<double>("range_max"))));
    f["money.period"].insert(k + "|" + Str(mo, "period"));
    f["money.approximate"].insert(k + "|" + (mo->getValue<bool>("approximate") ? "true" : "false"));
    f["money.la_codes"].insert(k + "|" + Join(Strs(mo, "la_codes")));
    f["money.item"].insert(k + "|" + items.At(mo->getValue<size_t>("start")));
  }
  Array::Ptr las = g->getArray("la_mentions");
  for (size_t i = 0; i < las->size(); ++i) {
    Object::Ptr l = las->getObject(i);
    std::string k = pos.Key(l->getValue<size_t>("start"));
    f["la_mentions.text"].insert(k + "|" + Str(l, "text"));
    f["la_mentions.la_codes"].insert(k + "|" + Join(Strs(l, "la_codes")));
    f["la_mentions.item"].insert(k + "|" + items.At(l->getValue<size_t>("start")));
  }
  Array::Ptr pms = g->getArray("person_mentions");
  for (size_t i = 0; i < pms->size(); ++i) {
    Object::Ptr pm = pms->getObject(i);
    std::string k = pos.Key(pm->getValue<size_t>("start"));
    f["person_mentions.text"].insert(k + "|" + Str(pm, "text"));
    f["person_mentions.name"].insert(k + "|" + Str(pm, "name"));
    f["person_mentions.item"].insert(k + "|" + items.At(pm->getValue<size_t>("start")));
  }
  return f;
}

struct Score {
  double precision, recall, f1;
};

Score ScoreField(const std::set<std::string>& got, const std::set<std::string>& want) {
  if (got.empty() && want.empty()) return {1, 1, 1};
  size_t tp = 0;
  for (const std::string& g : got) tp += want.count(g);
  double p = got.empty() ? 0 : static_cast<double>(tp) / got.size();
  double r = want.empty() ? 0 : static_cast<double>(tp) / want.size();
  return {p, r, p + r == 0 ? 0 : 2 * p * r / (p + r)};
}

std::vector<std::string> GoldFiles() {
  std::vector<std::string> out;
  std::string dir = std::string(MINUTES_SOURCE_DIR) + "/samples/gold";
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d)) {
      std::string n = e->d_name;
      if (n.size() > 5 && n.substr(n.size() - 5) == ".json") out.push_back(dir + "/" + n);
    }
    closedir(d);
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(GoldTest, EveryFieldOfEverySampleScoresAtLeast097) {
  std::vector<std::string> gold_files = GoldFiles();
  ASSERT_GE(gold_files.size(), 2u) << "expected the seeds' gold files in samples/gold/";
  std::ostringstream table;
  table
      << "\nsample                                   field                      P      R      F1\n";
  for (const std::string& gold_path : gold_files) {
    std::ifstream in(gold_path);
    Poco::JSON::Parser parser;
    Object::Ptr gold = parser.parse(in).extract<Object::Ptr>();
    std::vector<std::string> files = Strs(gold, "files");
    ASSERT_FALSE(files.empty()) << gold_path;
    Document reference;
    Status rs =
        ReadFile(std::string(MINUTES_SOURCE_DIR) + "/" + files[0], IngestOptions(), &reference);
    ASSERT_TRUE(rs.ok()) << files[0] << ": " << rs.ToString();
    Facts want = FromGold(gold, Position(reference.text));
    for (const std::string& rel : files) {
      std::string path = std::string(MINUTES_SOURCE_DIR) + "/" + rel;
      Document doc;
      Status s = ReadFile(path, IngestOptions(), &doc);
      ASSERT_TRUE(s.ok()) << path << ": " << s.ToString();
      Facts got = FromExtraction(Extract(doc, SourceOf(path, doc), {}), Position(doc.text));
      std::string sample = rel.substr(rel.rfind('/') + 1);
      std::set<std::string> fields;  // both sides': an item the gold lacks entirely still counts
      for (const auto& [field, facts] : want) fields.insert(field);
      for (const auto& [field, facts] : got) fields.insert(field);
      for (const std::string& field : fields) {
        const std::set<std::string>& facts = want[field];
        Score sc = ScoreField(got[field], facts);
        char line[160];
        std::snprintf(line, sizeof line, "%-40s %-24s %6.3f %6.3f %6.3f%s\n", sample.c_str(),
                      field.c_str(), sc.precision, sc.recall, sc.f1,
                      sc.f1 < kMinF1 ? "  <-- FAIL" : "");
        table << line;
        EXPECT_GE(sc.f1, kMinF1) << sample << " " << field;
        if (sc.f1 < kMinF1) {
          for (const std::string& g : got[field])
            if (!facts.count(g)) ADD_FAILURE() << "  extra:   " << g;
          for (const std::string& w : facts)
            if (!got[field].count(w)) ADD_FAILURE() << "  missing: " << w;
        }
      }
    }
  }
  std::cout << table.str();
}

}  // namespace
}  // namespace minutes

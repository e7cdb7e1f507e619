// Test helper: a rendered Document from notes written inline in a test, read as a text file.

#ifndef MINUTES_TESTS_EXTRACT_TEXT_DOCUMENT_H_
#define MINUTES_TESTS_EXTRACT_TEXT_DOCUMENT_H_

#include <gtest/gtest.h>

#include <string>

#include "ingest/ingest.h"

namespace minutes_test {

inline minutes::Document TextDocument(const std::string& text) {
  minutes::Document doc;
  minutes::IngestOptions options;
  options.format = "text";
  minutes::Status s = minutes::ReadBytes(text, options, &doc);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return doc;
}

}  // namespace minutes_test

#endif  // MINUTES_TESTS_EXTRACT_TEXT_DOCUMENT_H_

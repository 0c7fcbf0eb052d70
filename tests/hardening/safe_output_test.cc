// Safe output (issue 10): text taken from the input — file names, messages
// quoting policy values, logical locations, notes — reaches every output
// format escaped: valid JSON in json and sarif (every string round-trips),
// no character a terminal acts on (ESC, other C0 and C1 controls, malformed
// UTF-8, bidirectional overrides) in text and github output, and nothing
// that could close an element or start a script in the HTML report.
#include <catch2/catch.hpp>

#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "lint/report/access_html.h"
#include "lint/report/reporter.h"
#include "lint/report/snippet.h"
#include "tests/testing/hardening_util.h"
#include "tests/testing/process.h"
#include "tests/testing/test_util.h"

namespace iamlint {
namespace {

using testing::FirstTerminalControl;

// Every kind of hostile text at once: quotes, backslashes, C0 (NUL, BEL,
// ESC with an SGR and an OSC sequence, CR, LF), DEL, C1 (U+009B CSI as
// UTF-8, and a raw 0x9B byte), a right-to-left override, malformed UTF-8,
// and markup.
template <size_t N>
std::string Bytes(const char (&text)[N]) {
  return std::string(text, N - 1);  // keeps the NUL inside, drops the final one
}
const std::string kHostile = Bytes("q\"uote\\back\0nul\x07" "bel\x1b[31mred\x1b]0;title\x07"
                                   "cr\rlf\ndel\x7f" "c1\xC2\x9B" "2Jraw\x9B" "x"
                                   "\xE2\x80\xAE" "rlo\xFF</script><b>&amp;");

std::string Render(std::string_view format) {
  SourceManager sources;
  const SourceId id = sources.AddBuffer("dir/" + kHostile + ".json",
                                        "{\n  \"Sid\": \"x\\u001b[31m\"\n}");
  std::ostringstream out;
  std::unique_ptr<lint::Reporter> reporter = lint::MakeReporter(format, out);
  REQUIRE(reporter);
  Diagnostic d{"invalid-sid", Severity::kError, Span{id, 11, 24}, "message " + kHostile,
               {"note " + kHostile}, "where " + kHostile};
  reporter->Report(sources, d);
  reporter->Report(sources, Diagnostic{"no-span", Severity::kWarning, Span{}, kHostile, {}, {}});
  reporter->End(lint::ReportSummary{1, 1, 1, 0});
  return out.str();
}

TEST_CASE("hostile text is in the string as intended", "[hardening]") {
  CHECK(kHostile.find('\0') == 11);
  CHECK(kHostile.substr(kHostile.size() - 5) == "&amp;");
}

TEST_CASE("text and github output pass no terminal control from the input", "[hardening]") {
  for (const char* format : {"text", "github"}) {
    CAPTURE(format);
    const std::string out = Render(format);
    CHECK(FirstTerminalControl(out) == "");
    CHECK(out.find("red") != std::string::npos);  // the text around is kept
    CHECK(out.find("</script>") != std::string::npos);
  }
  // The terminal sanitizer itself, character by character.
  CHECK(lint::SanitizeForTerminal("a\x1b[1mb") == "a?[1mb");
  CHECK(lint::SanitizeForTerminal("\xC2\x9B" "2J") == "?2J");           // C1 CSI as UTF-8
  CHECK(lint::SanitizeForTerminal("\x9B" "2J") == "?2J");               // raw C1 byte
  CHECK(lint::SanitizeForTerminal("a\xE2\x80\xAE" "b") == "a?b");       // U+202E
  CHECK(lint::SanitizeForTerminal("a\xE2\x81\xA6" "b") == "a?b");       // U+2066
  CHECK(lint::SanitizeForTerminal("\xC3\xA9\xE2\x82\xAC\xC2\xA0") == "\xC3\xA9\xE2\x82\xAC\xC2\xA0");
  CHECK(lint::SanitizeForTerminal("\xE2\x82") == "??");                 // truncated sequence
  CHECK(lint::SanitizeForTerminal(std::string("\0\r\n\t", 4)) == "???\t");
}

TEST_CASE("github output escapes line breaks and keeps one command per line", "[hardening]") {
  const std::string out = Render("github");
  // Two diagnostics, two lines: CR and LF from the input are %0D and %0A.
  CHECK(std::count(out.begin(), out.end(), '\n') == 2);
  CHECK(out.find("cr%0Dlf%0Adel") != std::string::npos);
  CHECK(out.rfind("::error ", 0) == 0);
}

TEST_CASE("json and sarif output is valid JSON that round-trips hostile strings",
          "[hardening]") {
  for (const char* format : {"json", "sarif"}) {
    CAPTURE(format);
    const std::string out = Render(format);
    // No raw control byte at all: JSON escapes them.
    for (char c : out) {
      if (c == '\n') continue;
      REQUIRE(static_cast<unsigned char>(c) >= 0x20);
    }
    testing::ReadResult r = testing::ReadJsonText(out);
    REQUIRE(r.ok);
    // The message survives exactly, except the two malformed bytes (0x9B
    // and 0xFF), which become U+FFFD.
    std::string expected = "message " + kHostile;
    for (const char* bad : {"\x9B" "x", "\xFF<"}) {
      const size_t at = expected.find(bad);
      REQUIRE(at != std::string::npos);
      expected.replace(at, 1, "\xEF\xBF\xBD");
    }
    CHECK(out.find("\\u001B[31m") != std::string::npos);
    bool found = false;
    for (uint32_t i = 0; i < r.doc.node_count(); ++i) {
      JsonValue v(&r.doc, i);
      if (v.is_string() && v.text().find(expected) != std::string_view::npos) found = true;
    }
    CHECK(found);
  }
}

TEST_CASE("HtmlEscape leaves no markup, control or C1 character from the input",
          "[hardening]") {
  const std::string html = lint::HtmlEscape(kHostile);
  CHECK(html.find('<') == std::string::npos);
  CHECK(html.find('>') == std::string::npos);
  CHECK(html.find('"') == std::string::npos);
  CHECK(html.find('\x1b') == std::string::npos);
  CHECK(FirstTerminalControl(html).find("control") == std::string::npos);
  CHECK(html.find("&amp;amp;") != std::string::npos);  // `&` itself is escaped
}

// End to end: a policy whose values hold escaped control characters, linted
// and simulated through the binary in every output format.
TEST_CASE("iamlint output never carries a policy's control characters to the terminal",
          "[hardening]") {
  testing::ScratchDir dir;
  const std::string policy =
      R"({"Version":"2012-10-17","Statement":[{"Sid":"\u001b[31mred\u009b2J\"q\\b</script>",)"
      R"("Effect":"Allow","Action":"s3:Get\u0000\u001b]0;pwned\u0007Object","Resource":"*",)"
      R"("Condition":{"StringEquals":{"aws:\u202eevil\u001b[0m":"x"}}}]})";
  const std::string path = dir.Write("evil.json", policy);
  for (const char* format : {"text", "github", "json", "sarif"}) {
    CAPTURE(format);
    testing::ProcessResult r = testing::RunProcess(
        {IAMLINT_BINARY, "lint", "--format", format, path}, dir.path().string());
    CHECK(r.exit_code == 1);
    CHECK(FirstTerminalControl(r.out) == "");
    CHECK(FirstTerminalControl(r.err) == "");
    CHECK(r.out.find("Object") != std::string::npos);
  }
  {
    testing::ProcessResult r = testing::RunProcess(
        {IAMLINT_BINARY, "exercise", "check", std::string(IAMLINT_SOURCE_DIR) +
         "/samples/exercises/01-list-buckets", path}, dir.path().string());
    CHECK(r.exit_code == 1);
    CHECK(FirstTerminalControl(r.out) == "");
    CHECK(FirstTerminalControl(r.err) == "");
    CHECK(r.out.find("Object") != std::string::npos);
  }
  const std::string cases =
      R"({"id":"\u001b[2Jcase\u009b","policies":{"identity":[)" + policy +
      R"(]},"request":{"principal":"arn:aws:iam::123456789012:user/\u001b[31mu",)"
      R"("action":"s3:Get\u001bObject","resource":"arn:aws:s3:::b/\u0007k"},"expect":"Allow"})" "\n";
  const std::string case_path = dir.Write("evil.jsonl", cases);
  {
    testing::ProcessResult r = testing::RunProcess(
        {IAMLINT_BINARY, "simulate", "--explain", case_path}, dir.path().string());
    CHECK(FirstTerminalControl(r.out) == "");
    CHECK(FirstTerminalControl(r.err) == "");
    CHECK(r.out.find("case") != std::string::npos);
    CHECK(testing::ReadJsonText(r.out.substr(0, r.out.find('\n'))).ok);
  }
  for (const char* format : {"text", "json"}) {
    CAPTURE(format);
    testing::ProcessResult r = testing::RunProcess(
        {IAMLINT_BINARY, "simulate", "--policy", path, "--action", "s3:Get\x1b[2JObject",
         "--resource", "arn:aws:s3:::b/\x9b" "k", "--explain", "--format", format},
        dir.path().string());
    CHECK(r.exit_code == 0);
    CHECK(FirstTerminalControl(r.out) == "");
    CHECK(FirstTerminalControl(r.err) == "");
    CHECK(r.out.find("2JObject") != std::string::npos);
  }
}

}  // namespace
}  // namespace iamlint

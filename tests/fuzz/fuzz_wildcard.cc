// Fuzz target (g): Wildcard (engine/match/wildcard.h) against its oracle
// WildcardMatchReference, differentially.
//
// Input: one flag byte, then the pattern, a NUL byte, then the text.
// Flag bit 0: fold (compile the folded glob, match lowered text, as Action
// matching does). In the pattern, `\*` and `\?` are a literal `*` and `?`
// (as substituted policy variables produce), `\\` a backslash; every other
// `*` and `?` is a wildcard. The pattern is capped at 256 bytes and the text
// at 4096 so the O(n * m) oracle stays fast. Any disagreement aborts when
// the pattern is valid UTF-8, whatever the text (a request's text may come
// from the command line unvalidated). A pattern with invalid UTF-8 is
// outside the matcher's domain (patterns come from policies, which the JSON
// and YAML readers refuse when not UTF-8): both matchers still run on it,
// for the sanitizers, but may differ (`\xC3*` against `\xC3\xA9`: the
// byte matcher sees the prefix, the oracle a malformed character).
#include <string>

#include "engine/base/ascii.h"
#include "engine/match/glob.h"
#include "engine/match/utf8.h"
#include "engine/match/wildcard.h"
#include "engine/match/wildcard_reference.h"
#include "tests/fuzz/fuzz_util.h"

using namespace iamlint;

namespace {

bool ValidUtf8(std::string_view text) {
  for (uint32_t cp : DecodeCodePoints(text)) {
    if (cp >= 0x110000) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input = fuzz::AsText(data, size);
  if (input.empty()) return 0;
  const bool fold = (static_cast<unsigned char>(input[0]) & 1u) != 0;
  const std::string_view rest = input.substr(1);
  const size_t nul = rest.find('\0');
  const std::string_view pattern = rest.substr(0, nul);
  const std::string_view text_in =
      nul == std::string_view::npos ? std::string_view() : rest.substr(nul + 1);
  if (pattern.size() > 256 || text_in.size() > 4096) return 0;

  Glob glob;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      glob.AppendLiteral(pattern.substr(++i, 1));
    } else if (c == '*') {
      glob.AppendStar();
    } else if (c == '?') {
      glob.AppendQuestion();
    } else {
      glob.AppendLiteral(pattern.substr(i, 1));
    }
  }
  if (fold) glob = glob.Folded();
  const std::string text = fold ? AsciiLower(text_in) : std::string(text_in);

  const Wildcard wildcard = Wildcard::Compile(glob);
  const bool expected = WildcardMatchReference(glob, text);
  const bool got = wildcard.Match(text);
  bool valid = true;
  for (const GlobPiece& piece : glob.pieces()) valid = valid && ValidUtf8(piece.text);
  if (!valid) return 0;
  fuzz::FuzzCheck(got == expected, "Wildcard and WildcardMatchReference disagree");
  // A text shorter than min_length() never matches.
  fuzz::FuzzCheck(!expected || text.size() >= wildcard.min_length(),
                  "a match shorter than min_length()");
  return 0;
}

// Golden files: compare text a test produced with a file under
// tests/golden/, or rewrite the file when IAMLINT_UPDATE_GOLDEN=1.
//
// Every golden file starts with one header line that names what produced
// it, e.g.
//
//   # iamlint --format json samples/policies/broken/many-mistakes.json
//
// followed by the expected text, byte for byte. The header is written by
// the test (the caller passes it), so a golden file can never silently
// belong to another command: a changed command shows up as a diff of the
// header line. See tests/golden/README.md.
#ifndef IAMLINT_TESTS_TESTING_GOLDEN_H_
#define IAMLINT_TESTS_TESTING_GOLDEN_H_

#include <string>

namespace iamlint::testing {

// True when IAMLINT_UPDATE_GOLDEN=1 is set: goldens are rewritten.
bool UpdatingGoldens();

// Absolute path of `relative` under the source tree's tests/golden/.
std::string GoldenPath(const std::string& relative);

struct GoldenCheck {
  bool ok = false;         // the file exists and matches (or was rewritten)
  std::string expected;    // the file's text after the header ("" if missing)
  std::string message;     // why it did not match, for the test log
};

// Compares `header` + "\n" + `actual` with the file at `path`; when
// updating, writes that text to the file instead and reports ok.
GoldenCheck CheckGolden(const std::string& path, const std::string& header,
                        const std::string& actual);

}  // namespace iamlint::testing

#endif  // IAMLINT_TESTS_TESTING_GOLDEN_H_

// StringMemo (engine/base/string_memo.h): computed once per key and owner,
// forgotten on another owner or when full.
#include "engine/base/string_memo.h"

#include <catch2/catch.hpp>

#include <string>

namespace iamlint {
namespace {

TEST_CASE("StringMemo computes each key once per owner, within its capacity", "[base]") {
  StringMemo<size_t> memo(3);
  int calls = 0;
  auto length = [&](std::string_view s) {
    ++calls;
    return s.size();
  };
  int a = 0, b = 0;
  CHECK(memo.Get(&a, "one", length) == 3);
  CHECK(memo.Get(&a, "one", length) == 3);
  CHECK(calls == 1);
  CHECK(memo.Get(&a, "three", length) == 5);
  CHECK(calls == 2);
  CHECK(memo.Get(&b, "one", length) == 3);  // another owner: asked again
  CHECK(calls == 3);
  CHECK(memo.Get(&b, "x", length) == 1);
  CHECK(memo.Get(&b, "yy", length) == 2);
  CHECK(calls == 5);
  CHECK(memo.Get(&b, "zzz", length) == 3);  // full: forgotten, then kept
  CHECK(memo.Get(&b, "one", length) == 3);
  CHECK(calls == 7);
}

}  // namespace
}  // namespace iamlint

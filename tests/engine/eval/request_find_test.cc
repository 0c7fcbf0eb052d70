// Request::Find scans a few context keys and binary-searches many; both
// paths must return what a plain search of Request::context() returns, for
// present keys, absent keys of the same lengths, and keys given in
// another letter case (merged into one entry).
#include "engine/eval/request.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

namespace iamlint {
namespace {

const ContextEntry* PlainFind(const Request& r, std::string_view key) {
  auto it = std::find_if(r.context().begin(), r.context().end(),
                         [&](const ContextEntry& e) { return e.key == key; });
  return it == r.context().end() ? nullptr : &*it;
}

TEST_CASE("request: Find agrees with a plain search for few and many keys", "[eval]") {
  for (size_t n : {0u, 1u, 7u, 15u, 16u, 17u, 40u}) {
    CAPTURE(n);
    Request r;
    r.set_principal("arn:aws:iam::111122223333:user/alice");
    r.set_action("s3:GetObject");
    r.set_resource("arn:aws:s3:::b/k");
    std::vector<std::string> keys;
    for (size_t i = 0; i < n; ++i) {
      // Equal lengths on purpose (aws:k00 ... aws:k39), and a few long keys.
      std::string key = i % 5 == 0 ? "aws:PrincipalTag/Team" + std::to_string(i)
                                    : "aws:k" + std::string(i < 10 ? "0" : "") + std::to_string(i);
      keys.push_back(key);
      r.AddContext(key, {"v" + std::to_string(i)}, false);
    }
    if (n > 0) r.AddContext(keys[0], {"again"}, false);  // same key: merged
    r.Finish();
    REQUIRE(r.context().size() == n);
    for (const std::string& key : keys) {
      std::string lowered = key;
      std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                     [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
      const ContextEntry* found = r.Find(lowered);
      CHECK(found != nullptr);
      CHECK(found == PlainFind(r, lowered));
      CHECK(r.Find(key == lowered ? key + "x" : key) == nullptr);  // not lowered, or absent
    }
    for (std::string absent : {"aws:k99", "aws:k0", "aws:principaltag/team1", "", "zzz"}) {
      CHECK(r.Find(absent) == PlainFind(r, absent));
    }
    if (n > 0) CHECK(r.Find("aws:principaltag/team0")->values.size() == 2);
  }
}

}  // namespace
}  // namespace iamlint

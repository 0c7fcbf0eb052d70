#include "lint/registry.h"

#include <catch2/catch.hpp>

#include <cctype>
#include <set>
#include <string>

namespace iamlint::lint {
namespace {

bool IsKebab(std::string_view id) {
  if (id.empty() || id.front() == '-' || id.back() == '-') return false;
  for (size_t i = 0; i < id.size(); ++i) {
    char c = id[i];
    if (c == '-') {
      if (id[i - 1] == '-') return false;
    } else if (!(std::islower(static_cast<unsigned char>(c)) ||
                 std::isdigit(static_cast<unsigned char>(c)))) {
      return false;
    }
  }
  return true;
}

TEST_CASE("The registry lists checks alphabetically, each with complete documentation",
          "[lint][registry]") {
  std::string_view previous;
  for (const Check* check : AllChecks()) {
    const CheckInfo& info = check->info();
    CAPTURE(info.id);
    CHECK(IsKebab(info.id));
    CHECK(previous < info.id);
    previous = info.id;
    CHECK(FindCheck(info.id) == check);
    CHECK(!info.summary.empty());
    CHECK(info.summary.find('\n') == std::string_view::npos);
    CHECK(std::islower(static_cast<unsigned char>(info.summary.front())));
    CHECK(info.summary.back() != '.');
    // what, why, how to fix, a bad and a good example
    for (std::string_view part : {"What:", "Why:", "How to fix:", "Bad:", "Good:"}) {
      CAPTURE(part);
      CHECK(info.documentation.find(part) != std::string_view::npos);
    }
  }
}

TEST_CASE("Validator rules are sorted, kebab-case and distinct from checks", "[lint][registry]") {
  std::string_view previous;
  for (const CheckInfo& rule : ValidatorRules()) {
    CAPTURE(rule.id);
    CHECK(IsKebab(rule.id));
    CHECK(previous < rule.id);
    previous = rule.id;
    CHECK(FindCheck(rule.id) == nullptr);
    CHECK(FindRule(rule.id) == &rule);
    CHECK(!rule.summary.empty());
  }
  std::set<std::string_view> ids;
  for (std::string_view id : AllRuleIds()) CHECK(ids.insert(id).second);
  CHECK(FindRule("unused-suppression") != nullptr);
  CHECK(FindRule("no-such-check") == nullptr);
}

}  // namespace
}  // namespace iamlint::lint

// Every action named by the risk tables exists in the catalog (a typo would
// silently disable a check), and every recipe has at least one action.
#include "engine/analysis/risk.h"

#include <catch2/catch.hpp>

#include <string>

#include "engine/catalog/catalog.h"

namespace iamlint {
namespace {

TEST_CASE("risk tables name only catalog actions", "[analysis]") {
  const Catalog& catalog = Catalog::BuiltIn();
  for (size_t c = 0; c < kRiskCategoryCount; ++c) {
    auto category = static_cast<RiskCategory>(c);
    CHECK(!RiskCategoryId(category).empty());
    for (const RiskAction& a : RiskActions(category)) {
      CAPTURE(a.action);
      CHECK(catalog.FindAction(a.action).has_value());
      CHECK(!a.consequence.empty());
    }
  }
  for (const EscalationRecipe& r : EscalationRecipes()) {
    CAPTURE(r.id);
    CHECK(!r.actions[0].empty());
    for (std::string_view a : r.actions) {
      if (!a.empty()) CHECK(catalog.FindAction(a).has_value());
    }
  }
}

}  // namespace
}  // namespace iamlint

// check_util: the remembered FindKey answers as the catalog does.
#include "lint/checks/check_util.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace iamlint::lint {
namespace {

TEST_CASE("FindKey remembers what FindKeyUncached answers", "[lint][checks]") {
  const Catalog& catalog = Catalog::BuiltIn();
  const std::vector<std::string> keys = {
      "aws:SourceIp",         "AWS:SOURCEIP",          "aws:PrincipalTag/team",
      "s3:prefix",            "s3:x-amz-acl",          "ec2:ResourceTag/env",
      "aws:secretsmanager:owningService", "kms:ViaService", "nosuch:key", "",
      "aws:RequestTag/${aws:username}", "iam:PassedToService"};
  for (int round = 0; round < 2; ++round) {  // the second round is answered from memory
    for (const std::string& key : keys) {
      CAPTURE(key, round);
      CHECK(FindKey(catalog, key) == FindKeyUncached(catalog, key));
    }
  }
  CHECK(FindKey(catalog, "aws:SourceIp") != nullptr);
  CHECK(FindKey(catalog, "nosuch:key") == nullptr);
}

TEST_CASE("FindActionCached answers as Catalog::FindAction", "[lint][checks]") {
  const Catalog& catalog = Catalog::BuiltIn();
  for (int round = 0; round < 2; ++round) {
    for (std::string_view name : {"s3:GetObject", "S3:getobject", "s3:NoSuch", "iam:PassRole", "",
                                  "s3", "nosuch:Action", "ec2:RunInstances"}) {
      CAPTURE(name, round);
      CHECK(FindActionCached(catalog, name) == catalog.FindAction(name));
    }
  }
}

}  // namespace
}  // namespace iamlint::lint

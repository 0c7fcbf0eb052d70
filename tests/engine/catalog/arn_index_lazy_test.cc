// The catalog's ARN index is built lazily, on the first classification
// (Catalog::EnsureArnIndex, std::call_once): threads that classify at once
// on a fresh catalog get the same answers as one thread classifying in
// turn, and a catalog that never classified still answers everything else.
#include "engine/catalog/catalog.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace iamlint {
namespace {

std::unique_ptr<const Catalog> LoadCommitted() {
  std::ifstream in(std::string(IAMLINT_SOURCE_DIR) + "/engine/catalog/data/aws_catalog.txt",
                   std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  std::string error;
  auto catalog = Catalog::Load(text.str(), &error);
  INFO(error);
  REQUIRE(catalog);
  return catalog;
}

const std::vector<std::string> kArns = {
    "arn:aws:s3:::example-bucket",
    "arn:aws:s3:::example-bucket/reports/q1.csv",
    "arn:aws:ec2:us-east-1:111122223333:instance/i-0abc",
    "arn:aws:iam::111122223333:role/path/app",
    "arn:aws:logs:us-east-1:111122223333:log-group:g:*",
    "arn:aws:dynamodb:us-east-1:111122223333:table/orders/index/by-date",
    "arn:aws:lambda:eu-west-1:111122223333:function:app-api",
    "arn:aws:*:*:111122223333:*",
    "arn:aws:s3:::*/*",
    "*",
};

std::vector<std::vector<ResourceTypeId>> ClassifyAll(const Catalog& catalog) {
  std::vector<std::vector<ResourceTypeId>> out;
  for (const std::string& arn : kArns) out.push_back(catalog.ClassifyArn(arn));
  auto get_object = catalog.FindAction("s3:GetObject");
  REQUIRE(get_object);
  for (const std::string& arn : kArns) out.push_back(catalog.ClassifyArnFor(*get_object, arn));
  return out;
}

TEST_CASE("catalog: the lazily built ARN index answers the same from racing threads",
          "[catalog]") {
  const std::vector<std::vector<ResourceTypeId>> expected = ClassifyAll(Catalog::BuiltIn());
  CHECK(expected[1].size() >= 1);  // an S3 object ARN is an object
  auto fresh = LoadCommitted();
  std::vector<std::vector<std::vector<ResourceTypeId>>> results(4);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < results.size(); ++i) {
    threads.emplace_back([&, i] {
      std::vector<std::vector<ResourceTypeId>> r;
      for (const std::string& arn : kArns) r.push_back(fresh->ClassifyArn(arn));
      auto get_object = fresh->FindAction("s3:GetObject");
      for (const std::string& arn : kArns) r.push_back(fresh->ClassifyArnFor(*get_object, arn));
      results[i] = std::move(r);
    });
  }
  for (std::thread& t : threads) t.join();
  for (const auto& r : results) CHECK(r == expected);
}

TEST_CASE("catalog: lookups that need no ARN index work before any classification",
          "[catalog]") {
  auto fresh = LoadCommitted();
  auto id = fresh->FindAction("s3:GetObject");
  REQUIRE(id);
  CHECK(fresh->FullName(*id) == "s3:GetObject");
  CHECK(!fresh->ResourceTypesOf(*id).empty());
  CHECK(!fresh->arn_templates(fresh->ResourceTypesOf(*id)[0].type).empty());
  CHECK(fresh->Expand("s3:Get*").size() > 10);
  // The index comes when first needed.
  CHECK(fresh->ClassifyArn("arn:aws:s3:::b/k") == Catalog::BuiltIn().ClassifyArn("arn:aws:s3:::b/k"));
}

}  // namespace
}  // namespace iamlint

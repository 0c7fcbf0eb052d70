// Catalog::Load over small hand-written catalogs, and the embedding of the
// shipped file.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>

#include "engine/catalog/catalog.h"
#include "engine/catalog/embedded_catalog.h"

namespace iamlint {
namespace {

constexpr const char* kHeader =
    "# a comment\n"
    "iamlint-catalog\t1\n"
    "package\ttest-data\t1.2.3\n"
    "updated\t2026-01-02T03:04:05Z\n";

std::string Counts(int services, int actions, int types, int keys, int globals, int rcp) {
  return "counts\tservices=" + std::to_string(services) + "\tactions=" + std::to_string(actions) +
         "\tresource-types=" + std::to_string(types) + "\tcondition-keys=" + std::to_string(keys) +
         "\tglobal-condition-keys=" + std::to_string(globals) +
         "\trcp-services=" + std::to_string(rcp) + "\n";
}

// A two-service catalog with the shapes the queries care about.
std::string MiniCatalog() {
  return std::string(kHeader) + Counts(2, 4, 3, 2, 1, 1) +
         "G\taws:SourceIp\tIPAddress\tnetwork\n"
         "S\tdemo\t-\tDemo Service\n"
         "K\tdemo:Color\tString\n"
         "K\tdemo:Sizes\tArrayOfNumeric\n"
         "T\tbox\t0\tarn:${Partition}:demo:${Region}:${Account}:box/${BoxName}\n"
         "T\titem\t\tarn:${Partition}:demo:${Region}:${Account}:box/${BoxName}/${ItemPath}\n"
         "A\tGetItem\tR\t1*/1\t0\n"
         "A\tListBoxes\tL\t\t\n"
         "A\tPutBoxPolicy\tP\t0*\t\n"
         "S\tother\trcp\tOther\n"
         "T\tthing\t\tarn:aws:other:::thing/*\n"
         "A\tTagThing\tT\t0\t\n";
}

std::unique_ptr<const Catalog> LoadOrFail(std::string text) {
  std::string error;
  std::unique_ptr<const Catalog> c = Catalog::Load(std::move(text), &error);
  INFO(error);
  REQUIRE(c != nullptr);
  return c;
}

TEST_CASE("catalog_loader: a small catalog", "[catalog]") {
  auto c = LoadOrFail(MiniCatalog());
  CHECK(c->info().package == "test-data");
  CHECK(c->info().version == "1.2.3");
  CHECK(c->info().updated == "2026-01-02T03:04:05Z");
  CHECK(c->service_count() == 2);
  CHECK(c->action_count() == 4);
  CHECK(c->service_name(*c->FindService("demo")) == "Demo Service");
  CHECK(c->rcp_supported(*c->FindService("other")));

  const ActionId get = *c->FindAction("DEMO:getitem");
  CHECK(c->FullName(get) == "demo:GetItem");
  CHECK(c->access_level(get) == AccessLevel::kRead);
  REQUIRE(c->ResourceTypesOf(get).size() == 1);
  CHECK(c->resource_type_name(c->ResourceTypesOf(get)[0].type) == "item");
  CHECK(c->ResourceTypesOf(get)[0].required);
  CHECK(c->TakesNoResource(*c->FindAction("demo:ListBoxes")));
  CHECK(c->access_level(*c->FindAction("other:TagThing")) == AccessLevel::kTagging);

  // demo:Color from the action row, demo:Sizes from the item row, then globals.
  const auto keys = c->ConditionKeysFor(get);
  REQUIRE(keys.size() == 3);
  CHECK(c->condition_key(keys[0].key).name == "demo:Color");
  CHECK(keys[0].source == KeySource::kAction);
  CHECK(c->condition_key(keys[1].key).name == "demo:Sizes");
  CHECK(keys[1].source == KeySource::kResourceType);
  CHECK(c->condition_key(keys[1].key).multivalued);
  CHECK(c->condition_key(keys[1].key).type == ConditionKeyType::kNumeric);
  CHECK(keys[2].source == KeySource::kGlobal);
  // The box type's own key applies to actions on boxes.
  const auto put_keys = c->ConditionKeysFor(*c->FindAction("demo:PutBoxPolicy"), false);
  REQUIRE(put_keys.size() == 1);
  CHECK(c->condition_key(put_keys[0].key).name == "demo:Color");

  CHECK(c->Expand("demo:*").size() == 3);
  CHECK(c->Expand("*:*Thing").size() == 1);
}

TEST_CASE("catalog_loader: a format extended by another keeps its variable short", "[catalog]") {
  auto c = LoadOrFail(MiniCatalog());
  auto types = [&](std::string_view arn) {
    std::string out;
    for (ResourceTypeId t : c->ClassifyArn(arn)) {
      out += std::string(c->resource_type_name(t)) + " ";
    }
    return out;
  };
  CHECK(types("arn:aws:demo:r:1:box/b1") == "box ");
  CHECK(types("arn:aws:demo:r:1:box/b1/a/b/c") == "item ");
  CHECK(types("arn:aws:demo:r:1:box/b1*") == "box item ");
  CHECK(types("arn:aws:demo:r:1:box/*/x") == "item ");
  CHECK(types("arn:aws:demo:*:*:*") == "box item ");
  CHECK(types("arn:aws:demo::1:box/b1") == "");        // an empty region is no `${Region}`
  CHECK(types("arn:aws:other:::thing/") == "thing ");  // a literal `*` may be empty
  CHECK(types("arn:aws-cn:other:::thing/x") == "");    // literal partition `aws`
  CHECK(types("arn:aws:de*") == "box item ");          // trailing star over the rest
  CHECK(types("arn:aws:demo:r") == "");                // short, no trailing star
}

TEST_CASE("catalog_loader: errors name the line", "[catalog]") {
  static const struct {
    std::string text;
    std::string error;
  } kCases[] = {
      {"", "line 1: not an iamlint catalog: the text is empty"},
      {"{\"json\": true}\n", "line 1: not an iamlint catalog: expected `iamlint-catalog` first"},
      {"iamlint-catalog\t2\n", "line 1: unsupported catalog format `2`, expected `1`"},
      {std::string(kHeader) + "S\tdemo\t-\tDemo\n",
       "line 5: the `package`, `updated` and `counts` records must come before the services"},
      {std::string(kHeader) + "counts\tservices=1\n", "line 5: `counts` record with 2 fields"},
      {std::string(kHeader) + Counts(1, 1, 0, 0, 0, 0) + "S\tdemo\t-\tDemo\nA\tGet\tX\t\t\n",
       "line 7: unknown access level `X`"},
      {std::string(kHeader) + Counts(1, 1, 0, 0, 0, 0) + "S\tdemo\t-\tDemo\nA\tGet\tR\t0\t\n",
       "line 7: bad resource type reference `0`"},
      {std::string(kHeader) + Counts(1, 1, 0, 0, 0, 0) + "S\tdemo\t-\tDemo\nA\tGet\tR\t\t3\n",
       "line 7: bad condition key reference `3`"},
      {std::string(kHeader) + Counts(1, 2, 0, 0, 0, 0) +
           "S\tdemo\t-\tDemo\nA\tGet\tR\t\t\nA\tget\tR\t\t\n",
       "line 8: action `get` is out of order or repeated"},
      {std::string(kHeader) + Counts(2, 0, 0, 0, 0, 0) + "S\tb\t-\tB\nS\ta\t-\tA\n",
       "line 7: service `a` is out of order or repeated"},
      {std::string(kHeader) + Counts(1, 0, 0, 1, 0, 0) + "S\tdemo\t-\tDemo\nK\tdemo:X\tVector\n",
       "line 7: unknown condition key type `Vector`"},
      {std::string(kHeader) + Counts(1, 5, 0, 0, 0, 0) + "S\tdemo\t-\tDemo\nA\tGet\tR\t\t\n",
       "line 8: the file holds 1 actions but its counts record says 5"},
      {std::string(kHeader) + Counts(1, 1, 0, 0, 0, 0) + "S\tdemo\t-\tDemo\nA\tGet\tR\t\t\nZ\n",
       "line 8: unknown record `Z`"},
  };
  for (const auto& c : kCases) {
    CAPTURE(c.text);
    std::string error;
    CHECK(Catalog::Load(c.text, &error) == nullptr);
    CHECK(error == c.error);
  }
}

// The build must embed data/aws_catalog.txt byte for byte.
TEST_CASE("catalog_loader: the embedded text is the committed file", "[catalog]") {
  std::ifstream in(std::string(IAMLINT_SOURCE_DIR) + "/engine/catalog/data/aws_catalog.txt",
                   std::ios::binary);
  REQUIRE(in.good());
  std::ostringstream file;
  file << in.rdbuf();
  std::string embedded;
  for (size_t i = 0; i < catalog_internal::kEmbeddedCatalogChunkCount; ++i) {
    const catalog_internal::EmbeddedChunk& chunk = catalog_internal::kEmbeddedCatalogChunks[i];
    CHECK(chunk.size < 65536);
    embedded.append(chunk.data, chunk.size);
  }
  CHECK(embedded.size() == file.str().size());
  CHECK(embedded == file.str());
}

}  // namespace
}  // namespace iamlint

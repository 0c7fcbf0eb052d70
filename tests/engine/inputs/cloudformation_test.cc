#include "engine/inputs/cloudformation.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "engine/json/json_reader.h"
#include "engine/policy/policy_builder.h"
#include "engine/yaml/yaml_reader.h"
#include "tests/testing/test_util.h"

namespace iamlint {
namespace {

using testing::FormatDiagnostics;
using testing::Lines;
using testing::PositionOf;
using testing::Q;

struct Template {
  std::unique_ptr<SourceManager> sources = std::make_unique<SourceManager>();
  SourceId id = kNoSource;
  std::string text;
  Inventory inv;
  std::vector<Diagnostic> diagnostics;

  std::string At(Span span) const {
    if (!span.valid()) return "-:-";
    LineColumn at = sources->Begin(span);
    return std::to_string(at.line) + ":" + std::to_string(at.column);
  }
  Lines lines() const { return FormatDiagnostics(*sources, diagnostics); }

  std::string EntityName(uint32_t e) const { return inv.entities[e].logical_id; }

  // "where kind name=... [arn=...] [attached=A,B] [variant=...] [type=...]"
  Lines Policies() const {
    Lines out;
    for (const FoundPolicy& p : inv.policies) {
      std::string s = p.where + " " + (p.kind ? std::string(PolicyKindName(*p.kind)) : "?") +
                      " name=" + p.name;
      if (!p.arn.empty()) s += " arn=" + p.arn;
      if (!p.attached.empty()) {
        s += " attached=";
        for (size_t i = 0; i < p.attached.size(); ++i) {
          if (i) s += ",";
          s += EntityName(p.attached[i]);
        }
      }
      if (!p.variant.empty()) s += " variant=" + p.variant;
      if (!p.resource_type.empty()) s += " type=" + p.resource_type;
      out.push_back(s);
    }
    return out;
  }

  // "role AppRole name=... arn=... inline=1,2 managed=ARN@policy,... boundary=...
  //  trust=0 groups=... profiles=... key=yes password=no"
  Lines Entities() const {
    Lines out;
    for (const Entity& e : inv.entities) {
      std::string s = std::string(EntityTypeName(e.type)) + " " + e.logical_id + " name=" + e.name +
                      " arn=" + e.arn;
      auto list = [&](const char* label, const std::vector<uint32_t>& v) {
        if (v.empty()) return;
        s += std::string(" ") + label + "=";
        for (size_t i = 0; i < v.size(); ++i) s += (i ? "," : "") + std::to_string(v[i]);
      };
      list("inline", e.inline_policies);
      auto ref = [&](const ManagedPolicyRef& m) {
        return m.arn + "@" + (m.policy == kNoIndex ? std::string("-") : std::to_string(m.policy));
      };
      if (!e.managed_policies.empty()) {
        s += " managed=";
        for (size_t i = 0; i < e.managed_policies.size(); ++i) {
          s += (i ? "," : "") + ref(e.managed_policies[i]);
        }
      }
      if (e.boundary) s += " boundary=" + ref(*e.boundary);
      if (e.trust_policy != kNoIndex) s += " trust=" + std::to_string(e.trust_policy);
      for (const std::string& g : e.groups) s += " group=" + g;
      for (const std::string& p : e.instance_profiles) s += " profile=" + p;
      if (e.type == EntityType::kUser) {
        auto tri = [](Tristate t) {
          return t == Tristate::kYes ? "yes" : t == Tristate::kNo ? "no" : "unknown";
        };
        s += std::string(" key=") + tri(e.access_key) + " password=" + tri(e.password);
      }
      out.push_back(s);
    }
    return out;
  }

  // Diagnostics of BuildPolicy on found policy `i`.
  Lines Build(size_t i) const {
    DiagnosticSink sink;
    PolicyBuildOptions options;
    options.kind = inv.policies[i].kind;
    BuildPolicy(*sources, inv.policies[i].root, options, sink);
    return FormatDiagnostics(*sources, sink.diagnostics());
  }
};

std::unique_ptr<Template> Read(std::string text, std::string name = "template.json") {
  auto t = std::make_unique<Template>();
  t->text = text;
  t->id = t->sources->AddBuffer(std::move(name), std::move(text));
  JsonDocument doc;
  DiagnosticSink sink;
  REQUIRE(ReadJson(*t->sources, t->id, JsonReadOptions{}, &doc, sink));
  uint32_t index = t->inv.AddDocument(std::move(doc));
  ReadCloudFormation(*t->sources, index, &t->inv, sink);
  t->diagnostics = sink.Take();
  return t;
}

std::unique_ptr<Template> ReadYamlTemplate(std::string text, std::string name = "template.yaml") {
  auto t = std::make_unique<Template>();
  t->text = text;
  t->id = t->sources->AddBuffer(std::move(name), std::move(text));
  JsonDocument doc;
  DiagnosticSink sink;
  REQUIRE(ReadYaml(*t->sources, t->id, YamlReadOptions{}, &doc, sink));
  uint32_t index = t->inv.AddDocument(std::move(doc));
  ReadCloudFormation(*t->sources, index, &t->inv, sink);
  t->diagnostics = sink.Take();
  return t;
}

const char* kAppTemplate = R"({
  "AWSTemplateFormatVersion": "2010-09-09",
  "Parameters": {"Env": {"Type": "String", "Default": "prod"}},
  "Conditions": {"IsProd": {"Fn::Equals": [{"Ref": "Env"}, "prod"]}},
  "Resources": {
    "AppRole": {
      "Type": "AWS::IAM::Role",
      "Properties": {
        "AssumeRolePolicyDocument": {
          "Version": "2012-10-17",
          "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"},
                         "Action": "sts:AssumeRole"}]
        },
        "ManagedPolicyArns": [
          "arn:aws:iam::aws:policy/ReadOnlyAccess",
          {"Ref": "SharedPolicy"},
          {"Fn::Sub": "arn:${AWS::Partition}:iam::aws:policy/AWSLambdaExecute"}
        ],
        "PermissionsBoundary": {"Ref": "Boundary"},
        "Policies": [{
          "PolicyName": "inline",
          "PolicyDocument": {
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Action": "s3:GetObject",
                           "Resource": {"Fn::Sub": "arn:aws:s3:::${Env}-data/${AWS::AccountId}/*"}}]
          }
        }]
      }
    },
    "Admins": {"Type": "AWS::IAM::Group", "Properties": {"GroupName": "admins"}},
    "Alice": {
      "Type": "AWS::IAM::User",
      "Properties": {"UserName": "alice", "Groups": [{"Ref": "Admins"}], "LoginProfile": {"Password": "x"}}
    },
    "AliceKey": {"Type": "AWS::IAM::AccessKey", "Properties": {"UserName": {"Ref": "Alice"}}},
    "SharedPolicy": {
      "Type": "AWS::IAM::ManagedPolicy",
      "Properties": {
        "ManagedPolicyName": "shared",
        "Groups": [{"Ref": "Admins"}],
        "PolicyDocument": {"Version": "2012-10-17",
                           "Statement": [{"Effect": "Allow", "Action": "sqs:*", "Resource": "*"}]}
      }
    },
    "Boundary": {
      "Type": "AWS::IAM::ManagedPolicy",
      "Properties": {
        "PolicyDocument": {"Version": "2012-10-17",
                           "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}
      }
    },
    "Extra": {
      "Type": "AWS::IAM::Policy",
      "Properties": {
        "PolicyName": "extra",
        "Roles": [{"Ref": "AppRole"}],
        "Users": ["alice"],
        "PolicyDocument": {
          "Version": "2012-10-17",
          "Statement": [
            {"Effect": "Allow", "Action": "ec2:Describe*", "Resource": "*"},
            {"Fn::If": ["IsProd",
                        {"Effect": "Deny", "Action": "ec2:TerminateInstances", "Resource": "*"},
                        {"Ref": "AWS::NoValue"}]}
          ]
        }
      }
    },
    "Profile": {"Type": "AWS::IAM::InstanceProfile", "Properties": {"Roles": [{"Ref": "AppRole"}]}},
    "Bucket": {"Type": "AWS::S3::Bucket"},
    "BucketPolicy": {
      "Type": "AWS::S3::BucketPolicy",
      "Properties": {
        "Bucket": {"Ref": "Bucket"},
        "PolicyDocument": {
          "Version": "2012-10-17",
          "Statement": [{"Effect": "Allow", "Principal": {"AWS": {"Fn::GetAtt": ["AppRole", "Arn"]}},
                         "Action": "s3:GetObject",
                         "Resource": {"Fn::Join": ["", [{"Fn::GetAtt": ["Bucket", "Arn"]}, "/*"]]}}]
        }
      }
    },
    "Invoke": {
      "Type": "AWS::Lambda::Permission",
      "Properties": {
        "Action": "lambda:InvokeFunction",
        "FunctionName": "reports",
        "Principal": "*"
      }
    }
  }
})";

TEST_CASE("cloudformation: policies of a JSON template, with kind, where and attachments",
          "[cfn]") {
  auto t = Read(kAppTemplate);
  CHECK(t->inv.format == InputFormat::kCloudFormation);
  CHECK(t->lines() == Lines{});
  CHECK(t->Policies() ==
        Lines{
            "Resources.AppRole.Properties.AssumeRolePolicyDocument trust name=AppRole",
            "Resources.AppRole.Properties.Policies[0].PolicyDocument identity name=inline "
            "attached=AppRole",
            "Resources.SharedPolicy.Properties.PolicyDocument identity name=shared "
            "arn=arn:aws:iam::{{AccountId}}:policy/shared attached=Admins,AppRole",
            "Resources.Boundary.Properties.PolicyDocument boundary name=Boundary "
            "arn=arn:aws:iam::{{AccountId}}:policy/{{Boundary}} attached=AppRole",
            "Resources.Extra.Properties.PolicyDocument identity name=extra attached=AppRole,Alice "
            "variant=conditions true",
            "Resources.Extra.Properties.PolicyDocument identity name=extra attached=AppRole,Alice "
            "variant=conditions false",
            "Resources.BucketPolicy.Properties.PolicyDocument resource name=BucketPolicy "
            "type=AWS::S3::BucketPolicy",
            "Resources.Invoke resource name=Invoke type=AWS::Lambda::Permission",
        });
  CHECK(t->Entities() ==
        Lines{
            "role AppRole name=AppRole arn=arn:aws:iam::{{AccountId}}:role/{{AppRole}} "
            "inline=1,4,5 managed=arn:aws:iam::aws:policy/ReadOnlyAccess@-,"
            "arn:aws:iam::{{AccountId}}:policy/shared@2,arn:aws:iam::aws:policy/AWSLambdaExecute@- "
            "boundary=arn:aws:iam::{{AccountId}}:policy/{{Boundary}}@3 trust=0 profile=Profile",
            "group Admins name=admins arn=arn:aws:iam::{{AccountId}}:group/admins "
            "managed=arn:aws:iam::{{AccountId}}:policy/shared@2",
            "user Alice name=alice arn=arn:aws:iam::{{AccountId}}:user/alice inline=4,5 "
            "group=admins key=yes password=yes",
        });
  const std::string& text = t->text;
  // Anchors: the key of each document.
  CHECK(t->At(t->inv.policies[0].anchor) == PositionOf(text, "\"AssumeRolePolicyDocument\""));
  CHECK(t->At(t->inv.policies[1].anchor) == PositionOf(text, "\"PolicyDocument\"", 0));
  CHECK(t->At(t->inv.policies[2].anchor) == PositionOf(text, "\"PolicyDocument\"", 1));
  CHECK(t->At(t->inv.policies[7].anchor) == PositionOf(text, "\"Invoke\""));
  // Entity spans: the logical id; the key where the access key is.
  CHECK(t->At(t->inv.entities[0].span) == PositionOf(text, "\"AppRole\": {"));
  CHECK(t->inv.entities[0].where == "Resources.AppRole");
  CHECK(t->At(t->inv.entities[2].access_key_span) == PositionOf(text, "\"AliceKey\""));
  // Managed references point at the list entries.
  CHECK(t->At(t->inv.entities[0].managed_policies[0].span) ==
        PositionOf(text, "\"arn:aws:iam::aws:policy/ReadOnlyAccess\""));
  CHECK(t->At(t->inv.entities[0].managed_policies[1].span) ==
        PositionOf(text, "{\"Ref\": \"SharedPolicy\"}"));
  CHECK(t->At(t->inv.entities[0].boundary->span) == PositionOf(text, "{\"Ref\": \"Boundary\"}"));
  // Values keep their positions: the trust principal, the resolved Sub.
  JsonValue trust_statement = t->inv.policies[0].root.Find("Statement").element(0);
  CHECK(t->At(trust_statement.Find("Principal").Find("Service").span()) ==
        PositionOf(text, "\"ec2.amazonaws.com\""));
  JsonValue resource = t->inv.policies[1].root.Find("Statement").element(0).Find("Resource");
  CHECK(resource.text() == "arn:aws:s3:::prod-data/{{AccountId}}/*");
  CHECK(resource.is_unknown());
  CHECK(t->At(resource.span()) == PositionOf(text, "{\"Fn::Sub\": \"arn:aws:s3"));
  // The Fn::If statement is in one variant only.
  CHECK(t->inv.policies[4].root.Find("Statement").size() == 2);
  CHECK(t->inv.policies[5].root.Find("Statement").size() == 1);
  // The bucket policy's principal and resource are resolved.
  JsonValue bp = t->inv.policies[6].root.Find("Statement").element(0);
  CHECK(bp.Find("Principal").Find("AWS").text() == "arn:aws:iam::{{AccountId}}:role/{{AppRole}}");
  CHECK(bp.Find("Resource").text() == "arn:aws:s3:::{{Bucket}}/*");
  // No validator error on any resolved document.
  for (size_t i = 0; i < t->inv.policies.size(); ++i) {
    INFO("policy " << i << " " << t->inv.policies[i].where);
    CHECK(t->Build(i) == Lines{});
  }
}

TEST_CASE("cloudformation: Lambda permissions become the resource policy Lambda stores", "[cfn]") {
  std::string text = Q(R"({"Resources": {
  "Fn": {"Type": "AWS::Lambda::Function", "Properties": {"FunctionName": "worker"}},
  "FromS3": {"Type": "AWS::Lambda::Permission", "Properties": {
    "Action": "lambda:InvokeFunction",
    "FunctionName": {"Fn::GetAtt": ["Fn", "Arn"]},
    "Principal": "s3.amazonaws.com",
    "SourceArn": "arn:aws:s3:::uploads",
    "SourceAccount": {"Ref": "AWS::AccountId"}}},
  "Public": {"Type": "AWS::Lambda::Permission", "Properties": {
    "Action": "lambda:InvokeFunctionUrl",
    "FunctionName": {"Ref": "Fn"},
    "Principal": "*",
    "FunctionUrlAuthType": "NONE"}},
  "Broken": {"Type": "AWS::Lambda::Permission", "Properties": {"Action": "lambda:InvokeFunction"}}
}})");
  auto t = Read(text);
  CHECK(t->lines() == Lines{PositionOf(text, "\"Broken\"") +
                            " warning template-structure: `AWS::Lambda::Permission` needs "
                            "`Action`, `FunctionName` and `Principal`"});
  REQUIRE(t->inv.policies.size() == 2);
  JsonValue s3 = t->inv.policies[0].root.Find("Statement").element(0);
  CHECK(s3.Find("Effect").text() == "Allow");
  CHECK(s3.Find("Principal").Find("Service").text() == "s3.amazonaws.com");
  CHECK(t->At(s3.Find("Principal").Find("Service").span()) ==
        PositionOf(text, "\"s3.amazonaws.com\""));
  CHECK(s3.Find("Action").text() == "lambda:InvokeFunction");
  CHECK(s3.Find("Resource").text() == "arn:aws:lambda:{{Region}}:{{AccountId}}:function:worker");
  JsonValue cond = s3.Find("Condition");
  CHECK(cond.Find("ArnLike").Find("AWS:SourceArn").text() == "arn:aws:s3:::uploads");
  CHECK(cond.Find("StringEquals").Find("AWS:SourceAccount").text() == "{{AccountId}}");
  CHECK(t->At(cond.Find("ArnLike").key_span(0)) == PositionOf(text, "\"SourceArn\""));
  JsonValue pub = t->inv.policies[1].root.Find("Statement").element(0);
  CHECK(pub.Find("Principal").text() == "*");
  CHECK(pub.Find("Resource").text() == "arn:aws:lambda:{{Region}}:{{AccountId}}:function:worker");
  CHECK(pub.Find("Resource").is_unknown());
  CHECK(pub.Find("Condition").Find("StringEquals").Find("lambda:FunctionUrlAuthType").text() ==
        "NONE");
  for (size_t i = 0; i < t->inv.policies.size(); ++i) CHECK(t->Build(i) == Lines{});
}

TEST_CASE("cloudformation: SAM function policies", "[cfn]") {
  std::string text = Q(R"({"Transform": "AWS::Serverless-2016-10-31", "Resources": {
  "Fn": {"Type": "AWS::Serverless::Function", "Properties": {
    "Policies": [
      "AmazonS3ReadOnlyAccess",
      {"Statement": [{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "*"}]},
      {"SQSPollerPolicy": {"QueueName": "q"}},
      "arn:aws:iam::123456789012:policy/custom"
    ]}},
  "Single": {"Type": "AWS::Serverless::Function", "Properties": {
    "Policies": {"Version": "2012-10-17",
                 "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*"}}}},
  "WithRole": {"Type": "AWS::Serverless::Function", "Properties": {
    "Role": "arn:aws:iam::123456789012:role/x", "Policies": ["AdministratorAccess"]}}
}})");
  auto t = Read(text);
  CHECK(t->lines() == Lines{});
  CHECK(t->Policies() ==
        Lines{"Resources.Fn.Properties.Policies[1] identity name=FnRolePolicy1 attached=FnRole",
              "Resources.Single.Properties.Policies identity name=SingleRolePolicy0 "
              "attached=SingleRole"});
  CHECK(t->Entities() ==
        Lines{"role FnRole name=FnRole arn=arn:aws:iam::{{AccountId}}:role/{{FnRole}} inline=0 "
              "managed=arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess@-,"
              "arn:aws:iam::123456789012:policy/custom@-",
              "role SingleRole name=SingleRole arn=arn:aws:iam::{{AccountId}}:role/{{SingleRole}} "
              "inline=1"});
  CHECK(t->At(t->inv.policies[1].anchor) == PositionOf(text, "\"Policies\"", 1));
  CHECK(t->At(t->inv.entities[0].managed_policies[0].span) ==
        PositionOf(text, "\"AmazonS3ReadOnlyAccess\""));
}

TEST_CASE("cloudformation: resource policies of other services", "[cfn]") {
  std::string text = Q(R"({"Resources": {
  "Key": {"Type": "AWS::KMS::Key", "Properties": {"KeyPolicy": {"Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"AWS": {"Fn::Sub": "arn:aws:iam::${AWS::AccountId}:root"}},
                   "Action": "kms:*", "Resource": "*"}]}}},
  "QueuePolicy": {"Type": "AWS::SQS::QueuePolicy", "Properties": {"Queues": [], "PolicyDocument": {
    "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sqs:SendMessage", "Resource": "*"}]}}},
  "Table": {"Type": "AWS::DynamoDB::Table", "Properties": {"ResourcePolicy": {"PolicyDocument": {
    "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"},
    "Action": "dynamodb:GetItem", "Resource": "*"}]}}}},
  "Bus": {"Type": "AWS::Events::EventBusPolicy", "Properties": {"StatementId": "s",
    "Statement": {"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "events:PutEvents",
                  "Resource": "*"}}},
  "Scp": {"Type": "AWS::Organizations::Policy", "Properties": {"Type": "SERVICE_CONTROL_POLICY",
    "Content": {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*"}]}}},
  "Tags": {"Type": "AWS::Organizations::Policy", "Properties": {"Type": "TAG_POLICY", "Content": {}}}
}})");
  auto t = Read(text);
  CHECK(t->lines() == Lines{});
  CHECK(t->Policies() ==
        Lines{"Resources.Key.Properties.KeyPolicy resource name=Key type=AWS::KMS::Key",
              "Resources.QueuePolicy.Properties.PolicyDocument resource name=QueuePolicy "
              "type=AWS::SQS::QueuePolicy",
              "Resources.Table.Properties.ResourcePolicy.PolicyDocument resource name=Table "
              "type=AWS::DynamoDB::Table",
              "Resources.Bus.Properties.Statement resource name=Bus type=AWS::Events::EventBusPolicy",
              "Resources.Scp.Properties.Content scp name=Scp type=AWS::Organizations::Policy"});
  CHECK(t->At(t->inv.policies[2].anchor) == PositionOf(text, "\"PolicyDocument\"", 1));
  CHECK(t->Build(0) == Lines{});
  CHECK(t->Build(3) == Lines{});
  CHECK(t->Build(4) == Lines{});
}

TEST_CASE("cloudformation: a policy written as a JSON string is read in place", "[cfn]") {
  std::string text = R"({"Resources": {
  "LogsPolicy": {"Type": "AWS::Logs::ResourcePolicy", "Properties": {"PolicyName": "p",
    "PolicyDocument": "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"allow\", \"Principal\": {\"Service\": \"es.amazonaws.com\"}, \"Action\": \"logs:PutLogEvents\", \"Resource\": \"*\"}]}"}},
  "BadString": {"Type": "AWS::Logs::ResourcePolicy", "Properties": {"PolicyDocument": "{oops"}}
}})";
  auto t = Read(text);
  REQUIRE(t->inv.policies.size() == 1);
  CHECK(t->inv.policies[0].where == "Resources.LogsPolicy.Properties.PolicyDocument");
  Lines built = t->Build(0);
  REQUIRE(built.size() == 1);
  CHECK(built[0].substr(0, built[0].find(' ')) == PositionOf(text, "\\\"allow\\\""));
  REQUIRE(t->diagnostics.size() == 1);
  CHECK(t->diagnostics[0].code == "json-syntax");
  CHECK(t->diagnostics[0].where == "Resources.BadString.Properties.PolicyDocument");
}

TEST_CASE("cloudformation: template shape problems are warnings, never crashes", "[cfn]") {
  {
    auto t = Read("[1, 2]");
    CHECK(t->lines() == Lines{"1:1 warning template-structure: a template must be an object"});
  }
  {
    auto t = Read(Q("{'Resources': []}"));
    CHECK(t->lines() == Lines{"1:15 warning template-structure: `Resources` must be an object"});
  }
  std::string text = Q(R"({"Resources": {
  "NoType": {"Properties": {}},
  "NotObject": 3,
  "R": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": "",
        "Policies": [{"PolicyName": "x"}, 7, {"PolicyDocument": [1]}]}},
  "P": {"Type": "AWS::IAM::Policy", "Properties": "nope"}
}})");
  auto t = Read(text);
  CHECK(t->lines() ==
        Lines{
            PositionOf(text, "\"NoType\"") + " warning template-structure: resource `NoType` has no `Type`",
            PositionOf(text, "3,") + " warning template-structure: resource `NotObject` must be an object",
            PositionOf(text, "\"\",") +
                " warning template-structure: a policy document must be an object, not a string",
            PositionOf(text, "{\"PolicyName\": \"x\"}") +
                " warning template-structure: `Policies` entry has no `PolicyDocument`",
            PositionOf(text, "7,") +
                " warning template-structure: each `Policies` entry must be an object with "
                "`PolicyDocument`",
            PositionOf(text, "[1]") +
                " warning template-structure: a policy document must be an object, not an array",
            PositionOf(text, "\"nope\"") + " warning template-structure: `Properties` must be an object",
        });
  CHECK(t->diagnostics[2].where == "Resources.R.Properties.AssumeRolePolicyDocument");
  CHECK(t->diagnostics[3].where == "Resources.R.Properties.Policies[0]");
  CHECK(t->inv.policies.empty());
}

TEST_CASE("cloudformation: LooksLikeCloudFormation", "[cfn]") {
  auto looks = [](std::string json) {
    testing::ReadResult r = testing::ReadJsonText(Q(json));
    REQUIRE(r.ok);
    return LooksLikeCloudFormation(r.doc.root());
  };
  CHECK(looks("{'AWSTemplateFormatVersion': '2010-09-09'}"));
  CHECK(looks("{'Resources': {'R': {'Type': 'AWS::S3::Bucket'}}}"));
  CHECK_FALSE(looks("{'Resources': {'R': {'Properties': {}}}}"));
  CHECK_FALSE(looks("{'Version': '2012-10-17', 'Statement': []}"));
  CHECK_FALSE(looks("[]"));
  CHECK_FALSE(looks("{'Resources': {}}"));
  // A Rain module entry (Type an object) beside typed resources.
  CHECK(looks("{'Resources': {'Net': {'Type': {'Rain::Module': 'vpc.yml'}},"
              " 'Role': {'Type': 'AWS::IAM::Role'}}}"));
  CHECK(looks("{'Resources': {'C': {'Type': 'Custom::Thing'}}}"));
  CHECK_FALSE(looks("{'Resources': {'R': {'Type': 'bucket'}}}"));
}

std::string ReadSample(const std::string& relative) {
  std::ifstream in(std::filesystem::path(IAMLINT_SOURCE_DIR) / relative, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST_CASE("cloudformation: samples/templates/app-role.json", "[cfn]") {
  std::string text = ReadSample("samples/templates/app-role.json");
  REQUIRE_FALSE(text.empty());
  auto t = Read(text, "app-role.json");
  CHECK(t->lines() == Lines{});
  CHECK(t->Policies() ==
        Lines{
            "Resources.AppRole.Properties.AssumeRolePolicyDocument trust name=AppRole",
            "Resources.AppRole.Properties.Policies[0].PolicyDocument identity name=reports "
            "attached=AppRole variant=conditions true",
            "Resources.AppRole.Properties.Policies[0].PolicyDocument identity name=reports "
            "attached=AppRole variant=conditions false",
            "Resources.ReportsBucketPolicy.Properties.PolicyDocument resource "
            "name=ReportsBucketPolicy type=AWS::S3::BucketPolicy",
            "Resources.ReportFunctionPermission resource name=ReportFunctionPermission "
            "type=AWS::Lambda::Permission",
        });
  CHECK(t->Entities() ==
        Lines{"role AppRole name=app-server arn=arn:aws:iam::{{AccountId}}:role/app-server "
              "inline=1,2 trust=0 profile=AppInstanceProfile"});
  JsonValue statements = t->inv.policies[1].root.Find("Statement");
  REQUIRE(statements.size() == 4);
  CHECK(statements.element(1).Find("Resource").text() == "arn:aws:s3:::{{ReportsBucket}}/reports/*");
  CHECK(statements.element(2).Find("Resource").text() ==
        "arn:aws:logs:{{Region}}:{{AccountId}}:log-group:/app/staging:*");
  CHECK(t->inv.policies[2].root.Find("Statement").size() == 3);
  for (size_t i = 0; i < t->inv.policies.size(); ++i) {
    INFO("policy " << i << " " << t->inv.policies[i].where);
    CHECK(t->Build(i) == Lines{});
  }
}

TEST_CASE("cloudformation: samples/templates/leaky-user.yaml", "[cfn]") {
  std::string text = ReadSample("samples/templates/leaky-user.yaml");
  REQUIRE_FALSE(text.empty());
  auto t = ReadYamlTemplate(text, "leaky-user.yaml");
  CHECK(t->lines() == Lines{});
  CHECK(t->Policies() == Lines{"Resources.DeployUser.Properties.Policies[0].PolicyDocument "
                               "identity name=deploy-artifacts attached=DeployUser"});
  CHECK(t->Entities() ==
        Lines{"user DeployUser name=deploy-bot arn=arn:aws:iam::{{AccountId}}:user/deploy-bot "
              "inline=0 managed=arn:aws:iam::aws:policy/AdministratorAccess@- key=yes "
              "password=no"});
  const Entity& user = t->inv.entities[0];
  CHECK(t->At(user.span) == PositionOf(text, "DeployUser:"));
  CHECK(t->At(user.access_key_span) == PositionOf(text, "DeployUserKey:"));
  CHECK(t->At(user.managed_policies[0].span) ==
        PositionOf(text, "arn:aws:iam::aws:policy/AdministratorAccess"));
  CHECK(t->At(t->inv.policies[0].anchor) == PositionOf(text, "PolicyDocument"));
  JsonValue pass = t->inv.policies[0].root.Find("Statement").element(1).Find("Resource");
  CHECK(pass.text() == "arn:aws:iam::{{AccountId}}:role/*");
  CHECK(pass.is_unknown());
  CHECK(t->At(pass.span()) == PositionOf(text, "!Sub arn"));
  CHECK(t->Build(0) == Lines{});
}

TEST_CASE("cloudformation: samples/templates/serverless.yaml", "[cfn]") {
  std::string text = ReadSample("samples/templates/serverless.yaml");
  REQUIRE_FALSE(text.empty());
  auto t = ReadYamlTemplate(text, "serverless.yaml");
  CHECK(t->lines() == Lines{});
  CHECK(t->Policies() == Lines{"Resources.ThumbnailFunction.Properties.Policies[1] identity "
                               "name=ThumbnailFunctionRolePolicy1 attached=ThumbnailFunctionRole"});
  CHECK(t->Entities() ==
        Lines{"role ThumbnailFunctionRole name=ThumbnailFunctionRole "
              "arn=arn:aws:iam::{{AccountId}}:role/{{ThumbnailFunctionRole}} inline=0 "
              "managed=arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess@-"});
  JsonValue statements = t->inv.policies[0].root.Find("Statement");
  REQUIRE(statements.size() == 2);
  CHECK(statements.element(0).Find("Resource").text() == "arn:aws:s3:::example-uploads/*");
  CHECK_FALSE(statements.element(0).Find("Resource").is_unknown());
  CHECK(statements.element(1).Find("Resource").text() == "arn:aws:s3:::{{Thumbnails}}/*");
  CHECK(statements.element(1).Find("Resource").is_unknown());
  CHECK(t->Build(0) == Lines{PositionOf(text, "Statement:") +
                             " warning missing-version: policy has no `Version`: AWS applies "
                             "the 2008-10-17 language, where policy variables are plain text"});
}

TEST_CASE("cloudformation: YAML short forms, Fn::If variants and positions", "[cfn]") {
  std::string text =
      "Parameters:\n"                                                   // 1
      "  Stage: {Type: String, Default: dev}\n"                         // 2
      "Conditions:\n"                                                   // 3
      "  IsDev: !Equals [!Ref Stage, dev]\n"                            // 4
      "Resources:\n"                                                    // 5
      "  Queue: {Type: AWS::SQS::Queue}\n"                              // 6
      "  Worker:\n"                                                     // 7
      "    Type: AWS::IAM::Role\n"                                      // 8
      "    Properties:\n"                                               // 9
      "      RoleName: !Sub worker-${Stage}\n"                          // 10
      "      AssumeRolePolicyDocument:\n"                               // 11
      "        Statement:\n"                                            // 12
      "          - Effect: Allow\n"                                     // 13
      "            Principal: {Service: !Sub 'ecs-tasks.${AWS::URLSuffix}'}\n"  // 14
      "            Action: sts:AssumeRole\n"                            // 15
      "      Policies:\n"                                               // 16
      "        - PolicyName: queue\n"                                   // 17
      "          PolicyDocument:\n"                                     // 18
      "            Version: '2012-10-17'\n"                             // 19
      "            Statement:\n"                                        // 20
      "              - Effect: Allow\n"                                 // 21
      "                Action: [sqs:ReceiveMessage, sqs:DeleteMessage]\n"  // 22
      "                Resource: !GetAtt Queue.Arn\n"                   // 23
      "              - !If\n"                                           // 24
      "                - IsDev\n"                                       // 25
      "                - Effect: Allow\n"                               // 26
      "                  Action: sqs:PurgeQueue\n"                      // 27
      "                  Resource: !Join ['', [!GetAtt Queue.Arn]]\n"   // 28
      "                - !Ref AWS::NoValue\n"                           // 29
      "      ManagedPolicyArns:\n"                                      // 30
      "        - !If [IsDev, !Sub 'arn:${AWS::Partition}:iam::aws:policy/PowerUserAccess', "
      "!Ref AWS::NoValue]\n";                                           // 31
  auto t = ReadYamlTemplate(text);
  CHECK(t->lines() == Lines{});
  CHECK(t->Policies() ==
        Lines{"Resources.Worker.Properties.AssumeRolePolicyDocument trust name=Worker",
              "Resources.Worker.Properties.Policies[0].PolicyDocument identity name=queue "
              "attached=Worker variant=conditions true",
              "Resources.Worker.Properties.Policies[0].PolicyDocument identity name=queue "
              "attached=Worker variant=conditions false"});
  CHECK(t->Entities() ==
        Lines{"role Worker name=Worker arn=arn:aws:iam::{{AccountId}}:role/{{Worker}} inline=1,2 "
              "managed=arn:aws:iam::aws:policy/PowerUserAccess@- trust=0"});
  JsonValue service = t->inv.policies[0].root.Find("Statement").element(0).Find("Principal").Find(
      "Service");
  CHECK(service.text() == "ecs-tasks.amazonaws.com");
  CHECK_FALSE(service.is_unknown());
  CHECK(t->At(service.span()) == "14:34");
  JsonValue dev = t->inv.policies[1].root.Find("Statement");
  REQUIRE(dev.size() == 2);
  CHECK(dev.element(0).Find("Resource").text() == "arn:aws:sqs:{{Region}}:{{AccountId}}:{{Queue}}");
  CHECK(t->At(dev.element(0).Find("Resource").span()) == "23:27");
  CHECK(t->At(dev.element(1).span()) == "26:19");
  CHECK(dev.element(1).Find("Resource").text() == "arn:aws:sqs:{{Region}}:{{AccountId}}:{{Queue}}");
  CHECK(t->inv.policies[2].root.Find("Statement").size() == 1);
  CHECK(t->At(t->inv.entities[0].managed_policies[0].span) == "31:23");
  CHECK(t->Build(0) == Lines{"12:9 warning missing-version: policy has no `Version`: AWS applies "
                             "the 2008-10-17 language, where policy variables are plain text"});
  CHECK(t->Build(1) == Lines{});
  CHECK(t->Build(2) == Lines{});
}

TEST_CASE("cloudformation: a whole Policies list under Fn::If", "[cfn]") {
  std::string text = Q(R"({"Resources": {
  "R": {"Type": "AWS::IAM::Role", "Properties": {
    "Policies": {"Fn::If": ["C",
      [{"PolicyName": "a", "PolicyDocument": {"Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}}],
      {"Ref": "AWS::NoValue"}]}}}
}})");
  auto t = Read(text);
  CHECK(t->lines() == Lines{});
  CHECK(t->Policies() == Lines{"Resources.R.Properties.Policies[0].PolicyDocument identity name=a "
                               "attached=R variant=conditions true"});
}

TEST_CASE("cloudformation: a JSON policy in a YAML block scalar lands on its lines", "[cfn]") {
  std::string text =
      "Resources:\n"
      "  LogsPolicy:\n"
      "    Type: AWS::Logs::ResourcePolicy\n"
      "    Properties:\n"
      "      PolicyName: es\n"
      "      PolicyDocument: |\n"
      "        {\"Version\": \"2012-10-17\",\n"
      "         \"Statement\": [{\"Effect\": \"allow\",\n"
      "           \"Principal\": {\"Service\": \"es.amazonaws.com\"},\n"
      "           \"Action\": \"logs:PutLogEvents\", \"Resource\": \"*\"}]}\n";
  auto t = ReadYamlTemplate(text);
  CHECK(t->lines() == Lines{});
  REQUIRE(t->inv.policies.size() == 1);
  Lines built = t->Build(0);
  REQUIRE(built.size() == 1);
  CHECK(built[0].substr(0, built[0].find(' ')) == PositionOf(text, "\"allow\""));
}

}  // namespace
}  // namespace iamlint

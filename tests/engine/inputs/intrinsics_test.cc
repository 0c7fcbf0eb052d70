#include "engine/inputs/intrinsics.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <vector>

#include "tests/testing/test_util.h"

namespace iamlint {
namespace {

using testing::PositionOf;
using testing::Q;
using testing::ReadJsonText;
using testing::ReadResult;

// A template whose `Value` member is the expression under test.
constexpr std::string_view kPrefix = R"({
 "Parameters": {
  "Env": {"Type": "String", "Default": "prod"},
  "NoDefault": {"Type": "String"},
  "Subnets": {"Type": "CommaDelimitedList", "Default": "a, b,c"},
  "Ids": {"Type": "List<AWS::EC2::Subnet::Id>", "Default": ["s-1", "s-2"]},
  "Count": {"Type": "Number", "Default": 3},
  "Ssm": {"Type": "AWS::SSM::Parameter::Value<String>", "Default": "/x/y"},
  "Csv": {"Type": "String", "Default": "x,y,z"}
 },
 "Mappings": {"Buckets": {"us-east-1": {"Name": "b-use1", "List": ["x", "y"]}}},
 "Resources": {
  "Bucket": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "my-bucket"}},
  "Anon": {"Type": "AWS::S3::Bucket"},
  "Role": {"Type": "AWS::IAM::Role", "Properties": {"RoleName": "app", "Path": "/svc/"}},
  "User": {"Type": "AWS::IAM::User"},
  "Policy": {"Type": "AWS::IAM::ManagedPolicy", "Properties": {"ManagedPolicyName": "p"}},
  "Queue": {"Type": "AWS::SQS::Queue"},
  "Topic": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": "alerts"}},
  "Key": {"Type": "AWS::KMS::Key"},
  "Fn": {"Type": "AWS::Lambda::Function", "Properties": {"FunctionName": {"Ref": "Env"}}},
  "Table": {"Type": "AWS::DynamoDB::Table", "Properties": {"TableName": "t"}},
  "Logs": {"Type": "AWS::Logs::LogGroup", "Properties": {"LogGroupName": "/app"}},
  "Secret": {"Type": "AWS::SecretsManager::Secret", "Properties": {"Name": "db"}},
  "Thing": {"Type": "AWS::EC2::Instance"}
 },
 "Value": )";

// Resolved values as compact text: strings in single quotes, unknown
// strings prefixed with `~`, removed values as `<removed>`.
void Dump(JsonValue v, std::string* out) {
  switch (v.kind()) {
    case JsonKind::kString:
      if (v.is_unknown()) *out += '~';
      *out += "'" + std::string(v.text()) + "'";
      return;
    case JsonKind::kArray:
      *out += '[';
      for (uint32_t i = 0; i < v.size(); ++i) {
        if (i) *out += ',';
        Dump(v.element(i), out);
      }
      *out += ']';
      return;
    case JsonKind::kObject:
      *out += '{';
      for (uint32_t i = 0; i < v.size(); ++i) {
        if (i) *out += ',';
        *out += std::string(v.key(i)) + ":";
        Dump(v.member_value(i), out);
      }
      *out += '}';
      return;
    default:
      *out += std::string(v.text());
  }
}

struct Resolution {
  ReadResult read;
  CfnTemplate tmpl;
  IntrinsicResult result;
  std::string text;  // Dump of the result
};

Resolution Resolve(std::string_view value, bool conditions = true) {
  Resolution r;
  r.read = ReadJsonText(std::string(kPrefix) + Q(value) + "\n}");
  REQUIRE(r.read.ok);
  r.tmpl = CfnTemplate::FromRoot(r.read.doc.root());
  IntrinsicOptions options;
  options.conditions = conditions;
  r.result = ResolveIntrinsics(r.tmpl, r.read.doc.root().Find("Value"), options);
  if (r.result.removed) {
    r.text = "<removed>";
  } else if (r.result.truncated) {
    r.text = "<truncated>";
  } else {
    REQUIRE(r.result.has_root);
    Dump(r.result.doc.root(), &r.text);
  }
  return r;
}

std::string R(std::string_view value, bool conditions = true) {
  return Resolve(value, conditions).text;
}

TEST_CASE("intrinsics: Ref to parameters", "[cfn]") {
  CHECK(R("{'Ref': 'Env'}") == "'prod'");
  CHECK(R("{'Ref': 'NoDefault'}") == "~'{{NoDefault}}'");
  CHECK(R("{'Ref': 'Subnets'}") == "['a','b','c']");
  CHECK(R("{'Ref': 'Ids'}") == "['s-1','s-2']");
  CHECK(R("{'Ref': 'Count'}") == "'3'");
  CHECK(R("{'Ref': 'Ssm'}") == "~'{{Ssm}}'");
  CHECK(R("{'Ref': 'Missing'}") == "~'{{Missing}}'");
  CHECK(R("{'Ref': 'Odd:Name*'}") == "~'{{Odd_Name_}}'");
  CHECK(R("{'Ref': ['Env']}") == "~'{{Ref}}'");
}

TEST_CASE("intrinsics: pseudo parameters", "[cfn]") {
  CHECK(R("{'Ref': 'AWS::Partition'}") == "'aws'");
  CHECK(R("{'Ref': 'AWS::URLSuffix'}") == "'amazonaws.com'");
  CHECK(R("{'Ref': 'AWS::AccountId'}") == "~'{{AccountId}}'");
  CHECK(R("{'Ref': 'AWS::Region'}") == "~'{{Region}}'");
  CHECK(R("{'Ref': 'AWS::StackName'}") == "~'{{StackName}}'");
  CHECK(R("{'Ref': 'AWS::StackId'}") == "~'{{StackId}}'");
  CHECK(R("{'Ref': 'AWS::NotificationARNs'}") == "~'{{NotificationARNs}}'");
}

TEST_CASE("intrinsics: AWS::NoValue removes the element or member", "[cfn]") {
  CHECK(R("['a', {'Ref': 'AWS::NoValue'}, 'b']") == "['a','b']");
  CHECK(R("{'A': 'x', 'B': {'Ref': 'AWS::NoValue'}}") == "{A:'x'}");
  Resolution root = Resolve("{'Ref': 'AWS::NoValue'}");
  CHECK(root.result.removed);
  CHECK_FALSE(root.result.has_root);
}

TEST_CASE("intrinsics: Ref and GetAtt of template resources", "[cfn]") {
  CHECK(R("{'Ref': 'Bucket'}") == "'my-bucket'");
  CHECK(R("{'Fn::GetAtt': ['Bucket', 'Arn']}") == "'arn:aws:s3:::my-bucket'");
  CHECK(R("{'Fn::GetAtt': 'Bucket.Arn'}") == "'arn:aws:s3:::my-bucket'");
  CHECK(R("{'Fn::GetAtt': ['Bucket', 'DomainName']}") == "'my-bucket.s3.amazonaws.com'");
  CHECK(R("{'Ref': 'Anon'}") == "~'{{Anon}}'");
  CHECK(R("{'Fn::GetAtt': ['Anon', 'Arn']}") == "~'arn:aws:s3:::{{Anon}}'");
  CHECK(R("{'Ref': 'Role'}") == "'app'");
  CHECK(R("{'Fn::GetAtt': ['Role', 'Arn']}") == "~'arn:aws:iam::{{AccountId}}:role/svc/app'");
  CHECK(R("{'Fn::GetAtt': ['Role', 'RoleId']}") == "~'{{Role.RoleId}}'");
  CHECK(R("{'Fn::GetAtt': ['User', 'Arn']}") == "~'arn:aws:iam::{{AccountId}}:user/{{User}}'");
  CHECK(R("{'Ref': 'Policy'}") == "~'arn:aws:iam::{{AccountId}}:policy/p'");
  CHECK(R("{'Ref': 'Queue'}") == "~'https://sqs.{{Region}}.amazonaws.com/{{AccountId}}/{{Queue}}'");
  CHECK(R("{'Fn::GetAtt': ['Queue', 'Arn']}") == "~'arn:aws:sqs:{{Region}}:{{AccountId}}:{{Queue}}'");
  CHECK(R("{'Ref': 'Topic'}") == "~'arn:aws:sns:{{Region}}:{{AccountId}}:alerts'");
  CHECK(R("{'Fn::GetAtt': ['Topic', 'TopicName']}") == "'alerts'");
  CHECK(R("{'Ref': 'Key'}") == "~'{{Key}}'");
  CHECK(R("{'Fn::GetAtt': ['Key', 'Arn']}") == "~'arn:aws:kms:{{Region}}:{{AccountId}}:key/{{Key}}'");
  CHECK(R("{'Ref': 'Fn'}") == "'prod'");
  CHECK(R("{'Fn::GetAtt': ['Fn', 'Arn']}") ==
        "~'arn:aws:lambda:{{Region}}:{{AccountId}}:function:prod'");
  CHECK(R("{'Fn::GetAtt': ['Table', 'Arn']}") == "~'arn:aws:dynamodb:{{Region}}:{{AccountId}}:table/t'");
  CHECK(R("{'Fn::GetAtt': ['Logs', 'Arn']}") == "~'arn:aws:logs:{{Region}}:{{AccountId}}:log-group:/app:*'");
  CHECK(R("{'Ref': 'Secret'}") ==
        "~'arn:aws:secretsmanager:{{Region}}:{{AccountId}}:secret:db-{{Suffix}}'");
  CHECK(R("{'Ref': 'Thing'}") == "~'{{Thing}}'");
  CHECK(R("{'Fn::GetAtt': ['Thing', 'PublicIp']}") == "~'{{Thing.PublicIp}}'");
  CHECK(R("{'Fn::GetAtt': ['Nope', 'Arn']}") == "~'{{Nope.Arn}}'");
  CHECK(R("{'Fn::GetAtt': ['Bucket', {'Ref': 'NoDefault'}]}") == "~'{{Bucket.NoDefault}}'");
  CHECK(R("{'Fn::GetAtt': 42}") == "~'{{GetAtt}}'");
}

TEST_CASE("intrinsics: Fn::Sub", "[cfn]") {
  CHECK(R("{'Fn::Sub': 'arn:${AWS::Partition}:s3:::${Bucket}/${Env}/*'}") ==
        "'arn:aws:s3:::my-bucket/prod/*'");
  CHECK(R("{'Fn::Sub': 'arn:aws:iam::${AWS::AccountId}:role/x'}") ==
        "~'arn:aws:iam::{{AccountId}}:role/x'");
  CHECK(R("{'Fn::Sub': '${Role.Arn}'}") == "~'arn:aws:iam::{{AccountId}}:role/svc/app'");
  CHECK(R("{'Fn::Sub': '${Thing.PrivateIp}'}") == "~'{{Thing.PrivateIp}}'");
  CHECK(R("{'Fn::Sub': 'arn:aws:s3:::b/${!Literal}'}") == "'arn:aws:s3:::b/${Literal}'");
  // IAM policy variables: escaped or not, they stay.
  CHECK(R("{'Fn::Sub': 'arn:aws:s3:::b/${aws:username}/*'}") == "'arn:aws:s3:::b/${aws:username}/*'");
  CHECK(R("{'Fn::Sub': 'arn:aws:s3:::b/${!aws:username}/*'}") == "'arn:aws:s3:::b/${aws:username}/*'");
  CHECK(R("{'Fn::Sub': 'x-${Unknown}'}") == "~'x-{{Unknown}}'");
  CHECK(R("{'Fn::Sub': '${Subnets}'}") == "~'{{Subnets}}'");
  CHECK(R("{'Fn::Sub': 'open ${Env'}") == "'open ${Env'");
  CHECK(R("{'Fn::Sub': ['${A}-${B}-${Env}', {'A': 'one', 'B': {'Ref': 'Bucket'}}]}") ==
        "'one-my-bucket-prod'");
  CHECK(R("{'Fn::Sub': ['${Env}', {'Env': 'override'}]}") == "'override'");
  CHECK(R("{'Fn::Sub': ['${A}', {'A': {'Ref': 'AWS::Region'}}]}") == "~'{{Region}}'");
  CHECK(R("{'Fn::Sub': ['${A}', {'A': ['list']}]}") == "~'{{A}}'");
  CHECK(R("{'Fn::Sub': 42}") == "~'{{Sub}}'");
}

TEST_CASE("intrinsics: Fn::Join, Fn::Select, Fn::Split", "[cfn]") {
  CHECK(R("{'Fn::Join': ['', ['arn:aws:s3:::', {'Ref': 'Bucket'}, '/*']]}") ==
        "'arn:aws:s3:::my-bucket/*'");
  CHECK(R("{'Fn::Join': [':', ['a', {'Ref': 'AWS::AccountId'}]]}") == "~'a:{{AccountId}}'");
  CHECK(R("{'Fn::Join': [',', ['a', {'Ref': 'AWS::NoValue'}, 'b']]}") == "'a,b'");
  CHECK(R("{'Fn::Join': ['-', {'Ref': 'Subnets'}]}") == "'a-b-c'");
  CHECK(R("{'Fn::Join': ['-', {'Ref': 'NoDefault'}]}") == "~'{{NoDefault}}'");
  CHECK(R("{'Fn::Join': ['-', [['nested']]]}") == "~'{{Join}}'");
  CHECK(R("{'Fn::Join': ['-', [1, true]]}") == "'1-true'");
  CHECK(R("{'Fn::Select': ['1', {'Ref': 'Subnets'}]}") == "'b'");
  CHECK(R("{'Fn::Select': [0, ['x', 'y']]}") == "'x'");
  CHECK(R("{'Fn::Select': [5, ['x', 'y']]}") == "~'{{Select}}'");
  CHECK(R("{'Fn::Select': ['-1', ['x']]}") == "~'{{Select}}'");
  CHECK(R("{'Fn::Select': [0, {'Fn::GetAZs': ''}]}") == "~'{{GetAZs}}'");
  CHECK(R("{'Fn::Split': [',', {'Ref': 'Csv'}]}") == "['x','y','z']");
  CHECK(R("{'Fn::Split': [',', 'a,,b']}") == "['a','','b']");
  CHECK(R("{'Fn::Select': [4, {'Fn::Split': [':', {'Fn::GetAtt': ['Queue', 'Arn']}]}]}") ==
        "~'{{AccountId}}'");
  CHECK(R("{'Fn::Select': [2, {'Fn::Split': [':', {'Fn::GetAtt': ['Queue', 'Arn']}]}]}") == "'sqs'");
  CHECK(R("{'Fn::Join': ['/', {'Fn::Split': [',', 'p,q']}]}") == "'p/q'");
  CHECK(R("{'Fn::Split': ['', 'abc']}") == "~'{{Split}}'");
}

TEST_CASE("intrinsics: Fn::FindInMap", "[cfn]") {
  CHECK(R("{'Fn::FindInMap': ['Buckets', 'us-east-1', 'Name']}") == "'b-use1'");
  CHECK(R("{'Fn::FindInMap': ['Buckets', 'us-east-1', 'List']}") == "['x','y']");
  CHECK(R("{'Fn::FindInMap': ['Buckets', {'Ref': 'AWS::Region'}, 'Name']}") == "~'{{Buckets}}'");
  CHECK(R("{'Fn::FindInMap': ['Buckets', 'eu-west-1', 'Name']}") == "~'{{Buckets}}'");
  CHECK(R("{'Fn::FindInMap': ['Buckets', 'eu-west-1', 'Name', {'DefaultValue': 'dflt'}]}") ==
        "'dflt'");
  // The value takes the span of the use site, not of the Mappings section.
  Resolution r = Resolve("{'Fn::FindInMap': ['Buckets', 'us-east-1', 'List']}");
  std::string text(r.read.sources->text(r.read.id));
  CHECK(r.read.Where(r.result.doc.root().element(1).span()) == PositionOf(text, "{\"Fn::FindInMap\""));
}

TEST_CASE("intrinsics: Fn::If gives the branch of the assumed conditions", "[cfn]") {
  std::string v = "['a', {'Fn::If': ['C', 'yes', {'Ref': 'AWS::NoValue'}]}]";
  Resolution t = Resolve(v, true);
  Resolution f = Resolve(v, false);
  CHECK(t.text == "['a','yes']");
  CHECK(f.text == "['a']");
  CHECK(t.result.saw_if);
  CHECK(f.result.saw_if);
  CHECK_FALSE(Resolve("['a']").result.saw_if);
  CHECK(R("{'Fn::If': ['C', {'Fn::If': ['D', 'tt', 'tf']}, 'f']}", true) == "'tt'");
  CHECK(R("{'Fn::If': ['C', 't', {'Fn::If': ['D', 'ft', 'ff']}]}", false) == "'ff'");
  CHECK(R("{'Fn::If': ['C', 't']}") == "~'{{If}}'");
  CHECK(R("{'S': {'Fn::If': ['C', {'Ref': 'AWS::NoValue'}, 'x']}}", true) == "{}");
}

TEST_CASE("intrinsics: other functions are unknown", "[cfn]") {
  CHECK(R("{'Fn::ImportValue': 'shared:vpc'}") == "~'{{ImportValue.shared_vpc}}'");
  CHECK(R("{'Fn::ImportValue': {'Fn::Sub': '${AWS::StackName}-x'}}") == "~'{{ImportValue}}'");
  CHECK(R("{'Fn::Base64': 'x'}") == "~'{{Base64}}'");
  CHECK(R("{'Fn::GetAZs': ''}") == "~'{{GetAZs}}'");
  CHECK(R("{'Fn::Cidr': ['10.0.0.0/16', 2, 8]}") == "~'{{Cidr}}'");
  CHECK(R("{'Fn::Equals': ['a', 'a']}") == "~'{{Equals}}'");
  CHECK(Resolve("{'Fn::Base64': 'x'}").result.has_unknown);
  CHECK_FALSE(Resolve("{'Ref': 'Env'}").result.has_unknown);
}

TEST_CASE("intrinsics: condition operators and keys are not intrinsics", "[cfn]") {
  CHECK(R("{'StringEquals': {'aws:username': {'Ref': 'Env'}}}") ==
        "{StringEquals:{aws:username:'prod'}}");
  CHECK(R("{'Condition': {'Bool': {'aws:SecureTransport': 'false'}}}") ==
        "{Condition:{Bool:{aws:SecureTransport:'false'}}}");
  CHECK(R("{'Ref': 'Env', 'Other': 1}") == "{Ref:'Env',Other:1}");
  CHECK(R("{'Fn::Sub': 'x', 'Other': null}") == "{Fn::Sub:'x',Other:null}");
  CHECK_FALSE(IsIntrinsic(JsonValue()));
}

TEST_CASE("intrinsics: resolved values carry the span of the intrinsic", "[cfn]") {
  Resolution r = Resolve("{'Resource': [{'Ref': 'Env'}, 'lit', {'Fn::Sub': '${Env}-x'}]}");
  std::string text(r.read.sources->text(r.read.id));
  JsonValue list = r.result.doc.root().Find("Resource");
  REQUIRE(list.size() == 3);
  CHECK(r.read.Where(list.element(0).span()) == PositionOf(text, "{\"Ref\": \"Env\"}", 1));
  CHECK(r.read.Where(list.element(1).span()) == PositionOf(text, "\"lit\""));
  CHECK(r.read.Where(list.element(2).span()) == PositionOf(text, "{\"Fn::Sub\""));
  CHECK(r.read.Where(r.result.doc.root().key_span(0)) == PositionOf(text, "\"Resource\""));
}

TEST_CASE("intrinsics: UnknownToken keeps no colon or wildcard", "[cfn]") {
  CHECK(UnknownToken("AWS::Region") == "{{AWS__Region}}");
  CHECK(UnknownToken("a*b?c d") == "{{a_b_c_d}}");
  CHECK(UnknownToken("App.Arn") == "{{App.Arn}}");
}

TEST_CASE("intrinsics: output is bounded (a 1,000-way Join of Splits)", "[cfn]") {
  std::string big(4000, 'a');
  for (size_t i = 1; i < big.size(); i += 2) big[i] = ',';
  std::string splits;
  for (int i = 0; i < 1000; ++i) {
    if (i) splits += ",";
    splits += "{'Fn::Join': [',', {'Fn::Split': [',', {'Ref': 'Big'}]}]}";
  }
  std::string json = "{'Parameters': {'Big': {'Type': 'String', 'Default': '" + big +
                     "'}}, 'Value': {'Fn::Join': ['', [" + splits + "]]}}";
  ReadResult read = ReadJsonText(Q(json));
  REQUIRE(read.ok);
  CfnTemplate tmpl = CfnTemplate::FromRoot(read.doc.root());
  auto start = std::chrono::steady_clock::now();
  IntrinsicResult result = ResolveIntrinsics(tmpl, read.doc.root().Find("Value"));
  auto elapsed = std::chrono::steady_clock::now() - start;
  CHECK(result.truncated);
  CHECK_FALSE(result.has_root);
  CHECK(elapsed < std::chrono::seconds(2));
  // Sub repeating one big variable is bounded too.
  std::string subs;
  for (int i = 0; i < 2000; ++i) subs += "${Big}";
  ReadResult read2 = ReadJsonText(Q("{'Parameters': {'Big': {'Type': 'String', 'Default': '" +
                                    big + "'}}, 'Value': {'Fn::Sub': '" + subs + "'}}"));
  REQUIRE(read2.ok);
  CfnTemplate tmpl2 = CfnTemplate::FromRoot(read2.doc.root());
  CHECK(ResolveIntrinsics(tmpl2, read2.doc.root().Find("Value")).truncated);
}

TEST_CASE("intrinsics: deep nesting is resolved without recursion", "[cfn]") {
  // Deep enough to overflow any recursive walk; within the size bound.
  std::string json = "{\"Value\": ";
  constexpr int kDepth = 4000;
  for (int i = 0; i < kDepth; ++i) json += i % 2 ? "[" : "{\"Fn::Join\": [\"\", ";
  json += "\"x\"";
  for (int i = kDepth - 1; i >= 0; --i) json += i % 2 ? "]" : "]}";
  json += "}";
  JsonReadOptions options;
  options.max_depth = 3 * kDepth;
  ReadResult read = ReadJsonText(json, options);
  REQUIRE(read.ok);
  CfnTemplate tmpl = CfnTemplate::FromRoot(read.doc.root());
  IntrinsicResult result = ResolveIntrinsics(tmpl, read.doc.root().Find("Value"));
  REQUIRE(result.has_root);
  CHECK(result.doc.root().text() == "x");
}

TEST_CASE("intrinsics: very deep nesting stops at the size bound", "[cfn]") {
  std::string json = "{\"Value\": ";
  constexpr int kDepth = 200000;
  for (int i = 0; i < kDepth; ++i) json += "[";
  for (int i = 0; i < kDepth; ++i) json += "]";
  json += "}";
  JsonReadOptions options;
  options.max_depth = 2 * kDepth;
  ReadResult read = ReadJsonText(json, options);
  REQUIRE(read.ok);
  CfnTemplate tmpl = CfnTemplate::FromRoot(read.doc.root());
  IntrinsicResult result = ResolveIntrinsics(tmpl, read.doc.root().Find("Value"));
  CHECK(result.truncated);
}

}  // namespace
}  // namespace iamlint

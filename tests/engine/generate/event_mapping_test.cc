// Event mapping: the name table (sorted, every action in the catalog),
// event sources and API-version suffixes, the actions of every kind of
// event, and the resources taken from events or built from ARN formats.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "engine/generate/event_mapping.h"
#include "tests/engine/generate/generate_testing.h"

namespace iamlint {
namespace {

using testing::Q;
using testing::ReadTrailFixture;
using testing::ReadTrailText;
using testing::Trail;

const Catalog& Cat() { return Catalog::BuiltIn(); }

// The actions (with `<source` for copy sources) of one event text.
std::vector<std::string> Actions(const std::string& event) {
  Trail t = ReadTrailText(Q(event));
  REQUIRE(t.events().size() == 1);
  std::vector<std::string> out;
  for (const NamedAction& a : MapEventName(t.events()[0]).actions) {
    out.push_back(a.action + (a.copy_source ? "<source" : ""));
  }
  return out;
}

std::string S3(const std::string& name, const std::string& params = "{}") {
  return "{'eventSource': 's3.amazonaws.com', 'eventName': '" + name +
         "', 'requestParameters': " + params + "}";
}

// "action: resource, resource" per mapped action; unknown as "?action".
std::vector<std::string> Mapped(const CloudTrailEvent& e) {
  MappedEvent m = MapEvent(Cat(), e);
  std::vector<std::string> out;
  for (const ActionResources& ar : m.actions) {
    std::string line = Cat().FullName(ar.action) + (ar.unrecorded ? " (unrecorded):" : ":");
    for (const std::string& r : ar.resources) line += " " + r;
    out.push_back(line);
  }
  for (const std::string& u : m.unknown) out.push_back("?" + u);
  for (const std::string& n : m.notes) out.push_back("note: " + n);
  return out;
}

TEST_CASE("event mapping: the table is sorted and names only catalog actions", "[generate]") {
  std::vector<std::string> missing;
  const MappingRow* previous = nullptr;
  size_t rows = 0;
  for (const MappingRow& row : MappingTable()) {
    ++rows;
    if (previous != nullptr) {
      bool ordered = previous->service < row.service ||
                     (previous->service == row.service && previous->event_name < row.event_name);
      CHECK(ordered);
    }
    previous = &row;
    for (std::string_view list : {row.actions, row.versioned}) {
      size_t pos = 0;
      while (pos < list.size()) {
        size_t end = list.find(' ', pos);
        if (end == std::string_view::npos) end = list.size();
        std::string_view word = list.substr(pos, end - pos);
        word = word.substr(0, word.find('<'));
        if (!Cat().FindAction(word)) missing.push_back(std::string(word));
        pos = end + 1;
      }
    }
  }
  CHECK(rows == 67);
  CHECK(missing == std::vector<std::string>{});
}

TEST_CASE("event mapping: event sources and API-version suffixes", "[generate]") {
  CHECK(ServicePrefixForEventSource("s3.amazonaws.com") == "s3");
  CHECK(ServicePrefixForEventSource("monitoring.amazonaws.com") == "cloudwatch");
  CHECK(ServicePrefixForEventSource("email.amazonaws.com") == "ses");
  CHECK(ServicePrefixForEventSource("streams.dynamodb.amazonaws.com") == "dynamodb");
  CHECK(ServicePrefixForEventSource("cognito-idp.amazonaws.com") == "cognito-idp");
  CHECK(ServicePrefixForEventSource("s3") == "");
  CHECK(ServicePrefixForEventSource(".amazonaws.com") == "");
  CHECK(StripApiVersion("Invoke20150331") == "Invoke");
  CHECK(StripApiVersion("GetFunction20150331v2") == "GetFunction");
  CHECK(StripApiVersion("UpdateDistribution2017_03_25") == "UpdateDistribution");
  CHECK(StripApiVersion("ListObjectsV2") == "ListObjectsV2");
  CHECK(StripApiVersion("GetObject") == "GetObject");
  CHECK(StripApiVersion("20150331") == "20150331");
}

TEST_CASE("event mapping: names that differ, several actions, versions", "[generate]") {
  CHECK(Actions(S3("ListBuckets")) == std::vector<std::string>{"s3:ListAllMyBuckets"});
  CHECK(Actions(S3("GetBucketLocation")) == std::vector<std::string>{"s3:GetBucketLocation"});
  CHECK(Actions(S3("HeadObject")) == std::vector<std::string>{"s3:GetObject"});
  CHECK(Actions(S3("HeadObject", "{'versionId': 'v1'}")) == std::vector<std::string>{"s3:GetObjectVersion"});
  CHECK(Actions(S3("HeadBucket")) == std::vector<std::string>{"s3:ListBucket"});
  CHECK(Actions(S3("CopyObject")) == std::vector<std::string>{"s3:GetObject<source", "s3:PutObject"});
  CHECK(Actions(S3("CopyObject", "{'x-amz-copy-source': 'b/k%3FversionId%3Dv2'}")) ==
        std::vector<std::string>{"s3:GetObjectVersion<source", "s3:PutObject"});
  CHECK(Actions(S3("CreateMultipartUpload")) == std::vector<std::string>{"s3:PutObject"});
  CHECK(Actions(S3("UploadPart")) == std::vector<std::string>{"s3:PutObject"});
  CHECK(Actions(S3("CompleteMultipartUpload")) == std::vector<std::string>{"s3:PutObject"});
  CHECK(Actions(S3("ListObjects")) == std::vector<std::string>{"s3:ListBucket"});
  CHECK(Actions(S3("ListObjectsV2")) == std::vector<std::string>{"s3:ListBucket"});
  CHECK(Actions(S3("GetObjectAcl")) == std::vector<std::string>{"s3:GetObjectAcl"});
  CHECK(Actions(S3("DeleteObjects")) == std::vector<std::string>{"s3:DeleteObject"});
  CHECK(Actions(S3("DeleteObject", "{'versionId': 'v1'}")) == std::vector<std::string>{"s3:DeleteObjectVersion"});
  CHECK(Actions(S3("GetBucketEncryption")) == std::vector<std::string>{"s3:GetEncryptionConfiguration"});
  CHECK(Actions("{'eventSource': 'ec2.amazonaws.com', 'eventName': 'RunInstances', "
                "'requestParameters': {'instanceType': 't3.micro'}}") ==
        std::vector<std::string>{"ec2:RunInstances"});
  CHECK(Actions("{'eventSource': 'ec2.amazonaws.com', 'eventName': 'RunInstances', "
                "'requestParameters': {'iamInstanceProfile': {'name': 'p'}}}") ==
        std::vector<std::string>{"ec2:RunInstances", "iam:PassRole"});
  CHECK(Actions("{'eventSource': 'sts.amazonaws.com', 'eventName': 'AssumeRole'}") ==
        std::vector<std::string>{"sts:AssumeRole"});
  CHECK(Actions("{'eventSource': 'lambda.amazonaws.com', 'eventName': 'Invoke20150331'}") ==
        std::vector<std::string>{"lambda:InvokeFunction"});
  CHECK(Actions("{'eventSource': 'lambda.amazonaws.com', 'eventName': 'Invoke'}") ==
        std::vector<std::string>{"lambda:InvokeFunction"});
  CHECK(Actions("{'eventSource': 'lambda.amazonaws.com', 'eventName': 'GetFunction20150331v2'}") ==
        std::vector<std::string>{"lambda:GetFunction"});
  CHECK(Actions("{'eventSource': 'kms.amazonaws.com', 'eventName': 'Decrypt'}") ==
        std::vector<std::string>{"kms:Decrypt"});
  CHECK(Actions("{'eventSource': 'dynamodb.amazonaws.com', 'eventName': 'GetItem'}") ==
        std::vector<std::string>{"dynamodb:GetItem"});
  CHECK(Actions("{'eventSource': 'monitoring.amazonaws.com', 'eventName': 'PutMetricData'}") ==
        std::vector<std::string>{"cloudwatch:PutMetricData"});
  CHECK(Actions("{'eventSource': 'example.com', 'eventName': 'Anything'}") == std::vector<std::string>{});
}

TEST_CASE("event mapping: resources from the events of a workload", "[generate]") {
  Trail t = ReadTrailFixture("workload.jsonl");
  REQUIRE(t.events().size() == 15);
  const auto& e = t.events();
  CHECK(Mapped(e[0]) == std::vector<std::string>{
                            "ec2:RunInstances: arn:aws:ec2:us-east-1::image/ami-0abc1234 "
                            "arn:aws:ec2:us-east-1:444455556666:instance/i-0bbb2222",
                            "iam:PassRole (unrecorded): arn:aws:iam::444455556666:role/*",
                            "note: the instance profile's role is not recorded: narrow iam:PassRole to it"});
  CHECK(Mapped(e[1]) == std::vector<std::string>{"ec2:DescribeInstances: *"});
  CHECK(Mapped(e[2]) == std::vector<std::string>{
                            "ec2:StopInstances: arn:aws:ec2:us-east-1:444455556666:instance/i-0bbb2222"});
  CHECK(Mapped(e[3]) == std::vector<std::string>{"s3:GetObject: arn:aws:s3:::src-bucket/data/a.txt",
                                                 "s3:PutObject: arn:aws:s3:::dst-bucket/copies/a.txt"});
  CHECK(Mapped(e[4]) == std::vector<std::string>{
                            "s3:DeleteObject: arn:aws:s3:::tmp-bucket/x/1 arn:aws:s3:::tmp-bucket/x/2"});
  CHECK(Mapped(e[5]) == std::vector<std::string>{
                            "lambda:InvokeFunction: arn:aws:lambda:us-east-1:444455556666:function:thumbnailer"});
  CHECK(Mapped(e[6]) == std::vector<std::string>{
                            "lambda:GetFunction: arn:aws:lambda:us-east-1:444455556666:function:thumbnailer"});
  CHECK(Mapped(e[7]) == std::vector<std::string>{
                            "kms:Decrypt: arn:aws:kms:us-east-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab"});
  CHECK(Mapped(e[8]) == std::vector<std::string>{
                            "dynamodb:GetItem: arn:aws:dynamodb:us-east-1:444455556666:table/orders"});
  CHECK(Mapped(e[9]) == std::vector<std::string>{"sts:AssumeRole: arn:aws:iam::444455556666:role/deployer"});
  CHECK(Mapped(e[10]) == std::vector<std::string>{"?apigateway:CreateStage"});
  CHECK(Mapped(e[11]) == std::vector<std::string>{"s3:GetObject: arn:aws:s3:::src-bucket/data/secret.txt"});
  CHECK(Mapped(e[12]) == std::vector<std::string>{"sts:GetCallerIdentity: *"});
  CHECK(Mapped(e[13]) == std::vector<std::string>{"iam:ListUsers: *"});
  CHECK(Mapped(e[14]) == std::vector<std::string>{"iam:GetUser: arn:aws:iam::444455556666:user/dave"});
}

TEST_CASE("event mapping: without a recorded resource, the ARN format's pattern", "[generate]") {
  Trail t = ReadTrailText(Q("{'eventSource': 'dynamodb.amazonaws.com', 'eventName': 'GetItem', "
                            "'awsRegion': 'eu-west-1', 'recipientAccountId': '111122223333'}"));
  CHECK(Mapped(t.events()[0]) == std::vector<std::string>{
                                     "dynamodb:GetItem (unrecorded): arn:aws:dynamodb:eu-west-1:111122223333:table/*"});
  // No usable region or account: `*` in their place.
  Trail partial = ReadTrailText(Q("{'eventSource': 'ec2.amazonaws.com', 'eventName': 'StopInstances', "
                                  "'awsRegion': 'awsRegion', 'recipientAccountId': 'accountId'}"));
  CHECK(Mapped(partial.events()[0]) == std::vector<std::string>{
                                           "ec2:StopInstances (unrecorded): arn:aws:ec2:*:*:instance/*"});
  // China regions use the aws-cn partition.
  Trail china = ReadTrailText(Q("{'eventSource': 's3.amazonaws.com', 'eventName': 'GetObject', "
                                "'awsRegion': 'cn-north-1', 'requestParameters': {'bucketName': 'b', 'key': 'k'}}"));
  CHECK(Mapped(china.events()[0]) == std::vector<std::string>{"s3:GetObject: arn:aws-cn:s3:::b/k"});
  std::optional<ActionId> list = Cat().FindAction("s3:ListAllMyBuckets");
  REQUIRE(list);
  CHECK(ResourcePatternFromTemplate(Cat(), *list, "aws", "us-east-1", "1") == "*");
}

TEST_CASE("event mapping: candidate ARNs, targets and copy sources apart", "[generate]") {
  Trail t = ReadTrailText(Q(
      "{'eventSource': 's3.amazonaws.com', 'eventName': 'CopyObject', 'requestParameters': "
      "{'bucketName': 'dst', 'key': 'a b.txt', 'x-amz-copy-source': '/src/dir/a%20b.txt?versionId=3'}, "
      "'resources': [{'ARN': 'arn:aws:s3:::dst/a b.txt'}, {'ARN': 'not-an-arn'}]}"));
  EventArns arns = CandidateArns(t.events()[0]);
  CHECK(arns.targets == std::vector<std::string>{"arn:aws:s3:::dst/a b.txt", "arn:aws:s3:::dst"});
  CHECK(arns.copy_sources == std::vector<std::string>{"arn:aws:s3:::src/dir/a b.txt"});
  Trail sqs = ReadTrailText(Q("{'eventSource': 'sqs.amazonaws.com', 'eventName': 'SendMessage', "
                              "'awsRegion': 'us-east-1', 'recipientAccountId': '111122223333', "
                              "'requestParameters': {'queueUrl': 'https://sqs.us-east-1.amazonaws.com/444455556666/jobs'}}"));
  CHECK(CandidateArns(sqs.events()[0]).targets ==
        std::vector<std::string>{"arn:aws:sqs:us-east-1:444455556666:jobs"});
}

}  // namespace
}  // namespace iamlint

#include "bench/synthetic.h"

#include <random>

namespace iamlint::bench {

namespace {

struct Service {
  const char* prefix;
  std::vector<const char*> actions;
  const char* arn_format;  // %s = a resource name
};

const std::vector<Service>& Services() {
  static const std::vector<Service> kServices = {
      {"s3", {"GetObject", "PutObject", "DeleteObject", "ListBucket", "GetBucketPolicy", "ListAllMyBuckets"},
       "arn:aws:s3:::%s"},
      {"ec2", {"RunInstances", "StartInstances", "StopInstances", "DescribeInstances", "TerminateInstances"},
       "arn:aws:ec2:us-east-1:123456789012:instance/%s"},
      {"dynamodb", {"GetItem", "PutItem", "Query", "Scan", "DeleteTable"},
       "arn:aws:dynamodb:eu-west-1:123456789012:table/%s"},
      {"lambda", {"InvokeFunction", "GetFunction", "UpdateFunctionCode", "DeleteFunction"},
       "arn:aws:lambda:eu-west-1:123456789012:function:%s"},
      {"sqs", {"SendMessage", "ReceiveMessage", "DeleteMessage", "GetQueueAttributes"},
       "arn:aws:sqs:us-east-1:123456789012:%s"},
      {"kms", {"Decrypt", "Encrypt", "GenerateDataKey", "DescribeKey"},
       "arn:aws:kms:us-east-1:123456789012:key/%s"},
      {"logs", {"CreateLogStream", "PutLogEvents", "DescribeLogGroups"},
       "arn:aws:logs:us-east-1:123456789012:log-group:%s"},
      {"iam", {"PassRole", "CreateAccessKey", "ListUsers", "GetRole"},
       "arn:aws:iam::123456789012:role/%s"},
  };
  return kServices;
}

const std::vector<const char*>& Names() {
  static const std::vector<const char*> kNames = {"reports", "payroll", "web-assets", "ci-cache",
                                                  "orders",  "audit",   "ml-data",    "backups"};
  return kNames;
}

std::string Format(const char* format, const std::string& name) {
  std::string out(format);
  size_t at = out.find("%s");
  out.replace(at, 2, name);
  return out;
}

}  // namespace

std::string SyntheticPolicy(size_t statements, uint32_t seed) {
  std::mt19937 rng(seed);
  auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };
  const auto& services = Services();
  const auto& names = Names();
  std::string out = "{\"Version\":\"2012-10-17\",\"Statement\":[";
  for (size_t i = 0; i < statements; ++i) {
    if (i) out += ",";
    const Service& s = services[pick(services.size())];
    bool deny = pick(10) == 0;
    out += "{\"Sid\":\"S" + std::to_string(i) + "\",\"Effect\":\"" + (deny ? "Deny" : "Allow") + "\",";
    size_t form = pick(10);
    std::string action;
    if (form == 0) {
      action = std::string(s.prefix) + ":*";
    } else if (form <= 2) {
      std::string a = s.actions[pick(s.actions.size())];
      action = std::string(s.prefix) + ":" + a.substr(0, 3) + "*";
    } else {
      action = std::string(s.prefix) + ":" + s.actions[pick(s.actions.size())];
    }
    out += (form == 9 ? "\"NotAction\":\"" : "\"Action\":\"") + action + "\",";
    std::string name = names[pick(names.size())];
    size_t rform = pick(8);
    std::string resource;
    if (rform == 0) {
      resource = "*";
    } else if (rform == 1) {
      resource = Format(s.arn_format, name + "/${aws:username}/*");
    } else if (rform == 2) {
      resource = Format(s.arn_format, name.substr(0, 2) + "*");
    } else {
      resource = Format(s.arn_format, name + (std::string(s.prefix) == "s3" ? "/*" : ""));
    }
    out += "\"Resource\":\"" + resource + "\"";
    switch (pick(6)) {
      case 0:
        out += ",\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}";
        break;
      case 1:
        out += ",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":[\"203.0.113.0/24\",\"198.51.100.0/24\"]}}";
        break;
      case 2:
        out += ",\"Condition\":{\"StringEquals\":{\"aws:PrincipalTag/team\":\"" + name + "\"},"
               "\"DateLessThan\":{\"aws:CurrentTime\":\"2030-01-01T00:00:00Z\"}}";
        break;
      default:
        break;
    }
    out += "}";
  }
  out += "]}";
  return out;
}

std::vector<SyntheticRequest> SyntheticRequests(size_t count, uint32_t seed) {
  std::mt19937 rng(seed);
  auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };
  const auto& services = Services();
  const auto& names = Names();
  std::vector<SyntheticRequest> out;
  out.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    const Service& s = services[pick(services.size())];
    SyntheticRequest r;
    r.principal = "arn:aws:iam::123456789012:user/user" + std::to_string(pick(50));
    r.action = std::string(s.prefix) + ":" + s.actions[pick(s.actions.size())];
    std::string name = names[pick(names.size())];
    r.resource = Format(s.arn_format, name + (std::string(s.prefix) == "s3" ? "/user7/file.txt" : ""));
    r.context = {{"aws:username", r.principal.substr(r.principal.rfind('/') + 1)},
                 {"aws:SourceIp", pick(2) ? "203.0.113.7" : "192.0.2.1"},
                 {"aws:CurrentTime", "2026-11-30T00:00:00Z"},
                 {"aws:PrincipalTag/team", names[pick(names.size())]}};
    if (pick(2)) r.context.push_back({"aws:MultiFactorAuthPresent", "true"});
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace iamlint::bench

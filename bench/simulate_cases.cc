#include "bench/simulate_cases.h"

#include <algorithm>
#include <cstdio>
#include <random>
#include <sstream>

#include "engine/catalog/catalog.h"

namespace iamlint::bench {

namespace {

using Rng = std::mt19937_64;

size_t Pick(Rng& rng, size_t n) { return static_cast<size_t>(rng() % n); }
bool Chance(Rng& rng, unsigned percent) { return rng() % 100 < percent; }

std::string Quote(std::string_view s) {
  // Generated text holds no character that JSON must escape.
  return "\"" + std::string(s) + "\"";
}

std::string List(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ",";
    out += Quote(items[i]);
  }
  return out + "]";
}

const std::string kAccount(kCaseAccount);

// `count` distinct catalog actions of `service` at `level`, in name order,
// canonical spelling; fewer when the service has fewer.
std::vector<std::string> CatalogActions(Rng& rng, std::string_view service, AccessLevel level,
                                        size_t count) {
  const Catalog& catalog = Catalog::BuiltIn();
  std::vector<std::string> out;
  std::optional<ServiceId> id = catalog.FindService(service);
  if (!id) return out;
  std::vector<ActionId> actions = catalog.ActionsWithLevel(*id, level);
  std::vector<ActionId> chosen;
  for (size_t i = 0; i < count && !actions.empty(); ++i) {
    size_t at = Pick(rng, actions.size());
    chosen.push_back(actions[at]);
    actions.erase(actions.begin() + static_cast<std::ptrdiff_t>(at));
  }
  std::sort(chosen.begin(), chosen.end());
  for (ActionId a : chosen) out.push_back(catalog.FullName(a));
  return out;
}

std::vector<std::string> Concat(std::vector<std::string> a, const std::vector<std::string>& b) {
  for (const std::string& s : b) {
    if (std::find(a.begin(), a.end(), s) == a.end()) a.push_back(s);
  }
  return a;
}

std::string Statement(std::string_view sid, std::string_view effect, std::string_view action_key,
                      const std::vector<std::string>& actions,
                      const std::vector<std::string>& resources, std::string_view condition = {}) {
  std::string out = "{\"Sid\":" + Quote(sid) + ",\"Effect\":" + Quote(effect) + ",\"" +
                    std::string(action_key) + "\":" + List(actions) +
                    ",\"Resource\":" + List(resources);
  if (!condition.empty()) out += ",\"Condition\":" + std::string(condition);
  return out + "}";
}

// One statement kind: writes a statement whose names carry the variant
// suffix `v` ("" for the principal's own policies, "-7" in large sets).
using StatementKind = std::string (*)(Rng&, const std::string& v);

std::string S3ReadReports(Rng& rng, const std::string& v) {
  auto actions = Concat({"s3:GetObject", "s3:GetObjectVersion", "s3:ListBucket"},
                        CatalogActions(rng, "s3", AccessLevel::kRead, 2));
  return Statement("ReadReports", "Allow", "Action", actions,
                   {"arn:aws:s3:::example-reports" + v, "arn:aws:s3:::example-reports" + v + "/*"});
}

std::string S3HomeObjects(Rng&, const std::string& v) {
  return Statement("HomeFolderObjects", "Allow", "Action",
                   {"s3:GetObject", "s3:PutObject", "s3:DeleteObject"},
                   {"arn:aws:s3:::example-home" + v + "/home/${aws:username}/*"});
}

std::string S3HomeList(Rng&, const std::string& v) {
  return Statement("ListOwnHomeFolder", "Allow", "Action", {"s3:ListBucket"},
                   {"arn:aws:s3:::example-home" + v},
                   R"({"StringLike":{"s3:prefix":["home/${aws:username}/","home/${aws:username}/*"]}})");
}

std::string Ec2Describe(Rng& rng, const std::string&) {
  auto actions = Concat({"ec2:Describe*"}, CatalogActions(rng, "ec2", AccessLevel::kList, 2));
  return Statement("Ec2ReadOnly", "Allow", "Action", actions, {"*"});
}

std::string Ec2Operate(Rng& rng, const std::string&) {
  auto actions = Concat({"ec2:StartInstances", "ec2:StopInstances", "ec2:RebootInstances"},
                        CatalogActions(rng, "ec2", AccessLevel::kWrite, 1));
  return Statement("OperateInstances", "Allow", "Action", actions, {"arn:aws:ec2:*:" + kAccount + ":instance/*"},
                   R"({"StringEquals":{"aws:RequestedRegion":["us-east-1","eu-west-1"]}})");
}

std::string DenyOutsideNetwork(Rng&, const std::string&) {
  return Statement("DenyOutsideCorporateNetwork", "Deny", "NotAction",
                   {"iam:*", "sts:*", "s3:ListAllMyBuckets"}, {"*"},
                   R"({"NotIpAddress":{"aws:SourceIp":["203.0.113.0/24","192.0.2.0/24"]}})");
}

std::string DenyWithoutMfa(Rng&, const std::string&) {
  return Statement("DenySensitiveWithoutMfa", "Deny", "Action",
                   {"iam:*", "kms:ScheduleKeyDeletion", "s3:DeleteBucket", "ec2:TerminateInstances"},
                   {"*"}, R"({"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}})");
}

std::string DynamoOrders(Rng& rng, const std::string& v) {
  auto actions = Concat({"dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query",
                         "dynamodb:PutItem", "dynamodb:UpdateItem"},
                        CatalogActions(rng, "dynamodb", AccessLevel::kRead, 2));
  return Statement("OrdersTable", "Allow", "Action", actions,
                   {"arn:aws:dynamodb:*:" + kAccount + ":table/orders" + v,
                    "arn:aws:dynamodb:*:" + kAccount + ":table/orders" + v + "/index/*"});
}

std::string LambdaDeploy(Rng& rng, const std::string& v) {
  auto actions = Concat({"lambda:UpdateFunctionCode", "lambda:UpdateFunctionConfiguration",
                         "lambda:GetFunction", "lambda:InvokeFunction"},
                        CatalogActions(rng, "lambda", AccessLevel::kRead, 1));
  return Statement("DeployAppFunctions", "Allow", "Action", actions,
                   {"arn:aws:lambda:*:" + kAccount + ":function:app" + v + "-*"});
}

std::string PassRoleToLambda(Rng&, const std::string& v) {
  return Statement("PassRoleToLambda", "Allow", "Action", {"iam:PassRole"},
                   {"arn:aws:iam::" + kAccount + ":role/lambda" + v + "-*"},
                   R"({"StringEquals":{"iam:PassedToService":"lambda.amazonaws.com"}})");
}

std::string ContractorQueues(Rng& rng, const std::string& v) {
  auto actions = Concat({"sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage", "sns:Publish"},
                        CatalogActions(rng, "sqs", AccessLevel::kRead, 1));
  return Statement("ContractUntil2027", "Allow", "Action", actions,
                   {"arn:aws:sqs:us-east-1:" + kAccount + ":jobs" + v + "-*",
                    "arn:aws:sns:us-east-1:" + kAccount + ":alerts" + v},
                   R"({"DateGreaterThan":{"aws:CurrentTime":"2026-01-01T00:00:00Z"},)"
                   R"("DateLessThan":{"aws:CurrentTime":"2027-01-01T00:00:00Z"}})");
}

std::string ReadAppSecrets(Rng&, const std::string& v) {
  return Statement("ReadAppSecrets", "Allow", "Action",
                   {"secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"},
                   {"arn:aws:secretsmanager:*:" + kAccount + ":secret:app" + v + "/*"});
}

std::string DecryptViaSecrets(Rng&, const std::string&) {
  return Statement("DecryptThroughSecretsManager", "Allow", "Action", {"kms:Decrypt"},
                   {"arn:aws:kms:*:" + kAccount + ":key/*"},
                   R"({"StringEquals":{"kms:ViaService":["secretsmanager.us-east-1.amazonaws.com",)"
                   R"("secretsmanager.eu-west-1.amazonaws.com"]}})");
}

std::string DenyPlainHttpSecrets(Rng&, const std::string&) {
  return Statement("DenySecretsOverPlainHttp", "Deny", "Action", {"secretsmanager:*"}, {"*"},
                   R"({"Bool":{"aws:SecureTransport":"false"}})");
}

std::string SandboxPowerUser(Rng&, const std::string&) {
  return Statement("SandboxRegionPowerUser", "Allow", "NotAction",
                   {"iam:*", "organizations:*", "account:*"}, {"*"},
                   R"({"StringEquals":{"aws:RequestedRegion":"us-west-2",)"
                   R"("aws:PrincipalTag/team":"platform"}})");
}

std::string DenyAuditTampering(Rng& rng, const std::string&) {
  auto actions = Concat({"cloudtrail:StopLogging", "cloudtrail:DeleteTrail"},
                        CatalogActions(rng, "cloudtrail", AccessLevel::kWrite, 1));
  return Statement("DenyAuditTampering", "Deny", "Action", actions, {"*"});
}

struct PolicyShape {
  const char* name;
  std::vector<StatementKind> statements;
};

const std::vector<PolicyShape>& Shapes() {
  static const std::vector<PolicyShape> kShapes = {
      {"P01-S3ReadReports", {S3ReadReports}},
      {"P02-S3HomeFolder", {S3HomeObjects, S3HomeList}},
      {"P03-Ec2Operators", {Ec2Describe, Ec2Operate}},
      {"P04-DenyOutsideNetwork", {DenyOutsideNetwork}},
      {"P05-RequireMfa", {DenyWithoutMfa}},
      {"P06-OrdersTable", {DynamoOrders}},
      {"P07-LambdaDeploy", {LambdaDeploy, PassRoleToLambda}},
      {"P08-ContractorQueues", {ContractorQueues}},
      {"P09-AppSecrets", {ReadAppSecrets, DecryptViaSecrets, DenyPlainHttpSecrets}},
      {"P10-SandboxPowerUser", {SandboxPowerUser, DenyAuditTampering}},
  };
  return kShapes;
}

std::string Document(const std::vector<std::string>& statements) {
  std::string out = "{\"Version\":\"2012-10-17\",\"Statement\":[";
  for (size_t i = 0; i < statements.size(); ++i) {
    if (i) out += ",";
    out += statements[i];
  }
  return out + "]}";
}

// --- Requests ----------------------------------------------------------------

struct User {
  const char* name;
  const char* team;
};
const User kUsers[] = {{"alice", "platform"}, {"bob", "data"}, {"carol", "platform"}};
const char* const kRegions[] = {"us-east-1", "eu-west-1", "us-west-2", "ap-southeast-2"};

// Actions the policies name (and their near misses), asked most often.
const char* const kHotActions[] = {
    "s3:GetObject",        "s3:PutObject",          "s3:DeleteObject",
    "s3:ListBucket",       "s3:GetObjectVersion",   "s3:ListAllMyBuckets",
    "s3:DeleteBucket",     "ec2:DescribeInstances", "ec2:StartInstances",
    "ec2:StopInstances",   "ec2:TerminateInstances", "ec2:RunInstances",
    "dynamodb:GetItem",    "dynamodb:Query",        "dynamodb:PutItem",
    "dynamodb:DeleteTable", "lambda:UpdateFunctionCode", "lambda:InvokeFunction",
    "lambda:DeleteFunction", "iam:PassRole",        "iam:CreateAccessKey",
    "iam:ListUsers",       "sqs:SendMessage",       "sqs:ReceiveMessage",
    "sns:Publish",         "secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue",
    "kms:Decrypt",         "kms:ScheduleKeyDeletion", "cloudtrail:StopLogging",
    "sts:GetCallerIdentity", "logs:PutLogEvents",   "rds:DescribeDBInstances",
};
const char* const kPolicyServices[] = {"s3",  "ec2", "dynamodb",       "lambda", "iam",       "sqs",
                                       "sns", "kms", "secretsmanager", "cloudtrail", "logs"};

// A value for the `${Var}` of an ARN format.
std::string VariableValue(Rng& rng, std::string_view var, const User& user) {
  auto one = [&](std::initializer_list<const char*> xs) {
    return std::string(*(xs.begin() + static_cast<std::ptrdiff_t>(Pick(rng, xs.size()))));
  };
  if (var == "BucketName") return one({"example-reports", "example-home", "example-logs", "other-team-data"});
  if (var == "ObjectName") {
    if (Chance(rng, 50)) return std::string("home/") + (Chance(rng, 80) ? user.name : "dave") + "/notes.txt";
    return one({"reports/q1.csv", "reports/2026/q3.pdf", "index.html", "logs/app.log"});
  }
  if (var == "TableName") return one({"orders", "orders-archive", "users", "sessions"});
  if (var == "IndexName") return one({"by-customer", "by-date"});
  if (var == "FunctionName") return one({"app-api", "app-worker", "legacy-cron", "app-thumbnailer"});
  if (var == "RoleNameWithPath" || var == "RoleName") return one({"lambda-app-api", "lambda-worker", "admin", "ec2-web"});
  if (var == "QueueName") return one({"jobs-high", "jobs-low", "deadletter"});
  if (var == "TopicName") return one({"alerts", "billing"});
  if (var == "SecretId") return one({"app/db-password-AbCdEf", "app/api-key-123456", "prod/root-XyZ123"});
  if (var == "KeyId") return one({"1234abcd-12ab-34cd-56ef-1234567890ab", "0987dcba-09fe-87dc-65ba-ab0987654321"});
  if (var == "InstanceId") return "i-0" + std::to_string(100000 + Pick(rng, 900000)) + "abcdef";
  if (var == "UserNameWithPath" || var == "UserName") return one({"alice", "bob", "carol", "deploy-bot"});
  return std::string(var.size() > 2 && var.substr(var.size() - 2) == "Id" ? "id-" : "res-") +
         std::to_string(Pick(rng, 1000));
}

std::string FillArnFormat(Rng& rng, std::string_view format, std::string_view region,
                          const User& user) {
  std::string out;
  size_t i = 0;
  while (i < format.size()) {
    size_t open = format.find("${", i);
    if (open == std::string_view::npos) {
      out.append(format.substr(i));
      break;
    }
    out.append(format.substr(i, open - i));
    size_t close = format.find('}', open);
    if (close == std::string_view::npos) {
      out.append(format.substr(open));
      break;
    }
    std::string_view var = format.substr(open + 2, close - open - 2);
    if (var == "Partition") {
      out += "aws";
    } else if (var == "Region") {
      out += region;
    } else if (var == "Account") {
      out += Chance(rng, 92) ? kAccount : std::string("444455556666");
    } else {
      out += VariableValue(rng, var, user);
    }
    i = close + 1;
  }
  return out;
}

std::string JoinContext(const std::vector<std::pair<std::string, std::string>>& context) {
  std::string out = "{";
  for (size_t i = 0; i < context.size(); ++i) {
    if (i) out += ",";
    out += Quote(context[i].first) + ":" + Quote(context[i].second);
  }
  return out + "}";
}

}  // namespace

std::vector<NamedPolicy> PrincipalPolicies(uint64_t seed) {
  Rng rng(seed);
  std::vector<NamedPolicy> out;
  for (const PolicyShape& shape : Shapes()) {
    std::vector<std::string> statements;
    for (StatementKind kind : shape.statements) statements.push_back(kind(rng, ""));
    out.push_back(NamedPolicy{shape.name, Document(statements)});
  }
  return out;
}

std::string RealisticPolicy(size_t index, size_t statements, uint64_t seed) {
  Rng rng(seed * 1000003u + index);
  std::vector<StatementKind> kinds;
  for (const PolicyShape& shape : Shapes()) {
    kinds.insert(kinds.end(), shape.statements.begin(), shape.statements.end());
  }
  std::string v = "-" + std::to_string(index);
  std::vector<std::string> out;
  for (size_t i = 0; i < statements; ++i) {
    std::string st = kinds[Pick(rng, kinds.size())](rng, v);
    // Sids must be unique within a policy.
    size_t end = st.find("\",", 8);
    st.insert(end, std::to_string(i));
    out.push_back(std::move(st));
  }
  return Document(out);
}

struct CaseGenerator::State {
  std::vector<std::string> policy_names;
  Rng rng;
  uint64_t next = 0;
  std::vector<ActionId> service_actions;  // every action of kPolicyServices
};

CaseGenerator::CaseGenerator(std::vector<std::string> policy_names, uint64_t seed)
    : state_(std::make_unique<State>()) {
  state_->policy_names = std::move(policy_names);
  state_->rng.seed(seed ^ 0x9e3779b97f4a7c15ull);
  const Catalog& catalog = Catalog::BuiltIn();
  for (const char* prefix : kPolicyServices) {
    if (std::optional<ServiceId> id = catalog.FindService(prefix)) {
      ActionRange range = catalog.actions_of(*id);
      for (ActionId a = range.begin; a < range.end; ++a) state_->service_actions.push_back(a);
    }
  }
}

CaseGenerator::~CaseGenerator() = default;

std::string CaseGenerator::Next() {
  Rng& rng = state_->rng;
  const Catalog& catalog = Catalog::BuiltIn();
  const User& user = kUsers[Pick(rng, std::size(kUsers))];
  std::string_view region = kRegions[Pick(rng, std::size(kRegions))];

  ActionId action = 0;
  unsigned roll = static_cast<unsigned>(Pick(rng, 100));
  if (roll < 55) {
    action = *catalog.FindAction(kHotActions[Pick(rng, std::size(kHotActions))]);
  } else if (roll < 90) {
    action = state_->service_actions[Pick(rng, state_->service_actions.size())];
  } else {
    action = static_cast<ActionId>(Pick(rng, catalog.action_count()));
  }
  std::string action_name = catalog.FullName(action);
  std::string service(catalog.service_prefix(catalog.action_service(action)));

  std::string resource = "*";
  auto links = catalog.ResourceTypesOf(action);
  if (!links.empty()) {
    const ResourceLink& link = links[Pick(rng, links.size())];
    auto formats = catalog.arn_templates(link.type);
    if (!formats.empty()) resource = FillArnFormat(rng, formats[0], region, user);
  }
  // The region the request goes to: the resource's when it names one.
  std::string requested_region(region);

  std::string principal = "arn:aws:iam::" + kAccount + ":user/" + user.name;
  std::vector<std::pair<std::string, std::string>> context;
  context.emplace_back("aws:username", user.name);
  context.emplace_back("aws:PrincipalTag/team", user.team);
  context.emplace_back("aws:SourceIp", Chance(rng, 75)
                                           ? "203.0.113." + std::to_string(1 + Pick(rng, 254))
                                           : "198.51.100." + std::to_string(1 + Pick(rng, 254)));
  unsigned mfa = static_cast<unsigned>(Pick(rng, 10));
  if (mfa < 6) context.emplace_back("aws:MultiFactorAuthPresent", "true");
  else if (mfa < 9) context.emplace_back("aws:MultiFactorAuthPresent", "false");
  char date[80];
  std::snprintf(date, sizeof date, "%d-%02d-%02dT%02d:%02d:00Z", 2026 + static_cast<int>(Pick(rng, 2)),
                1 + static_cast<int>(Pick(rng, 12)), 1 + static_cast<int>(Pick(rng, 28)),
                static_cast<int>(Pick(rng, 24)), static_cast<int>(Pick(rng, 60)));
  context.emplace_back("aws:CurrentTime", date);
  context.emplace_back("aws:SecureTransport", Chance(rng, 95) ? "true" : "false");
  context.emplace_back("aws:RequestedRegion", requested_region);
  if (action_name == "s3:ListBucket") {
    context.emplace_back("s3:prefix", Chance(rng, 70) ? std::string("home/") + user.name + "/"
                                                      : std::string("reports/"));
  } else if (action_name == "iam:PassRole") {
    context.emplace_back("iam:PassedToService",
                         Chance(rng, 70) ? "lambda.amazonaws.com" : "ec2.amazonaws.com");
  } else if (service == "kms") {
    context.emplace_back("kms:ViaService", Chance(rng, 70)
                                               ? "secretsmanager." + requested_region + ".amazonaws.com"
                                               : "s3." + requested_region + ".amazonaws.com");
  }

  char id[32];
  std::snprintf(id, sizeof id, "c%07llu", static_cast<unsigned long long>(state_->next++));
  std::string out = "{\"id\":" + Quote(id) + ",\"policies\":{\"identity\":" +
                    List(state_->policy_names) + "},\"request\":{\"principal\":" + Quote(principal) +
                    ",\"action\":" + Quote(action_name) + ",\"resource\":" + Quote(resource) +
                    ",\"context\":" + JoinContext(context) + "}}";
  return out;
}

void WriteSimulateCases(size_t count, uint64_t seed, std::ostream& out) {
  std::vector<NamedPolicy> policies = PrincipalPolicies(seed);
  std::vector<std::string> names;
  out << "{\"define\":{";
  for (size_t i = 0; i < policies.size(); ++i) {
    if (i) out << ",";
    out << Quote(policies[i].name) << ":" << policies[i].text;
    names.push_back(policies[i].name);
  }
  out << "}}\n";
  CaseGenerator generator(std::move(names), seed);
  for (size_t i = 0; i < count; ++i) out << generator.Next() << '\n';
}

std::string SimulateCases(size_t count, uint64_t seed) {
  std::ostringstream out;
  WriteSimulateCases(count, seed, out);
  return out.str();
}

}  // namespace iamlint::bench

#include "bench/synthetic_account.h"

#include <algorithm>
#include <array>
#include <optional>
#include <random>
#include <string_view>
#include <vector>

#include "engine/catalog/catalog.h"
#include "engine/catalog/managed_policies.h"

namespace iamlint::bench {

namespace {

constexpr std::string_view kAccount = "123456789012";

// splitmix64: names and per-entity facts that must not depend on the order
// of the main random stream (SyntheticUserName, the credential report).
uint64_t Mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}
uint64_t Hash(uint64_t seed, uint64_t salt, uint64_t i) { return Mix(Mix(seed ^ salt) + i); }

constexpr std::array<std::string_view, 24> kFirst = {
    "alice", "bob",   "carol", "dave",  "erin",  "frank", "grace", "heidi",
    "ivan",  "judy",  "mallory", "nina", "oscar", "peggy", "quinn", "rupert",
    "sybil", "trent", "ursula", "victor", "wendy", "xavier", "yara", "zoe"};
constexpr std::array<std::string_view, 16> kLast = {
    "nguyen", "smith", "garcia", "kowalski", "muller", "rossi", "tanaka", "silva",
    "okafor", "larsen", "dubois", "novak", "haddad", "ivanova", "chen", "moreau"};
constexpr std::array<std::string_view, 20> kNouns = {
    "orders",  "payments", "reports",  "web-assets", "ci-cache", "ml-data", "backups",
    "audit",   "invoices", "profiles", "sessions",   "events",   "images",  "search",
    "billing", "analytics", "exports", "inventory",  "shipping", "catalog"};
constexpr std::array<std::string_view, 3> kEnvs = {"prod", "staging", "dev"};
constexpr std::array<std::string_view, 4> kRegions = {"us-east-1", "eu-west-1", "eu-central-1",
                                                      "ap-southeast-2"};
constexpr std::array<std::string_view, 5> kTeams = {"platform", "data", "web", "mobile", "security"};

enum class RoleKind { kLambda, kEc2, kEcsTask, kGithubOidc, kSso };

RoleKind RoleKindOf(const SyntheticAccountSpec& spec, size_t i) {
  uint64_t h = Hash(spec.seed, 2, i) % 100;
  if (h < 40) return RoleKind::kLambda;
  if (h < 65) return RoleKind::kEc2;
  if (h < 75) return RoleKind::kEcsTask;
  if (h < 90) return RoleKind::kGithubOidc;
  return RoleKind::kSso;
}

std::string Num(size_t i, int width) {
  std::string s = std::to_string(i);
  if (s.size() < static_cast<size_t>(width)) s.insert(0, static_cast<size_t>(width) - s.size(), '0');
  return s;
}

// One service the statements draw from: its real actions by access level,
// the `Verb*` prefixes that match some of them, and ARN shapes.
struct ServicePool {
  std::string prefix;
  std::array<std::vector<std::string>, kAccessLevelCount> by_level;  // "s3:GetObject"
  std::vector<std::string> prefixes;                                  // "s3:Get*"
  std::vector<std::string> arns;  // `{n}` = a name, `{r}` = a region
};

struct ServiceShape {
  std::string_view prefix;
  std::vector<std::string_view> arns;
};

const std::vector<ServiceShape>& Shapes() {
  static const std::vector<ServiceShape> kShapes = {
      {"s3", {"arn:aws:s3:::{n}", "arn:aws:s3:::{n}/*", "arn:aws:s3:::{n}/home/${aws:username}/*"}},
      {"dynamodb", {"arn:aws:dynamodb:{r}:{a}:table/{n}", "arn:aws:dynamodb:{r}:{a}:table/{n}/index/*"}},
      {"lambda", {"arn:aws:lambda:{r}:{a}:function:{n}", "arn:aws:lambda:{r}:{a}:function:{n}-*"}},
      {"sqs", {"arn:aws:sqs:{r}:{a}:{n}", "arn:aws:sqs:{r}:{a}:{n}-dlq"}},
      {"sns", {"arn:aws:sns:{r}:{a}:{n}"}},
      {"kms", {"arn:aws:kms:{r}:{a}:key/{k}", "arn:aws:kms:{r}:{a}:alias/{n}"}},
      {"logs", {"arn:aws:logs:{r}:{a}:log-group:/aws/lambda/{n}:*", "arn:aws:logs:{r}:{a}:log-group:{n}"}},
      {"secretsmanager", {"arn:aws:secretsmanager:{r}:{a}:secret:{n}-*"}},
      {"ssm", {"arn:aws:ssm:{r}:{a}:parameter/{n}/*"}},
      {"ec2", {"arn:aws:ec2:{r}:{a}:instance/*", "arn:aws:ec2:{r}:{a}:volume/*", "arn:aws:ec2:{r}::image/*"}},
      {"ecr", {"arn:aws:ecr:{r}:{a}:repository/{n}"}},
      {"ecs", {"arn:aws:ecs:{r}:{a}:cluster/{n}", "arn:aws:ecs:{r}:{a}:service/{n}/*"}},
      {"iam", {"arn:aws:iam::{a}:role/{n}", "arn:aws:iam::{a}:user/${aws:username}", "arn:aws:iam::{a}:policy/{n}"}},
      {"sts", {"arn:aws:iam::{a}:role/{n}"}},
      {"cloudwatch", {"arn:aws:cloudwatch:{r}:{a}:alarm:{n}-*"}},
      {"cloudtrail", {"arn:aws:cloudtrail:{r}:{a}:trail/{n}"}},
      {"rds", {"arn:aws:rds:{r}:{a}:db:{n}", "arn:aws:rds:{r}:{a}:cluster:{n}"}},
      {"states", {"arn:aws:states:{r}:{a}:stateMachine:{n}"}},
      {"events", {"arn:aws:events:{r}:{a}:rule/{n}"}},
      {"elasticloadbalancing", {"arn:aws:elasticloadbalancing:{r}:{a}:loadbalancer/app/{n}/*"}},
      {"cloudformation", {"arn:aws:cloudformation:{r}:{a}:stack/{n}/*"}},
      {"glue", {"arn:aws:glue:{r}:{a}:table/{n}/*"}},
      {"athena", {"arn:aws:athena:{r}:{a}:workgroup/{n}"}},
      {"kinesis", {"arn:aws:kinesis:{r}:{a}:stream/{n}"}},
  };
  return kShapes;
}

const std::vector<ServicePool>& Pools() {
  static const std::vector<ServicePool> kPools = [] {
    const Catalog& catalog = Catalog::BuiltIn();
    std::vector<ServicePool> pools;
    constexpr std::array<std::string_view, 10> kVerbs = {"Get",    "List",   "Describe", "Put",
                                                         "Create", "Delete", "Update",   "Batch",
                                                         "Start",  "Tag"};
    for (const ServiceShape& shape : Shapes()) {
      std::optional<ServiceId> service = catalog.FindService(shape.prefix);
      if (!service) continue;
      ServicePool pool;
      pool.prefix = std::string(shape.prefix);
      auto levels = catalog.ActionsByLevel(*service);
      for (size_t l = 0; l < kAccessLevelCount; ++l) {
        for (ActionId a : levels[l]) pool.by_level[l].push_back(catalog.FullName(a));
      }
      for (std::string_view verb : kVerbs) {
        std::string pattern = pool.prefix + ":" + std::string(verb) + "*";
        if (!catalog.Expand(pattern).empty()) pool.prefixes.push_back(pattern);
      }
      for (std::string_view arn : shape.arns) pool.arns.emplace_back(arn);
      pools.push_back(std::move(pool));
    }
    return pools;
  }();
  return kPools;
}

// AWS managed policies the entities attach, by name, if the embedded
// library has them (it has them all; the check keeps the generator honest).
std::string ManagedArn(std::string_view name) {
  const ManagedPolicyInfo* info = ManagedPolicyLibrary::BuiltIn().FindByName(name);
  if (info != nullptr) return std::string(info->arn);
  return "arn:aws:iam::aws:policy/" + std::string(name);
}

class Generator {
 public:
  Generator(const SyntheticAccountSpec& spec, SyntheticAccountStats* stats)
      : spec_(spec), stats_(stats), rng_(spec.seed), pools_(Pools()) {
    attachments_.assign(spec.policies, 0);
    boundary_count_ = spec.policies == 0 ? 0 : std::max<size_t>(1, spec.policies / 200);
    boundary_uses_.assign(boundary_count_, 0);
  }

  std::string Run() {
    out_.reserve(spec_.policies * 1400 + spec_.roles * 2600 + spec_.users * 1200 + 4096);
    out_ += "{\"UserDetailList\":[";
    for (size_t i = 0; i < spec_.users; ++i) {
      out_ += i ? ",\n" : "\n";
      User(i);
    }
    out_ += "],\n\"GroupDetailList\":[";
    for (size_t i = 0; i < spec_.groups; ++i) {
      out_ += i ? ",\n" : "\n";
      Group(i);
    }
    out_ += "],\n\"RoleDetailList\":[";
    for (size_t i = 0; i < spec_.roles; ++i) {
      out_ += i ? ",\n" : "\n";
      Role(i);
    }
    out_ += "],\n\"Policies\":[";
    for (size_t i = 0; i < spec_.policies; ++i) {
      out_ += i ? ",\n" : "\n";
      ManagedPolicy(i);
    }
    out_ += "]}\n";
    if (stats_ != nullptr) {
      stats_->users = spec_.users;
      stats_->groups = spec_.groups;
      stats_->roles = spec_.roles;
      stats_->policies = spec_.policies;
    }
    return std::move(out_);
  }

 private:
  size_t Pick(size_t n) { return static_cast<size_t>(rng_() % n); }
  bool Chance(unsigned percent) { return rng_() % 100 < percent; }
  template <typename C>
  const auto& Of(const C& c) { return c[Pick(c.size())]; }

  void Key(std::string_view key) {
    out_ += '"';
    out_ += key;
    out_ += "\":";
  }
  // Generated strings are plain ASCII without quotes or backslashes.
  void Str(std::string_view value) {
    out_ += '"';
    out_ += value;
    out_ += '"';
  }
  void Field(std::string_view key, std::string_view value) {
    Key(key);
    Str(value);
    out_ += ',';
  }

  std::string Id(std::string_view prefix) {
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    std::string id(prefix);
    uint64_t bits = rng_();
    for (int i = 0; i < 16; ++i) {
      id += kAlphabet[bits & 31];
      bits >>= 5;
      if (i == 11) bits = rng_();
    }
    return id;
  }
  std::string Date(int first_year) {
    int year = first_year + static_cast<int>(Pick(static_cast<size_t>(2027 - first_year)));
    int month = 1 + static_cast<int>(Pick(year == 2026 ? 11 : 12));
    int day = 1 + static_cast<int>(Pick(28));
    return std::to_string(year) + "-" + Num(static_cast<size_t>(month), 2) + "-" +
           Num(static_cast<size_t>(day), 2) + "T" + Num(Pick(24), 2) + ":" + Num(Pick(60), 2) +
           ":" + Num(Pick(60), 2) + "+00:00";
  }
  std::string ResourceName() {
    return std::string(Of(kNouns)) + "-" + std::string(Of(kEnvs)) + (Chance(30) ? "-" + Num(Pick(100), 2) : "");
  }
  std::string PolicyArn(size_t i) const {
    return "arn:aws:iam::" + std::string(kAccount) + ":policy/" + PolicyName(i);
  }
  std::string PolicyName(size_t i) const {
    if (i < boundary_count_) return "boundary-" + std::string(kTeams[i % kTeams.size()]) + "-" + Num(i, 3);
    uint64_t h = Hash(spec_.seed, 3, i);
    return std::string(kTeams[h % kTeams.size()]) + "-" + std::string(kNouns[(h >> 8) % kNouns.size()]) +
           "-" + std::string(kEnvs[(h >> 16) % kEnvs.size()]) + "-" + Num(i, 5);
  }

  // ---- statements --------------------------------------------------------

  void Resource(const ServicePool& pool) {
    if (Chance(35) || pool.arns.empty()) {
      Field("Resource", "*");
      return;
    }
    size_t n = 1 + Pick(3);
    Key("Resource");
    out_ += n > 1 ? "[" : "";
    for (size_t i = 0; i < n; ++i) {
      if (i) out_ += ',';
      std::string arn = Of(pool.arns);
      auto replace = [&](std::string_view hole, const std::string& with) {
        for (size_t at = arn.find(hole); at != std::string::npos; at = arn.find(hole, at + with.size())) {
          arn.replace(at, hole.size(), with);
        }
      };
      replace("{n}", Chance(10) ? std::string(Of(kNouns)) + "-*" : ResourceName());
      replace("{r}", Chance(15) ? "*" : std::string(Of(kRegions)));
      replace("{a}", std::string(kAccount));
      replace("{k}", Id("") + "-" + Num(Pick(10000), 4));
      Str(arn);
    }
    out_ += n > 1 ? "]," : ",";
  }

  void Actions(std::string_view key, const std::vector<std::string>& actions) {
    Key(key);
    if (actions.size() == 1) {
      Str(actions[0]);
    } else {
      out_ += '[';
      for (size_t i = 0; i < actions.size(); ++i) {
        if (i) out_ += ',';
        Str(actions[i]);
      }
      out_ += ']';
    }
    out_ += ',';
  }

  const std::string& SomeAction(const ServicePool& pool) {
    // Read and List most often, as real policies do.
    size_t r = Pick(100);
    AccessLevel level = r < 30   ? AccessLevel::kRead
                        : r < 55 ? AccessLevel::kList
                        : r < 85 ? AccessLevel::kWrite
                        : r < 93 ? AccessLevel::kTagging
                                 : AccessLevel::kPermissionsManagement;
    const auto* list = &pool.by_level[static_cast<size_t>(level)];
    if (list->empty()) list = &pool.by_level[static_cast<size_t>(AccessLevel::kWrite)];
    if (list->empty()) list = &pool.by_level[static_cast<size_t>(AccessLevel::kRead)];
    return Of(*list);
  }

  void Condition() {
    size_t r = Pick(100);
    if (r < 10) {
      out_ += "\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}";
    } else if (r < 15) {
      out_ += "\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":[\"203.0.113.0/24\",\"198.51.100." +
              std::to_string(Pick(256)) + "/32\"]}}";
    } else if (r < 20) {
      out_ += "\"Condition\":{\"StringEquals\":{\"aws:RequestedRegion\":\"" + std::string(Of(kRegions)) +
              "\"}}";
    } else if (r < 22) {
      out_ += "\"Condition\":{\"NumericLessThan\":{\"aws:MultiFactorAuthAge\":\"3600\"}}";
    }
  }

  void Statement(size_t index, bool broad) {
    out_ += '{';
    if (Chance(60)) Field("Sid", "S" + std::to_string(index) + Num(Pick(1000), 3));
    bool deny = Chance(8);
    Field("Effect", deny ? "Deny" : "Allow");
    const ServicePool& pool = Of(pools_);
    size_t form = Pick(100);
    if (broad && form < 3) {
      Field("Action", "*");
      Field("Resource", "*");
    } else if (form < 45) {
      std::vector<std::string> actions;
      size_t n = 1 + Pick(6);
      for (size_t i = 0; i < n; ++i) {
        const std::string& a = SomeAction(pool);
        if (std::find(actions.begin(), actions.end(), a) == actions.end()) actions.push_back(a);
      }
      Actions("Action", actions);
      Resource(pool);
    } else if (form < 70 && !pool.prefixes.empty()) {
      std::vector<std::string> actions = {Of(pool.prefixes)};
      if (Chance(40)) {
        const std::string& second = Of(pool.prefixes);
        if (second != actions[0]) actions.push_back(second);
      }
      Actions("Action", actions);
      Resource(pool);
    } else if (form < 78) {
      Actions("Action", {pool.prefix + ":*"});
      Resource(pool);
    } else if (form < 82) {
      Actions("NotAction", deny ? std::vector<std::string>{pool.prefix + ":*", "sts:GetCallerIdentity"}
                                : std::vector<std::string>{"iam:*", "organizations:*", "account:*"});
      Field("Resource", "*");
    } else {
      // Two services in one statement (a "task" policy).
      std::vector<std::string> actions = {SomeAction(pool), SomeAction(Of(pools_))};
      if (actions[1] == actions[0]) actions.pop_back();
      Actions("Action", actions);
      Field("Resource", "*");
    }
    if (Chance(25)) {
      Condition();
    }
    if (out_.back() == ',') out_.pop_back();
    out_ += '}';
    if (stats_ != nullptr) ++stats_->statements;
  }

  void Document(size_t statements, bool broad) {
    out_ += "{\"Version\":\"2012-10-17\",\"Statement\":[";
    for (size_t i = 0; i < statements; ++i) {
      out_ += i ? ",\n" : "\n";
      Statement(i, broad);
    }
    out_ += "]}";
  }

  void BoundaryDocument() {
    out_ += "{\"Version\":\"2012-10-17\",\"Statement\":[\n"
            "{\"Sid\":\"AllowWorkloads\",\"Effect\":\"Allow\",\"NotAction\":[\"iam:*\",\"organizations:*\","
            "\"account:*\"],\"Resource\":\"*\"},\n"
            "{\"Sid\":\"SelfService\",\"Effect\":\"Allow\",\"Action\":[\"iam:GetUser\",\"iam:ListAccessKeys\","
            "\"iam:PassRole\"],\"Resource\":\"*\"},\n"
            "{\"Sid\":\"NoTrailTampering\",\"Effect\":\"Deny\",\"Action\":[\"cloudtrail:StopLogging\","
            "\"cloudtrail:DeleteTrail\"],\"Resource\":\"*\"}]}";
    if (stats_ != nullptr) stats_->statements += 3;
  }

  void InlinePolicies(std::string_view list_key, size_t count, std::string_view owner) {
    Key(list_key);
    out_ += '[';
    for (size_t i = 0; i < count; ++i) {
      if (i) out_ += ',';
      out_ += "\n{";
      Field("PolicyName", std::string(owner) + "-" + std::string(Of(kNouns)) + "-" + std::to_string(i));
      Key("PolicyDocument");
      Document(1 + Pick(4), false);
      out_ += '}';
      if (stats_ != nullptr) ++stats_->inline_policies;
    }
    out_ += "],";
  }

  // Customer managed (index into Policies) or AWS managed (by name).
  struct Attachment {
    std::string name, arn;
  };
  Attachment Customer() {
    if (spec_.policies == 0) return Aws("AmazonS3ReadOnlyAccess");
    size_t i = boundary_count_ + Pick(spec_.policies > boundary_count_ ? spec_.policies - boundary_count_ : 1);
    if (i >= spec_.policies) i = spec_.policies - 1;
    ++attachments_[i];
    return {PolicyName(i), PolicyArn(i)};
  }
  static Attachment Aws(std::string_view name) { return {std::string(name), ManagedArn(name)}; }

  void Attached(const std::vector<Attachment>& list) {
    Key("AttachedManagedPolicies");
    out_ += '[';
    for (size_t i = 0; i < list.size(); ++i) {
      if (i) out_ += ',';
      out_ += "{";
      Field("PolicyName", list[i].name);
      Key("PolicyArn");
      Str(list[i].arn);
      out_ += '}';
    }
    out_ += "],";
  }

  void Boundary() {
    if (boundary_count_ == 0) return;
    size_t i = Pick(boundary_count_);
    ++boundary_uses_[i];
    out_ += "\"PermissionsBoundary\":{\"PermissionsBoundaryType\":\"Policy\",\"PermissionsBoundaryArn\":\"" +
            PolicyArn(i) + "\"},";
  }

  void Tags() {
    out_ += "\"Tags\":[{\"Key\":\"team\",\"Value\":\"" + std::string(Of(kTeams)) +
            "\"},{\"Key\":\"cost-center\",\"Value\":\"cc-" + Num(Pick(1000), 4) + "\"}]";
  }

  // ---- entities ----------------------------------------------------------

  void User(size_t i) {
    std::string name = SyntheticUserName(spec_, i);
    out_ += '{';
    Field("Path", "/");
    Field("UserName", name);
    Field("UserId", Id("AIDA"));
    Field("Arn", "arn:aws:iam::" + std::string(kAccount) + ":user/" + name);
    Field("CreateDate", Date(2019));
    if (Chance(30)) InlinePolicies("UserPolicyList", 1 + Pick(2), name);
    Key("GroupList");
    out_ += '[';
    if (spec_.groups > 0) {
      size_t n = Pick(4);
      std::vector<size_t> picked;
      for (size_t g = 0; g < n; ++g) {
        size_t group = Pick(spec_.groups);
        if (group == 0 && !Chance(5)) continue;  // admins: few members
        if (std::find(picked.begin(), picked.end(), group) != picked.end()) continue;
        if (!picked.empty()) out_ += ',';
        picked.push_back(group);
        Str(GroupName(group));
      }
    }
    out_ += "],";
    std::vector<Attachment> attached;
    if (Chance(3)) {
      attached.push_back(Aws("AdministratorAccess"));
      if (stats_ != nullptr) ++stats_->admin_users;
    } else if (Chance(10)) {
      attached.push_back(Aws("ReadOnlyAccess"));
      if (stats_ != nullptr) ++stats_->readonly_users;
    }
    if (Chance(8)) attached.push_back(Aws("IAMUserChangePassword"));
    if (Chance(6)) attached.push_back(Aws("AmazonS3ReadOnlyAccess"));
    for (size_t n = Pick(4); n > 0; --n) attached.push_back(Customer());
    Attached(attached);
    if (Chance(5)) Boundary();
    Tags();
    out_ += '}';
  }

  std::string GroupName(size_t g) const {
    if (g == 0) return "admins";
    return std::string(kTeams[g % kTeams.size()]) + "-" + std::string(g % 3 == 0 ? "readers" : "developers") +
           "-" + Num(g, 3);
  }

  void Group(size_t g) {
    std::string name = GroupName(g);
    out_ += '{';
    Field("Path", "/");
    Field("GroupName", name);
    Field("GroupId", Id("AGPA"));
    Field("Arn", "arn:aws:iam::" + std::string(kAccount) + ":group/" + name);
    Field("CreateDate", Date(2018));
    if (g != 0 && Chance(50)) {
      InlinePolicies("GroupPolicyList", 1, name);
    } else {
      out_ += "\"GroupPolicyList\":[],";
    }
    std::vector<Attachment> attached;
    if (g == 0) {
      attached.push_back(Aws("AdministratorAccess"));
    } else {
      if (g % 3 == 0) attached.push_back(Aws("ReadOnlyAccess"));
      for (size_t n = 1 + Pick(2); n > 0; --n) attached.push_back(Customer());
    }
    Attached(attached);
    if (out_.back() == ',') out_.pop_back();
    out_ += '}';
  }

  void Trust(RoleKind kind, size_t i) {
    out_ += "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",";
    switch (kind) {
      case RoleKind::kLambda:
        out_ += "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"";
        break;
      case RoleKind::kEc2:
        out_ += "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"";
        break;
      case RoleKind::kEcsTask:
        out_ += "\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\","
                "\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":\"" +
                std::string(kAccount) + "\"}}";
        break;
      case RoleKind::kGithubOidc:
        out_ += "\"Principal\":{\"Federated\":\"arn:aws:iam::" + std::string(kAccount) +
                ":oidc-provider/token.actions.githubusercontent.com\"},"
                "\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"StringEquals\":"
                "{\"token.actions.githubusercontent.com:aud\":\"sts.amazonaws.com\"},\"StringLike\":"
                "{\"token.actions.githubusercontent.com:sub\":\"repo:example-org/" +
                std::string(kNouns[i % kNouns.size()]) + ":ref:refs/heads/main\"}}";
        break;
      case RoleKind::kSso:
        out_ += "\"Principal\":{\"Federated\":\"arn:aws:iam::" + std::string(kAccount) +
                ":saml-provider/AWSSSO_" + Num(i % 7, 16) +
                "_DO_NOT_DELETE\"},\"Action\":[\"sts:AssumeRoleWithSAML\",\"sts:TagSession\"],"
                "\"Condition\":{\"StringEquals\":{\"SAML:aud\":\"https://signin.aws.amazon.com/saml\"}}";
        break;
    }
    out_ += "}]}";
  }

  void Role(size_t i) {
    std::string name = SyntheticRoleName(spec_, i);
    RoleKind kind = RoleKindOf(spec_, i);
    std::string arn = "arn:aws:iam::" + std::string(kAccount) + ":role/" + name;
    std::string path = kind == RoleKind::kSso ? "/aws-reserved/sso.amazonaws.com/" : "/";
    std::string id = Id("AROA");
    std::string created = Date(2020);
    out_ += '{';
    Field("Path", path);
    Field("RoleName", name);
    Field("RoleId", id);
    Field("Arn", arn);
    Field("CreateDate", created);
    Key("AssumeRolePolicyDocument");
    Trust(kind, i);
    out_ += ",\n";
    Key("InstanceProfileList");
    out_ += '[';
    if (kind == RoleKind::kEc2) {
      out_ += "{\"Path\":\"/\",\"InstanceProfileName\":\"" + name + "\",\"InstanceProfileId\":\"" + Id("AIPA") +
              "\",\"Arn\":\"arn:aws:iam::" + std::string(kAccount) + ":instance-profile/" + name +
              "\",\"CreateDate\":\"" + created + "\",\"Roles\":[{\"Path\":\"/\",\"RoleName\":\"" + name +
              "\",\"RoleId\":\"" + id + "\",\"Arn\":\"" + arn + "\",\"CreateDate\":\"" + created +
              "\",\"AssumeRolePolicyDocument\":";
      Trust(kind, i);
      out_ += "}]}";
    }
    out_ += "],";
    if (kind != RoleKind::kSso && Chance(70)) {
      InlinePolicies("RolePolicyList", 1 + Pick(2), name);
    } else {
      out_ += "\"RolePolicyList\":[],";
    }
    std::vector<Attachment> attached;
    switch (kind) {
      case RoleKind::kLambda:
        attached.push_back(Aws("AWSLambdaBasicExecutionRole"));
        break;
      case RoleKind::kEc2:
        if (Chance(40)) attached.push_back(Aws("AmazonSSMManagedInstanceCore"));
        break;
      case RoleKind::kEcsTask:
        break;
      case RoleKind::kGithubOidc:
        if (Chance(10)) attached.push_back(Aws("AdministratorAccess"));
        break;
      case RoleKind::kSso:
        attached.push_back(Aws(Chance(30) ? "AdministratorAccess" : "ReadOnlyAccess"));
        break;
    }
    for (size_t n = Pick(kind == RoleKind::kSso ? 2 : 4); n > 0; --n) attached.push_back(Customer());
    Attached(attached);
    if (kind != RoleKind::kSso && Chance(20)) Boundary();
    Tags();
    out_ += ",\"RoleLastUsed\":{";
    if (Chance(80)) {
      out_ += "\"LastUsedDate\":\"" + Date(2025) + "\",\"Region\":\"" + std::string(Of(kRegions)) + "\"";
    }
    out_ += "}}";
  }

  void ManagedPolicy(size_t i) {
    bool boundary = i < boundary_count_;
    size_t versions = 1;
    if (!boundary) {
      size_t r = Pick(100);
      versions = r < 70 ? 1 : r < 85 ? 2 : r < 95 ? 3 : 5;
    }
    size_t default_version = versions;
    if (versions > 1 && Chance(5)) default_version = versions - 1;  // rolled back
    std::string name = PolicyName(i);
    std::string created = Date(2019);
    out_ += '{';
    Field("PolicyName", name);
    Field("PolicyId", Id("ANPA"));
    Field("Arn", PolicyArn(i));
    Field("Path", "/");
    Field("DefaultVersionId", "v" + std::to_string(default_version));
    out_ += "\"AttachmentCount\":" + std::to_string(attachments_[i]) + ",";
    out_ += "\"PermissionsBoundaryUsageCount\":" + std::to_string(boundary ? boundary_uses_[i] : 0) + ",";
    out_ += "\"IsAttachable\":true,";
    Field("CreateDate", created);
    Field("UpdateDate", created);
    Key("PolicyVersionList");
    out_ += '[';
    bool broad = Chance(4);
    for (size_t v = versions; v >= 1; --v) {  // newest first, as AWS lists them
      out_ += v == versions ? "\n{" : ",\n{";
      Key("Document");
      if (boundary) {
        BoundaryDocument();
      } else {
        Document(1 + Pick(v == versions ? 6 : 4), broad);
      }
      out_ += ',';
      Field("VersionId", "v" + std::to_string(v));
      out_ += std::string("\"IsDefaultVersion\":") + (v == default_version ? "true" : "false") + ",";
      Key("CreateDate");
      Str(created);
      out_ += '}';
      if (stats_ != nullptr) ++stats_->policy_versions;
    }
    out_ += "]}";
  }

  const SyntheticAccountSpec& spec_;
  SyntheticAccountStats* stats_;
  std::mt19937_64 rng_;
  const std::vector<ServicePool>& pools_;
  std::vector<size_t> attachments_;
  size_t boundary_count_ = 0;
  std::vector<size_t> boundary_uses_;  // per boundary policy
  std::string out_;
};

}  // namespace

SyntheticAccountSpec SyntheticAccountSpec::WithRoles(size_t roles) {
  SyntheticAccountSpec spec;
  spec.roles = std::max<size_t>(1, roles);
  spec.users = std::max<size_t>(1, roles / 5);
  spec.groups = std::max<size_t>(1, roles / 50);
  spec.policies = std::max<size_t>(1, roles * 4);
  return spec;
}

std::string SyntheticUserName(const SyntheticAccountSpec& spec, size_t i) {
  uint64_t h = Hash(spec.seed, 1, i);
  return std::string(kFirst[h % kFirst.size()]) + "." + std::string(kLast[(h >> 8) % kLast.size()]) + "-" +
         Num(i, 4);
}

std::string SyntheticRoleName(const SyntheticAccountSpec& spec, size_t i) {
  uint64_t h = Hash(spec.seed, 4, i);
  std::string noun(kNouns[h % kNouns.size()]);
  std::string env(kEnvs[(h >> 8) % kEnvs.size()]);
  switch (RoleKindOf(spec, i)) {
    case RoleKind::kLambda:
      return noun + "-lambda-" + env + "-" + Num(i, 4);
    case RoleKind::kEc2:
      return noun + "-ec2-" + env + "-" + Num(i, 4);
    case RoleKind::kEcsTask:
      return noun + "-task-" + env + "-" + Num(i, 4);
    case RoleKind::kGithubOidc:
      return "github-deploy-" + noun + "-" + Num(i, 4);
    case RoleKind::kSso:
      return std::string("AWSReservedSSO_") + ((h >> 16) % 3 == 0 ? "AdministratorAccess" : "ReadOnly") + "_" +
             Num(h % 100000000, 8) + Num(i, 4);
  }
  return "role-" + Num(i, 4);
}

std::string SyntheticAccount(const SyntheticAccountSpec& spec, SyntheticAccountStats* stats) {
  if (stats != nullptr) *stats = {};
  Generator generator(spec, stats);
  std::string text = generator.Run();
  if (stats != nullptr) {
    for (size_t i = 0; i < spec.users; ++i) {
      uint64_t h = Hash(spec.seed, 5, i) % 100;
      if (h < 60) ++stats->users_with_keys;
    }
  }
  return text;
}

std::string SyntheticCredentialReport(const SyntheticAccountSpec& spec) {
  std::string out =
      "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,"
      "password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
      "access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,"
      "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,"
      "access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,"
      "cert_1_last_rotated,cert_2_active,cert_2_last_rotated\n";
  out += "<root_account>,arn:aws:iam::" + std::string(kAccount) +
         ":root,2019-01-10T08:00:00+00:00,not_supported,2026-11-02T10:15:00+00:00,not_supported,"
         "not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n";
  for (size_t i = 0; i < spec.users; ++i) {
    uint64_t h = Hash(spec.seed, 5, i);
    bool key1 = h % 100 < 60;
    bool key2 = key1 && (h >> 8) % 100 < 8;
    bool password = (h >> 16) % 100 < 40;
    bool mfa = password && (h >> 24) % 2 == 0;
    std::string day = "2026-" + Num(1 + (h >> 32) % 11, 2) + "-" + Num(1 + (h >> 40) % 28, 2);
    std::string name = SyntheticUserName(spec, i);
    out += name + ",arn:aws:iam::" + std::string(kAccount) + ":user/" + name + ",2022-03-04T09:12:00+00:00,";
    out += password ? "true," + day + "T16:40:00+00:00,2022-03-04T09:15:00+00:00,N/A," : "false,N/A,N/A,N/A,";
    out += mfa ? "true," : "false,";
    auto key = [&](bool active) {
      if (active) {
        out += "true,2022-03-04T09:20:00+00:00," + day + "T17:05:00+00:00," +
               std::string(kRegions[(h >> 48) % kRegions.size()]) + ",s3,";
      } else {
        out += "false,N/A,N/A,N/A,N/A,";
      }
    };
    key(key1);
    key(key2);
    out += "false,N/A,false,N/A\n";
  }
  return out;
}

}  // namespace iamlint::bench

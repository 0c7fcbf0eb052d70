#include "engine/generate/event_mapping.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace iamlint {

namespace {

// Sorted by service, then event name (a test checks the order).
constexpr std::array kTable = {
    MappingRow{"cloudtrail", "DescribeTrail", "cloudtrail:DescribeTrails", ""},
    MappingRow{"lambda", "Invoke", "lambda:InvokeFunction", ""},
    MappingRow{"lambda", "InvokeAsync", "lambda:InvokeAsync", ""},
    MappingRow{"lambda", "InvokeWithResponseStream", "lambda:InvokeFunction", ""},
    MappingRow{"s3", "AbortMultipartUpload", "s3:AbortMultipartUpload", ""},
    MappingRow{"s3", "CompleteMultipartUpload", "s3:PutObject", ""},
    MappingRow{"s3", "CopyObject", "s3:GetObject<source s3:PutObject",
               "s3:GetObjectVersion<source s3:PutObject"},
    MappingRow{"s3", "CreateMultipartUpload", "s3:PutObject", ""},
    MappingRow{"s3", "DeleteAccountPublicAccessBlock", "s3:PutAccountPublicAccessBlock", ""},
    MappingRow{"s3", "DeleteBucketAnalyticsConfiguration", "s3:PutAnalyticsConfiguration", ""},
    MappingRow{"s3", "DeleteBucketCors", "s3:PutBucketCORS", ""},
    MappingRow{"s3", "DeleteBucketEncryption", "s3:PutEncryptionConfiguration", ""},
    MappingRow{"s3", "DeleteBucketIntelligentTieringConfiguration",
               "s3:PutIntelligentTieringConfiguration", ""},
    MappingRow{"s3", "DeleteBucketInventoryConfiguration", "s3:PutInventoryConfiguration", ""},
    MappingRow{"s3", "DeleteBucketLifecycle", "s3:PutLifecycleConfiguration", ""},
    MappingRow{"s3", "DeleteBucketMetricsConfiguration", "s3:PutMetricsConfiguration", ""},
    MappingRow{"s3", "DeleteBucketOwnershipControls", "s3:PutBucketOwnershipControls", ""},
    MappingRow{"s3", "DeleteBucketPublicAccessBlock", "s3:PutBucketPublicAccessBlock", ""},
    MappingRow{"s3", "DeleteBucketReplication", "s3:PutReplicationConfiguration", ""},
    MappingRow{"s3", "DeleteBucketTagging", "s3:PutBucketTagging", ""},
    MappingRow{"s3", "DeleteObject", "s3:DeleteObject", "s3:DeleteObjectVersion"},
    MappingRow{"s3", "DeleteObjectTagging", "s3:DeleteObjectTagging",
               "s3:DeleteObjectVersionTagging"},
    MappingRow{"s3", "DeleteObjects", "s3:DeleteObject", ""},
    MappingRow{"s3", "GetBucketAccelerateConfiguration", "s3:GetAccelerateConfiguration", ""},
    MappingRow{"s3", "GetBucketAnalyticsConfiguration", "s3:GetAnalyticsConfiguration", ""},
    MappingRow{"s3", "GetBucketCors", "s3:GetBucketCORS", ""},
    MappingRow{"s3", "GetBucketEncryption", "s3:GetEncryptionConfiguration", ""},
    MappingRow{"s3", "GetBucketIntelligentTieringConfiguration",
               "s3:GetIntelligentTieringConfiguration", ""},
    MappingRow{"s3", "GetBucketInventoryConfiguration", "s3:GetInventoryConfiguration", ""},
    MappingRow{"s3", "GetBucketLifecycle", "s3:GetLifecycleConfiguration", ""},
    MappingRow{"s3", "GetBucketLifecycleConfiguration", "s3:GetLifecycleConfiguration", ""},
    MappingRow{"s3", "GetBucketMetricsConfiguration", "s3:GetMetricsConfiguration", ""},
    MappingRow{"s3", "GetBucketNotificationConfiguration", "s3:GetBucketNotification", ""},
    MappingRow{"s3", "GetBucketReplication", "s3:GetReplicationConfiguration", ""},
    MappingRow{"s3", "GetObject", "s3:GetObject", "s3:GetObjectVersion"},
    MappingRow{"s3", "GetObjectAcl", "s3:GetObjectAcl", "s3:GetObjectVersionAcl"},
    MappingRow{"s3", "GetObjectLockConfiguration", "s3:GetBucketObjectLockConfiguration", ""},
    MappingRow{"s3", "GetObjectTagging", "s3:GetObjectTagging", "s3:GetObjectVersionTagging"},
    MappingRow{"s3", "HeadBucket", "s3:ListBucket", ""},
    MappingRow{"s3", "HeadObject", "s3:GetObject", "s3:GetObjectVersion"},
    MappingRow{"s3", "ListBucketAnalyticsConfigurations", "s3:GetAnalyticsConfiguration", ""},
    MappingRow{"s3", "ListBucketIntelligentTieringConfigurations",
               "s3:GetIntelligentTieringConfiguration", ""},
    MappingRow{"s3", "ListBucketInventoryConfigurations", "s3:GetInventoryConfiguration", ""},
    MappingRow{"s3", "ListBucketMetricsConfigurations", "s3:GetMetricsConfiguration", ""},
    MappingRow{"s3", "ListBuckets", "s3:ListAllMyBuckets", ""},
    MappingRow{"s3", "ListMultipartUploads", "s3:ListBucketMultipartUploads", ""},
    MappingRow{"s3", "ListObjectVersions", "s3:ListBucketVersions", ""},
    MappingRow{"s3", "ListObjects", "s3:ListBucket", ""},
    MappingRow{"s3", "ListObjectsV2", "s3:ListBucket", ""},
    MappingRow{"s3", "ListParts", "s3:ListMultipartUploadParts", ""},
    MappingRow{"s3", "PutBucketAccelerateConfiguration", "s3:PutAccelerateConfiguration", ""},
    MappingRow{"s3", "PutBucketAnalyticsConfiguration", "s3:PutAnalyticsConfiguration", ""},
    MappingRow{"s3", "PutBucketCors", "s3:PutBucketCORS", ""},
    MappingRow{"s3", "PutBucketEncryption", "s3:PutEncryptionConfiguration", ""},
    MappingRow{"s3", "PutBucketIntelligentTieringConfiguration",
               "s3:PutIntelligentTieringConfiguration", ""},
    MappingRow{"s3", "PutBucketInventoryConfiguration", "s3:PutInventoryConfiguration", ""},
    MappingRow{"s3", "PutBucketLifecycle", "s3:PutLifecycleConfiguration", ""},
    MappingRow{"s3", "PutBucketLifecycleConfiguration", "s3:PutLifecycleConfiguration", ""},
    MappingRow{"s3", "PutBucketMetricsConfiguration", "s3:PutMetricsConfiguration", ""},
    MappingRow{"s3", "PutBucketNotificationConfiguration", "s3:PutBucketNotification", ""},
    MappingRow{"s3", "PutBucketReplication", "s3:PutReplicationConfiguration", ""},
    MappingRow{"s3", "PutObjectAcl", "s3:PutObjectAcl", "s3:PutObjectVersionAcl"},
    MappingRow{"s3", "PutObjectLockConfiguration", "s3:PutBucketObjectLockConfiguration", ""},
    MappingRow{"s3", "PutObjectTagging", "s3:PutObjectTagging", "s3:PutObjectVersionTagging"},
    MappingRow{"s3", "SelectObjectContent", "s3:GetObject", ""},
    MappingRow{"s3", "UploadPart", "s3:PutObject", ""},
    MappingRow{"s3", "UploadPartCopy", "s3:GetObject<source s3:PutObject",
               "s3:GetObjectVersion<source s3:PutObject"},
};

// Event sources whose IAM prefix is not the host name's first label.
constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kSourcePrefixes = {{
    {"email", "ses"},
    {"monitoring", "cloudwatch"},
    {"streams.dynamodb", "dynamodb"},
    {"tagging", "tag"},
}};

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsAccount(std::string_view s) { return s.size() == 12 && AllDigits(s); }

bool IsRegion(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

std::string Partition(const CloudTrailEvent& e) {
  if (e.principal_arn.rfind("arn:aws-cn:", 0) == 0 || e.region.rfind("cn-", 0) == 0) return "aws-cn";
  if (e.principal_arn.rfind("arn:aws-us-gov:", 0) == 0 || e.region.rfind("us-gov-", 0) == 0) {
    return "aws-us-gov";
  }
  return "aws";
}

std::string StringMember(JsonValue object, std::string_view name) {
  if (!object.valid() || !object.is_object()) return "";
  JsonValue v = object.Find(name);
  return v.valid() && v.is_string() ? std::string(v.text()) : std::string();
}

bool HasMember(JsonValue object, std::string_view name) {
  return object.valid() && object.is_object() && object.Find(name).valid();
}

void AddUnique(std::vector<std::string>* list, std::string value) {
  if (value.empty()) return;
  if (std::find(list->begin(), list->end(), value) == list->end()) list->push_back(std::move(value));
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return c - 'A' + 10;
}

std::string PercentDecode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// The EC2 parameters that name a resource, and the ARN resource part.
struct Ec2Key {
  std::string_view key;
  std::string_view type;  // "instance/", ...
  bool no_account = false;
};
constexpr std::array<Ec2Key, 9> kEc2Keys = {{
    {"instanceId", "instance/", false},
    {"volumeId", "volume/", false},
    {"snapshotId", "snapshot/", true},
    {"imageId", "image/", true},
    {"subnetId", "subnet/", false},
    {"groupId", "security-group/", false},
    {"vpcId", "vpc/", false},
    {"networkInterfaceId", "network-interface/", false},
    {"keyName", "key-pair/", false},
}};

// Every string member named like a key of kEc2Keys anywhere below `root`
// (explicit stack; at most kMaxNodes values visited).
void CollectEc2(JsonValue root, const std::string& head, const std::string& head_no_account,
                std::vector<std::string>* out) {
  constexpr size_t kMaxNodes = 20000;
  if (!root.valid()) return;
  std::vector<JsonValue> stack = {root};
  size_t visited = 0;
  while (!stack.empty() && visited < kMaxNodes) {
    JsonValue v = stack.back();
    stack.pop_back();
    ++visited;
    if (v.is_array()) {
      for (uint32_t i = v.size(); i-- > 0;) stack.push_back(v.element(i));
    } else if (v.is_object()) {
      for (uint32_t i = v.size(); i-- > 0;) {
        JsonValue m = v.member_value(i);
        if (m.is_string()) {
          for (const Ec2Key& k : kEc2Keys) {
            if (v.key(i) == k.key && !m.text().empty()) {
              AddUnique(out, (k.no_account ? head_no_account : head) + std::string(k.type) +
                                 std::string(m.text()));
            }
          }
        } else {
          stack.push_back(m);
        }
      }
    }
  }
}

}  // namespace

std::string ServicePrefixForEventSource(std::string_view source) {
  constexpr std::string_view kSuffix = ".amazonaws.com";
  if (source.size() <= kSuffix.size() ||
      source.substr(source.size() - kSuffix.size()) != kSuffix) {
    return "";
  }
  std::string_view host = source.substr(0, source.size() - kSuffix.size());
  for (const auto& [from, to] : kSourcePrefixes) {
    if (host == from) return std::string(to);
  }
  return std::string(host.substr(0, host.find('.')));
}

std::string_view StripApiVersion(std::string_view name) {
  // [v<digits>] after 8 digits, or after YYYY_MM_DD.
  size_t end = name.size();
  size_t v = name.find_last_of('v');
  if (v != std::string_view::npos && v + 1 < end && AllDigits(name.substr(v + 1))) end = v;
  std::string_view head = name.substr(0, end);
  if (head.size() > 8 && AllDigits(head.substr(head.size() - 8))) {
    return head.substr(0, head.size() - 8);
  }
  if (head.size() > 10) {
    std::string_view date = head.substr(head.size() - 10);
    if (AllDigits(date.substr(0, 4)) && date[4] == '_' && AllDigits(date.substr(5, 2)) &&
        date[7] == '_' && AllDigits(date.substr(8, 2))) {
      return head.substr(0, head.size() - 10);
    }
  }
  return name;
}

std::span<const MappingRow> MappingTable() { return kTable; }

EventActions MapEventName(const CloudTrailEvent& event) {
  EventActions out;
  std::string service = ServicePrefixForEventSource(event.event_source);
  if (service.empty() || event.event_name.empty()) return out;
  std::string_view name = StripApiVersion(event.event_name);
  JsonValue params = event.record.valid() ? event.record.Find("requestParameters") : JsonValue();
  bool versioned = !StringMember(params, "versionId").empty() ||
                   PercentDecode(StringMember(params, "x-amz-copy-source")).find("?versionId=") !=
                       std::string::npos;
  for (const MappingRow& row : kTable) {
    if (row.service != service || row.event_name != name) continue;
    out.from_table = true;
    std::string_view list = versioned && !row.versioned.empty() ? row.versioned : row.actions;
    size_t pos = 0;
    while (pos < list.size()) {
      size_t end = list.find(' ', pos);
      if (end == std::string_view::npos) end = list.size();
      std::string_view word = list.substr(pos, end - pos);
      NamedAction a;
      size_t mark = word.find('<');
      a.copy_source = mark != std::string_view::npos;
      a.action = std::string(word.substr(0, mark));
      out.actions.push_back(std::move(a));
      pos = end + 1;
    }
    return out;
  }
  out.actions.push_back({service + ":" + std::string(name), false});
  out.from_table = name != event.event_name;
  // RunInstances with an instance profile passes its role to EC2.
  if (service == "ec2" && name == "RunInstances" && HasMember(params, "iamInstanceProfile")) {
    out.actions.push_back({"iam:PassRole", false});
    out.from_table = true;
  }
  return out;
}

EventArns CandidateArns(const CloudTrailEvent& e) {
  EventArns out;
  std::string partition = Partition(e);
  std::string region = IsRegion(e.region) ? e.region : "*";
  std::string account = IsAccount(e.account) ? e.account : "*";
  std::string service = ServicePrefixForEventSource(e.event_source);
  JsonValue record = e.record;
  JsonValue resources = record.Find("resources");
  if (resources.valid() && resources.is_array()) {
    for (uint32_t i = 0; i < resources.size(); ++i) {
      std::string arn = StringMember(resources.element(i), "ARN");
      if (arn.rfind("arn:", 0) == 0) AddUnique(&out.targets, arn);
    }
  }
  JsonValue params = record.Find("requestParameters");
  if (params.valid() && params.is_object()) {
    for (uint32_t i = 0; i < params.size(); ++i) {
      JsonValue v = params.member_value(i);
      if (v.is_string() && v.text().rfind("arn:", 0) == 0) AddUnique(&out.targets, std::string(v.text()));
    }
  }
  auto regional = [&](std::string_view svc) {
    return "arn:" + partition + ":" + std::string(svc) + ":" + region + ":" + account + ":";
  };
  auto param = [&](std::string_view name) { return StringMember(params, name); };
  if (service == "s3") {
    std::string bucket = param("bucketName");
    if (!bucket.empty()) {
      std::string head = "arn:" + partition + ":s3:::" + bucket;
      std::string key = param("key");
      if (!key.empty()) AddUnique(&out.targets, head + "/" + key);
      JsonValue del = params.Find("delete");
      JsonValue objects = del.valid() && del.is_object() ? del.Find("Object") : JsonValue();
      if (objects.valid() && objects.is_object()) {
        AddUnique(&out.targets, head + "/" + StringMember(objects, "Key"));
      } else if (objects.valid() && objects.is_array()) {
        for (uint32_t i = 0; i < objects.size(); ++i) {
          std::string k = StringMember(objects.element(i), "Key");
          if (!k.empty()) AddUnique(&out.targets, head + "/" + k);
        }
      }
      AddUnique(&out.targets, head);
    }
    std::string source = PercentDecode(param("x-amz-copy-source"));
    if (!source.empty()) {
      if (source[0] == '/') source.erase(0, 1);
      size_t query = source.find('?');
      if (query != std::string::npos) source.resize(query);
      if (source.find('/') != std::string::npos) {
        AddUnique(&out.copy_sources, "arn:" + partition + ":s3:::" + source);
      }
    }
  } else if (service == "ec2") {
    std::string head = regional("ec2");
    std::string head_no_account = "arn:" + partition + ":ec2:" + region + "::";
    CollectEc2(params, head, head_no_account, &out.targets);
    if (e.event_name == "RunInstances") {
      CollectEc2(record.Find("responseElements"), head, head_no_account, &out.targets);
    }
  } else if (service == "iam") {
    std::string head = "arn:" + partition + ":iam::" + account + ":";
    AddUnique(&out.targets, param("userName").empty() ? "" : head + "user/" + param("userName"));
    AddUnique(&out.targets, param("roleName").empty() ? "" : head + "role/" + param("roleName"));
    AddUnique(&out.targets, param("groupName").empty() ? "" : head + "group/" + param("groupName"));
    AddUnique(&out.targets, param("instanceProfileName").empty()
                                ? ""
                                : head + "instance-profile/" + param("instanceProfileName"));
  } else if (service == "lambda") {
    std::string fn = param("functionName");
    if (!fn.empty() && fn.rfind("arn:", 0) != 0) AddUnique(&out.targets, regional("lambda") + "function:" + fn);
  } else if (service == "dynamodb") {
    std::string table = param("tableName");
    if (!table.empty() && table.rfind("arn:", 0) != 0) {
      AddUnique(&out.targets, regional("dynamodb") + "table/" + table);
    }
  } else if (service == "kms") {
    std::string key = param("keyId");
    if (key.rfind("alias/", 0) == 0) {
      AddUnique(&out.targets, regional("kms") + key);
    } else if (!key.empty() && key.rfind("arn:", 0) != 0) {
      AddUnique(&out.targets, regional("kms") + "key/" + key);
    }
  } else if (service == "ssm") {
    std::string name = param("name");
    if (!name.empty() && name.rfind("arn:", 0) != 0) {
      AddUnique(&out.targets, regional("ssm") + "parameter" + (name[0] == '/' ? "" : "/") + name);
    }
  } else if (service == "sqs") {
    // https://sqs.us-east-1.amazonaws.com/123456789012/queue
    std::string url = param("queueUrl");
    size_t name = url.rfind('/');
    size_t acct = name == std::string::npos || name == 0 ? std::string::npos : url.rfind('/', name - 1);
    if (acct != std::string::npos) {
      std::string a = url.substr(acct + 1, name - acct - 1);
      AddUnique(&out.targets, "arn:" + partition + ":sqs:" + region + ":" +
                                  (IsAccount(a) ? a : account) + ":" + url.substr(name + 1));
    }
  } else if (service == "logs") {
    std::string group = param("logGroupName");
    if (!group.empty()) {
      std::string stream = param("logStreamName");
      AddUnique(&out.targets, regional("logs") + "log-group:" + group +
                                  (stream.empty() ? "" : ":log-stream:" + stream));
    }
  } else if (service == "rds") {
    std::string db = param("dBInstanceIdentifier");
    if (!db.empty() && db.rfind("arn:", 0) != 0) AddUnique(&out.targets, regional("rds") + "db:" + db);
  }
  return out;
}

std::string ResourcePatternFromTemplate(const Catalog& catalog, ActionId action,
                                        std::string_view partition, std::string_view region,
                                        std::string_view account) {
  std::span<const ResourceLink> links = catalog.ResourceTypesOf(action);
  if (links.empty()) return "*";
  ResourceTypeId type = links[0].type;
  for (const ResourceLink& link : links) {
    if (link.required) {
      type = link.type;
      break;
    }
  }
  std::span<const std::string_view> templates = catalog.arn_templates(type);
  if (templates.empty()) return "*";
  std::string_view t = templates[0];
  std::string out;
  size_t pos = 0;
  while (pos < t.size()) {
    size_t var = t.find("${", pos);
    if (var == std::string_view::npos) {
      out += t.substr(pos);
      break;
    }
    out += t.substr(pos, var - pos);
    size_t close = t.find('}', var);
    if (close == std::string_view::npos) {
      out += t.substr(var);
      break;
    }
    std::string_view name = t.substr(var + 2, close - var - 2);
    if (name == "Partition") {
      out += partition;
    } else if (name == "Region") {
      out += region.empty() ? "*" : region;
    } else if (name == "Account") {
      out += account.empty() ? "*" : account;
    } else if (out.empty() || out.back() != '*') {
      out += '*';
    }
    pos = close + 1;
  }
  return out;
}

MappedEvent MapEvent(const Catalog& catalog, const CloudTrailEvent& event) {
  MappedEvent out;
  EventActions named = MapEventName(event);
  EventArns arns;
  bool have_arns = false;
  for (const NamedAction& n : named.actions) {
    std::optional<ActionId> id = catalog.FindAction(n.action);
    if (!id) {
      AddUnique(&out.unknown, n.action);
      continue;
    }
    ActionResources ar;
    ar.action = *id;
    if (catalog.TakesNoResource(*id)) {
      ar.resources.push_back("*");
      out.actions.push_back(std::move(ar));
      continue;
    }
    if (!have_arns) {
      arns = CandidateArns(event);
      have_arns = true;
    }
    for (const std::string& arn : n.copy_source ? arns.copy_sources : arns.targets) {
      if (!catalog.ClassifyArnFor(*id, arn).empty()) AddUnique(&ar.resources, arn);
    }
    if (ar.resources.empty()) {
      ar.unrecorded = true;
      std::string region = IsRegion(event.region) ? event.region : "";
      std::string account = IsAccount(event.account) ? event.account : "";
      ar.resources.push_back(
          ResourcePatternFromTemplate(catalog, *id, Partition(event), region, account));
    }
    if (n.action == "iam:PassRole" && ar.unrecorded) {
      out.notes.push_back("the instance profile's role is not recorded: narrow iam:PassRole to it");
    }
    out.actions.push_back(std::move(ar));
  }
  return out;
}

}  // namespace iamlint

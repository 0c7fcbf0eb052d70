#include "engine/inputs/intrinsics.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/json/json_tree_writer.h"

namespace iamlint {

namespace {

constexpr uint32_t kNoIndexLocal = 0xffffffffu;
constexpr std::string_view kAccount = "{{AccountId}}";
constexpr std::string_view kRegion = "{{Region}}";

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

bool HasToken(std::string_view s) {
  return s.find("{{") != std::string_view::npos || s.find("}}") != std::string_view::npos;
}

// Per resource type: the property holding its explicit name, what Ref
// gives, and the attributes we can spell. In formats, %N is the name (or
// `{{LogicalId}}`), %P the IAM path without its leading `/`, %A the account
// token, %R the region token.
struct AttrFormat {
  std::string_view attribute;  // "" for Ref
  std::string_view format;
};
struct TypeInfo {
  std::string_view type;
  std::string_view name_property;  // "" when the type has no name
  AttrFormat formats[4];
};

constexpr TypeInfo kTypes[] = {
    {"AWS::IAM::Role", "RoleName", {{"", "%N"}, {"Arn", "arn:aws:iam::%A:role/%P%N"}, {"RoleId", ""}, {}}},
    {"AWS::IAM::User", "UserName", {{"", "%N"}, {"Arn", "arn:aws:iam::%A:user/%P%N"}, {}, {}}},
    {"AWS::IAM::Group", "GroupName", {{"", "%N"}, {"Arn", "arn:aws:iam::%A:group/%P%N"}, {}, {}}},
    {"AWS::IAM::ManagedPolicy", "ManagedPolicyName",
     {{"", "arn:aws:iam::%A:policy/%P%N"}, {"PolicyArn", "arn:aws:iam::%A:policy/%P%N"}, {}, {}}},
    {"AWS::IAM::InstanceProfile", "InstanceProfileName",
     {{"", "%N"}, {"Arn", "arn:aws:iam::%A:instance-profile/%P%N"}, {}, {}}},
    {"AWS::S3::Bucket", "BucketName",
     {{"", "%N"}, {"Arn", "arn:aws:s3:::%N"}, {"DomainName", "%N.s3.amazonaws.com"},
      {"RegionalDomainName", "%N.s3.%R.amazonaws.com"}}},
    {"AWS::SQS::Queue", "QueueName",
     {{"", "https://sqs.%R.amazonaws.com/%A/%N"}, {"Arn", "arn:aws:sqs:%R:%A:%N"},
      {"QueueName", "%N"}, {"QueueUrl", "https://sqs.%R.amazonaws.com/%A/%N"}}},
    {"AWS::SNS::Topic", "TopicName",
     {{"", "arn:aws:sns:%R:%A:%N"}, {"TopicArn", "arn:aws:sns:%R:%A:%N"}, {"TopicName", "%N"}, {}}},
    {"AWS::KMS::Key", "", {{"", "%N"}, {"Arn", "arn:aws:kms:%R:%A:key/%N"}, {"KeyId", "%N"}, {}}},
    {"AWS::KMS::Alias", "AliasName", {{"", "%N"}, {}, {}, {}}},
    {"AWS::Lambda::Function", "FunctionName",
     {{"", "%N"}, {"Arn", "arn:aws:lambda:%R:%A:function:%N"}, {}, {}}},
    {"AWS::Serverless::Function", "FunctionName",
     {{"", "%N"}, {"Arn", "arn:aws:lambda:%R:%A:function:%N"}, {}, {}}},
    {"AWS::DynamoDB::Table", "TableName",
     {{"", "%N"}, {"Arn", "arn:aws:dynamodb:%R:%A:table/%N"},
      {"StreamArn", "arn:aws:dynamodb:%R:%A:table/%N/stream/{{StreamLabel}}"}, {}}},
    {"AWS::Serverless::SimpleTable", "TableName",
     {{"", "%N"}, {"Arn", "arn:aws:dynamodb:%R:%A:table/%N"}, {}, {}}},
    {"AWS::Logs::LogGroup", "LogGroupName",
     {{"", "%N"}, {"Arn", "arn:aws:logs:%R:%A:log-group:%N:*"}, {}, {}}},
    {"AWS::SecretsManager::Secret", "Name",
     {{"", "arn:aws:secretsmanager:%R:%A:secret:%N-{{Suffix}}"}, {}, {}, {}}},
    {"AWS::Kinesis::Stream", "Name", {{"", "%N"}, {"Arn", "arn:aws:kinesis:%R:%A:stream/%N"}, {}, {}}},
    {"AWS::KinesisFirehose::DeliveryStream", "DeliveryStreamName",
     {{"", "%N"}, {"Arn", "arn:aws:firehose:%R:%A:deliverystream/%N"}, {}, {}}},
    {"AWS::StepFunctions::StateMachine", "StateMachineName",
     {{"", "arn:aws:states:%R:%A:stateMachine:%N"}, {"Arn", "arn:aws:states:%R:%A:stateMachine:%N"},
      {"Name", "%N"}, {}}},
    {"AWS::Serverless::StateMachine", "Name",
     {{"", "arn:aws:states:%R:%A:stateMachine:%N"}, {"Arn", "arn:aws:states:%R:%A:stateMachine:%N"},
      {"Name", "%N"}, {}}},
    {"AWS::ECR::Repository", "RepositoryName",
     {{"", "%N"}, {"Arn", "arn:aws:ecr:%R:%A:repository/%N"}, {}, {}}},
    {"AWS::Events::EventBus", "Name", {{"", "%N"}, {"Arn", "arn:aws:events:%R:%A:event-bus/%N"}, {}, {}}},
    {"AWS::Events::Rule", "Name", {{"", "%N"}, {"Arn", "arn:aws:events:%R:%A:rule/%N"}, {}, {}}},
    {"AWS::SSM::Parameter", "Name", {{"", "%N"}, {}, {}, {}}},
    {"AWS::CloudTrail::Trail", "TrailName", {{"", "%N"}, {"Arn", "arn:aws:cloudtrail:%R:%A:trail/%N"}, {}, {}}},
    {"AWS::ECS::Cluster", "ClusterName", {{"", "%N"}, {"Arn", "arn:aws:ecs:%R:%A:cluster/%N"}, {}, {}}},
    {"AWS::CodeCommit::Repository", "RepositoryName",
     {{"", "%N"}, {"Arn", "arn:aws:codecommit:%R:%A:%N"}, {"Name", "%N"}, {}}},
};

const TypeInfo* FindType(std::string_view type) {
  for (const TypeInfo& t : kTypes) {
    if (t.type == type) return &t;
  }
  return nullptr;
}

std::string_view PseudoToken(std::string_view name) {
  if (name == "AWS::AccountId") return kAccount;
  if (name == "AWS::Region") return kRegion;
  if (name == "AWS::StackName") return "{{StackName}}";
  if (name == "AWS::StackId") return "{{StackId}}";
  if (name == "AWS::NotificationARNs") return "{{NotificationARNs}}";
  return "";
}

bool IsListParameterType(std::string_view type) {
  return type == "CommaDelimitedList" || StartsWith(type, "List<");
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// ---------------------------------------------------------------------------
// The evaluator: input JsonValue → an intermediate tree (arena below) →
// JsonTreeWriter. Intermediate nodes are immutable and may be shared.

enum class NodeKind : uint8_t { kNull, kFalse, kTrue, kNumber, kString, kArray, kObject, kNoValue };

struct Node {
  NodeKind kind = NodeKind::kNull;
  bool unknown = false;
  Span span;
  uint32_t text_begin = 0;
  uint32_t text_size = 0;
  uint32_t first = 0;  // into items_
  uint32_t count = 0;
};

struct Item {
  uint32_t value = 0;
  std::string_view key;  // objects: a key of an input document
  Span key_span;
};

enum class Fn : uint8_t {
  kRef,
  kGetAtt,
  kSub,
  kJoin,
  kSelect,
  kSplit,
  kFindInMap,
  kImportValue,
  kOther,
};

Fn FnOf(std::string_view key) {
  if (key == "Ref") return Fn::kRef;
  if (key == "Fn::GetAtt") return Fn::kGetAtt;
  if (key == "Fn::Sub") return Fn::kSub;
  if (key == "Fn::Join") return Fn::kJoin;
  if (key == "Fn::Select") return Fn::kSelect;
  if (key == "Fn::Split") return Fn::kSplit;
  if (key == "Fn::FindInMap") return Fn::kFindInMap;
  if (key == "Fn::ImportValue") return Fn::kImportValue;
  return Fn::kOther;
}

class Evaluator {
 public:
  Evaluator(const CfnTemplate& tmpl, const IntrinsicOptions& options)
      : tmpl_(tmpl), options_(options) {}

  IntrinsicResult Run(JsonValue value);

 private:
  enum class Mode : uint8_t { kArray, kObject, kIntrinsic };
  struct Frame {
    JsonValue in;
    uint32_t next = 0;
    size_t base = 0;
    Span span;             // the span results of this frame get
    bool override = false; // children take `span` too
    bool literal = false;  // no intrinsics below (Mappings, defaults)
    Mode mode = Mode::kArray;
    Fn fn = Fn::kOther;
  };

  bool Charge(size_t bytes) {
    used_ += bytes;
    if (used_ > options_.max_bytes) over_ = true;
    return !over_;
  }
  std::string_view Text(const Node& n) const {
    return std::string_view(text_).substr(n.text_begin, n.text_size);
  }
  uint32_t Add(Node n) {
    Charge(sizeof(Node));
    nodes_.push_back(n);
    return static_cast<uint32_t>(nodes_.size() - 1);
  }
  uint32_t Scalar(NodeKind kind, std::string_view text, Span span, bool unknown = false) {
    Node n;
    n.kind = kind;
    n.unknown = unknown;
    n.span = span;
    if (Charge(text.size())) {
      n.text_begin = static_cast<uint32_t>(text_.size());
      n.text_size = static_cast<uint32_t>(text.size());
      text_.append(text);
    }
    if (unknown) saw_unknown_ = true;
    return Add(n);
  }
  uint32_t String(std::string_view text, Span span, bool unknown = false) {
    return Scalar(NodeKind::kString, text, span, unknown);
  }
  uint32_t Unknown(std::string_view name, Span span) {
    return String(UnknownToken(name), span, true);
  }
  uint32_t NoValue(Span span) {
    Node n;
    n.kind = NodeKind::kNoValue;
    n.span = span;
    return Add(n);
  }
  uint32_t Container(NodeKind kind, Span span, const std::vector<Item>& items) {
    Node n;
    n.kind = kind;
    n.span = span;
    n.first = static_cast<uint32_t>(items_.size());
    n.count = static_cast<uint32_t>(items.size());
    Charge(items.size() * sizeof(Item));
    items_.insert(items_.end(), items.begin(), items.end());
    return Add(n);
  }
  // A scalar node given another span (containers are shared as they are).
  uint32_t Respan(uint32_t id, Span span) {
    Node n = nodes_[id];
    if (n.kind == NodeKind::kArray || n.kind == NodeKind::kObject) return id;
    n.span = span;
    return Add(n);
  }

  void Push(JsonValue v, Span override_span, bool override, bool literal);
  void FinishFrame();
  void Apply(const Frame& f, uint32_t arg);

  uint32_t RefValue(std::string_view name, Span span);
  uint32_t ParameterValue(std::string_view name, const CfnTemplate::Parameter& p, Span span);
  uint32_t GetAttValue(std::string_view logical_id, std::string_view attribute, bool attr_unknown,
                       Span span);
  uint32_t SubValue(uint32_t arg, Span span);
  uint32_t JoinValue(uint32_t arg, Span span);
  uint32_t SelectValue(uint32_t arg, Span span);
  uint32_t SplitValue(uint32_t arg, Span span);
  // Returns kNoIndex after pushing a literal tail evaluation.
  uint32_t FindInMapValue(const Frame& f, uint32_t arg);

  // A string (or number) node's text appended to *out; false when the
  // node is not a scalar usable as text.
  bool AppendScalar(uint32_t id, std::string* out, bool* unknown) const;
  bool IsKnownString(uint32_t id) const {
    const Node& n = nodes_[id];
    return n.kind == NodeKind::kString && !n.unknown;
  }

  const CfnTemplate& tmpl_;
  const IntrinsicOptions& options_;
  std::vector<Node> nodes_;
  std::vector<Item> items_;
  std::string text_;
  std::vector<Frame> frames_;
  std::vector<uint32_t> results_;
  size_t used_ = 0;
  bool over_ = false;
  bool saw_if_ = false;
  bool saw_unknown_ = false;
};

void Evaluator::Push(JsonValue v, Span override_span, bool override, bool literal) {
  // Fn::If is replaced by the branch it takes, iteratively.
  while (!literal && IsIntrinsic(v) && v.key(0) == "Fn::If") {
    saw_if_ = true;
    JsonValue args = v.member_value(0);
    if (!args.is_array() || args.size() != 3) {
      results_.push_back(Unknown("If", override ? override_span : v.span()));
      return;
    }
    v = args.element(options_.conditions ? 1 : 2);
  }
  Span span = override ? override_span : v.span();
  switch (v.kind()) {
    case JsonKind::kNull:
      results_.push_back(Scalar(NodeKind::kNull, "null", span));
      return;
    case JsonKind::kFalse:
      results_.push_back(Scalar(NodeKind::kFalse, "false", span));
      return;
    case JsonKind::kTrue:
      results_.push_back(Scalar(NodeKind::kTrue, "true", span));
      return;
    case JsonKind::kNumber:
      results_.push_back(Scalar(NodeKind::kNumber, v.text(), span));
      return;
    case JsonKind::kString:
      results_.push_back(String(v.text(), span, v.is_unknown()));
      return;
    case JsonKind::kArray:
    case JsonKind::kObject:
      break;
  }
  Frame f;
  f.in = v;
  f.base = results_.size();
  f.span = span;
  f.override = override;
  f.literal = literal;
  if (!literal && IsIntrinsic(v)) {
    f.mode = Mode::kIntrinsic;
    f.fn = FnOf(v.key(0));
  } else {
    f.mode = v.is_array() ? Mode::kArray : Mode::kObject;
  }
  frames_.push_back(f);
}

IntrinsicResult Evaluator::Run(JsonValue value) {
  IntrinsicResult result;
  Push(value, Span{}, false, false);
  while (!frames_.empty() && !over_) {
    Frame& f = frames_.back();
    uint32_t limit = f.mode == Mode::kIntrinsic ? 1 : f.in.size();
    if (f.next < limit) {
      uint32_t i = f.next++;
      JsonValue child = f.mode == Mode::kArray ? f.in.element(i) : f.in.member_value(i);
      Span span = f.span;
      bool override = f.override, literal = f.literal;
      Push(child, span, override, literal);  // may reallocate frames_
      continue;
    }
    FinishFrame();
  }
  result.saw_if = saw_if_;
  if (over_) {
    result.truncated = true;
    return result;
  }
  if (results_.size() != 1) return result;  // cannot happen; be safe
  uint32_t root = results_[0];
  if (nodes_[root].kind == NodeKind::kNoValue) {
    result.removed = true;
    return result;
  }
  // Emit, iteratively, skipping NoValue elements and members.
  JsonTreeWriter w;
  struct Item2 {
    uint32_t node;
    uint32_t next;
  };
  std::vector<Item2> stack;
  bool unknown = false;
  auto emit = [&](uint32_t id) {
    const Node& n = nodes_[id];
    switch (n.kind) {
      case NodeKind::kNull: w.Null(n.span); break;
      case NodeKind::kFalse: w.Bool(false, n.span); break;
      case NodeKind::kTrue: w.Bool(true, n.span); break;
      case NodeKind::kNumber: w.Number(Text(n), n.span); break;
      case NodeKind::kString:
        unknown = unknown || n.unknown;
        w.String(Text(n), n.span, n.unknown);
        break;
      case NodeKind::kArray:
        w.StartArray(n.span);
        stack.push_back(Item2{id, 0});
        break;
      case NodeKind::kObject:
        w.StartObject(n.span);
        stack.push_back(Item2{id, 0});
        break;
      case NodeKind::kNoValue: break;  // filtered by the caller
    }
  };
  emit(root);
  while (!stack.empty()) {
    Item2& top = stack.back();
    const Node& n = nodes_[top.node];
    if (top.next >= n.count) {
      bool object = n.kind == NodeKind::kObject;
      uint32_t end = n.span.end;
      stack.pop_back();
      if (object) {
        w.EndObject(end);
      } else {
        w.EndArray(end);
      }
      continue;
    }
    const Item& item = items_[n.first + top.next++];
    if (nodes_[item.value].kind == NodeKind::kNoValue) continue;
    if (n.kind == NodeKind::kObject) w.Key(item.key, item.key_span);
    emit(item.value);
  }
  result.doc = w.Finish();
  result.has_root = true;
  result.has_unknown = unknown;
  return result;
}

void Evaluator::FinishFrame() {
  Frame f = frames_.back();
  frames_.pop_back();
  if (f.mode == Mode::kIntrinsic) {
    uint32_t arg = results_.back();
    results_.resize(f.base);
    Apply(f, arg);
    return;
  }
  std::vector<Item> items;
  items.reserve(results_.size() - f.base);
  for (size_t i = f.base; i < results_.size(); ++i) {
    Item item;
    item.value = results_[i];
    if (f.mode == Mode::kObject) {
      uint32_t k = static_cast<uint32_t>(i - f.base);
      item.key = f.in.key(k);
      item.key_span = f.override ? f.span : f.in.key_span(k);
    }
    items.push_back(item);
  }
  results_.resize(f.base);
  results_.push_back(
      Container(f.mode == Mode::kObject ? NodeKind::kObject : NodeKind::kArray, f.span, items));
}

void Evaluator::Apply(const Frame& f, uint32_t arg) {
  Span span = f.span;
  const Node& a = nodes_[arg];
  uint32_t out = kNoIndexLocal;
  switch (f.fn) {
    case Fn::kRef:
      if (a.kind == NodeKind::kString && !a.unknown) {
        std::string name(Text(a));  // RefValue appends to text_
        out = RefValue(name, span);
      } else {
        out = Unknown("Ref", span);
      }
      break;
    case Fn::kGetAtt: {
      // The string form "A.B" (also as a one-element list, as YAML readers
      // give `!GetAtt A` when the dot is missing).
      uint32_t single = a.kind == NodeKind::kString ? arg
                        : a.kind == NodeKind::kArray && a.count == 1 ? items_[a.first].value
                                                                    : kNoIndexLocal;
      if (single != kNoIndexLocal && IsKnownString(single)) {
        std::string_view s = Text(nodes_[single]);
        size_t dot = s.find('.');
        if (dot == std::string_view::npos) {
          out = Unknown(s, span);
        } else {
          std::string id(s.substr(0, dot)), attr(s.substr(dot + 1));
          out = GetAttValue(id, attr, false, span);
        }
      } else if (a.kind == NodeKind::kArray && a.count == 2 &&
                 IsKnownString(items_[a.first].value)) {
        std::string id(Text(nodes_[items_[a.first].value]));
        const Node& attr = nodes_[items_[a.first + 1].value];
        std::string attr_text =
            attr.kind == NodeKind::kString ? std::string(Text(attr)) : std::string("Attr");
        out = GetAttValue(id, attr_text, attr.kind != NodeKind::kString || attr.unknown, span);
      } else {
        out = Unknown("GetAtt", span);
      }
      break;
    }
    case Fn::kSub: out = SubValue(arg, span); break;
    case Fn::kJoin: out = JoinValue(arg, span); break;
    case Fn::kSelect: out = SelectValue(arg, span); break;
    case Fn::kSplit: out = SplitValue(arg, span); break;
    case Fn::kFindInMap:
      out = FindInMapValue(f, arg);
      if (out == kNoIndexLocal) return;  // a literal tail evaluation was pushed
      break;
    case Fn::kImportValue:
      if (a.kind == NodeKind::kString && !a.unknown) {
        out = Unknown("ImportValue." + std::string(Text(a)), span);
      } else {
        out = Unknown("ImportValue", span);
      }
      break;
    case Fn::kOther: {
      std::string_view key = f.in.key(0);
      if (StartsWith(key, "Fn::")) key.remove_prefix(4);
      out = Unknown(key, span);
      break;
    }
  }
  results_.push_back(out);
}

uint32_t Evaluator::RefValue(std::string_view name, Span span) {
  if (name == "AWS::NoValue") return NoValue(span);
  if (name == "AWS::Partition") return String("aws", span);
  if (name == "AWS::URLSuffix") return String("amazonaws.com", span);
  std::string_view pseudo = PseudoToken(name);
  if (!pseudo.empty()) return String(pseudo, span, true);
  if (auto it = tmpl_.parameters.find(name); it != tmpl_.parameters.end()) {
    return ParameterValue(name, it->second, span);
  }
  if (tmpl_.resources.find(name) != tmpl_.resources.end()) {
    CfnResourceValue v = CfnRefValue(tmpl_, name, "");
    return String(v.text, span, v.unknown);
  }
  return Unknown(name, span);
}

uint32_t Evaluator::ParameterValue(std::string_view name, const CfnTemplate::Parameter& p,
                                   Span span) {
  JsonValue d = p.default_value;
  if (!d.valid() || StartsWith(p.type, "AWS::SSM::Parameter::Value")) return Unknown(name, span);
  bool list = IsListParameterType(p.type);
  if (list && d.is_string()) {
    std::vector<Item> items;
    std::string_view s = d.text();
    size_t start = 0;
    while (true) {
      size_t comma = s.find(',', start);
      std::string_view piece =
          Trim(s.substr(start, comma == std::string_view::npos ? std::string_view::npos
                                                               : comma - start));
      Item item;
      item.value = String(piece, span);
      items.push_back(item);
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
    return Container(NodeKind::kArray, span, items);
  }
  if (list && d.is_array()) {
    std::vector<Item> items;
    for (uint32_t i = 0; i < d.size(); ++i) {
      JsonValue e = d.element(i);
      if (e.is_array() || e.is_object()) return Unknown(name, span);
      Item item;
      item.value = String(e.text(), span);
      items.push_back(item);
    }
    return Container(NodeKind::kArray, span, items);
  }
  if (d.is_array() || d.is_object()) return Unknown(name, span);
  return String(d.text(), span);  // Ref of a Number parameter is a string
}

uint32_t Evaluator::GetAttValue(std::string_view logical_id, std::string_view attribute,
                                bool attr_unknown, Span span) {
  if (attr_unknown || tmpl_.resources.find(logical_id) == tmpl_.resources.end()) {
    std::string attr;
    for (char c : attribute) {
      if (c != '{' && c != '}') attr += c;  // an unknown attribute's own token
    }
    return Unknown(std::string(logical_id) + "." + attr, span);
  }
  CfnResourceValue v = CfnRefValue(tmpl_, logical_id, attribute);
  return String(v.text, span, v.unknown);
}

bool Evaluator::AppendScalar(uint32_t id, std::string* out, bool* unknown) const {
  const Node& n = nodes_[id];
  if (n.kind != NodeKind::kString && n.kind != NodeKind::kNumber && n.kind != NodeKind::kTrue &&
      n.kind != NodeKind::kFalse) {
    return false;
  }
  out->append(Text(n));
  *unknown = *unknown || n.unknown;
  return true;
}

uint32_t Evaluator::SubValue(uint32_t arg, Span span) {
  const Node& a = nodes_[arg];
  uint32_t format = kNoIndexLocal;
  uint32_t vars = kNoIndexLocal;
  if (a.kind == NodeKind::kString) {
    format = arg;
  } else if (a.kind == NodeKind::kArray && a.count >= 1 && a.count <= 2) {
    format = items_[a.first].value;
    if (a.count == 2) vars = items_[a.first + 1].value;
    if (nodes_[format].kind != NodeKind::kString) return Unknown("Sub", span);
    if (vars != kNoIndexLocal && nodes_[vars].kind != NodeKind::kObject) return Unknown("Sub", span);
  } else {
    return Unknown("Sub", span);
  }
  // Copy the format: text_ may grow while we work.
  std::string s(Text(nodes_[format]));
  bool unknown = nodes_[format].unknown;
  std::string out;
  size_t remaining = options_.max_bytes > used_ ? options_.max_bytes - used_ : 0;
  size_t i = 0;
  while (i < s.size()) {
    if (out.size() > remaining) {
      over_ = true;
      return NoValue(span);
    }
    size_t open = s.find("${", i);
    if (open == std::string::npos) {
      out.append(s, i, std::string::npos);
      break;
    }
    out.append(s, i, open - i);
    size_t close = s.find('}', open + 2);
    if (close == std::string::npos) {
      out.append(s, open, std::string::npos);
      break;
    }
    std::string name = s.substr(open + 2, close - open - 2);
    i = close + 1;
    if (!name.empty() && name[0] == '!') {  // ${!Literal} → ${Literal}
      out += "${";
      out.append(name, 1, std::string::npos);
      out += '}';
      continue;
    }
    // The variables given in the second form come first.
    if (vars != kNoIndexLocal) {
      const Node& v = nodes_[vars];
      bool found = false;
      for (uint32_t k = 0; k < v.count; ++k) {
        const Item& item = items_[v.first + k];
        if (item.key != name) continue;
        found = true;
        if (!AppendScalar(item.value, &out, &unknown)) {
          out += UnknownToken(name);
          unknown = true;
        }
        break;
      }
      if (found) continue;
    }
    uint32_t value = kNoIndexLocal;
    size_t dot = name.find('.');
    if (!PseudoToken(name).empty() || name == "AWS::Partition" || name == "AWS::URLSuffix" ||
        tmpl_.parameters.find(name) != tmpl_.parameters.end() ||
        tmpl_.resources.find(name) != tmpl_.resources.end()) {
      value = RefValue(name, span);
    } else if (dot != std::string::npos &&
               tmpl_.resources.find(std::string_view(name).substr(0, dot)) !=
                   tmpl_.resources.end()) {
      value = GetAttValue(std::string_view(name).substr(0, dot),
                          std::string_view(name).substr(dot + 1), false, span);
    } else if (name.find(':') != std::string::npos) {
      // An IAM policy variable such as ${aws:username}: kept as written.
      out += "${";
      out += name;
      out += '}';
      continue;
    }
    if (value == kNoIndexLocal || !AppendScalar(value, &out, &unknown)) {
      out += UnknownToken(name);
      unknown = true;
    }
  }
  if (out.size() > remaining) {
    over_ = true;
    return NoValue(span);
  }
  return String(out, span, unknown);
}

uint32_t Evaluator::JoinValue(uint32_t arg, Span span) {
  const Node& a = nodes_[arg];
  if (a.kind != NodeKind::kArray || a.count != 2) return Unknown("Join", span);
  uint32_t delim_id = items_[a.first].value;
  uint32_t list_id = items_[a.first + 1].value;
  const Node& delim = nodes_[delim_id];
  const Node& list = nodes_[list_id];
  if (delim.kind != NodeKind::kString) return Unknown("Join", span);
  if (list.kind == NodeKind::kString && list.unknown) return Respan(list_id, span);
  if (list.kind != NodeKind::kArray) return Unknown("Join", span);
  std::string d(Text(delim));
  bool unknown = delim.unknown;
  std::string out;
  size_t remaining = options_.max_bytes > used_ ? options_.max_bytes - used_ : 0;
  bool first = true;
  for (uint32_t k = 0; k < list.count; ++k) {
    uint32_t e = items_[list.first + k].value;
    if (nodes_[e].kind == NodeKind::kNoValue) continue;
    if (!first) out += d;
    first = false;
    if (!AppendScalar(e, &out, &unknown)) return Unknown("Join", span);
    if (out.size() > remaining) {
      over_ = true;
      return NoValue(span);
    }
  }
  return String(out, span, unknown);
}

uint32_t Evaluator::SelectValue(uint32_t arg, Span span) {
  const Node& a = nodes_[arg];
  if (a.kind != NodeKind::kArray || a.count != 2) return Unknown("Select", span);
  const Node& index = nodes_[items_[a.first].value];
  uint32_t list_id = items_[a.first + 1].value;
  const Node& list = nodes_[list_id];
  if ((index.kind != NodeKind::kString && index.kind != NodeKind::kNumber) || index.unknown) {
    return Unknown("Select", span);
  }
  std::string_view digits = Text(index);
  if (digits.empty() || digits.size() > 9) return Unknown("Select", span);
  uint32_t n = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return Unknown("Select", span);
    n = n * 10 + static_cast<uint32_t>(c - '0');
  }
  if (list.kind == NodeKind::kString && list.unknown) return Respan(list_id, span);
  if (list.kind != NodeKind::kArray) return Unknown("Select", span);
  // NoValue elements are not part of the list.
  uint32_t seen = 0;
  for (uint32_t k = 0; k < list.count; ++k) {
    uint32_t e = items_[list.first + k].value;
    if (nodes_[e].kind == NodeKind::kNoValue) continue;
    if (seen++ == n) return Respan(e, span);
  }
  return Unknown("Select", span);
}

uint32_t Evaluator::SplitValue(uint32_t arg, Span span) {
  const Node& a = nodes_[arg];
  if (a.kind != NodeKind::kArray || a.count != 2) return Unknown("Split", span);
  const Node& delim = nodes_[items_[a.first].value];
  const Node& source = nodes_[items_[a.first + 1].value];
  if (delim.kind != NodeKind::kString || delim.unknown || delim.text_size == 0 ||
      source.kind != NodeKind::kString) {
    return Unknown("Split", span);
  }
  std::string d(Text(delim));
  std::string s(Text(source));
  bool source_unknown = source.unknown;
  std::vector<Item> items;
  size_t start = 0;
  while (!over_) {
    size_t at = s.find(d, start);
    std::string_view piece = std::string_view(s).substr(
        start, at == std::string::npos ? std::string::npos : at - start);
    Item item;
    item.value = String(piece, span, source_unknown && HasToken(piece));
    items.push_back(item);
    if (at == std::string::npos) break;
    start = at + d.size();
  }
  if (over_) return NoValue(span);
  return Container(NodeKind::kArray, span, items);
}

uint32_t Evaluator::FindInMapValue(const Frame& f, uint32_t arg) {
  Span span = f.span;
  const Node& a = nodes_[arg];
  if (a.kind != NodeKind::kArray || a.count < 3 || a.count > 4) return Unknown("FindInMap", span);
  std::string_view map_name = "FindInMap";
  if (IsKnownString(items_[a.first].value)) map_name = Text(nodes_[items_[a.first].value]);
  std::string map(map_name);
  uint32_t fallback = kNoIndexLocal;
  if (a.count == 4) {
    const Node& opts = nodes_[items_[a.first + 3].value];
    if (opts.kind == NodeKind::kObject) {
      for (uint32_t k = 0; k < opts.count; ++k) {
        if (items_[opts.first + k].key == "DefaultValue") fallback = items_[opts.first + k].value;
      }
    }
  }
  bool known = true;
  for (uint32_t k = 0; k < 3; ++k) known = known && IsKnownString(items_[a.first + k].value);
  if (known && tmpl_.mappings.is_object()) {
    JsonValue top = tmpl_.mappings.Find(Text(nodes_[items_[a.first].value]));
    JsonValue second = top.valid() && top.is_object()
                           ? top.Find(Text(nodes_[items_[a.first + 1].value]))
                           : JsonValue();
    JsonValue value = second.valid() && second.is_object()
                          ? second.Find(Text(nodes_[items_[a.first + 2].value]))
                          : JsonValue();
    if (value.valid()) {
      Push(value, span, true, true);
      return kNoIndexLocal;
    }
    if (fallback != kNoIndexLocal) return Respan(fallback, span);
  }
  return Unknown(map, span);
}

}  // namespace

std::string UnknownToken(std::string_view name) {
  std::string out = "{{";
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '-';
    out += ok ? c : '_';
  }
  out += "}}";
  return out;
}

bool IsIntrinsic(JsonValue value) {
  if (!value.valid() || !value.is_object() || value.size() != 1) return false;
  std::string_view key = value.key(0);
  return key == "Ref" || StartsWith(key, "Fn::");
}

CfnTemplate CfnTemplate::FromRoot(JsonValue root) {
  CfnTemplate t;
  if (!root.valid() || !root.is_object()) return t;
  JsonValue params = root.Find("Parameters");
  if (params.valid() && params.is_object()) {
    for (uint32_t i = 0; i < params.size(); ++i) {
      JsonValue p = params.member_value(i);
      Parameter param;
      if (p.is_object()) {
        JsonValue type = p.Find("Type");
        if (type.valid() && type.is_string()) param.type = std::string(type.text());
        JsonValue d = p.Find("Default");
        if (d.valid()) param.default_value = d;
      }
      t.parameters.emplace(std::string(params.key(i)), std::move(param));
    }
  }
  JsonValue mappings = root.Find("Mappings");
  if (mappings.valid() && mappings.is_object()) t.mappings = mappings;
  JsonValue resources = root.Find("Resources");
  if (resources.valid() && resources.is_object()) {
    for (uint32_t i = 0; i < resources.size(); ++i) {
      JsonValue r = resources.member_value(i);
      Resource res;
      res.key_span = resources.key_span(i);
      if (r.is_object()) {
        JsonValue type = r.Find("Type");
        if (type.valid() && type.is_string()) res.type = std::string(type.text());
        JsonValue props = r.Find("Properties");
        if (props.valid()) res.properties = props;
      }
      t.resources.emplace(std::string(resources.key(i)), std::move(res));
    }
  }
  return t;
}

std::optional<std::string> CfnLiteralName(const CfnTemplate& tmpl, std::string_view logical_id) {
  auto it = tmpl.resources.find(logical_id);
  if (it == tmpl.resources.end()) return std::nullopt;
  const TypeInfo* info = FindType(it->second.type);
  if (info == nullptr || info->name_property.empty()) return std::nullopt;
  JsonValue props = it->second.properties;
  if (!props.valid() || !props.is_object()) return std::nullopt;
  JsonValue name = props.Find(info->name_property);
  if (!name.valid()) return std::nullopt;
  if (name.is_string() && !name.is_unknown()) return std::string(name.text());
  // `!Ref Param` with a string default.
  if (IsIntrinsic(name) && name.key(0) == "Ref" && name.member_value(0).is_string()) {
    auto p = tmpl.parameters.find(name.member_value(0).text());
    if (p != tmpl.parameters.end() && p->second.default_value.valid() &&
        p->second.default_value.is_string() && !IsListParameterType(p->second.type) &&
        !StartsWith(p->second.type, "AWS::SSM::Parameter::Value")) {
      return std::string(p->second.default_value.text());
    }
  }
  return std::nullopt;
}

CfnResourceValue CfnRefValue(const CfnTemplate& tmpl, std::string_view logical_id,
                             std::string_view attribute) {
  CfnResourceValue out;
  auto it = tmpl.resources.find(logical_id);
  const TypeInfo* info = it == tmpl.resources.end() ? nullptr : FindType(it->second.type);
  std::string_view format;
  bool found = false;
  if (info != nullptr) {
    for (const AttrFormat& f : info->formats) {
      if (f.format.empty() && f.attribute.empty()) continue;
      if (f.attribute == attribute) {
        format = f.format;
        found = !format.empty();
        break;
      }
    }
  }
  if (!found) {
    out.text = UnknownToken(attribute.empty() ? std::string(logical_id)
                                              : std::string(logical_id) + "." +
                                                    std::string(attribute));
    out.unknown = true;
    return out;
  }
  std::optional<std::string> name = CfnLiteralName(tmpl, logical_id);
  std::string path;
  JsonValue props = it->second.properties;
  if (props.valid() && props.is_object()) {
    JsonValue p = props.Find("Path");
    if (p.valid() && p.is_string()) {
      path = std::string(p.text());
      if (!path.empty() && path.front() == '/') path.erase(0, 1);
    }
  }
  bool unknown = false;
  for (size_t i = 0; i < format.size(); ++i) {
    if (format[i] == '%' && i + 1 < format.size()) {
      char c = format[++i];
      if (c == 'N') {
        if (name) {
          out.text += *name;
        } else {
          out.text += UnknownToken(logical_id);
          unknown = true;
        }
      } else if (c == 'P') {
        out.text += path;
      } else if (c == 'A') {
        out.text += kAccount;
        unknown = true;
      } else if (c == 'R') {
        out.text += kRegion;
        unknown = true;
      }
      continue;
    }
    out.text += format[i];
  }
  out.unknown = unknown || HasToken(out.text);
  return out;
}

IntrinsicResult ResolveIntrinsics(const CfnTemplate& tmpl, JsonValue value,
                                  const IntrinsicOptions& options) {
  if (!value.valid()) return IntrinsicResult{};
  Evaluator e(tmpl, options);
  return e.Run(value);
}

}  // namespace iamlint

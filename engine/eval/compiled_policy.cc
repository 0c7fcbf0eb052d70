#include "engine/eval/compiled_policy.h"

#include <algorithm>
#include <cctype>

namespace iamlint {

namespace {

std::string Lower(std::string_view s) { return AsciiLower(s); }

CompiledAction CompileAction(std::string_view text) {
  CompiledAction a;
  if (text == "*") {
    a.any = true;
    return a;
  }
  size_t colon = text.find(':');
  if (colon == std::string_view::npos) {
    // Not `service:action`: can never match (the validator reports it).
    a.service = "\x01invalid";
    a.name = Wildcard::FromPattern("\x01");
    return a;
  }
  a.service = Lower(text.substr(0, colon));
  a.name = Wildcard::FromPatternFolded(text.substr(colon + 1));
  return a;
}

CompiledResource CompileResource(std::string_view text, bool variables, ShortArnMode mode) {
  CompiledResource r;
  if (variables && text.find("${") != std::string_view::npos) {
    if (auto split = SplitArnResource(text)) {
      TemplateParse parse = ParseTemplate(split->resource);
      if (parse.has_variables) {
        r.has_variables = true;
        r.head = std::string(split->head);
        r.parts = std::move(parse.parts);
        return r;
      }
    }
  }
  r.pattern = ResourcePattern::Compile(text, mode);
  return r;
}

CompiledConditionValue CompileValue(const ConditionOperator& op, std::string_view text,
                                    bool variables) {
  CompiledConditionValue v;
  v.text = std::string(text);
  OperatorType type = TypeOf(op.base);
  if (variables && (AllowsVariables(op.base) || type == OperatorType::kBool) &&
      text.find("${") != std::string_view::npos) {
    TemplateParse parse = ParseTemplate(text);
    if (parse.has_variables) {
      v.has_variables = true;
      v.parts = std::move(parse.parts);
      return v;
    }
  }
  switch (type) {
    case OperatorType::kString:
      if (UsesWildcards(op.base)) v.glob = Wildcard::FromPattern(text);
      break;
    case OperatorType::kArn:
      v.arn = ArnLikePattern::Compile(Glob::Parse(text));
      break;
    case OperatorType::kNumeric:
      v.number = ParseDecimal(text);
      break;
    case OperatorType::kDate:
      v.date = ParseDate(text);
      break;
    case OperatorType::kBool:
      v.boolean = ParseBool(text);
      break;
    case OperatorType::kIp:
      v.network = ParseCidr(text);
      break;
    case OperatorType::kBinary:
      v.binary = DecodeBase64(text);
      break;
    case OperatorType::kNull:
      v.boolean = ParseBool(text);
      break;
  }
  return v;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

CompiledPrincipal CompilePrincipal(const PrincipalEntry& entry) {
  CompiledPrincipal p;
  const std::string& v = entry.value.value;
  p.value = v;
  switch (entry.type) {
    case PrincipalType::kService:
      p.kind = PrincipalEntryKind::kService;
      return p;
    case PrincipalType::kFederated:
      p.kind = PrincipalEntryKind::kFederated;
      return p;
    case PrincipalType::kCanonicalUser:
      p.kind = PrincipalEntryKind::kCanonicalUser;
      return p;
    case PrincipalType::kAws:
      break;
  }
  if (v == "*") {
    p.kind = PrincipalEntryKind::kAny;
    return p;
  }
  if (AllDigits(v) && v.size() == 12) {
    p.kind = PrincipalEntryKind::kAccount;
    p.account = v;
    return p;
  }
  if (v.rfind("arn:", 0) != 0) {
    p.kind = (v.rfind("AIDA", 0) == 0 || v.rfind("AROA", 0) == 0) ? PrincipalEntryKind::kUniqueId
                                                                   : PrincipalEntryKind::kInvalid;
    return p;
  }
  if (v.find_first_of("*?") != std::string::npos) return p;  // invalid: no partial wildcards
  std::optional<ArnFields> f = SplitArn(v);
  if (!f) return p;
  p.account = std::string(f->account);
  std::string_view service = f->service, res = f->resource;
  if (service == "iam") {
    if (res == "root") {
      p.kind = PrincipalEntryKind::kAccount;
    } else if (res.rfind("user/", 0) == 0) {
      p.kind = PrincipalEntryKind::kUser;
    } else if (res.rfind("role/", 0) == 0) {
      p.kind = PrincipalEntryKind::kRole;
      p.role_name = std::string(res.substr(res.rfind('/') + 1));
    } else if (res.rfind("federated-user/", 0) == 0) {
      p.kind = PrincipalEntryKind::kFederatedUser;
    }
  } else if (service == "sts") {
    if (res.rfind("assumed-role/", 0) == 0) {
      p.kind = PrincipalEntryKind::kSession;
    } else if (res.rfind("federated-user/", 0) == 0) {
      p.kind = PrincipalEntryKind::kFederatedUser;
    }
  }
  return p;
}

}  // namespace

CompiledCondition CompileCondition(const ConditionEntry& entry, uint32_t index, bool variables) {
  CompiledCondition cc;
  cc.op = entry.op;
  cc.key = Lower(entry.key.value);
  cc.key_as_written = entry.key.value;
  cc.entry = index;
  if (entry.op) {
    for (const LocatedString& v : entry.values) {
      cc.values.push_back(CompileValue(*entry.op, v.value, variables));
    }
  }
  return cc;
}

std::shared_ptr<const CompiledPolicy> CompiledPolicy::Compile(
    std::shared_ptr<const PolicyDocument> doc, const CompileOptions& options) {
  auto policy = std::shared_ptr<CompiledPolicy>(new CompiledPolicy());
  policy->doc_ = std::move(doc);
  const PolicyDocument& d = *policy->doc_;
  bool variables = d.variables_enabled();
  ShortArnMode mode = options.short_arn_mode.value_or(
      (d.kind == PolicyKind::kResource || d.kind == PolicyKind::kTrust || d.kind == PolicyKind::kRcp)
          ? ShortArnMode::kNeverMatch
          : ShortArnMode::kPadWithWildcards);

  for (const Statement& st : d.statements) {
    CompiledStatement cs;
    cs.index = static_cast<uint32_t>(st.index);
    cs.usable = st.effect.has_value() && st.action.has_value();
    if (st.effect) cs.effect = st.effect->value;
    if (st.action) {
      cs.not_action = st.action->negated;
      for (const LocatedString& a : st.action->values) cs.actions.push_back(CompileAction(a.value));
    }
    if (st.resource) {
      cs.has_resource = true;
      cs.not_resource = st.resource->negated;
      for (const LocatedString& r : st.resource->values) {
        cs.resources.push_back(CompileResource(r.value, variables, mode));
      }
    }
    if (st.principal) {
      cs.has_principal = true;
      cs.not_principal = st.principal->negated;
      if (st.principal->wildcard) {
        CompiledPrincipal any;
        any.kind = PrincipalEntryKind::kAny;
        any.value = "*";
        cs.principals.push_back(any);
      }
      for (const PrincipalEntry& e : st.principal->entries) cs.principals.push_back(CompilePrincipal(e));
    }
    for (uint32_t i = 0; i < st.conditions.size(); ++i) {
      cs.conditions.push_back(CompileCondition(st.conditions[i], i, variables));
    }
    policy->statements_.push_back(std::move(cs));
  }

  // Index: NotAction and wildcard-service statements go in "always".
  for (uint32_t i = 0; i < policy->statements_.size(); ++i) {
    const CompiledStatement& cs = policy->statements_[i];
    bool always = cs.not_action;
    for (const CompiledAction& a : cs.actions) always = always || a.any;
    if (always) {
      policy->always_.push_back(i);
      continue;
    }
    for (const CompiledAction& a : cs.actions) {
      auto& entries = policy->by_service_;
      auto it = std::lower_bound(
          entries.begin(), entries.end(), a.service,
          [](const ServiceEntry& e, const std::string& s) { return e.service < s; });
      if (it == entries.end() || it->service != a.service) it = entries.insert(it, {a.service, {}});
      std::vector<uint32_t>& bucket = it->statements;
      if (bucket.empty() || bucket.back() != i) bucket.push_back(i);
    }
  }
  return policy;
}

const std::vector<uint32_t>& CompiledPolicy::ServiceBucket(std::string_view service) const {
  if (by_service_.size() <= 8) {
    for (const ServiceEntry& e : by_service_) {
      if (e.service == service) return e.statements;
    }
    return empty_;
  }
  auto it = std::lower_bound(
      by_service_.begin(), by_service_.end(), service,
      [](const ServiceEntry& e, std::string_view s) { return std::string_view(e.service) < s; });
  return it != by_service_.end() && it->service == service ? it->statements : empty_;
}

}  // namespace iamlint

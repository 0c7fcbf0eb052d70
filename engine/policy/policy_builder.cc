#include "engine/policy/policy_builder.h"

#include "engine/json/json_writer.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "engine/base/ascii.h"
#include "engine/base/suggest.h"
#include "engine/policy/global_keys.h"
#include "engine/policy/policy_variable.h"

namespace iamlint {

namespace {

// User input in backticks, kept to one readable line: control characters
// are shown as escapes (`\n`, `\x01`) and text past 200 bytes is cut (at a
// UTF-8 boundary) and marked with `...`.
std::string Quote(std::string_view s) {
  constexpr size_t kMax = 200;
  bool cut = s.size() > kMax;
  if (cut) {
    size_t end = kMax;
    while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
    s = s.substr(0, end);
  }
  std::string out = "`";
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned>(c));
      out += buf;
    } else {
      out.push_back(ch);
    }
  }
  if (cut) out += "...";
  return out + "`";
}


std::string WithArticle(std::string_view kind_name) {
  if (kind_name == "null") return "null";
  char c = kind_name.empty() ? 'x' : kind_name[0];
  bool vowel = c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
  return std::string(vowel ? "an " : "a ") + std::string(kind_name);
}

std::string KindNoun(PolicyKind kind) {
  switch (kind) {
    case PolicyKind::kIdentity:
      return "identity policy";
    case PolicyKind::kResource:
      return "resource-based policy";
    case PolicyKind::kTrust:
      return "role trust policy";
    case PolicyKind::kBoundary:
      return "permissions boundary";
    case PolicyKind::kSession:
      return "session policy";
    case PolicyKind::kScp:
      return "service control policy";
    case PolicyKind::kRcp:
      return "resource control policy";
  }
  return "policy";
}

// Kinds whose Sid must be alphanumeric (semantics §1.2; every kind but
// service resource policies, which are stored by S3, SQS, KMS...).
bool IsIamStoredKind(PolicyKind kind) { return kind != PolicyKind::kResource; }

// Kinds sent through the IAM/STS APIs, whose `PolicyDocument`/`Policy`
// parameter pattern limits the character set (semantics §1.3). SCPs and
// RCPs go through Organizations, resource policies through their service.
bool IsIamApiKind(PolicyKind kind) {
  return kind == PolicyKind::kIdentity || kind == PolicyKind::kTrust ||
         kind == PolicyKind::kBoundary || kind == PolicyKind::kSession;
}

bool IsAllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool HasWildcard(std::string_view s) { return s.find_first_of("*?") != std::string_view::npos; }

// `*`/`?` wildcard match, ASCII case-insensitive, iterative (backtracks to
// the last `*` only, so it is O(|pattern|·|text|) at worst).
bool WildcardMatchFolded(std::string_view pattern, std::string_view text) {
  auto fold = [](char c) { return std::tolower(static_cast<unsigned char>(c)); };
  size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || fold(pattern[p]) == fold(text[t]))) {
      ++p;
      ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

// The actions a role trust policy grants (semantics §1.5): assuming the
// role, and the session extras that go with it.
constexpr std::string_view kTrustActions[] = {
    "sts:AssumeRole",   "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity",
    "sts:TagSession",   "sts:SetSourceIdentity",  "sts:SetContext",
};

// How a `Federated` principal signs in (semantics §1.6).
enum class Federation { kNone, kSaml, kWebIdentity };

Federation FederatedKindOf(std::string_view v) {
  constexpr std::string_view kWebIdentityProviders[] = {
      "cognito-identity.amazonaws.com", "accounts.google.com", "graph.facebook.com",
      "www.amazon.com"};
  for (std::string_view p : kWebIdentityProviders) {
    if (v == p) return Federation::kWebIdentity;
  }
  if (v.rfind("arn:", 0) != 0) return Federation::kNone;
  // arn:partition:iam::account:saml-provider/Name or :oidc-provider/host/path
  size_t colons = 0, at = 0;
  for (size_t i = 0; i < v.size() && colons < 5; ++i) {
    if (v[i] == ':') {
      ++colons;
      at = i + 1;
    }
  }
  if (colons < 5) return Federation::kNone;
  std::string_view resource = v.substr(at);
  if (resource.rfind("saml-provider/", 0) == 0 && resource.size() > 14) return Federation::kSaml;
  if (resource.rfind("oidc-provider/", 0) == 0 && resource.size() > 14) {
    return Federation::kWebIdentity;
  }
  return Federation::kNone;
}

// True when `action` (a pattern) names the `sts` service and matches at
// least one trust action: `sts:AssumeRole`, `sts:*`, `STS:assumerole*`...
bool IsTrustAction(std::string_view action) {
  if (action.size() < 4 || AsciiLower(action.substr(0, 4)) != "sts:") return false;
  for (std::string_view name : kTrustActions) {
    if (WildcardMatchFolded(action, name)) return true;
  }
  return false;
}

constexpr std::string_view kTopElements[] = {"Version", "Id", "Statement"};
constexpr std::string_view kStatementElements[] = {"Sid",         "Effect",   "Principal",
                                                   "NotPrincipal", "Action",   "NotAction",
                                                   "Resource",    "NotResource", "Condition"};

// "did you mean" for an unknown operator: the qualifier (if any) and the
// rest are matched separately, and the rest is compared with every base
// name with and without `IfExists`, so `ForAnyValues:StringEqual` gets
// `ForAnyValue:StringEquals` and `StringLikeIfExist` gets
// `StringLikeIfExists`. Empty when nothing is close.
std::vector<std::string> SuggestOperator(std::string_view op_name) {
  std::string_view rest = op_name;
  std::string prefix;
  size_t colon = rest.find(':');
  if (colon != std::string_view::npos) {
    std::string qualifier = ClosestMatch(rest.substr(0, colon), {"ForAllValues", "ForAnyValue"});
    if (qualifier.empty()) return {};
    prefix = qualifier + ":";
    rest.remove_prefix(colon + 1);
  }
  std::vector<std::string> storage;
  for (int i = 0; i < kBaseOperatorCount; ++i) {
    std::string_view name = AllBaseOperatorNames()[i];
    storage.emplace_back(name);
    if (name != "Null") storage.push_back(std::string(name) + "IfExists");
  }
  std::vector<std::string_view> names(storage.begin(), storage.end());
  std::string guess = ClosestMatch(rest, names);
  if (guess.empty()) return {};
  return {"did you mean " + Quote(prefix + guess) + "?"};
}

// A statement for people: its Sid in backticks, else its 1-based position.
std::string StatementName(const Statement& st) {
  if (st.sid && !st.sid->value.empty()) return Quote(st.sid->value);
  return std::to_string(st.index + 1);
}

// The AWS-managed RCPFullAWSAccess statement: Allow, Principal `*`, Action
// `*`, Resource `*`, no condition. Case files and exports include it.
bool IsRcpFullAwsAccess(const Statement& st) {
  auto only_star = [](const std::optional<PatternClause>& clause) {
    return clause && !clause->negated && clause->values.size() == 1 &&
           clause->values[0].value == "*";
  };
  bool principal_star =
      st.principal && !st.principal->negated &&
      (st.principal->wildcard ||
       (st.principal->entries.size() == 1 && st.principal->entries[0].type == PrincipalType::kAws &&
        st.principal->entries[0].value.value == "*"));
  return st.effect && st.effect->value == Effect::kAllow && principal_star &&
         only_star(st.action) && only_star(st.resource) && !st.has_condition;
}

class Builder {
 public:
  Builder(const SourceManager& sources, const PolicyBuildOptions& options, DiagnosticSink& sink)
      : sources_(sources), options_(options), sink_(sink) {}

  std::optional<PolicyDocument> Build(JsonValue root);

 private:
  void Error(std::string_view code, Span span, std::string message,
             std::vector<std::string> notes = {}) {
    sink_.Report(code, Severity::kError, span, std::move(message), std::move(notes));
  }
  void Warn(std::string_view code, Span span, std::string message,
            std::vector<std::string> notes = {}) {
    sink_.Report(code, Severity::kWarning, span, std::move(message), std::move(notes));
  }
  void Info(std::string_view code, Span span, std::string message,
            std::vector<std::string> notes = {}) {
    sink_.Report(code, Severity::kInfo, span, std::move(message), std::move(notes));
  }

  // Reports duplicate keys of `object` and returns, per member, whether a
  // later member with the same key shadows it. Like most JSON parsers (and,
  // presumably, AWS's), the model keeps the last of duplicate members.
  std::vector<bool> CheckDuplicateKeys(JsonValue object);
  void UnknownElement(std::string_view where, std::string_view name, Span span,
                      const std::vector<std::string_view>& known);
  bool ExpectString(JsonValue value, std::string_view element);
  void CheckCharacters(const PolicyDocument& doc);
  // The document's text as AWS would count it (see text_is_json).
  std::string_view DocumentText(const PolicyDocument& doc);

  void ReadStatement(JsonValue value, size_t index, PolicyDocument& doc);
  std::optional<PatternClause> ReadPatternList(JsonValue value, Span key_span, bool negated,
                                               std::string_view element);
  std::optional<PrincipalClause> ReadPrincipal(JsonValue value, Span key_span, bool negated,
                                               std::string_view element);
  void ReadCondition(JsonValue value, Statement& statement);

  void InferKind(PolicyDocument& doc);
  void ValidateForKind(PolicyDocument& doc);
  void ValidateStatementForKind(const PolicyDocument& doc, const Statement& st);
  void ValidateActions(const PatternClause& clause);
  void ValidateResources(const PolicyDocument& doc, const PatternClause& clause);
  void ValidateResource(const PolicyDocument& doc, const LocatedString& value,
                        std::string_view element);
  void ValidatePrincipals(const PolicyDocument& doc, const Statement& st);
  void ValidateAwsPrincipal(const LocatedString& value);
  void ValidateTrustActions(const Statement& st);
  void ValidateConditions(const PolicyDocument& doc, const Statement& st);
  void ValidateSids(const PolicyDocument& doc);
  void ValidateSize(const PolicyDocument& doc);
  void CheckVariables(const PolicyDocument& doc, const LocatedString& value, bool allowed,
                      std::string_view where);

  // Strings whose text is not known before deployment (JsonValue::is_unknown:
  // a CloudFormation `!GetAtt`, a Terraform value known after apply): their
  // syntax is not validated (an unknown ARN is not an invalid ARN). Keyed by
  // span; a collision only skips a check.
  void NoteUnknown(JsonValue value) {
    if (value.is_string() && value.is_unknown()) {
      unknown_.emplace(value.span().source, value.span().begin, value.span().end);
    }
  }
  bool IsUnknown(Span span) const {
    return !unknown_.empty() && unknown_.count({span.source, span.begin, span.end}) > 0;
  }

  const SourceManager& sources_;
  const PolicyBuildOptions& options_;
  DiagnosticSink& sink_;
  JsonValue root_;         // the document being built
  std::string minified_;   // DocumentText() when !text_is_json, built on demand
  std::set<std::tuple<SourceId, uint32_t, uint32_t>> unknown_;
  bool version_present_ = false;  // a `Version` member exists, whatever its type
  // Per statement (parallel to PolicyDocument::statements): which elements
  // exist, whatever their values.
  struct Present {
    std::string_view resource;   // "Resource", "NotResource" or "" when absent
    Span resource_key;
    std::string_view principal;  // "Principal", "NotPrincipal" or ""
    Span principal_key;
  };
  std::vector<Present> present_;
};

std::vector<bool> Builder::CheckDuplicateKeys(JsonValue object) {
  std::vector<bool> shadowed(object.size(), false);
  if (object.size() < 2) return shadowed;
  std::unordered_map<std::string_view, uint32_t> last;  // key -> latest member
  last.reserve(object.size());
  for (uint32_t i = 0; i < object.size(); ++i) {
    auto [it, inserted] = last.emplace(object.key(i), i);
    if (inserted) continue;
    LineColumn previous = sources_.Begin(object.key_span(it->second));
    shadowed[it->second] = true;
    it->second = i;
    Error("duplicate-key", object.key_span(i),
          "duplicate key " + Quote(object.key(i)) + " in the same object",
          {"the one at line " + std::to_string(previous.line) + ", column " +
           std::to_string(previous.column) +
           " is ignored: JSON parsers keep only the last one"});
  }
  return shadowed;
}

void Builder::UnknownElement(std::string_view where, std::string_view name, Span span,
                             const std::vector<std::string_view>& known) {
  std::vector<std::string> notes;
  std::string guess = ClosestMatch(name, known);
  if (!guess.empty()) notes.push_back("did you mean " + Quote(guess) + "?");
  Error("unknown-element", span, "unknown " + std::string(where) + " element " + Quote(name),
        std::move(notes));
}

bool Builder::ExpectString(JsonValue value, std::string_view element) {
  if (value.is_string()) return true;
  Error("invalid-type", value.span(),
        Quote(element) + " must be a string, not " + WithArticle(JsonKindName(value.kind())));
  return false;
}

// IAM's API takes a policy document only if every character is U+0009,
// U+000A, U+000D or in U+0020–U+00FF (semantics §1.3, E2). The rule is on
// the text as sent, so it is checked on the source bytes: `\u2028` written
// as an escape passes, a raw U+2028 does not. The reader has validated the
// UTF-8 already; characters outside strings are JSON syntax (ASCII), so
// every offender is inside a string, and each string is reported once.
std::string_view Builder::DocumentText(const PolicyDocument& doc) {
  if (options_.text_is_json) {
    return sources_.text(doc.span.source).substr(doc.span.begin, doc.span.size());
  }
  if (minified_.empty()) minified_ = WriteMinified(root_);
  return minified_;
}

void Builder::CheckCharacters(const PolicyDocument& doc) {
  if (!IsIamApiKind(doc.kind)) return;
  std::string_view text = DocumentText(doc);
  bool in_string = false, escaped = false, reported = false;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    len = std::min(len, text.size() - i);
    uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
    for (size_t k = 1; k < len; ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3Fu);
    }
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
        reported = false;
      }
    } else if (c == '"') {
      in_string = true;
    }
    if (cp > 0xFF && !reported) {
      char code_point[16];
      std::snprintf(code_point, sizeof code_point, "U+%04X", static_cast<unsigned>(cp));
      uint32_t at = options_.text_is_json ? doc.span.begin + static_cast<uint32_t>(i)
                                          : doc.span.begin;
      if (!options_.text_is_json) len = 1;
      Error("invalid-character", Span{doc.span.source, at, at + static_cast<uint32_t>(len)},
            std::string("character ") + code_point + " is not allowed in " +
                WithArticle(KindNoun(doc.kind)) +
                ": IAM accepts only tab, line feed, carriage return and U+0020 to U+00FF");
      reported = true;
    }
    i += len;
  }
}

std::optional<PolicyDocument> Builder::Build(JsonValue root) {
  root_ = root;
  if (!root.is_object()) {
    Error("policy-not-object", root.span(),
          "a policy must be a JSON object, not " + WithArticle(JsonKindName(root.kind())));
    return std::nullopt;
  }
  PolicyDocument doc;
  doc.span = root.span();
  std::vector<bool> shadowed = CheckDuplicateKeys(root);
  JsonValue statements;
  bool seen_statement = false;
  for (uint32_t i = 0; i < root.size(); ++i) {
    std::string_view key = root.key(i);
    JsonValue value = root.member_value(i);
    if (shadowed[i] && (key == "Version" || key == "Id" || key == "Statement")) continue;
    if (key == "Version") {
      version_present_ = true;
      if (ExpectString(value, "Version")) doc.version = LocatedString{std::string(value.text()), value.span()};
    } else if (key == "Id") {
      if (ExpectString(value, "Id")) doc.id = LocatedString{std::string(value.text()), value.span()};
    } else if (key == "Statement") {
      statements = value;
      seen_statement = true;
    } else {
      UnknownElement("policy", key, root.key_span(i),
                     std::vector<std::string_view>(std::begin(kTopElements), std::end(kTopElements)));
    }
  }
  if (doc.version && doc.version->value != kVersion2012 && doc.version->value != kVersion2008 &&
      !root.Find("Version").is_unknown()) {
    Error("invalid-version", doc.version->span,
          "invalid `Version` " + Quote(doc.version->value) +
              ": expected `2012-10-17` or `2008-10-17`");
  }
  if (!seen_statement) {
    Error("missing-statement", Span{root.span().source, root.span().begin, root.span().begin + 1},
          "policy has no `Statement`");
  } else if (statements.is_object()) {
    doc.statement_single_object = true;
    doc.statement_span = statements.span();
    ReadStatement(statements, 0, doc);
  } else if (statements.is_array()) {
    doc.statement_span = statements.span();
    if (statements.size() == 0) {
      Error("empty-statement", statements.span(), "`Statement` is an empty list");
    }
    for (uint32_t i = 0; i < statements.size(); ++i) {
      JsonValue st = statements.element(i);
      if (i == options_.max_statements) {
        Error("too-many-statements", st.span(),
              "policy has " + std::to_string(statements.size()) +
                  " statements, more than the limit of " +
                  std::to_string(options_.max_statements) + "; the rest are not read",
              {"no policy AWS accepts has that many: at 31 characters or more each, they "
               "exceed the 131,072 characters the IAM API takes"});
        break;
      }
      if (!st.is_object()) {
        Error("invalid-type", st.span(),
              "a statement must be an object, not " + WithArticle(JsonKindName(st.kind())));
        continue;
      }
      ReadStatement(st, i, doc);
    }
  } else {
    Error("invalid-type", statements.span(),
          "`Statement` must be an object or a list of objects, not " +
              WithArticle(JsonKindName(statements.kind())));
  }

  if (options_.kind) {
    doc.kind = *options_.kind;
  } else {
    InferKind(doc);
  }
  ValidateForKind(doc);
  return doc;
}

void Builder::ReadStatement(JsonValue value, size_t index, PolicyDocument& doc) {
  std::vector<bool> shadowed = CheckDuplicateKeys(value);
  Statement st;
  st.index = index;
  st.span = value.span();
  bool saw_action = false, saw_resource = false, saw_principal = false;
  Present present;
  for (uint32_t i = 0; i < value.size(); ++i) {
    if (shadowed[i]) continue;  // reported as duplicate-key; the last one counts
    std::string_view key = value.key(i);
    JsonValue v = value.member_value(i);
    Span key_span = value.key_span(i);
    if (key == "Sid") {
      if (ExpectString(v, "Sid")) st.sid = LocatedString{std::string(v.text()), v.span()};
      NoteUnknown(v);
    } else if (key == "Effect") {
      if (!ExpectString(v, "Effect")) continue;
      if (v.is_unknown()) continue;  // decided at deployment
      if (v.text() == "Allow") {
        st.effect = Located<Effect>{Effect::kAllow, v.span()};
      } else if (v.text() == "Deny") {
        st.effect = Located<Effect>{Effect::kDeny, v.span()};
      } else {
        std::vector<std::string> notes;
        std::string guess = ClosestMatch(v.text(), {"Allow", "Deny"});
        if (!guess.empty()) notes.push_back("did you mean " + Quote(guess) + "?");
        Error("invalid-effect", v.span(),
              "invalid `Effect` " + Quote(v.text()) + ": expected `Allow` or `Deny`",
              std::move(notes));
      }
    } else if (key == "Action" || key == "NotAction") {
      if (saw_action) {
        Error("conflicting-elements", key_span,
              "statement has both `Action` and `NotAction`: use exactly one");
        continue;
      }
      saw_action = true;
      st.action = ReadPatternList(v, key_span, key == "NotAction", key);
    } else if (key == "Resource" || key == "NotResource") {
      if (saw_resource) {
        Error("conflicting-elements", key_span,
              "statement has both `Resource` and `NotResource`: use exactly one");
        continue;
      }
      saw_resource = true;
      present.resource = key == "Resource" ? "Resource" : "NotResource";
      present.resource_key = key_span;
      st.resource = ReadPatternList(v, key_span, key == "NotResource", key);
    } else if (key == "Principal" || key == "NotPrincipal") {
      if (saw_principal) {
        Error("conflicting-elements", key_span,
              "statement has both `Principal` and `NotPrincipal`: use exactly one");
        continue;
      }
      saw_principal = true;
      present.principal = key == "Principal" ? "Principal" : "NotPrincipal";
      present.principal_key = key_span;
      st.principal = ReadPrincipal(v, key_span, key == "NotPrincipal", key);
    } else if (key == "Condition") {
      st.has_condition = true;
      st.condition_span = v.span();
      ReadCondition(v, st);
    } else {
      UnknownElement("statement", key, key_span,
                     std::vector<std::string_view>(std::begin(kStatementElements),
                                                   std::end(kStatementElements)));
    }
  }
  Span head{value.span().source, value.span().begin, value.span().begin + 1};
  if (!st.effect && value.Find("Effect").valid() == false) {
    Error("missing-effect", head, "statement has no `Effect`");
  }
  if (!saw_action) {
    Error("missing-action", head, "statement has neither `Action` nor `NotAction`");
  }
  // An element that is present but unreadable was reported already; it
  // must not also be reported as missing.
  present_.push_back(present);
  doc.statements.push_back(std::move(st));
}

std::optional<PatternClause> Builder::ReadPatternList(JsonValue value, Span key_span, bool negated,
                                                      std::string_view element) {
  PatternClause clause;
  clause.negated = negated;
  clause.key_span = key_span;
  clause.span = value.span();
  if (value.is_string()) {
    clause.single_string = true;
    NoteUnknown(value);
    clause.values.push_back(LocatedString{std::string(value.text()), value.span()});
    return clause;
  }
  if (!value.is_array()) {
    Error("invalid-type", value.span(),
          Quote(element) + " must be a string or a list of strings, not " +
              WithArticle(JsonKindName(value.kind())));
    return std::nullopt;
  }
  if (value.size() == 0) {
    Warn("empty-list", value.span(),
         Quote(element) + " is an empty list: the statement matches nothing");
  }
  for (uint32_t i = 0; i < value.size(); ++i) {
    JsonValue item = value.element(i);
    if (!item.is_string()) {
      Error("invalid-type", item.span(),
            "each " + Quote(element) + " entry must be a string, not " +
                WithArticle(JsonKindName(item.kind())));
      continue;
    }
    NoteUnknown(item);
    clause.values.push_back(LocatedString{std::string(item.text()), item.span()});
  }
  return clause;
}

std::optional<PrincipalClause> Builder::ReadPrincipal(JsonValue value, Span key_span,
                                                      bool negated, std::string_view element) {
  PrincipalClause clause;
  clause.negated = negated;
  clause.key_span = key_span;
  clause.span = value.span();
  if (value.is_string()) {
    if (value.text() == "*" && !value.is_unknown()) {
      clause.wildcard = true;
      return clause;
    }
    if (value.is_unknown()) {  // decided at deployment: some principal
      NoteUnknown(value);
      clause.entries.push_back(PrincipalEntry{
          PrincipalType::kAws, LocatedString{std::string(value.text()), value.span()}});
      return clause;
    }
    Error("invalid-principal", value.span(),
          "a bare " + Quote(element) + " string must be `*`, not " + Quote(value.text()),
          {"write {\"AWS\": \"" + std::string(value.text()) + "\"} to name a principal"});
    return std::nullopt;
  }
  if (!value.is_object()) {
    Error("invalid-type", value.span(),
          Quote(element) + " must be `*` or an object, not " +
              WithArticle(JsonKindName(value.kind())));
    return std::nullopt;
  }
  std::vector<bool> shadowed = CheckDuplicateKeys(value);
  if (value.size() == 0) {
    Warn("empty-list", value.span(), Quote(element) + " is empty: the statement matches nobody");
  }
  static const std::vector<std::string_view> kTypes = {"AWS", "Service", "Federated",
                                                       "CanonicalUser"};
  for (uint32_t i = 0; i < value.size(); ++i) {
    if (shadowed[i]) continue;
    std::string_view type_name = value.key(i);
    PrincipalType type;
    if (type_name == "AWS") {
      type = PrincipalType::kAws;
    } else if (type_name == "Service") {
      type = PrincipalType::kService;
    } else if (type_name == "Federated") {
      type = PrincipalType::kFederated;
    } else if (type_name == "CanonicalUser") {
      type = PrincipalType::kCanonicalUser;
    } else {
      std::vector<std::string> notes;
      std::string guess = ClosestMatch(type_name, kTypes);
      if (!guess.empty()) notes.push_back("did you mean " + Quote(guess) + "?");
      Error("invalid-principal", value.key_span(i),
            "unknown principal type " + Quote(type_name) +
                ": expected `AWS`, `Service`, `Federated` or `CanonicalUser`",
            std::move(notes));
      continue;
    }
    JsonValue v = value.member_value(i);
    auto add = [&](JsonValue item) {
      if (!item.is_string()) {
        Error("invalid-type", item.span(),
              "a principal must be a string, not " + WithArticle(JsonKindName(item.kind())));
        return;
      }
      NoteUnknown(item);
      clause.entries.push_back(PrincipalEntry{type, LocatedString{std::string(item.text()), item.span()}});
    };
    if (v.is_array()) {
      if (v.size() == 0) {
        Warn("empty-list", v.span(),
             Quote(type_name) + " principal list is empty: it matches nobody");
      }
      for (uint32_t k = 0; k < v.size(); ++k) add(v.element(k));
    } else {
      add(v);
    }
  }
  return clause;
}

void Builder::ReadCondition(JsonValue value, Statement& st) {
  if (!value.is_object()) {
    Error("invalid-condition", value.span(),
          "`Condition` must be an object of operators, not " +
              WithArticle(JsonKindName(value.kind())));
    return;
  }
  std::vector<bool> shadowed_ops = CheckDuplicateKeys(value);
  if (value.size() == 0) {
    Info("empty-condition", value.span(), "`Condition` is empty: it imposes nothing");
  }
  for (uint32_t i = 0; i < value.size(); ++i) {
    if (shadowed_ops[i]) continue;
    std::string_view op_name = value.key(i);
    Span op_span = value.key_span(i);
    JsonValue block = value.member_value(i);
    OperatorParse parsed = ParseConditionOperator(op_name);
    if (!block.is_object()) {
      if (!parsed.op && op_name.find(':') != std::string_view::npos &&
          op_name.rfind("ForAllValues:", 0) != 0 && op_name.rfind("ForAnyValue:", 0) != 0) {
        Error("invalid-condition", op_span,
              "condition key " + Quote(op_name) + " is missing its operator",
              {"write {\"StringEquals\": {\"" + std::string(op_name) + "\": ...}}"});
      } else {
        Error("invalid-condition", block.span(),
              "condition operator " + Quote(op_name) + " must map to an object of keys, not " +
                  WithArticle(JsonKindName(block.kind())));
      }
      continue;
    }
    if (parsed.null_with_if_exists) {
      Error("null-with-if-exists", op_span,
            "`Null` cannot take `IfExists`: " + Quote(op_name) + " is not an operator");
    } else if (!parsed.op) {
      std::vector<std::string> notes;
      if (!parsed.case_fix.empty()) {
        notes.push_back("did you mean " + Quote(parsed.case_fix) + "?");
      } else {
        notes = SuggestOperator(op_name);
      }
      Error("unknown-condition-operator", op_span,
            "unknown condition operator " + Quote(op_name), std::move(notes));
    }
    std::vector<bool> shadowed_keys = CheckDuplicateKeys(block);
    if (block.size() == 0) {
      Info("empty-condition", block.span(),
           "condition operator " + Quote(op_name) + " has no keys: it imposes nothing");
    }
    std::unordered_map<std::string, uint32_t> folded_keys;
    for (uint32_t k = 0; k < block.size(); ++k) {
      if (shadowed_keys[k]) continue;
      ConditionEntry entry;
      entry.operator_text = LocatedString{std::string(op_name), op_span};
      entry.op = parsed.op;
      entry.key = LocatedString{std::string(block.key(k)), block.key_span(k)};
      auto [it, inserted] = folded_keys.emplace(AsciiLower(block.key(k)), k);
      if (!inserted && block.key(it->second) != block.key(k)) {
        Error("duplicate-condition-key", block.key_span(k),
              "condition key " + Quote(block.key(k)) + " repeats " +
                  Quote(block.key(it->second)) +
                  " under the same operator (keys ignore letter case)");
      }
      JsonValue values = block.member_value(k);
      entry.values_span = values.span();
      auto add = [&](JsonValue item) {
        switch (item.kind()) {
          case JsonKind::kString:
            NoteUnknown(item);
            [[fallthrough]];
          case JsonKind::kNumber:
          case JsonKind::kTrue:
          case JsonKind::kFalse:
            entry.values.push_back(LocatedString{std::string(item.text()), item.span()});
            break;
          default:
            Error("invalid-type", item.span(),
                  "a condition value must be a string, number or boolean, not " +
                      WithArticle(JsonKindName(item.kind())));
        }
      };
      if (values.is_array()) {
        if (values.size() == 0) {
          Warn("empty-list", values.span(),
               "condition key " + Quote(block.key(k)) + " has an empty list of values");
        }
        for (uint32_t v = 0; v < values.size(); ++v) add(values.element(v));
      } else {
        entry.single_value = true;
        add(values);
      }
      st.conditions.push_back(std::move(entry));
    }
  }
}

void Builder::InferKind(PolicyDocument& doc) {
  doc.kind_inferred = true;
  const Statement* with_principal = nullptr;
  for (const Statement& st : doc.statements) {
    if (st.principal) {
      with_principal = &st;
      break;
    }
  }
  if (!with_principal) {
    doc.kind = PolicyKind::kIdentity;
    doc.kind_reason = "no statement names a `Principal`";
    return;
  }
  // Trust policy: principals given, no Resource anywhere, and every action
  // is an sts:AssumeRole* / TagSession / SetSourceIdentity / SetContext.
  bool trust = true;
  for (const Statement& st : doc.statements) {
    if (st.resource || !st.action || st.action->negated) {
      trust = false;
      break;
    }
    for (const LocatedString& a : st.action->values) {
      if (!IsTrustAction(a.value)) {
        trust = false;
        break;
      }
    }
  }
  if (trust) {
    doc.kind = PolicyKind::kTrust;
    doc.kind_reason =
        "statements name a `Principal`, only `sts:AssumeRole*`-family actions and no `Resource`";
  } else {
    doc.kind = PolicyKind::kResource;
    doc.kind_reason = "statement " + StatementName(*with_principal) + " names a `Principal`";
  }
}

void Builder::ValidateForKind(PolicyDocument& doc) {
  PolicyKind kind = doc.kind;
  if (!version_present_) {
    if (kind == PolicyKind::kScp || kind == PolicyKind::kRcp) {
      Error("missing-version", Span{doc.span.source, doc.span.begin, doc.span.begin + 1},
            WithArticle(KindNoun(kind)) + " requires `\"Version\": \"2012-10-17\"`");
    } else {
      Warn("missing-version", Span{doc.span.source, doc.span.begin, doc.span.begin + 1},
           "policy has no `Version`: AWS applies the 2008-10-17 language, where policy "
           "variables are plain text",
           {"add \"Version\": \"2012-10-17\""});
    }
  } else if ((kind == PolicyKind::kScp || kind == PolicyKind::kRcp) && doc.version &&
             doc.version->value == kVersion2008) {
    Error("invalid-version", doc.version->span,
          WithArticle(KindNoun(kind)) + " requires `\"Version\": \"2012-10-17\"`");
  }
  if (doc.id && (kind == PolicyKind::kIdentity || kind == PolicyKind::kBoundary ||
                 kind == PolicyKind::kSession)) {
    Warn("id-not-supported", doc.id->span,
         "`Id` is meant for resource-based policies; IAM ignores it in " +
             WithArticle(KindNoun(kind)));
  }
  for (const Statement& st : doc.statements) ValidateStatementForKind(doc, st);
  ValidateSids(doc);
  CheckCharacters(doc);
  if (options_.check_size) ValidateSize(doc);
}

void Builder::ValidateStatementForKind(const PolicyDocument& doc, const Statement& st) {
  PolicyKind kind = doc.kind;
  Span head{st.span.source, st.span.begin, st.span.begin + 1};
  std::string noun = KindNoun(kind);
  const Present& present = present_[static_cast<size_t>(&st - doc.statements.data())];

  // Resource / NotResource.
  if (kind == PolicyKind::kTrust) {
    if (!present.resource.empty()) {
      Error("resource-not-allowed", present.resource_key,
            "a role trust policy must not have " + Quote(present.resource));
    }
  } else if (present.resource.empty() && kind != PolicyKind::kResource) {
    Error("missing-resource", head, "statement has neither `Resource` nor `NotResource`");
  }
  if (st.resource && kind != PolicyKind::kTrust) ValidateResources(doc, *st.resource);

  // Principal / NotPrincipal.
  if (KindHasPrincipal(kind)) {
    if (present.principal.empty()) {
      Error("missing-principal", head,
            "statement in " + WithArticle(noun) + " needs `Principal` or `NotPrincipal`");
    } else if (present.principal == "NotPrincipal" &&
               (kind == PolicyKind::kTrust || kind == PolicyKind::kRcp)) {
      Error("principal-not-allowed", present.principal_key,
            WithArticle(noun) + " must not have `NotPrincipal`");
    }
  } else if (!present.principal.empty()) {
    Error("principal-not-allowed", present.principal_key,
          WithArticle(noun) + " must not have " + Quote(present.principal));
  }
  if (st.principal && KindHasPrincipal(kind)) ValidatePrincipals(doc, st);
  if (kind == PolicyKind::kTrust) ValidateTrustActions(st);

  // Action / NotAction.
  if (st.action) {
    ValidateActions(*st.action);
    for (const LocatedString& a : st.action->values) {
      CheckVariables(doc, a, /*allowed=*/false, st.action->negated ? "`NotAction`" : "`Action`");
    }
  }

  // RCP restrictions (semantics §1.5, §5.8). AWS's own RCPFullAWSAccess,
  // attached to every level, is the one statement allowed to Allow `*`.
  if (kind == PolicyKind::kRcp && !IsRcpFullAwsAccess(st)) {
    if (st.effect && st.effect->value == Effect::kAllow) {
      Error("rcp-syntax", st.effect->span,
            "a resource control policy may only `Deny` (only AWS's RCPFullAWSAccess allows)");
    }
    if (st.action && st.action->negated) {
      Error("rcp-syntax", st.action->key_span,
            "a resource control policy must not use `NotAction`");
    }
    if (st.action && !st.action->negated) {
      for (const LocatedString& a : st.action->values) {
        if (a.value == "*") {
          Error("rcp-syntax", a.span,
                "a resource control policy must name a service in `Action`, not `*`",
                {"for example \"s3:*\""});
        }
      }
    }
    if (st.principal && !st.principal->negated && !(st.principal->wildcard ||
                                                   (st.principal->entries.size() == 1 &&
                                                    st.principal->entries[0].type == PrincipalType::kAws &&
                                                    st.principal->entries[0].value.value == "*"))) {
      Error("rcp-syntax", st.principal->span,
            "a resource control policy statement must have `\"Principal\": \"*\"`");
    }
  }
  ValidateConditions(doc, st);
}

void Builder::ValidateActions(const PatternClause& clause) {
  for (const LocatedString& a : clause.values) {
    const std::string& text = a.value;
    if (text == "*") continue;
    if (text.find("${") != std::string::npos) continue;  // variable-not-allowed says why
    if (IsUnknown(a.span)) continue;
    size_t colon = text.find(':');
    size_t colons = 0;
    for (char c : text) colons += c == ':';
    if (colons != 1 || colon == 0 || colon + 1 == text.size()) {
      Error("invalid-action", a.span,
            "invalid action " + Quote(text) + ": expected `service:action` or `*`");
      continue;
    }
    std::string_view service = std::string_view(text).substr(0, colon);
    if (HasWildcard(service)) {
      Error("action-service-wildcard", a.span,
            "wildcard in the service prefix of action " + Quote(text),
            {"AWS allows wildcards only after the `:`"});
      continue;
    }
    bool bad_char = false;
    for (char c : text) {
      if (std::isspace(static_cast<unsigned char>(c))) bad_char = true;
    }
    if (bad_char) {
      Error("invalid-action", a.span, "action " + Quote(text) + " contains white space");
    }
  }
}

void Builder::ValidateResources(const PolicyDocument& doc, const PatternClause& clause) {
  for (const LocatedString& r : clause.values) {
    ValidateResource(doc, r, clause.negated ? "NotResource" : "Resource");
  }
}

void Builder::ValidateResource(const PolicyDocument& doc, const LocatedString& value,
                               std::string_view element) {
  const std::string& text = value.value;
  if (text == "*") return;
  if (IsUnknown(value.span)) {
    CheckVariables(doc, value, /*allowed=*/true, "");
    return;
  }
  if (text.rfind("arn:", 0) != 0) {
    Error("invalid-resource", value.span,
          "resource " + Quote(text) + " must be an ARN or `*`",
          {"an ARN looks like `arn:aws:s3:::bucket/key`"});
    return;
  }
  // Split at the first five colons; the sixth field keeps the rest. A colon
  // inside `${...}` (`${aws:PrincipalAccount}`) does not separate fields.
  std::vector<std::string_view> fields;
  std::string_view view(text);
  size_t start = 0;
  bool in_variable = false;
  for (size_t i = 0; i < view.size() && fields.size() < 5; ++i) {
    if (view.compare(i, 2, "${") == 0) in_variable = true;
    if (view[i] == '}') in_variable = false;
    if (view[i] == ':' && !in_variable) {
      fields.push_back(view.substr(start, i - start));
      start = i + 1;
    }
  }
  fields.push_back(view.substr(start));
  if (fields.size() < 6) {
    if (text.back() != '*') {
      Error("invalid-arn", value.span,
            "ARN " + Quote(text) +
                " is missing fields: expected `arn:partition:service:region:account:resource`");
    }
  } else {
    // AWS documents variables only in the resource part (semantics §4), yet
    // IAM stores them elsewhere: AWS's own managed policy
    // AmazonTimestreamInfluxDBServiceRolePolicy has `${aws:PrincipalAccount}`
    // in the account field. So this is a warning, not an error.
    std::string_view head = view.substr(0, view.size() - fields[5].size());
    if (head.find("${") != std::string_view::npos) {
      Warn("variable-in-arn-prefix", value.span,
           "policy variable before the resource part of ARN " + Quote(text) +
               ": AWS documents variables only after the fifth `:`");
    }
    std::string_view service = fields[2];
    bool upper = false;
    for (char c : service) upper |= std::isupper(static_cast<unsigned char>(c)) != 0;
    if (upper) {
      Error("arn-service-case", value.span,
            "service " + Quote(service) + " in ARN " + Quote(text) + " must be lowercase");
    }
    if (service == "iam" && !fields[3].empty() && fields[3] != "*") {
      Error("iam-arn-region", value.span,
            "IAM resource " + Quote(text) + " must not contain a region");
    }
    // IAM stores this (AWS's AmazonDevOpsGuruOrganizationsAccess has
    // `arn:aws:organizations::*:`), but no resource has an empty resource part.
    if (fields[5].empty()) {
      Warn("empty-arn-resource", value.span,
           "ARN " + Quote(text) + " has an empty resource part: it matches no resource");
    }
  }
  (void)element;
  CheckVariables(doc, value, /*allowed=*/true, "");
}

// Reports malformed `${...}` and variables where they are not substituted.
void Builder::CheckVariables(const PolicyDocument& doc, const LocatedString& value, bool allowed,
                             std::string_view where) {
  if (value.value.find("${") == std::string::npos) return;
  if (!allowed) {
    Error("variable-not-allowed", value.span,
          "policy variables are not allowed in " + std::string(where));
    return;
  }
  TemplateParse parse = ParseTemplate(value.value);
  if (parse.error != TemplateError::kNone) {
    Error("invalid-variable", value.span,
          std::string(TemplateErrorMessage(parse.error)) + " in " + Quote(value.value));
    return;
  }
  if (parse.has_variables && !doc.variables_enabled()) {
    Error("variable-needs-version", value.span,
          "policy variable in " + Quote(value.value) +
              " is plain text without `\"Version\": \"2012-10-17\"`");
  }
}

void Builder::ValidatePrincipals(const PolicyDocument& doc, const Statement& st) {
  const PrincipalClause& p = *st.principal;
  if (p.negated && doc.kind == PolicyKind::kResource) {
    if (st.effect && st.effect->value == Effect::kAllow) {
      Error("notprincipal-with-allow", p.key_span,
            "`NotPrincipal` is not supported with `\"Effect\": \"Allow\"`",
            {"use \"Principal\" with a condition on `aws:PrincipalArn` instead"});
    }
  }
  for (const PrincipalEntry& e : p.entries) {
    const std::string& v = e.value.value;
    if (v.find("${") != std::string::npos) {
      Error("variable-not-allowed", e.value.span, "policy variables are not allowed in `Principal`");
      continue;
    }
    if (IsUnknown(e.value.span)) {
      if (e.type == PrincipalType::kFederated && doc.kind != PolicyKind::kTrust) {
        Warn("federated-outside-trust", e.value.span,
             "`Federated` principals are meaningful only in role trust policies");
      }
      continue;
    }
    switch (e.type) {
      case PrincipalType::kAws:
        ValidateAwsPrincipal(e.value);
        break;
      case PrincipalType::kService:
      case PrincipalType::kFederated:
        if (HasWildcard(v)) {
          Error("invalid-principal", e.value.span,
                "wildcards are not supported in " + Quote(PrincipalTypeName(e.type)) +
                    " principal " + Quote(v));
        } else if (v.empty()) {
          Error("invalid-principal", e.value.span, "empty principal");
        } else if (e.type == PrincipalType::kFederated && FederatedKindOf(v) == Federation::kNone) {
          Error("invalid-principal", e.value.span,
                "invalid `Federated` principal " + Quote(v) +
                    ": expected a SAML or OIDC provider ARN or a web identity provider",
                {"web identity providers are `cognito-identity.amazonaws.com`, "
                 "`accounts.google.com`, `graph.facebook.com` and `www.amazon.com`"});
        }
        if (e.type == PrincipalType::kFederated && doc.kind != PolicyKind::kTrust) {
          Warn("federated-outside-trust", e.value.span,
               "`Federated` principals are meaningful only in role trust policies");
        }
        break;
      case PrincipalType::kCanonicalUser: {
        // S3's canonical user IDs name S3 grantees; roles trust only AWS,
        // Service and Federated principals (semantics §1.5).
        if (doc.kind == PolicyKind::kTrust) {
          Error("invalid-principal", e.value.span,
                "a role trust policy cannot name a `CanonicalUser` principal");
          break;
        }
        bool hex = v.size() == 64;
        for (char c : v) hex = hex && std::isxdigit(static_cast<unsigned char>(c));
        if (!hex) {
          Error("invalid-principal", e.value.span,
                "canonical user ID " + Quote(v) + " must be 64 hexadecimal digits");
        }
        break;
      }
    }
  }
}

// In a role trust policy each kind of principal assumes the role through
// its own action (semantics §1.5, Access Analyzer "Mismatched action for
// principal"): AWS and Service principals `sts:AssumeRole`, SAML providers
// `sts:AssumeRoleWithSAML`, OIDC and web identity providers
// `sts:AssumeRoleWithWebIdentity`. A statement that allows only session
// extras (`sts:TagSession`...) is fine; so is any Deny.
void Builder::ValidateTrustActions(const Statement& st) {
  if (!st.principal || st.principal->negated || st.principal->wildcard || !st.action ||
      st.action->negated || (st.effect && st.effect->value == Effect::kDeny)) {
    return;
  }
  constexpr std::string_view kAssume[] = {"sts:AssumeRole", "sts:AssumeRoleWithSAML",
                                          "sts:AssumeRoleWithWebIdentity"};
  bool allows[3] = {false, false, false};
  bool any = false;
  for (const LocatedString& a : st.action->values) {
    for (size_t k = 0; k < 3; ++k) {
      if (WildcardMatchFolded(a.value, kAssume[k])) allows[k] = any = true;
    }
  }
  if (!any) return;
  for (const PrincipalEntry& e : st.principal->entries) {
    size_t need = 0;
    switch (e.type) {
      case PrincipalType::kAws:
        if (e.value.value == "*") continue;
        need = 0;
        break;
      case PrincipalType::kService:
        need = 0;
        break;
      case PrincipalType::kFederated: {
        Federation f = FederatedKindOf(e.value.value);
        if (f == Federation::kNone) continue;  // reported as invalid-principal
        need = f == Federation::kSaml ? 1 : 2;
        break;
      }
      case PrincipalType::kCanonicalUser:
        continue;
    }
    if (allows[need]) continue;
    Error("trust-action-mismatch", e.value.span,
          Quote(PrincipalTypeName(e.type)) + " principal " + Quote(e.value.value) +
              " assumes a role with " + Quote(kAssume[need]) +
              ", which this statement does not allow");
  }
}

void Builder::ValidateAwsPrincipal(const LocatedString& value) {
  const std::string& v = value.value;
  if (v == "*") return;
  if (IsAllDigits(v)) {
    if (v.size() != 12) {
      Error("invalid-principal", value.span,
            "account ID " + Quote(v) + " must have 12 digits");
    }
    return;
  }
  // Unique IDs (AIDA…, AROA…) appear in stored policies after the entity
  // they named was deleted (semantics §1.6).
  if (v.size() >= 16 && v.size() <= 128 && (v.rfind("AIDA", 0) == 0 || v.rfind("AROA", 0) == 0)) {
    return;
  }
  if (v.rfind("arn:", 0) != 0) {
    Error("invalid-principal", value.span,
          "AWS principal " + Quote(v) + " must be `*`, a 12-digit account ID or an ARN");
    return;
  }
  if (HasWildcard(v)) {
    Error("invalid-principal", value.span,
          "unsupported wildcard in principal " + Quote(v) + ": only `*` alone is a wildcard",
          {"use \"Principal\": \"*\" with an `ArnLike` condition on `aws:PrincipalArn`"});
    return;
  }
  std::vector<std::string_view> fields;
  std::string_view view(v);
  size_t start = 0;
  while (fields.size() < 5) {
    size_t colon = view.find(':', start);
    if (colon == std::string_view::npos) break;
    fields.push_back(view.substr(start, colon - start));
    start = colon + 1;
  }
  fields.push_back(view.substr(start));
  // A CloudFront origin access identity (legacy, still in S3 bucket
  // policies): arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity ID.
  if (fields.size() == 6 && fields[2] == "iam" && fields[4] == "cloudfront" &&
      fields[5].rfind("user/CloudFront Origin Access Identity ", 0) == 0) {
    return;
  }
  if (fields.size() == 6 && (fields[2] == "iam" || fields[2] == "sts") &&
      !(IsAllDigits(fields[4]) && fields[4].size() == 12)) {
    Error("invalid-principal", value.span,
          "invalid AWS principal " + Quote(v) + ": account ID " + Quote(fields[4]) +
              " must have 12 digits");
    return;
  }
  bool ok = fields.size() == 6;
  if (ok) {
    std::string_view service = fields[2], res = fields[5];
    if (service == "iam") {
      ok = res == "root" || res.rfind("user/", 0) == 0 || res.rfind("role/", 0) == 0 ||
           res.rfind("federated-user/", 0) == 0;
      if (res.rfind("group/", 0) == 0) {
        Error("invalid-principal", value.span,
              "IAM groups cannot be principals: " + Quote(v));
        return;
      }
    } else if (service == "sts") {
      ok = res.rfind("assumed-role/", 0) == 0 || res.rfind("federated-user/", 0) == 0;
    } else {
      ok = false;
    }
  }
  if (!ok) {
    Error("invalid-principal", value.span,
          "invalid AWS principal " + Quote(v) +
              ": expected an account, user, role, assumed-role or federated-user ARN");
  }
}

void Builder::ValidateConditions(const PolicyDocument& doc, const Statement& st) {
  for (const ConditionEntry& c : st.conditions) {
    const std::string& key = c.key.value;
    if (key.find("${") != std::string::npos) {
      Error("variable-not-allowed", c.key.span,
            "policy variables are not allowed in condition keys");
    } else if (key.find(':') == std::string::npos || key.front() == ':' ||
               key.back() == ':') {
      Error("invalid-condition-key", c.key.span,
            "condition key " + Quote(key) + " must have the form `prefix:name`",
            {"for example `aws:SourceIp` or `s3:prefix`"});
    }
    if (!c.op) continue;
    const ConditionOperator& op = *c.op;
    if (op.base != BaseOperator::kNull && op.qualifier == SetQualifier::kNone &&
        IsMultivaluedGlobalKey(key)) {
      Error("missing-set-qualifier", c.key.span,
            "multivalued key " + Quote(key) + " needs `ForAllValues:` or `ForAnyValue:` before " +
                Quote(BaseOperatorName(op.base)),
            {"without a qualifier the condition never matches"});
    }
    if (op.base == BaseOperator::kBool && c.values.size() > 1) {
      Error("multiple-bool-values", c.values_span,
            "`Bool` condition on " + Quote(key) + " has more than one value");
    }
    bool variables_allowed = AllowsVariables(op.base) || op.base == BaseOperator::kBool;
    for (const LocatedString& v : c.values) {
      CheckVariables(doc, v, variables_allowed,
                     "values of " + Quote(BaseOperatorName(op.base)) + " conditions");
    }
  }
}

void Builder::ValidateSids(const PolicyDocument& doc) {
  std::unordered_map<std::string_view, const Statement*> seen;
  for (const Statement& st : doc.statements) {
    if (!st.sid || IsUnknown(st.sid->span)) continue;
    const std::string& sid = st.sid->value;
    if (IsIamStoredKind(doc.kind)) {
      for (char c : sid) {
        if (!std::isalnum(static_cast<unsigned char>(c))) {
          Error("invalid-sid", st.sid->span,
                "`Sid` " + Quote(sid) + " must contain only letters and digits");
          break;
        }
      }
    }
    if (sid.empty()) {
      Info("empty-sid", st.sid->span, "`Sid` is empty", {"remove it or give it a name"});
      continue;
    }
    auto [it, inserted] = seen.emplace(sid, &st);
    if (!inserted) {
      LineColumn first = sources_.Begin(it->second->sid->span);
      sink_.Report("duplicate-sid",
                   doc.kind == PolicyKind::kResource ? Severity::kWarning : Severity::kError,
                   st.sid->span, "duplicate `Sid` " + Quote(sid),
                   {"first used at line " + std::to_string(first.line)});
    }
  }
}

void Builder::ValidateSize(const PolicyDocument& doc) {
  PolicySizeQuota quota = SizeQuotaFor(doc.kind);
  std::string_view text = DocumentText(doc);
  // Count code points: all, outside-string whitespace removed, all whitespace removed.
  size_t all = 0, minified = 0, stripped = 0;
  bool in_string = false, escaped = false;
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    if ((c & 0xC0) == 0x80) continue;  // UTF-8 continuation byte
    ++all;
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    }
    if (!space || in_string) ++minified;
    if (!space) ++stripped;
  }
  std::string noun = KindNoun(doc.kind);
  Span head{doc.span.source, doc.span.begin, doc.span.begin + 1};
  std::string limit = std::to_string(quota.limit);
  if (quota.whitespace_counts) {
    if (minified > quota.limit) {
      Error("policy-too-large", head,
            "policy has " + std::to_string(minified) + " characters without formatting, over the " +
                limit + "-character quota of " + WithArticle(noun));
    } else if (all > quota.limit) {
      Warn("policy-too-large", head,
           "policy has " + std::to_string(all) + " characters including white space, over the " +
               limit + "-character quota of " + WithArticle(noun) +
               " if uploaded as written",
           {"the console removes formatting; the API and CLI count every character"});
    }
    return;
  }
  // The IAM and STS APIs also cap the document as sent, white space and all
  // (semantics §7.4: `PolicyDocument` is at most 131,072 characters).
  constexpr size_t kIamApiLimit = 131072;
  if (IsIamApiKind(doc.kind) && all > kIamApiLimit) {
    Error("policy-too-large", head,
          "policy has " + std::to_string(all) +
              " characters including white space, over the 131072-character limit of the IAM "
              "API",
          {"remove formatting before uploading"});
  }
  // An identity policy may be managed (6,144 characters) or inline; a role's
  // inline policies may hold 10,240 together. Only the larger bound is
  // certainly too large; between the two it fits only inline in a role.
  constexpr size_t kRoleInlineLimit = 10240;
  if (doc.kind == PolicyKind::kIdentity && stripped > quota.limit &&
      stripped <= kRoleInlineLimit) {
    Warn("policy-too-large", head,
         "policy has " + std::to_string(stripped) + " characters without white space, over the " +
             limit + "-character quota of a customer managed policy",
         {"it fits only as an inline policy of a role (10240 characters for all of them)"});
    return;
  }
  if (doc.kind == PolicyKind::kIdentity && stripped > kRoleInlineLimit) {
    Error("policy-too-large", head,
          "policy has " + std::to_string(stripped) + " characters without white space, over "
              "every identity-policy quota (6144 managed, 10240 inline in a role)");
    return;
  }
  if (stripped > quota.limit) {
    Error("policy-too-large", head,
          "policy has " + std::to_string(stripped) + " characters without white space, over the " +
              limit + "-character quota of " + WithArticle(noun));
  } else if (minified > quota.limit) {
    Warn("policy-too-large", head,
         "policy has " + std::to_string(minified) +
             " characters without formatting, over the " + limit + "-character quota of " +
             WithArticle(noun) + " if spaces inside strings count");
  }
}

}  // namespace

PolicySizeQuota SizeQuotaFor(PolicyKind kind) {
  switch (kind) {
    case PolicyKind::kIdentity:
    case PolicyKind::kBoundary:
      return {6144, false};  // customer managed policy
    case PolicyKind::kTrust:
      return {2048, false};  // default; adjustable to 4,096
    case PolicyKind::kSession:
      return {2048, false};
    case PolicyKind::kResource:
      return {20480, false};  // S3 bucket policy, the largest common one
    case PolicyKind::kScp:
    case PolicyKind::kRcp:
      return {5120, true};
  }
  return {6144, false};
}

std::optional<PolicyDocument> BuildPolicy(const SourceManager& sources, JsonValue root,
                                          const PolicyBuildOptions& options,
                                          DiagnosticSink& sink) {
  Builder builder(sources, options, sink);
  return builder.Build(root);
}

}  // namespace iamlint

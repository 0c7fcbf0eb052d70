// BuildPolicy and values not known before deployment (JsonValue::is_unknown):
// their syntax is not validated, everything else is.
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/json/json_tree_writer.h"
#include "engine/policy/policy_builder.h"
#include "tests/testing/test_util.h"

namespace iamlint {
namespace {

using testing::FormatDiagnostics;
using testing::Lines;

// One statement whose members are (key, value, unknown) string triples,
// every value given its own span in a dummy buffer (line 1, column = 10 * i + 1).
struct Member {
  Member(std::string k, std::string v, bool u = false, std::string type = "")
      : key(std::move(k)), value(std::move(v)), unknown(u), principal_type(std::move(type)) {}
  std::string key;
  std::string value;
  bool unknown = false;
  std::string principal_type;  // non-empty: {"<type>": value}
};

Lines Build(const std::vector<Member>& members, std::optional<PolicyKind> kind) {
  SourceManager sources;
  SourceId id = sources.AddBuffer("t.json", std::string(1000, ' '));
  auto span = [&](uint32_t at) { return Span{id, at, at + 5}; };
  JsonTreeWriter w;
  w.StartObject(Span{id, 0, 999});
  w.Key("Version", span(1));
  w.String("2012-10-17", span(2));
  w.Key("Statement", span(3));
  w.StartArray(span(4));
  w.StartObject(span(5));
  uint32_t at = 10;
  for (const Member& m : members) {
    w.Key(m.key, span(at));
    if (!m.principal_type.empty()) {
      w.StartObject(span(at + 2));
      w.Key(m.principal_type, span(at + 3));
      w.String(m.value, span(at + 4), m.unknown);
      w.EndObject();
    } else {
      w.String(m.value, span(at + 4), m.unknown);
    }
    at += 10;
  }
  w.EndObject();
  w.EndArray();
  w.EndObject();
  JsonDocument doc = w.Finish();
  DiagnosticSink sink;
  PolicyBuildOptions options;
  options.kind = kind;
  options.check_size = false;
  BuildPolicy(sources, doc.root(), options, sink);
  Lines out;
  for (const Diagnostic& d : sink.diagnostics()) out.push_back(d.code);
  return out;
}

TEST_CASE("unknown values: no syntax error for ARNs, resources and actions", "[cfn][policy]") {
  // Known, these are errors.
  CHECK(Build({{"Effect", "Allow"}, {"Action", "{{Param}}"}, {"Resource", "{{Bucket}}"}},
              PolicyKind::kIdentity) == Lines{"invalid-resource", "invalid-action"});
  CHECK(Build({{"Effect", "Allow"}, {"Action", "s3:GetObject"},
               {"Resource", "arn:aws:iam:{{Region}}::role/x"}},
              PolicyKind::kIdentity) == Lines{"iam-arn-region"});
  CHECK(Build({{"Effect", "Allow"}, {"Action", "s3:GetObject"}, {"Resource", "arn:aws:s3"}},
              PolicyKind::kIdentity) == Lines{"invalid-arn"});
  // Unknown, they are not.
  CHECK(Build({{"Effect", "Allow"}, {"Action", "{{Param}}", true}, {"Resource", "{{Bucket}}", true}},
              PolicyKind::kIdentity) == Lines{});
  CHECK(Build({{"Effect", "Allow"}, {"Action", "s3:GetObject"},
               {"Resource", "arn:aws:iam:{{Region}}::role/x", true}},
              PolicyKind::kIdentity) == Lines{});
  CHECK(Build({{"Effect", "Allow"}, {"Action", "s3:GetObject"}, {"Resource", "{{Split}}", true}},
              PolicyKind::kIdentity) == Lines{});
  // A malformed policy variable in an unknown string is still reported.
  CHECK(Build({{"Effect", "Allow"}, {"Action", "s3:GetObject"},
               {"Resource", "arn:aws:s3:::{{B}}/${aws:username", true}},
              PolicyKind::kIdentity) == Lines{"invalid-variable"});
}

TEST_CASE("unknown values: principals, effects and sids", "[cfn][policy]") {
  Member action{"Action", "s3:GetObject"};
  Member resource{"Resource", "*"};
  CHECK(Build({{"Effect", "Allow"}, action, resource,
               {"Principal", "arn:aws:iam::{{AccountId}}:root", false, "AWS"}},
              PolicyKind::kResource) == Lines{"invalid-principal"});
  CHECK(Build({{"Effect", "Allow"}, action, resource,
               {"Principal", "arn:aws:iam::{{AccountId}}:root", true, "AWS"}},
              PolicyKind::kResource) == Lines{});
  CHECK(Build({{"Effect", "Allow"}, action, resource, {"Principal", "{{Who}}", true, "Service"}},
              PolicyKind::kResource) == Lines{});
  CHECK(Build({{"Effect", "Allow"}, action, resource, {"Principal", "{{Who}}", false}},
              PolicyKind::kResource) == Lines{"invalid-principal"});
  CHECK(Build({{"Effect", "Allow"}, action, resource, {"Principal", "{{Who}}", true}},
              PolicyKind::kResource) == Lines{});
  // A variable is never allowed in a principal, known or not.
  CHECK(Build({{"Effect", "Allow"}, action, resource,
               {"Principal", "arn:aws:iam::1:user/${aws:username}", true, "AWS"}},
              PolicyKind::kResource) == Lines{"variable-not-allowed"});
  CHECK(Build({{"Effect", "{{Effect}}"}, action, resource}, PolicyKind::kIdentity) ==
        Lines{"invalid-effect"});
  CHECK(Build({{"Effect", "{{Effect}}", true}, action, resource}, PolicyKind::kIdentity) == Lines{});
  CHECK(Build({{"Sid", "{{Name}}", true}, {"Effect", "Allow"}, action, resource},
              PolicyKind::kIdentity) == Lines{});
  CHECK(Build({{"Sid", "{{Name}}"}, {"Effect", "Allow"}, action, resource},
              PolicyKind::kIdentity) == Lines{"invalid-sid"});
  // The element rules stay: a principal in an identity policy is wrong
  // whatever its value.
  CHECK(Build({{"Effect", "Allow"}, action, resource, {"Principal", "{{Who}}", true, "AWS"}},
              PolicyKind::kIdentity) == Lines{"principal-not-allowed"});
}

}  // namespace
}  // namespace iamlint

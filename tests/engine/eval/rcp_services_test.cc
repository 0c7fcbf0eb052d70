// RCPs apply only to the services that support them (semantics §5.8): with
// the catalog in EvalOptions, an RCP level without an Allow stops an S3 call
// but not an EC2 call; without the catalog every service is covered.
#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "engine/catalog/catalog.h"
#include "engine/eval/compiled_policy.h"
#include "engine/eval/evaluator.h"
#include "engine/policy/policy_reader.h"

namespace iamlint {
namespace {

std::shared_ptr<const CompiledPolicy> Compile(SourceManager& sources, const std::string& text,
                                              PolicyKind kind) {
  SourceId id = sources.AddBuffer("p.json", text);
  DiagnosticSink sink;
  PolicyReadOptions options;
  options.build.kind = kind;
  auto doc = ReadPolicy(sources, id, options, sink);
  REQUIRE(doc.has_value());
  return CompiledPolicy::Compile(std::make_shared<const PolicyDocument>(std::move(*doc)));
}

DecisionKind Decide(const PolicyBundle& bundle, const std::string& action,
                    const std::string& resource, const Catalog* catalog) {
  Request request;
  request.set_principal("arn:aws:iam::123456789012:user/alice");
  request.set_action(action);
  request.set_resource(resource);
  request.Finish();
  EvalOptions options;
  options.catalog = catalog;
  EvalScratch scratch;
  Decision decision;
  Authorize(bundle, request, options, &scratch, &decision);
  return decision.kind;
}

TEST_CASE("RCPs cover only RCP-supported services when the catalog is given", "[eval]") {
  SourceManager sources;
  auto admin = Compile(sources,
                       R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]})",
                       PolicyKind::kIdentity);
  // A level whose only RCP denies something unrelated: no Allow at that level.
  auto deny_only = Compile(
      sources,
      R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"sqs:DeleteQueue","Resource":"*"}]})",
      PolicyKind::kRcp);
  PolicyBundle bundle;
  bundle.identity.push_back(admin.get());
  bundle.has_rcp = true;
  bundle.rcp.push_back({deny_only.get()});
  const Catalog& catalog = Catalog::BuiltIn();
  const std::string object = "arn:aws:s3:::b/k";
  const std::string instance = "arn:aws:ec2:us-east-1:123456789012:instance/i-1";
  CHECK(Decide(bundle, "s3:GetObject", object, &catalog) == DecisionKind::kImplicitDeny);
  CHECK(Decide(bundle, "ec2:StopInstances", instance, &catalog) == DecisionKind::kAllow);
  // Without the catalog, RCPs cover every service.
  CHECK(Decide(bundle, "ec2:StopInstances", instance, nullptr) == DecisionKind::kImplicitDeny);
  // An unknown service is not RCP-supported.
  CHECK(Decide(bundle, "nosuchservice:Do", "*", &catalog) == DecisionKind::kAllow);
}

}  // namespace
}  // namespace iamlint

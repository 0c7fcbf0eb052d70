// embed_iamlint: the iamlint engine used as a library (find_package(iamlint),
// iamlint::engine). Loads one identity policy, asks whether a request is
// allowed, and prints the decision with its explanation.
//
//   embed_iamlint POLICY.json [ACTION [RESOURCE]]
//
// Defaults: s3:ListAllMyBuckets on `*`, by an EC2 role session in account
// 123456789012 (the README's classic demo). Exit: 0 Allow, 1 a deny,
// 2 unreadable or invalid policy.
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

#include "engine/eval/compiled_policy.h"
#include "engine/eval/evaluator.h"
#include "engine/eval/request.h"
#include "engine/eval/trace.h"
#include "engine/policy/policy_reader.h"
#include "engine/source/source_manager.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: embed_iamlint POLICY.json [ACTION [RESOURCE]]\n";
    return 2;
  }
  const std::string path = argv[1];
  const std::string action = argc > 2 ? argv[2] : "s3:ListAllMyBuckets";
  const std::string resource = argc > 3 ? argv[3] : "*";

  std::ifstream file(path, std::ios::binary);
  if (!file) {
    std::cerr << "cannot read " << path << "\n";
    return 2;
  }
  std::stringstream bytes;
  bytes << file.rdbuf();

  // 1. Read and validate the policy: every problem has an exact position.
  iamlint::SourceManager sources;
  iamlint::SourceId id = sources.AddBuffer(path, bytes.str());
  iamlint::PolicyReadOptions read;
  read.build.kind = iamlint::PolicyKind::kIdentity;
  iamlint::DiagnosticSink sink;
  std::optional<iamlint::PolicyDocument> doc = iamlint::ReadPolicy(sources, id, read, sink);
  for (const iamlint::Diagnostic& d : sink.diagnostics()) {
    iamlint::LineColumn at = sources.Begin(d.span);
    std::cerr << path << ":" << at.line << ":" << at.column << ": " << d.message << " [" << d.code
              << "]\n";
  }
  if (!doc || sink.has_errors()) return 2;

  // 2. Compile it once; a bundle may hold identity, boundary, session,
  //    resource, SCP and RCP policies (non-owning pointers).
  std::shared_ptr<const iamlint::CompiledPolicy> policy =
      iamlint::CompiledPolicy::Compile(std::make_shared<const iamlint::PolicyDocument>(*doc));
  iamlint::PolicyBundle bundle;
  bundle.identity.push_back(policy.get());

  // 3. The request.
  iamlint::Request request;
  request.set_principal("arn:aws:sts::123456789012:assumed-role/ec2-s3-list/i-0abc");
  request.set_action(action);
  request.set_resource(resource);
  request.Finish();

  // 4. Decide, with the explanation.
  iamlint::EvalOptions options;
  iamlint::EvalScratch scratch;
  iamlint::Decision decision;
  iamlint::Trace trace;
  iamlint::Authorize(bundle, request, options, &scratch, &decision, &trace);

  std::cout << action << " on " << resource << ": " << iamlint::DecisionKindName(decision.kind);
  if (decision.kind == iamlint::DecisionKind::kImplicitDeny &&
      decision.gate != iamlint::Gate::kNone) {
    std::cout << " (no allow in " << iamlint::GateName(decision.gate) << ")";
  }
  std::cout << "\n";
  for (const iamlint::StatementTrace& t : trace.statements) {
    const iamlint::Statement& s =
        iamlint::PolicyOf(bundle, t.ref)->document().statements[t.ref.statement];
    iamlint::LineColumn at = sources.Begin(s.span);
    std::cout << "  " << iamlint::SlotName(t.ref) << " statement " << s.Label() << " at " << path
              << ":" << at.line << ":" << at.column << ": ";
    if (t.applied) {
      std::cout << "applies\n";
    } else {
      std::cout << "does not apply (" << iamlint::MissReasonName(t.reason);
      if (!t.detail.empty()) std::cout << ": " << t.detail;
      std::cout << ")\n";
    }
  }
  return decision.kind == iamlint::DecisionKind::kAllow ? 0 : 1;
}

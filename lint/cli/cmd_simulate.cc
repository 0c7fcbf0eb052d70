#include "lint/cli/cmd_simulate.h"

#include <map>
#include <memory>

#include <cctype>

#include "engine/cases/case_reader.h"
#include "engine/json/json_writer.h"
#include "engine/match/arn.h"
#include "engine/eval/evaluator.h"
#include "engine/policy/policy_reader.h"
#include "engine/source/source_manager.h"
#include "lint/cli/progress.h"
#include "lint/input_files.h"
#include "lint/report/decision_writer.h"
#include "lint/report/reporter.h"
#include "lint/report/snippet.h"

namespace iamlint::cli {

namespace {

constexpr const char* kDefaultUserName = "iamlint-simulated-user";

void PrintDiagnostics(const SourceManager& sources, std::vector<Diagnostic> diagnostics,
                      std::ostream& err) {
  auto reporter = lint::MakeTextReporter(err);
  for (const Diagnostic& d : diagnostics) reporter->Report(sources, d);
}

ExitCode RunBatch(const SimulateCommandOptions& options, std::ostream& out, std::ostream& err) {
  EvalOptions eval;
  eval.use_index = !options.no_index;
  eval.catalog = &Catalog::BuiltIn();
  EvalScratch scratch;
  Decision decision;
  Trace trace;
  size_t passed = 0, failed = 0, malformed = 0, with_expect = 0;
  bool unreadable = false;
  Progress progress(err, options.progress, "simulate", "cases");
  size_t cases = 0;
  for (const std::string& path : options.case_files) {
    // One SourceManager per file: nothing refers to a file once its cases
    // are decided, so memory stays at one file's size, not the sum.
    SourceManager sources;
    std::string bytes, error;
    if (!lint::ReadInput(path, options.max_input_bytes, &bytes, &error)) {
      err << "iamlint: cannot read " << lint::SanitizeForTerminal(path) << ": " << error << "\n";
      unreadable = true;
      continue;
    }
    SourceId id = sources.AddBuffer(path == "-" ? lint::kStdinName : path, std::move(bytes));
    DiagnosticSink policy_sink;
    CaseReaderOptions reader_options;
    reader_options.json.max_bytes = options.max_input_bytes;
    reader_options.policy_sink = &policy_sink;
    CaseReader reader(sources, id, reader_options);
    Case c;
    while (true) {
      DiagnosticSink sink;
      CaseReader::Status status = reader.Next(&c, sink);
      if (status == CaseReader::Status::kEnd) break;
      progress.Update(++cases);
      // Validation errors in a case's policies are commentary, not results.
      std::vector<Diagnostic> policy_errors;
      for (Diagnostic& d : policy_sink.Take()) {
        if (d.severity == Severity::kError) policy_errors.push_back(std::move(d));
      }
      PrintDiagnostics(sources, std::move(policy_errors), err);
      if (status == CaseReader::Status::kError) {
        ++malformed;
        std::vector<Diagnostic> problems = sink.Take();
        PrintDiagnostics(sources, problems, err);
        JsonWriter w;
        w.BeginObject();
        w.Key("id");
        LineColumn at = problems.empty() ? LineColumn{} : sources.Begin(problems[0].span);
        w.String("line " + std::to_string(at.line));
        w.Key("error");
        w.String(problems.empty() ? "malformed case" : problems[0].message);
        w.EndObject();
        out << w.text() << "\n";
        continue;
      }
      Authorize(c.bundle, c.request, eval, &scratch, &decision, options.explain ? &trace : nullptr);
      lint::DecisionView view{c.id, &decision, &c.bundle, c.expect, options.explain ? &trace : nullptr};
      out << lint::DecisionToJson(sources, view) << "\n";
      if (c.expect) {
        ++with_expect;
        if (*c.expect == decision.kind) {
          ++passed;
        } else {
          ++failed;
          LineColumn at = sources.Begin(c.span);
          err << lint::SanitizeForTerminal(sources.name(c.span.source)) << ":" << at.line << ":"
              << at.column << ": case `" << lint::SanitizeForTerminal(c.id) << "`: expected "
              << DecisionKindName(*c.expect) << ", got " << DecisionKindName(decision.kind);
          if (decision.kind == DecisionKind::kImplicitDeny && decision.gate != Gate::kNone) {
            err << " (" << GateName(decision.gate) << ")";
          }
          err << "\n";
        }
      }
    }
  }
  progress.Finish();
  out.flush();
  if (with_expect > 0 || failed > 0) err << passed << " passed, " << failed << " failed\n";
  if (unreadable || malformed > 0) return ExitCode::kUsage;
  return failed > 0 ? ExitCode::kFindings : ExitCode::kOk;
}

// Context keys a one-request simulation derives from --principal, as AWS
// sets them for a signed request (semantics §4, §6).
void DeriveContext(const CallerIdentity& caller, Request* request,
                   const std::map<std::string, bool>& given) {
  auto add = [&](const std::string& key, const std::string& value) {
    std::string lowered = key;
    for (char& ch : lowered) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (given.count(lowered)) return;
    request->AddContext(key, {value}, false);
  };
  if (caller.has_account()) add("aws:PrincipalAccount", caller.account);
  switch (caller.kind) {
    case CallerKind::kUser:
      add("aws:username", caller.arn.substr(caller.arn.rfind('/') + 1));
      add("aws:PrincipalArn", caller.arn);
      add("aws:PrincipalType", "User");
      break;
    case CallerKind::kAssumedRole:
    case CallerKind::kRole:
      add("aws:PrincipalArn", "arn:" + caller.partition + ":iam::" + caller.account + ":role/" +
                                  caller.role_name);
      add("aws:PrincipalType", "AssumedRole");
      break;
    case CallerKind::kRoot:
      add("aws:PrincipalArn", caller.arn);
      add("aws:PrincipalType", "Account");
      break;
    case CallerKind::kFederatedUser:
      add("aws:PrincipalArn", caller.arn);
      add("aws:PrincipalType", "FederatedUser");
      break;
    default:
      break;
  }
}

// Without --principal, the caller is an IAM user who has the given
// policies, in the resource's account (so the request is same-account), or
// in the documentation account 123456789012. `--principal '*'` asks as an
// anonymous caller.
std::string DefaultPrincipal(const SimulateCommandOptions& options) {
  std::string account = options.resource_account;
  if (account.empty()) {
    if (auto fields = SplitArn(options.resource)) account = std::string(fields->account);
  }
  if (account.empty()) account = "123456789012";
  return "arn:aws:iam::" + account + ":user/" + kDefaultUserName;
}

ExitCode RunOne(const SimulateCommandOptions& options, std::ostream& out, std::ostream& err) {
  SourceManager sources;
  std::vector<std::shared_ptr<const CompiledPolicy>> owned;
  bool failed = false;
  auto load = [&](const std::string& path, PolicyKind kind) -> const CompiledPolicy* {
    std::string bytes, error;
    if (!lint::ReadInput(path, options.max_input_bytes, &bytes, &error)) {
      err << "iamlint: cannot read " << lint::SanitizeForTerminal(path) << ": " << error << "\n";
      failed = true;
      return nullptr;
    }
    SourceId id = sources.AddBuffer(path == "-" ? lint::kStdinName : path, std::move(bytes));
    DiagnosticSink sink;
    PolicyReadOptions read;
    read.json.max_bytes = options.max_input_bytes;
    read.build.kind = kind;
    if (kind == PolicyKind::kResource) {
      DiagnosticSink probe;
      PolicyReadOptions guess_options = read;
      guess_options.build.kind.reset();
      auto guess = ReadPolicy(sources, id, guess_options, probe);
      if (guess && guess->kind == PolicyKind::kTrust) read.build.kind = PolicyKind::kTrust;
    }
    auto doc = ReadPolicy(sources, id, read, sink);
    std::vector<Diagnostic> errors;
    for (Diagnostic& d : sink.Take()) {
      if (d.severity == Severity::kError) errors.push_back(std::move(d));
    }
    PrintDiagnostics(sources, errors, err);
    if (!doc) {
      failed = true;
      return nullptr;
    }
    owned.push_back(CompiledPolicy::Compile(std::make_shared<const PolicyDocument>(std::move(*doc))));
    return owned.back().get();
  };

  PolicyBundle bundle;
  for (const std::string& p : options.policies) {
    if (auto* c = load(p, PolicyKind::kIdentity)) bundle.identity.push_back(c);
  }
  if (!options.boundary.empty()) bundle.boundary = load(options.boundary, PolicyKind::kBoundary);
  for (const std::string& p : options.session_policies) {
    if (auto* c = load(p, PolicyKind::kSession)) bundle.session.push_back(c);
  }
  if (!options.resource_policy.empty()) {
    bundle.resource = load(options.resource_policy, PolicyKind::kResource);
  }
  for (const std::string& p : options.scps) {
    bundle.has_scp = true;
    if (auto* c = load(p, PolicyKind::kScp)) bundle.scp.push_back({c});
  }
  for (const std::string& p : options.rcps) {
    bundle.has_rcp = true;
    if (auto* c = load(p, PolicyKind::kRcp)) bundle.rcp.push_back({c});
  }
  if (failed) return ExitCode::kUsage;

  Request request;
  request.set_action(options.action);
  request.set_resource(options.resource);
  std::string principal = options.principal.empty() ? DefaultPrincipal(options) : options.principal;
  request.set_principal(principal);
  request.set_resource_account(options.resource_account);
  std::map<std::string, std::vector<std::string>> context;
  std::vector<std::string> order;
  std::map<std::string, bool> given;
  for (const std::string& kv : options.context) {
    size_t eq = kv.find('=');
    if (eq == std::string::npos || eq == 0) {
      err << "iamlint: --context takes key=value, not `" << lint::SanitizeForTerminal(kv) << "`\n";
      return ExitCode::kUsage;
    }
    std::string key = kv.substr(0, eq);
    if (!context.count(key)) order.push_back(key);
    context[key].push_back(kv.substr(eq + 1));
    std::string lowered = key;
    for (char& ch : lowered) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    given[lowered] = true;
  }
  for (const std::string& key : order) {
    bool is_list = context[key].size() > 1;
    request.AddContext(key, context[key], is_list);
  }
  if (options.derive_context) DeriveContext(ParseCaller(principal), &request, given);
  request.Finish();

  EvalOptions eval;
  eval.use_index = !options.no_index;
  eval.catalog = &Catalog::BuiltIn();
  EvalScratch scratch;
  Decision decision;
  Trace trace;
  Authorize(bundle, request, eval, &scratch, &decision, options.explain ? &trace : nullptr);
  std::optional<DecisionKind> expect;
  if (!options.expect.empty()) expect = ParseDecisionKind(options.expect);
  lint::DecisionView view{"request", &decision, &bundle, expect,
                          options.explain ? &trace : nullptr};
  if (options.format == "json") {
    out << lint::DecisionToJson(sources, view) << "\n";
  } else {
    out << lint::DecisionToText(sources, view);
  }
  if (expect && *expect != decision.kind) {
    err << "expected " << DecisionKindName(*expect) << ", got " << DecisionKindName(decision.kind)
        << "\n";
    return ExitCode::kFindings;
  }
  return ExitCode::kOk;
}

}  // namespace

ExitCode RunSimulateCommand(const SimulateCommandOptions& options, std::ostream& out,
                            std::ostream& err) {
  bool one_request = !options.action.empty();
  if (one_request && !options.case_files.empty()) {
    err << "iamlint: give either case files or --action, not both\n";
    return ExitCode::kUsage;
  }
  if (!one_request && options.case_files.empty()) {
    err << "iamlint: simulate needs case files (or -) or --action with --policy files\n";
    return ExitCode::kUsage;
  }
  return one_request ? RunOne(options, out, err) : RunBatch(options, out, err);
}

}  // namespace iamlint::cli

#include "lint/cli/cmd_generate.h"

#include <map>
#include <set>
#include <utility>

#include "engine/cases/case_reader.h"
#include "engine/catalog/catalog.h"
#include "engine/generate/cloudtrail_reader.h"
#include "engine/generate/policy_generator.h"
#include "engine/json/json_reader.h"
#include "engine/source/source_manager.h"
#include "lint/input_files.h"
#include "lint/report/reporter.h"
#include "lint/report/snippet.h"

namespace iamlint::cli {

namespace {

std::string Plural(size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

void PrintDiagnostics(const SourceManager& sources, const std::vector<Diagnostic>& diagnostics,
                      std::ostream& err) {
  auto reporter = lint::MakeTextReporter(err);
  for (const Diagnostic& d : diagnostics) reporter->Report(sources, d);
}

std::string Where(const SourceManager& sources, Span span) {
  if (!span.valid()) return "";
  LineColumn at = sources.Begin(span);
  return lint::SanitizeForTerminal(sources.name(span.source)) + ":" + std::to_string(at.line) +
         ":" + std::to_string(at.column);
}

std::string PolicyToText(const GeneratedPolicy& policy) {
  std::string out;
  for (const GeneratedStatement& s : policy.statements) {
    out += lint::SanitizeForTerminal(s.sid) + ":";
    for (size_t i = 0; i < s.actions.size(); ++i) {
      out += (i == 0 ? " " : ", ") + lint::SanitizeForTerminal(s.actions[i]);
    }
    out += "\n";
    for (const std::string& r : s.resources) out += "  " + lint::SanitizeForTerminal(r) + "\n";
  }
  return out;
}

}  // namespace

ExitCode RunGenerateCommand(const GenerateCommandOptions& options, std::ostream& out,
                            std::ostream& err) {
  if (options.files.empty()) {
    err << "iamlint: generate needs request case files or, with --from-cloudtrail, CloudTrail "
           "files (or -)\n";
    return ExitCode::kUsage;
  }
  bool filtered = !options.user.empty() || !options.role.empty() || !options.access_key.empty() ||
                  options.only_successful;
  if (filtered && !options.from_cloudtrail) {
    err << "iamlint: --user, --role, --access-key and --only-successful filter CloudTrail "
           "records: add --from-cloudtrail\n";
    return ExitCode::kUsage;
  }
  const Catalog& catalog = Catalog::BuiltIn();
  SourceManager sources;
  std::vector<CloudTrailInput> trails;
  trails.reserve(options.files.size());
  Needs needs;
  PrincipalFilter filter{options.user, options.role, options.access_key, options.only_successful};
  bool broken = false;
  size_t skipped = 0;
  size_t probes = 0;  // request cases expecting a deny
  for (const std::string& path : options.files) {
    std::string bytes, error;
    if (!lint::ReadInput(path, options.max_input_bytes, &bytes, &error)) {
      err << "iamlint: cannot read " << lint::SanitizeForTerminal(path) << ": " << error << "\n";
      broken = true;
      continue;
    }
    SourceId id = sources.AddBuffer(path == "-" ? lint::kStdinName : path, std::move(bytes));
    JsonReadOptions json;
    json.max_bytes = options.max_input_bytes;
    if (options.from_cloudtrail) {
      DiagnosticSink sink;
      trails.emplace_back();
      bool ok = ReadCloudTrail(sources, id, json, &trails.back(), sink);
      PrintDiagnostics(sources, sink.Take(), err);
      skipped += trails.back().skipped;
      if (!ok) {
        broken = true;
        continue;
      }
      AddEvents(catalog, trails.back().events, filter, &needs);
      continue;
    }
    // CloudTrail records given without --from-cloudtrail: say so once
    // rather than report every line as a malformed case.
    JsonDocument probe;
    DiagnosticSink probe_sink;
    if (ReadJson(sources, id, json, &probe, probe_sink) && probe.root().is_object()) {
      JsonValue root = probe.root();
      for (std::string_view key : {"Records", "records", "eventSource", "detail"}) {
        if (!root.Find(key).valid()) continue;
        err << lint::SanitizeForTerminal(sources.name(id))
            << ": CloudTrail records, not request cases: add --from-cloudtrail\n";
        broken = true;
        break;
      }
      if (broken) continue;
    }
    CaseReaderOptions reader_options;
    reader_options.json = json;
    DiagnosticSink policy_sink;  // the cases' policies are not used
    reader_options.policy_sink = &policy_sink;
    CaseReader reader(sources, id, reader_options);
    Case c;
    while (true) {
      DiagnosticSink sink;
      CaseReader::Status status = reader.Next(&c, sink);
      if (status == CaseReader::Status::kEnd) break;
      policy_sink.Take();
      if (status == CaseReader::Status::kError) {
        PrintDiagnostics(sources, sink.Take(), err);
        broken = true;
        continue;
      }
      // A case that expects a deny is a probe, not a need.
      if (c.expect && *c.expect != DecisionKind::kAllow) {
        ++probes;
        continue;
      }
      AddCaseRequest(catalog, c.request, c.span, &needs);
    }
  }
  if (broken) {
    err << "iamlint: no policy written: fix the input above\n";
    return ExitCode::kUsage;
  }

  // What was read.
  std::string noun = options.from_cloudtrail ? "event" : "request case";
  err << "read " << Plural(needs.records + probes, noun, noun + "s");
  if (skipped > 0) err << " (" << Plural(skipped, "element", "elements") << " skipped)";
  err << ": " << needs.used << " used";
  if (probes > 0) err << ", " << probes << " expecting a deny left out";
  if (needs.filtered_out > 0) {
    err << ", " << Plural(needs.filtered_out, "of another principal", "of other principals");
  }
  if (needs.not_api_calls > 0) {
    err << ", " << Plural(needs.not_api_calls, "not an API call", "not API calls")
        << " (sign-ins, service events)";
  }
  if (needs.failed_skipped > 0) {
    err << ", " << needs.failed_skipped << " failed left out (--only-successful)";
  }
  err << "\n";
  if (needs.failed_used > 0) {
    err << "note: " << Plural(needs.failed_used, "failed event (errorCode) counts", "failed events (errorCode) count")
        << " as needed; --only-successful leaves them out\n";
  }
  for (const auto& [what, count] : needs.unmapped) {
    err << "not in the policy: " << lint::SanitizeForTerminal(what) << ", "
        << Plural(count, "record", "records") << ": the catalog has no such action\n";
  }
  for (const std::string& note : needs.notes) err << "note: " << note << "\n";
  std::set<std::pair<std::string, std::string>> unrecorded;
  for (const NeededRequest& r : needs.requests) {
    if (r.unrecorded) unrecorded.insert({catalog.FullName(r.action), r.resource});
  }
  for (const auto& [action, pattern] : unrecorded) {
    err << "note: no resource of `" << action << "` recorded: allowed on `"
        << lint::SanitizeForTerminal(pattern) << "`\n";
  }
  if (needs.requests.empty()) {
    err << "iamlint: no recorded request to generate a policy from\n";
    return ExitCode::kFindings;
  }

  GenerateOptions generate;
  generate.collapse = options.collapse;
  GeneratedPolicy policy = GeneratePolicy(catalog, needs.requests, generate);
  std::string json = PolicyToJson(policy);
  out << (options.format == "text" ? PolicyToText(policy) : json);
  out.flush();
  if (policy.collapsed > 0) {
    err << "note: " << Plural(policy.collapsed, "wildcard replaces", "wildcards replace")
        << " more than " << options.collapse
        << " ARNs of one resource type (--collapse 0: list every ARN)\n";
  }

  ProofResult proof = ProvePolicy(catalog, json, needs.requests, !options.no_index);
  for (size_t i : proof.denied) {
    const NeededRequest& r = needs.requests[i];
    err << Where(sources, r.span) << ": not allowed: `" << catalog.FullName(r.action) << "` on `"
        << lint::SanitizeForTerminal(r.resource) << "`\n";
  }
  err << ProofSummary(proof, needs.requests.size()) << "\n";
  if (!proof.policy_valid || !proof.denied.empty()) return ExitCode::kFindings;
  return ExitCode::kOk;
}

}  // namespace iamlint::cli

// iamlint: the command-line entry point. Builds the CLI11 app, dispatches
// to one command per file (cmd_*.cc) and maps results to exit codes.
// This is the only file (with the cmd_* files) that sees CLI11.
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "CLI/CLI.hpp"
#include "engine/base/suggest.h"
#include "lint/cli/cmd_access.h"
#include "lint/cli/cmd_can.h"
#include "lint/cli/cmd_catalog.h"
#include "lint/cli/cmd_checks.h"
#include "lint/cli/cmd_exercise.h"
#include "lint/cli/cmd_expand.h"
#include "lint/cli/cmd_generate.h"
#include "lint/cli/cmd_lint.h"
#include "lint/cli/cmd_simulate.h"
#include "lint/cli/exit_code.h"
#include "lint/cli/help_topics.h"
#include "lint/cli/progress.h"
#include "lint/report/snippet.h"

#ifndef IAMLINT_VERSION
#define IAMLINT_VERSION "0.0.0"
#endif

namespace {

constexpr const char* kDescription =
    "iamlint: exact answers about AWS IAM policies.\n"
    "\n"
    "Examples:\n"
    "  iamlint samples/policies/identity/ec2-s3-list-buckets.json\n"
    "  iamlint --format json samples/policies/broken/many-mistakes.json  # exits 1: errors\n"
    "  iamlint --policy-type resource - < samples/policies/resource/s3-bucket-reports.json\n"
    "  iamlint help\n"
    "\n"
    "Exit codes: 0 clean, 1 findings at or above --fail-on (or a failed expect),\n"
    "2 usage error or unreadable input (iamlint help exit-codes).";

const std::vector<std::string> kSubcommands = {"lint",    "simulate", "access", "can",
                                               "expand",  "catalog",  "checks", "exercise",
                                               "generate", "help"};

// --progress / --no-progress (lint/cli/progress.h); the last one given wins.
void AddProgressFlags(CLI::App* sub, iamlint::cli::ProgressMode& mode) {
  using iamlint::cli::ProgressMode;
  sub->add_flag_callback("--progress", [&mode] { mode = ProgressMode::kAlways; },
                         "Show a progress line on stderr even when it is not a terminal");
  sub->add_flag_callback("--no-progress", [&mode] { mode = ProgressMode::kNever; },
                         "Never show one (default: on a terminal, once the work takes over a second)");
}

bool StderrIsTerminal() { return isatty(STDERR_FILENO) != 0; }

// `iamlint PATH...` means `iamlint lint PATH...`.
std::vector<std::string> WithDefaultSubcommand(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  bool wants_global = !args.empty() && (args[0] == "--version" || args[0] == "--help" ||
                                        args[0] == "-h" || args[0] == "-V");
  bool has_subcommand = false;
  for (const std::string& a : args) {
    if (a.empty() || a[0] != '-') {
      for (const std::string& s : kSubcommands) has_subcommand |= a == s;
      break;
    }
  }
  if (!args.empty() && !wants_global && !has_subcommand) args.insert(args.begin(), "lint");
  std::reverse(args.begin(), args.end());  // CLI11 parses a reversed vector
  return args;
}

}  // namespace

int main(int argc, char** argv) {
  using iamlint::cli::ExitCode;
  CLI::App app{kDescription, "iamlint"};
  app.set_version_flag("--version,-V", std::string("iamlint ") + IAMLINT_VERSION);
  app.require_subcommand(0, 1);

  iamlint::cli::LintCommandOptions lint_options;
  CLI::App* lint = app.add_subcommand(
      "lint",
      "Validate IAM policy files (the default command)\n"
      "\n"
      "Examples:\n"
      "  iamlint samples/policies/broken/many-mistakes.json  # exits 1: errors\n"
      "  iamlint lint --format json --fail-on warning samples/policies  # exits 1: errors\n"
      "  iamlint --policy-type trust -v samples/policies/trust/ec2-role-trust.json\n"
      "  iamlint samples/templates/leaky-user.yaml  # exits 1: errors\n"
      "  iamlint --credentials samples/accounts/story-credentials.csv \\\n"
      "      samples/accounts/story.json  # exits 1: errors\n"
      "  iamlint --fail-on never --format sarif samples/policies\n"
      "\n"
      "Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 usage error or unreadable\n"
      "input (iamlint help exit-codes). Formats: iamlint help formats. Config: iamlint help config.");
  lint->add_option("paths", lint_options.paths,
                   "Policy files, CloudFormation templates, Terraform plans, account snapshots, "
                   "folders, or - for stdin")
      ->required();
  lint->add_option("--input-format", lint_options.input_format,
                   "Read every input as this format (default: detected by content)")
      ->check(CLI::IsMember({"policy", "cloudformation", "terraform", "account"}));
  lint->add_option("--credentials", lint_options.credentials_file,
                   "IAM credential report (CSV) for the users of account snapshots");
  lint->add_option("--format", lint_options.format, "Output format")
      ->check(CLI::IsMember({"text", "json", "sarif", "github"}))
      ->capture_default_str();
  CLI::Option* fail_on = lint->add_option("--fail-on", lint_options.fail_on,
                   "Exit 1 when a finding is at or above this severity")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}))
      ->capture_default_str();
  lint->add_option("--enable", lint_options.enable, "Turn on checks or rules (ID,...)")
      ->delimiter(',');
  lint->add_option("--disable", lint_options.disable, "Turn off checks or rules (ID,...)")
      ->delimiter(',');
  lint->add_option("--attached-to", lint_options.attached_to,
                   "What the policies are attached to")
      ->check(CLI::IsMember({"user", "group", "role"}));
  lint->add_option("--config", lint_options.config_file,
                   "Config file (default: .iamlint.yaml in this or a parent folder)");
  lint->add_flag("--no-config", lint_options.no_config, "Ignore .iamlint.yaml");
  lint->add_option("--catalog", lint_options.catalog_file,
                   "Catalog file to use instead of the built-in one");
  lint->add_option("--policy-type", lint_options.policy_type,
                   "Policy kind of every input (default: inferred per file)")
      ->check(CLI::IsMember({"identity", "resource", "trust", "boundary", "session", "scp", "rcp"}));
  lint->add_option("--max-input-size", lint_options.max_input_bytes,
                   "Refuse inputs larger than this many bytes")
      ->capture_default_str();
  lint->add_flag("-v,--verbose", lint_options.verbose, "Show the policy kind of every input");
  iamlint::cli::ProgressMode lint_progress = iamlint::cli::ProgressMode::kAuto;
  AddProgressFlags(lint, lint_progress);

  iamlint::cli::ChecksCommandOptions checks_options;
  CLI::App* checks = app.add_subcommand(
      "checks",
      "List the lint checks and validator rules, or show one's documentation\n"
      "\n"
      "Examples:\n"
      "  iamlint checks\n"
      "  iamlint checks unknown-action");
  checks->add_option("id", checks_options.id, "A check or rule id");
  checks->add_option("--format", checks_options.format, "Output format")
      ->check(CLI::IsMember({"text", "json", "markdown"}))
      ->capture_default_str();

  iamlint::cli::SimulateCommandOptions sim;
  CLI::App* simulate = app.add_subcommand(
      "simulate",
      "Decide requests: a batch of cases (shared/spec/cases.md) or one request from flags\n"
      "\n"
      "Examples:\n"
      "  iamlint simulate samples/cases/classic-demo.jsonl\n"
      "  iamlint simulate --policy samples/policies/identity/ec2-s3-list-buckets.json \\\n"
      "      --action s3:ListAllMyBuckets --resource '*' --explain\n"
      "  iamlint simulate --policy samples/policies/identity/ec2-s3-list-buckets.json \\\n"
      "      --action s3:GetObject --resource arn:aws:s3:::example-reports/q1.csv \\\n"
      "      --expect Allow  # exits 1: the decision is ImplicitDeny\n"
      "\n"
      "The one-request form derives aws:username, aws:PrincipalArn, aws:PrincipalAccount\n"
      "and aws:PrincipalType from --principal unless --no-derived-context is given;\n"
      "batch cases are taken as complete and get no derived keys.");
  simulate->add_option("cases", sim.case_files, "Case files (JSON Lines or a JSON array), or -");
  simulate->add_option("--policy", sim.policies, "Identity-based policy file (repeatable)");
  simulate->add_option("--boundary", sim.boundary, "Permissions boundary policy file");
  simulate->add_option("--session-policy", sim.session_policies, "Session policy file (repeatable)");
  simulate->add_option("--resource-policy", sim.resource_policy,
                       "Resource-based policy (bucket policy, trust policy, key policy...)");
  simulate->add_option("--scp", sim.scps, "SCP file, one organization level each, root first");
  simulate->add_option("--rcp", sim.rcps, "RCP file, one organization level each, root first");
  simulate->add_option("--action", sim.action, "Action to decide, e.g. s3:GetObject");
  simulate->add_option("--resource", sim.resource, "Resource ARN, or * for actions without one")
      ->capture_default_str();
  simulate->add_option("--principal", sim.principal,
                       "Caller ARN (user, role session, root; * for anonymous). Default: an IAM "
                       "user in the resource's account (else 123456789012)");
  simulate->add_option("--resource-account", sim.resource_account,
                       "Account owning the resource (default: from the ARN, else the caller's)");
  simulate->add_option("--context", sim.context,
                       "Request context key=value (repeat a key for a multivalued key)");
  simulate->add_flag("--no-derived-context", [&](int64_t) { sim.derive_context = false; },
                     "Do not derive aws:username etc. from --principal");
  simulate->add_option("--expect", sim.expect,
                       "One-request form: exit 1 unless the decision is this one")
      ->check(CLI::IsMember({"Allow", "ExplicitDeny", "ImplicitDeny"}));
  simulate->add_flag("--explain", sim.explain, "Say for every statement whether it applied and why not");
  simulate->add_flag("--no-index", sim.no_index, "Scan every statement (the reference path)");
  simulate->add_option("--format", sim.format, "Output of the one-request form")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  iamlint::cli::ProgressMode sim_progress = iamlint::cli::ProgressMode::kAuto;
  AddProgressFlags(simulate, sim_progress);

  iamlint::cli::ExpandCommandOptions expand_options;
  CLI::App* expand = app.add_subcommand(
      "expand",
      "List the actions an IAM Action pattern matches, with their access levels\n"
      "\n"
      "Examples:\n"
      "  iamlint expand 's3:Get*'\n"
      "  iamlint expand --format json '*:Describe*' 'iam:*AccessKey*'");
  expand->add_option("patterns", expand_options.patterns, "Action patterns (* and ? wildcards)")
      ->required();
  expand->add_option("--format", expand_options.format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  expand->add_option("--catalog", expand_options.catalog_file,
                     "Catalog file to use instead of the built-in one");

  iamlint::cli::CatalogCommandOptions catalog_options;
  CLI::App* catalog = app.add_subcommand(
      "catalog",
      "Show the AWS action catalog's source, data date and counts\n"
      "\n"
      "Examples:\n"
      "  iamlint catalog\n"
      "  iamlint catalog --format json");
  catalog->add_option("--format", catalog_options.format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  catalog->add_option("--catalog", catalog_options.catalog_file,
                      "Catalog file to use instead of the built-in one");

  // `--scp A --scp B`: each occurrence takes one value, so a repeated
  // option never swallows the PRINCIPAL that follows it.
  auto account_options = [](CLI::App* sub, iamlint::cli::AccountInputOptions& in) {
    sub->add_option("--account", in.account,
                    "Account snapshot (aws iam get-account-authorization-details), CloudFormation "
                    "template or Terraform plan")
        ->required();
    sub->add_option("--credentials", in.credentials, "IAM credential report (CSV): which users have an active access key");
    sub->add_option("--scp", in.scps, "SCP file, one organization level each, root first (repeatable)")
        ->allow_extra_args(false);
    sub->add_option("--resource-policy", in.resource_policies,
                    "Resource-based policy whose statements name the principal (repeatable)")
        ->allow_extra_args(false);
    sub->add_option("--context", in.context,
                    "Request context key=value, overriding the leaked-key defaults (repeatable; a "
                    "repeated key makes a list)")
        ->allow_extra_args(false);
    sub->add_option("--max-input-size", in.max_input_bytes, "Refuse inputs larger than this many bytes")
        ->capture_default_str();
  };

  iamlint::cli::AccessCommandOptions access_options;
  CLI::App* access = app.add_subcommand(
      "access",
      "What a user or role can do, and what a leaked access key of a user can do\n"
      "\n"
      "Examples:\n"
      "  iamlint access --account samples/accounts/story.json alice\n"
      "  iamlint access --account samples/accounts/story.json --service s3 --level read bob\n"
      "  iamlint access --account samples/accounts/story.json \\\n"
      "      --credentials samples/accounts/story-credentials.csv --all --roles\n"
      "\n"
      "Users are analysed as a leaked access key would be used: no MFA, not via an AWS\n"
      "service, any source IP (--context overrides); roles with nothing known.\n"
      "Exit codes: 0 report written, 2 usage error, unreadable input or unknown principal.");
  access->add_option("principal", access_options.principal, "User or role name or ARN");
  account_options(access, access_options.input);
  access->add_flag("--all", access_options.all, "Rank every user by reach (active access keys first)");
  access->add_flag("--roles", access_options.roles, "With --all: rank roles too");
  access->add_option("--service", access_options.service, "Only this service (prefix, e.g. s3)");
  access->add_option("--level", access_options.level,
                     "Only this access level (list, read, write, permissions-management, tagging)");
  access->add_option("--format", access_options.format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  access->add_option("--html", access_options.html_file,
                     "Also write a self-contained HTML report (heat map per principal) to FILE");
  iamlint::cli::ProgressMode access_progress = iamlint::cli::ProgressMode::kAuto;
  AddProgressFlags(access, access_progress);

  iamlint::cli::CanCommandOptions can_options;
  CLI::App* can = app.add_subcommand(
      "can",
      "Can this user or role (a leaked key of this user) do ACTION on RESOURCE? allow / deny / conditional\n"
      "\n"
      "Examples:\n"
      "  iamlint can --account samples/accounts/story.json alice s3:GetObject\n"
      "  iamlint can --account samples/accounts/story.json bob s3:GetObject \\\n"
      "      arn:aws:s3:::payroll-bucket/2026.csv  # exits 1: denied\n"
      "\n"
      "Exit codes: 0 allow, 1 deny or conditional, 2 usage error, unreadable input,\n"
      "unknown principal or action.");
  can->add_option("principal", can_options.principal, "User or role name or ARN")->required();
  can->add_option("action", can_options.action, "One action, e.g. s3:GetObject")->required();
  can->add_option("resource", can_options.resource, "Resource ARN (default: any resource)");
  account_options(can, can_options.input);
  can->add_option("--format", can_options.format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();

  iamlint::cli::ExerciseCommandOptions exercise_options;
  CLI::App* exercise = iamlint::cli::AddExerciseCommand(app, exercise_options);

  iamlint::cli::GenerateCommandOptions gen;
  CLI::App* generate = app.add_subcommand(
      "generate",
      "Write the least-privilege policy for recorded requests (CloudTrail or cases), proved by simulation\n"
      "\n"
      "Examples:\n"
      "  iamlint generate --from-cloudtrail --user alice samples/cloudtrail/alice-trail.json\n"
      "  iamlint generate --from-cloudtrail --user alice --collapse 0 --format text \\\n"
      "      samples/cloudtrail/alice-trail.json\n"
      "  iamlint generate samples/cases/classic-demo.jsonl\n"
      "\n"
      "The policy goes to stdout; what was read and the proof (every recorded request allowed,\n"
      "how many other actions the policy allows) to stderr. Failed events count as needed unless\n"
      "--only-successful; request cases that expect a deny are left out.\n"
      "Exit codes: 0 policy written and proved, 1 nothing to generate from or a request not\n"
      "allowed, 2 usage error, unreadable input or a malformed case.");
  generate->add_option("files", gen.files,
                       "Request case files, or CloudTrail files with --from-cloudtrail (- for stdin)");
  generate->add_flag("--from-cloudtrail", gen.from_cloudtrail,
                     "Read CloudTrail records: trail files, JSON Lines, arrays, single events");
  generate->add_option("--user", gen.user, "Only events of this IAM user");
  generate->add_option("--role", gen.role, "Only events of sessions of this role");
  generate->add_option("--access-key", gen.access_key, "Only events signed with this access key id");
  generate->add_flag("--only-successful", gen.only_successful, "Leave out events with an errorCode");
  generate->add_option("--collapse", gen.collapse,
                       "Write more than N ARNs of one kind as their common prefix + * (0: never)")
      ->capture_default_str();
  generate->add_option("--format", gen.format, "Output format")
      ->check(CLI::IsMember({"json", "text"}))
      ->capture_default_str();
  generate->add_flag("--no-index", gen.no_index, "Prove with the reference evaluator path");

  std::string help_topic;
  CLI::App* help = app.add_subcommand(
      "help",
      "Help topics (exit codes, output formats, the config file) and every command's help\n"
      "\n"
      "Examples:\n"
      "  iamlint help\n"
      "  iamlint help exit-codes\n"
      "  iamlint help formats\n"
      "  iamlint help simulate");
  help->add_option("topic", help_topic, "exit-codes, formats, config, or a command");

  // Each subcommand's text is "summary\n\nexamples...": the summary is
  // what `iamlint --help` lists, the rest closes the subcommand's own help.
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    std::string text = sub->get_description();
    size_t cut = text.find("\n\n");
    if (cut == std::string::npos) continue;
    sub->footer(text.substr(cut + 2));
    sub->description(text.substr(0, cut));
  }

  // A first word that is no file but looks like a misspelt command.
  if (argc > 1 && argv[1][0] != '-' && !std::filesystem::exists(argv[1])) {
    std::string word = argv[1];
    bool known = std::find(kSubcommands.begin(), kSubcommands.end(), word) != kSubcommands.end();
    std::vector<std::string_view> names(kSubcommands.begin(), kSubcommands.end());
    std::string guess = known ? "" : iamlint::ClosestMatch(word, names);
    if (!guess.empty()) {
      std::cerr << "iamlint: unknown command `" << word << "`; did you mean `" << guess << "`?\n";
      return iamlint::cli::ToInt(ExitCode::kUsage);
    }
  }

  std::vector<std::string> args = WithDefaultSubcommand(argc, argv);
  try {
    app.parse(args);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : iamlint::cli::ToInt(ExitCode::kUsage);
  }
  if (app.got_subcommand(help)) {
    if (help_topic.empty()) {
      std::cout << iamlint::cli::HelpTopicList(kSubcommands);
      return iamlint::cli::ToInt(ExitCode::kOk);
    }
    if (const iamlint::cli::HelpTopic* topic = iamlint::cli::FindHelpTopic(help_topic)) {
      std::cout << topic->text;
      return iamlint::cli::ToInt(ExitCode::kOk);
    }
    for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
      if (sub->get_name() == help_topic) {
        std::cout << sub->help();
        return iamlint::cli::ToInt(ExitCode::kOk);
      }
    }
    std::vector<std::string_view> names(kSubcommands.begin(), kSubcommands.end());
    for (const iamlint::cli::HelpTopic& t : iamlint::cli::HelpTopics()) names.push_back(t.name);
    std::string guess = iamlint::ClosestMatch(help_topic, names);
    std::cerr << "iamlint: no help topic `" << iamlint::lint::SanitizeForTerminal(help_topic) << "`";
    if (!guess.empty()) std::cerr << "; did you mean `" << guess << "`?";
    std::cerr << "\n" << iamlint::cli::HelpTopicList(kSubcommands);
    return iamlint::cli::ToInt(ExitCode::kUsage);
  }
  if (app.got_subcommand(checks)) {
    return iamlint::cli::ToInt(iamlint::cli::RunChecksCommand(checks_options, std::cout, std::cerr));
  }
  if (app.got_subcommand(lint)) {
    lint_options.fail_on_given = fail_on->count() > 0;
    const char* no_color = std::getenv("NO_COLOR");  // no-color.org: set and non-empty
    lint_options.color = isatty(STDOUT_FILENO) != 0 && (no_color == nullptr || *no_color == '\0');
    lint_options.tool_version = IAMLINT_VERSION;
    lint_options.progress = iamlint::cli::ProgressEnabled(lint_progress, StderrIsTerminal());
    return iamlint::cli::ToInt(iamlint::cli::RunLintCommand(lint_options, std::cout, std::cerr));
  }
  if (app.got_subcommand(expand)) {
    return iamlint::cli::ToInt(iamlint::cli::RunExpandCommand(expand_options, std::cout, std::cerr));
  }
  if (app.got_subcommand(catalog)) {
    return iamlint::cli::ToInt(iamlint::cli::RunCatalogCommand(catalog_options, std::cout, std::cerr));
  }
  if (app.got_subcommand(access)) {
    access_options.progress = iamlint::cli::ProgressEnabled(access_progress, StderrIsTerminal());
    return iamlint::cli::ToInt(iamlint::cli::RunAccessCommand(access_options, std::cout, std::cerr));
  }
  if (app.got_subcommand(can)) {
    return iamlint::cli::ToInt(iamlint::cli::RunCanCommand(can_options, std::cout, std::cerr));
  }
  if (app.got_subcommand(exercise)) {
    return iamlint::cli::ToInt(iamlint::cli::RunExerciseCommand(exercise_options, std::cout, std::cerr));
  }
  if (app.got_subcommand(simulate)) {
    sim.progress = iamlint::cli::ProgressEnabled(sim_progress, StderrIsTerminal());
    return iamlint::cli::ToInt(iamlint::cli::RunSimulateCommand(sim, std::cout, std::cerr));
  }
  if (app.got_subcommand(generate)) {
    return iamlint::cli::ToInt(iamlint::cli::RunGenerateCommand(gen, std::cout, std::cerr));
  }
  std::cerr << app.help();
  return iamlint::cli::ToInt(ExitCode::kUsage);
}

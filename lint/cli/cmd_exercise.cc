#include "lint/cli/cmd_exercise.h"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <system_error>
#include <vector>

#include "CLI/CLI.hpp"
#include "engine/catalog/catalog.h"
#include "engine/source/source_manager.h"
#include "lint/exercise/checker.h"
#include "lint/exercise/exercise.h"
#include "lint/exercise/messages.h"
#include "lint/input_files.h"
#include "lint/report/reporter.h"
#include "lint/report/snippet.h"
#include "lint/runner.h"

namespace iamlint::cli {

namespace {

namespace fs = std::filesystem;
using exercise::Lang;

// exercise.json of EXERCISE, or empty when there is none.
std::string ExerciseFile(const ExerciseCommandOptions& options) {
  std::error_code ec;
  fs::path given(options.exercise);
  if (fs::is_directory(given, ec)) return (given / "exercise.json").string();
  if (fs::is_regular_file(given, ec)) return given.string();
  fs::path named = fs::path(options.exercises_dir) / options.exercise;
  if (options.exercise.find('/') == std::string::npos && fs::is_directory(named, ec)) {
    return (named / "exercise.json").string();
  }
  return "";
}

// Reads one exercise file; problems go to `err` (exit 2).
std::optional<exercise::Exercise> Load(const std::string& path, const ExerciseCommandOptions& options,
                                       Lang lang, SourceManager& sources, std::ostream& err) {
  const exercise::Messages& msg = exercise::MessagesFor(lang);
  std::string bytes, error;
  if (!lint::ReadInput(path, options.max_input_bytes, &bytes, &error)) {
    err << "iamlint: "
        << exercise::Format(msg.cannot_read, {lint::SanitizeForTerminal(path), error}) << "\n";
    return std::nullopt;
  }
  SourceId id = sources.AddBuffer(path, std::move(bytes));
  DiagnosticSink sink;
  JsonReadOptions json;
  json.max_bytes = options.max_input_bytes;
  auto ex = exercise::ReadExercise(sources, id, Catalog::BuiltIn(), sink, json);
  if (!ex) {
    std::vector<Diagnostic> problems = sink.Take();
    lint::SortDiagnostics(sources, &problems);
    auto reporter = lint::MakeTextReporter(err);
    for (const Diagnostic& d : problems) reporter->Report(sources, d);
    err << "iamlint: "
        << exercise::Format(msg.malformed,
                            {lint::SanitizeForTerminal(path), std::to_string(problems.size())})
        << "\n";
  }
  return ex;
}

// Display width: CJK characters (three UTF-8 bytes here) take two columns.
size_t Width(std::string_view text) {
  size_t width = 0;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    width += len >= 3 ? 2 : 1;
    i += len;
  }
  return width;
}

ExitCode RunList(const ExerciseCommandOptions& options, Lang lang, std::ostream& out,
                 std::ostream& err) {
  const exercise::Messages& msg = exercise::MessagesFor(lang);
  std::error_code ec;
  std::vector<std::string> folders;
  for (fs::directory_iterator it(options.exercises_dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    if (it->is_directory(ec) && fs::is_regular_file(it->path() / "exercise.json", ec)) {
      folders.push_back(it->path().string());
    }
  }
  if (ec && folders.empty()) {
    err << "iamlint: "
        << exercise::Format(msg.cannot_read,
                            {lint::SanitizeForTerminal(options.exercises_dir), ec.message()})
        << "\n";
    return ExitCode::kUsage;
  }
  std::sort(folders.begin(), folders.end());
  SourceManager sources;
  std::vector<exercise::Exercise> loaded;
  bool malformed = false;
  for (const std::string& folder : folders) {
    auto ex = Load((fs::path(folder) / "exercise.json").string(), options, lang, sources, err);
    if (ex) {
      loaded.push_back(std::move(*ex));
    } else {
      malformed = true;
    }
  }
  size_t id_width = 0;
  for (const auto& ex : loaded) id_width = std::max(id_width, Width(ex.id));
  for (const auto& ex : loaded) {
    std::string kind(exercise::ExerciseKindName(ex.kind));
    out << ex.id << std::string(id_width - Width(ex.id) + 2, ' ') << kind
        << std::string(10 - kind.size(), ' ') << ex.title.In(lang) << "\n";
  }
  out << exercise::Format(msg.list_count, {std::to_string(loaded.size())}) << "\n";
  return malformed ? ExitCode::kUsage : ExitCode::kOk;
}

ExitCode RunCheck(const ExerciseCommandOptions& options, Lang lang, std::ostream& out,
                  std::ostream& err) {
  const exercise::Messages& msg = exercise::MessagesFor(lang);
  std::string path = ExerciseFile(options);
  if (path.empty()) {
    err << "iamlint: "
        << exercise::Format(msg.no_exercise, {lint::SanitizeForTerminal(options.exercise),
                                              lint::SanitizeForTerminal(options.exercises_dir)})
        << "\n";
    return ExitCode::kUsage;
  }
  SourceManager sources;
  auto ex = Load(path, options, lang, sources, err);
  if (!ex) return ExitCode::kUsage;
  std::string bytes, error;
  if (!lint::ReadInput(options.policy, options.max_input_bytes, &bytes, &error)) {
    err << "iamlint: "
        << exercise::Format(msg.cannot_read, {lint::SanitizeForTerminal(options.policy), error})
        << "\n";
    return ExitCode::kUsage;
  }
  SourceId policy = sources.AddBuffer(options.policy == "-" ? lint::kStdinName : options.policy,
                                      std::move(bytes));
  exercise::CheckResult result = exercise::CheckExercise(*ex, policy, sources, Catalog::BuiltIn());
  if (options.format == "json") {
    out << exercise::RenderJson(result, sources, lang);
  } else {
    out << exercise::RenderText(result, sources, lang);
  }
  return result.pass ? ExitCode::kOk : ExitCode::kFindings;
}

}  // namespace

CLI::App* AddExerciseCommand(CLI::App& app, ExerciseCommandOptions& options) {
  CLI::App* command = app.add_subcommand(
      "exercise",
      "Training exercises on minimal permissions: list them, or check a policy against one\n"
      "\n"
      "Examples:\n"
      "  iamlint exercise list --lang ja\n"
      "  iamlint exercise check 01-list-buckets samples/exercises/01-list-buckets/solution.json\n"
      "  iamlint exercise check samples/exercises/04-mfa-delete \\\n"
      "      samples/policies/identity/ec2-s3-list-buckets.json --lang ja  # exits 1: fails\n"
      "\n"
      "Exit codes: 0 pass, 1 fail, 2 usage error, unreadable input or malformed exercise.");
  command->require_subcommand(1, 1);
  CLI::App* list = command->add_subcommand("list", "List the exercises");
  list->add_option("--lang", options.lang, "Language of the texts")
      ->check(CLI::IsMember({"en", "ja"}))
      ->capture_default_str();
  list->add_option("--exercises", options.exercises_dir, "Folder of exercises")
      ->capture_default_str();
  list->callback([&options] { options.action = "list"; });
  CLI::App* check = command->add_subcommand("check", "Check a policy against an exercise");
  check->add_option("exercise", options.exercise,
                    "Exercise folder, its exercise.json, or a folder name under --exercises")
      ->required();
  check->add_option("policy", options.policy, "The policy to check (JSON), or -")->required();
  check->add_option("--lang", options.lang, "Language of the report")
      ->check(CLI::IsMember({"en", "ja"}))
      ->capture_default_str();
  check->add_option("--format", options.format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  check->add_option("--exercises", options.exercises_dir, "Folder of exercises")
      ->capture_default_str();
  check->callback([&options] { options.action = "check"; });
  return command;
}

ExitCode RunExerciseCommand(const ExerciseCommandOptions& options, std::ostream& out,
                            std::ostream& err) {
  Lang lang = exercise::ParseLang(options.lang).value_or(Lang::kEn);
  if (options.action == "list") return RunList(options, lang, out, err);
  if (options.action == "check") return RunCheck(options, lang, out, err);
  err << "iamlint: exercise needs `list` or `check`\n";
  return ExitCode::kUsage;
}

}  // namespace iamlint::cli

#include "lint/config/config.h"

#include <yaml-cpp/yaml.h>

#include <set>

#include "engine/base/suggest.h"
#include "lint/registry.h"

namespace iamlint::lint {

namespace {

// Thrown only inside this file and caught in ParseConfig.
struct ConfigError {
  YAML::Mark mark;
  std::string message;
};

[[noreturn]] void Fail(const YAML::Node& node, std::string message) {
  throw ConfigError{node.Mark(), std::move(message)};
}

std::string Scalar(const YAML::Node& node, std::string_view what) {
  if (!node.IsScalar()) Fail(node, std::string(what) + " must be a string");
  return node.Scalar();
}

std::string CheckId(const YAML::Node& node) {
  std::string id = Scalar(node, "a check id");
  if (FindRule(id) == nullptr) {
    std::string message = "unknown check " + Quote(id);
    std::string guess = ClosestMatch(id, AllRuleIds());
    if (!guess.empty()) message += "; did you mean `" + guess + "`?";
    Fail(node, message);
  }
  return id;
}

std::vector<std::string> IdList(const YAML::Node& node, std::string_view key) {
  std::vector<std::string> ids;
  if (node.IsScalar()) {
    ids.push_back(CheckId(node));
  } else if (node.IsSequence()) {
    for (const YAML::Node& item : node) ids.push_back(CheckId(item));
  } else {
    Fail(node, "`" + std::string(key) + "` must be a list of check ids");
  }
  return ids;
}

Severity SeverityOf(const YAML::Node& node) {
  std::optional<Severity> s = ParseSeverity(Scalar(node, "a severity"));
  if (!s) Fail(node, "invalid severity " + Quote(node.Scalar()) + ": expected error, warning or info");
  return *s;
}

Span SpanOf(SourceId id, const YAML::Node& node) {
  YAML::Mark mark = node.Mark();
  if (mark.pos < 0) return Span{};
  uint32_t begin = static_cast<uint32_t>(mark.pos);
  uint32_t size = node.IsScalar() ? static_cast<uint32_t>(node.Scalar().size()) : 1;
  return Span{id, begin, begin + size};
}

void Parse(const YAML::Node& root, SourceId id, Config* config) {
  if (root.IsNull()) return;  // an empty file
  if (!root.IsMap()) Fail(root, "the config must be a mapping of settings");
  static const std::vector<std::string_view> kKeys = {"fail-on", "enable", "disable",
                                                      "severity", "policy-type", "suppressions"};
  for (const auto& entry : root) {
    std::string key = Scalar(entry.first, "a setting name");
    const YAML::Node& value = entry.second;
    if (key == "fail-on") {
      std::string v = Scalar(value, "`fail-on`");
      if (v != "never" && !ParseSeverity(v)) {
        Fail(value, "invalid `fail-on` " + Quote(v) + ": expected error, warning, info or never");
      }
      config->fail_on = v;
    } else if (key == "enable") {
      config->enable = IdList(value, key);
    } else if (key == "disable") {
      config->disable = IdList(value, key);
    } else if (key == "severity") {
      if (!value.IsMap()) Fail(value, "`severity` must map check ids to severities");
      for (const auto& s : value) config->severity[CheckId(s.first)] = SeverityOf(s.second);
    } else if (key == "policy-type") {
      if (!value.IsMap()) Fail(value, "`policy-type` must map path globs to policy kinds");
      for (const auto& k : value) {
        std::string kind = Scalar(k.second, "a policy kind");
        std::optional<PolicyKind> parsed = ParsePolicyKind(kind);
        if (!parsed) {
          Fail(k.second, "invalid policy kind " + Quote(kind) +
                             ": expected identity, resource, trust, boundary, session, scp or rcp");
        }
        config->kind_rules.push_back({Scalar(k.first, "a path glob"), *parsed});
      }
    } else if (key == "suppressions") {
      if (!value.IsSequence()) Fail(value, "`suppressions` must be a list");
      for (const YAML::Node& item : value) {
        if (!item.IsMap()) Fail(item, "a suppression must be a mapping with `check` and `reason`");
        Suppression s;
        bool has_check = false, has_reason = false;
        for (const auto& field : item) {
          std::string name = Scalar(field.first, "a suppression field");
          if (name == "check") {
            s.check = CheckId(field.second);
            s.span = SpanOf(id, field.second);
            has_check = true;
          } else if (name == "path") {
            s.path = Scalar(field.second, "`path`");
          } else if (name == "sid") {
            s.sid = Scalar(field.second, "`sid`");
          } else if (name == "reason") {
            s.reason = Scalar(field.second, "`reason`");
            has_reason = !s.reason.empty();
          } else {
            Fail(field.first, "unknown suppression field " + Quote(name) +
                                  ": expected check, path, sid or reason");
          }
        }
        if (!has_check) Fail(item, "a suppression needs `check`");
        if (!has_reason) Fail(item, "suppression of " + Quote(s.check) + " needs a `reason`");
        config->suppressions.push_back(std::move(s));
      }
    } else {
      std::vector<std::string_view> keys(kKeys.begin(), kKeys.end());
      std::string guess = ClosestMatch(key, keys);
      Fail(entry.first, "unknown setting " + Quote(key) +
                            (guess.empty() ? "" : "; did you mean `" + guess + "`?"));
    }
  }
}

}  // namespace

std::filesystem::path FindConfigFile(const std::filesystem::path& start) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec);
  if (ec) return {};
  while (true) {
    fs::path candidate = dir / kConfigFileName;
    if (fs::is_regular_file(candidate, ec)) return candidate;
    if (!dir.has_parent_path() || dir.parent_path() == dir) return {};
    dir = dir.parent_path();
  }
}

bool ParseConfig(const SourceManager& sources, SourceId id, Config* config, std::string* error) {
  std::string name(sources.name(id));
  try {
    YAML::Node root = YAML::Load(std::string(sources.text(id)));
    Parse(root, id, config);
    return true;
  } catch (const ConfigError& e) {
    *error = name + ":" + std::to_string(e.mark.line + 1) + ":" + std::to_string(e.mark.column + 1) +
             ": " + e.message;
  } catch (const YAML::Exception& e) {
    *error = name + ":" + std::to_string(e.mark.line + 1) + ":" + std::to_string(e.mark.column + 1) +
             ": invalid YAML: " + e.msg;
  }
  return false;
}

void ApplyConfig(const Config& config, LintOptions* options) {
  if (config.fail_on) {
    if (*config.fail_on == "never") {
      options->fail_on.reset();
    } else {
      options->fail_on = ParseSeverity(*config.fail_on);
    }
  }
  for (const std::string& id : config.enable) options->enable.insert(id);
  for (const std::string& id : config.disable) options->disable.insert(id);
  for (const auto& [id, severity] : config.severity) options->severity[id] = severity;
  options->kind_rules.insert(options->kind_rules.end(), config.kind_rules.begin(),
                             config.kind_rules.end());
  options->suppressions.insert(options->suppressions.end(), config.suppressions.begin(),
                               config.suppressions.end());
}

}  // namespace iamlint::lint

#include "lint/exercise/messages.h"

namespace iamlint::exercise {

namespace {

constexpr Messages kEnglish = {
    .exercise = "Exercise {}: {}",
    .task = "Task: {}",
    .policy = "Policy: {} ({} policy)",
    .requirements = "Requirements: {} of {} passed",
    .pass = "PASS",
    .fail = "FAIL",
    .must_allow = "must allow",
    .must_deny = "must deny",
    .request = "{} on {}",
    .statement = "statement `{}` at {}",
    .given_statement = "given policy statement `{}` at {}",
    .allowed_by = "allowed by {}",
    .denied_by = "denied by {}",
    .allowed_must_deny = "allowed by {}, but it must be denied",
    .not_allowed = "not allowed: no statement allows it",
    .denied_no_allow = "denied: no statement allows it",
    .does_not_apply = "{} does not apply ({}: {})",
    .policy_unreadable = "not evaluated: the policy could not be read",
    .over_none = "Over-grant: none (the policy allows no action beyond the task)",
    .over_count = "Over-grant: {} actions beyond the {} the task needs",
    .by_service = "by service and access level:",
    .more_services = "... and {} more services ({} actions)",
    .riskiest = "riskiest:",
    .also_all = "also allows {} on every resource",
    .also_plain = "also allows {}",
    .also_some = "also allows {} on {}",
    .also_conditional = "also allows {} {}",
    .lint = "Lint: {} errors, {} warnings, {} infos",
    .score = "Score: {}/100 (requirements {}/70, least privilege {}/20, lint {}/10)",
    .hints = "Hints:",
    .result_pass = "Result: PASS",
    .result_fail = "Result: FAIL",
    .list_count = "{} exercises",
    .cannot_read = "cannot read {}: {}",
    .no_exercise = "no exercise `{}` in {}",
    .malformed = "{}: the exercise is malformed ({} problems)",
    .list_separator = ", ",
    .service_row = "{}: {} ({})",
};

constexpr Messages kJapanese = {
    .exercise = "演習 {}: {}",
    .task = "課題: {}",
    .policy = "ポリシー: {}（{}ポリシー）",
    .requirements = "要件: {1} 件中 {0} 件に合格しました",
    .pass = "合格",
    .fail = "不合格",
    .must_allow = "許可すべき",
    .must_deny = "拒否すべき",
    .request = "{1} に対する {0}",
    .statement = "{1} のステートメント `{0}`",
    .given_statement = "既存ポリシー {1} のステートメント `{0}`",
    .allowed_by = "{} で許可されます",
    .denied_by = "{} で拒否されます",
    .allowed_must_deny = "{} で許可されますが、拒否されなければなりません",
    .not_allowed = "許可されません: 許可するステートメントがありません",
    .denied_no_allow = "拒否されます: 許可するステートメントがありません",
    .does_not_apply = "{} は適用されません（{}: {}）",
    .policy_unreadable = "評価していません: ポリシーを読み取れませんでした",
    .over_none = "過剰な許可: ありません（課題に必要な範囲を超えるアクションは許可されていません）",
    .over_count = "過剰な許可: 課題に必要な {1} 個のほかに {0} 個のアクションを許可しています",
    .by_service = "サービス別・アクセスレベル別:",
    .more_services = "…ほか {} サービス（{} アクション）",
    .riskiest = "特に危険なもの:",
    .also_all = "{} をすべてのリソースに対して許可しています",
    .also_plain = "{} も許可しています",
    .also_some = "{} を {} に対して許可しています",
    .also_conditional = "{} を条件付きで許可しています（{}）",
    .lint = "リント: エラー {} 件、警告 {} 件、情報 {} 件",
    .score = "スコア: {}/100（要件 {}/70、最小権限 {}/20、リント {}/10）",
    .hints = "ヒント:",
    .result_pass = "結果: 合格",
    .result_fail = "結果: 不合格",
    .list_count = "演習は {} 件です",
    .cannot_read = "{} を読み取れません: {}",
    .no_exercise = "演習 `{}` が {} に見つかりません",
    .malformed = "{}: 演習ファイルに {1} 件の問題があります",
    .list_separator = "、",
    .service_row = "{}: {}（{}）",
};

}  // namespace

const Messages& MessagesFor(Lang lang) { return lang == Lang::kJa ? kJapanese : kEnglish; }

// `{}` takes the next argument; `{N}` takes argument N (word order differs
// between the languages).
std::string Format(std::string_view pattern, std::initializer_list<std::string_view> args) {
  std::string out;
  size_t next = 0;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{') {
      size_t close = pattern.find('}', i);
      if (close != std::string_view::npos) {
        std::string_view inside = pattern.substr(i + 1, close - i - 1);
        size_t index = next;
        bool ok = true;
        if (!inside.empty()) {
          index = 0;
          for (char c : inside) {
            if (c < '0' || c > '9') ok = false;
            index = index * 10 + static_cast<size_t>(c - '0');
          }
        }
        if (ok) {
          if (index < args.size()) out += *(args.begin() + index);
          if (inside.empty()) ++next;
          i = close;
          continue;
        }
      }
    }
    out += pattern[i];
  }
  return out;
}

std::string_view KindWord(PolicyKind kind, Lang lang) {
  bool ja = lang == Lang::kJa;
  switch (kind) {
    case PolicyKind::kResource:
      return ja ? "リソースベースの" : "resource-based";
    case PolicyKind::kTrust:
      return ja ? "信頼" : "trust";
    default:
      return ja ? "アイデンティティベースの" : "identity-based";
  }
}

std::string_view LevelWord(AccessLevel level, Lang lang) {
  bool ja = lang == Lang::kJa;
  switch (level) {
    case AccessLevel::kList:
      return ja ? "リスト" : "list";
    case AccessLevel::kRead:
      return ja ? "読み取り" : "read";
    case AccessLevel::kWrite:
      return ja ? "書き込み" : "write";
    case AccessLevel::kPermissionsManagement:
      return ja ? "アクセス許可の管理" : "permissions management";
    case AccessLevel::kTagging:
      return ja ? "タグ付け" : "tagging";
  }
  return "";
}

std::string_view MissWord(MissReason reason, Lang lang) {
  if (lang == Lang::kEn) return MissReasonName(reason);
  switch (reason) {
    case MissReason::kAction:
      return "アクション";
    case MissReason::kResource:
      return "リソース";
    case MissReason::kPrincipal:
      return "プリンシパル";
    case MissReason::kCondition:
      return "条件";
    case MissReason::kInvalid:
      return "無効";
    case MissReason::kPolicy:
      return "ポリシー";
    case MissReason::kNone:
      break;
  }
  return "";
}

std::string_view SeverityWord(Severity severity, Lang lang) {
  if (lang == Lang::kEn) return SeverityName(severity);
  switch (severity) {
    case Severity::kError:
      return "エラー";
    case Severity::kWarning:
      return "警告";
    case Severity::kInfo:
      return "情報";
  }
  return "";
}

std::optional<Lang> ParseLang(std::string_view text) {
  if (text == "en") return Lang::kEn;
  if (text == "ja") return Lang::kJa;
  return std::nullopt;
}

}  // namespace iamlint::exercise

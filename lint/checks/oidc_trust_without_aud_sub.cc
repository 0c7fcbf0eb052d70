// oidc-trust-without-aud-sub: an OIDC trust policy does not check aud and sub.
#include "lint/checks/evaluated.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace iamlint::lint {
namespace {

constexpr std::string_view kDoc =
    "What: a role trusted by an OIDC provider (GitHub Actions, GitLab, EKS, Google, Cognito...) for `sts:AssumeRoleWithWebIdentity` without conditions on the token's `aud` and `sub` claims.\n"
    "Why: without `sub`, every repository or workload of the provider (for GitHub: every repository on github.com) can assume the role.\n"
    "How to fix: add `StringEquals` on `<provider>:aud` and `StringEquals`/`StringLike` on `<provider>:sub` naming your repository, branch or service account.\n"
    "Bad:\n  \"Principal\": {\"Federated\": \"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com\"}, \"Action\": \"sts:AssumeRoleWithWebIdentity\"\n"
    "Good:\n  the same with \"Condition\": {\"StringEquals\": {\"token.actions.githubusercontent.com:aud\": \"sts.amazonaws.com\", \"token.actions.githubusercontent.com:sub\": \"repo:org/app:ref:refs/heads/main\"}}";

class OidcTrustWithoutAudSub final : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo kInfo{"oidc-trust-without-aud-sub", Severity::kError, "an OIDC trust policy does not check aud and sub", kDoc};
    return kInfo;
  }

  void Run(const CheckContext& ctx, const PolicyDocument& policy,
           DiagnosticSink& sink) const override {
    if (ctx.kind != PolicyKind::kTrust) return;
    for (const Statement& st : policy.statements) {
      if (!st.effect || st.effect->value != Effect::kAllow || !st.principal ||
          st.principal->negated) {
        continue;
      }
      for (const PrincipalEntry& e : st.principal->entries) {
        if (e.type != PrincipalType::kFederated) continue;
        const std::string& v = e.value.value;
        if (v.find("saml-provider/") != std::string::npos) continue;
        size_t slash = v.find("oidc-provider/");
        std::string provider = slash != std::string::npos ? v.substr(slash + 14) : v;
        if (provider.empty() || provider.find('.') == std::string::npos) continue;
        for (char& ch : provider) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        bool aud = false, sub = false;
        for (const ConditionEntry& c : st.conditions) {
          std::string k = c.key.value;
          for (char& ch : k) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
          if (!k.starts_with(provider + ":")) continue;
          std::string claim = k.substr(provider.size() + 1);
          aud = aud || claim == "aud" || claim == "azp";
          sub = sub || claim == "sub" || claim == "amr" || claim == "oaud";
        }
        if (aud && sub) continue;
        std::string missing = !aud && !sub ? "`aud` and `sub`" : !aud ? "`aud`" : "`sub`";
        Report(sink, e.value.span,
               "OIDC trust of " + Quote(provider) + " without a condition on " + missing +
                   (sub ? "" : ": every identity the provider issues tokens for can assume this role"),
               {"add a condition on `" + provider + ":sub` naming the repository, branch or "
                "service account"});
      }
    }
  }
};

}  // namespace

const Check& OidcTrustWithoutAudSubCheck() {
  static const OidcTrustWithoutAudSub kCheck;
  return kCheck;
}

}  // namespace iamlint::lint

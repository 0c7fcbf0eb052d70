#include "lint/report/access_html.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "engine/source/source_manager.h"

namespace iamlint::lint {

namespace {

constexpr std::array<AccessLevel, kAccessLevelCount> kLevels = {
    AccessLevel::kList, AccessLevel::kRead, AccessLevel::kWrite, AccessLevel::kPermissionsManagement,
    AccessLevel::kTagging};

constexpr char kHex[] = "0123456789ABCDEF";

constexpr std::string_view kStyle = R"(
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2em auto;max-width:72em;padding:0 1em;color:#1e293b;background:#fff}
h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.3em;margin:0 0 .4em}h3{font-size:1.05em;margin:1.2em 0 .4em}
code{font:12.5px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f1f5f9;padding:0 .2em;border-radius:3px;overflow-wrap:anywhere}
.meta{color:#475569;margin-top:0}
section.principal{border:1px solid #cbd5e1;border-radius:6px;padding:1em 1.2em;margin:1.5em 0}
details>summary{cursor:pointer;color:#334155}
dl.facts{display:grid;grid-template-columns:max-content auto;gap:.15em 1em;margin:.4em 0}
dl.facts dt{color:#475569}dl.facts dd{margin:0}
table{border-collapse:collapse}
th,td{border:1px solid #cbd5e1;padding:.25em .6em;text-align:left;vertical-align:top}
thead th{background:#f8fafc}
table.heatmap td{text-align:center;min-width:6em;font-variant-numeric:tabular-nums}
table.heatmap th[scope=row]{font-weight:normal}
.c-all{background:#b91c1c;color:#fff}
.c-some{background:#f97316;color:#111}
.c-conditional{background:#fde047;color:#111}
.c-none{background:#f1f5f9;color:#64748b}
.c-na{background:#fff;color:#cbd5e1}
.legend span.swatch{display:inline-block;padding:0 .6em;margin-right:.6em;border:1px solid #cbd5e1;border-radius:3px}
ol.verdicts{padding-left:1.4em}ol.verdicts>li{margin:.35em 0}
.cat{display:inline-block;font-size:.8em;padding:0 .5em;border-radius:3px;background:#e2e8f0;color:#334155;margin-right:.4em}
.reach{font-size:.8em;padding:0 .4em;border-radius:3px;margin-left:.3em}
.reach-always{background:#b91c1c;color:#fff}.reach-conditional{background:#fde047}.reach-not-by-key{background:#e2e8f0}.reach-never{background:#f1f5f9}
ul.cites{margin:.15em 0 .2em;padding-left:1.2em;color:#334155}
.warn{color:#b45309}
.admin{color:#b91c1c;font-weight:600}
table.ranking td.num{text-align:right;font-variant-numeric:tabular-nums}
)";

std::string Esc(std::string_view text) { return HtmlEscape(text); }

// "samples/accounts/story.json:13:34".
std::string Location(const SourceManager& sources, const Span& span) {
  if (!span.valid()) return "";
  LineColumn at = sources.Begin(span);
  return std::string(sources.name(sources.Origin(span.source))) + ":" + std::to_string(at.line) + ":" +
         std::to_string(at.column);
}

std::string Code(std::string_view text) { return "<code>" + Esc(text) + "</code>"; }

std::string PolicyLabel(const ReachPolicyCache& cache, const GatheredPolicy& p,
                        std::span<const ExternalPolicy> external) {
  std::string label(ReachViaName(p.via));
  if (p.found != kNoIndex && p.found < cache.inventory().policies.size()) {
    const FoundPolicy& f = cache.inventory().policies[p.found];
    if (f.aws_managed) label = "AWS managed policy";
    if (!f.name.empty()) label += " " + Code(f.name);
  } else if (p.external != kNoIndex && p.external < external.size()) {
    label += " " + Code(external[p.external].name);
  }
  if (!p.group.empty()) label += " of group " + Code(p.group);
  return label;
}

// "<code>story.json:13:34</code> (AWS managed policy <code>AdministratorAccess</code>)",
// "<code>story.json:35:29</code> (inline policy <code>read-reports</code>, statement <code>ReadReports</code>)".
std::string Cite(const ReachPolicyCache& cache, const GatheredPolicies& gathered, const StatementLoc& loc,
                 std::span<const ExternalPolicy> external) {
  if (loc.policy >= gathered.policies.size()) return "";
  const GatheredPolicy& p = gathered.policies[loc.policy];
  const SourceManager& sources = cache.sources();
  std::string label = PolicyLabel(cache, p, external);
  if (p.found != kNoIndex && p.found < cache.inventory().policies.size() &&
      cache.inventory().policies[p.found].aws_managed && p.attachment.valid()) {
    return Code(Location(sources, p.attachment)) + " (" + label + ")";
  }
  if (p.document == nullptr) return "(" + label + ")";
  Span span = p.document->span;
  if (loc.statement < p.document->statements.size()) {
    const Statement& s = p.document->statements[loc.statement];
    span = s.action && s.action->key_span.valid() ? s.action->key_span : s.span;
    label += s.sid && !s.sid->value.empty() ? ", statement " + Code(s.sid->value)
                                            : ", statement #" + std::to_string(s.index + 1);
  }
  std::string where = Location(sources, span);
  return (where.empty() ? "" : Code(where) + " ") + "(" + label + ")";
}

struct CellClass {
  std::string_view name;  // all, some, conditional, none, na
  std::string text;
  std::string title;
};

CellClass Classify(const ReachCell& c) {
  CellClass out;
  if (c.total == 0) {
    out.name = "na";
    out.text = "&ndash;";
    out.title = "no actions at this level";
    return out;
  }
  if (c.all == c.total) {
    out.name = "all";
  } else if (c.all + c.some > 0) {
    out.name = "some";
  } else if (c.conditional > 0) {
    out.name = "conditional";
  } else {
    out.name = "none";
  }
  out.text = std::to_string(c.reached()) + "/" + std::to_string(c.total);
  if (c.reached() == 0 && c.not_by_key > 0) out.text += " (" + std::to_string(c.not_by_key) + " not by key)";
  out.title = std::to_string(c.all) + " on every resource, " + std::to_string(c.some) + " on some resources, " +
              std::to_string(c.conditional) + " conditional, " + std::to_string(c.not_by_key) +
              " not by a leaked key, of " + std::to_string(c.total) + " actions";
  return out;
}

std::string_view KeyText(Tristate t) {
  switch (t) {
    case Tristate::kYes: return "active access key";
    case Tristate::kNo: return "no active access key";
    case Tristate::kUnknown: break;
  }
  return "access key unknown (no credential report)";
}

std::string Subject(const Entity& entity, bool leaked_key) {
  if (entity.type == EntityType::kUser && leaked_key) return "a leaked access key of " + Code(entity.name);
  return std::string(EntityTypeName(entity.type)) + " " + Code(entity.name);
}

class Page {
 public:
  Page(std::ostream& out, const Catalog& catalog, ReachPolicyCache& cache, const AccessHtmlOptions& options)
      : out_(out), catalog_(catalog), cache_(cache), options_(options) {}

  void Write(std::span<const AccessHtmlPrincipal> principals) {
    std::string title = options_.title;
    if (title.empty()) {
      title = "iamlint access";
      const SourceManager& sources = cache_.sources();
      const Inventory& inventory = cache_.inventory();
      if (!inventory.entities.empty() && inventory.entities[0].span.valid()) {
        title += ": " + std::string(sources.name(sources.Origin(inventory.entities[0].span.source)));
      } else if (sources.size() > 0) {
        title += ": " + std::string(sources.name(0));
      }
    }
    out_ << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            "<meta name=\"generator\" content=\"iamlint\">\n<title>"
         << Esc(title) << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n<h1>" << Esc(title)
         << "</h1>\n";
    const Inventory& inventory = cache_.inventory();
    out_ << "<p class=\"meta\">" << principals.size() << (principals.size() == 1 ? " principal" : " principals");
    if (!inventory.account_id.empty()) out_ << " &middot; account " << Code(inventory.account_id);
    out_ << " &middot; catalog " << Esc(catalog_.info().package) << "@" << Esc(catalog_.info().version)
         << "</p>\n";
    Legend();
    bool ranking = std::any_of(principals.begin(), principals.end(),
                               [](const AccessHtmlPrincipal& p) { return p.ranked; });
    if (ranking) Ranking(principals);
    for (size_t i = 0; i < principals.size(); ++i) Principal(principals[i], i, ranking);
    out_ << "</body>\n</html>\n";
  }

 private:
  void Legend() {
    out_ << "<p class=\"legend\">Heat map: "
            "<span class=\"swatch c-all\">all</span>every action, always, on every resource "
            "<span class=\"swatch c-some\">some</span>some actions or some resources "
            "<span class=\"swatch c-conditional\">conditional</span>only under open conditions "
            "<span class=\"swatch c-none\">none</span>nothing "
            "<span class=\"swatch c-na\">&ndash;</span>no such actions</p>\n";
  }

  const Entity* EntityOf(const PrincipalReach& reach) const {
    const Inventory& inventory = cache_.inventory();
    return reach.entity < inventory.entities.size() ? &inventory.entities[reach.entity] : nullptr;
  }

  std::string AlternativeText(const RoleAlternative& alt) const {
    const Inventory& inventory = cache_.inventory();
    std::string role = alt.role < inventory.entities.size() ? inventory.entities[alt.role].name : "?";
    std::string text = "role " + Code(role) + " (" + Esc(RoleTrustName(alt.trust));
    if (!alt.trusted.empty()) text += ": " + Code(alt.trusted);
    text += "), reaches " + std::to_string(alt.shared_services) + " of the user's " +
            std::to_string(alt.user_services) + " (service, access level) pairs";
    return text;
  }

  void Ranking(std::span<const AccessHtmlPrincipal> principals) {
    out_ << "<h2>Ranking</h2>\n<table class=\"ranking\">\n<thead><tr><th>#</th><th>principal</th><th>type</th>"
            "<th>access key</th><th>score</th><th>verdicts</th><th>actions always</th>"
            "<th>role-based alternative</th></tr></thead>\n<tbody>\n";
    for (size_t i = 0; i < principals.size(); ++i) {
      const AccessHtmlPrincipal& p = principals[i];
      if (p.reach == nullptr) continue;
      const Entity* e = EntityOf(*p.reach);
      if (e == nullptr) continue;
      out_ << "<tr><td class=\"num\">" << (p.rank ? p.rank : i + 1) << "</td><td><a href=\"#p-" << i << "\">"
           << Esc(e->name) << "</a>" << (p.reach->full_admin ? " <span class=\"admin\">full admin</span>" : "")
           << "</td><td>" << Esc(EntityTypeName(e->type)) << "</td><td>"
           << (e->type == EntityType::kUser ? (p.active_key ? "active" : "none") : "&ndash;")
           << "</td><td class=\"num\">" << p.reach->score << "</td><td class=\"num\">" << p.reach->verdicts.size()
           << "</td><td class=\"num\">" << p.reach->always << "</td><td>"
           << (p.alternative != nullptr ? AlternativeText(*p.alternative) : "") << "</td></tr>\n";
    }
    out_ << "</tbody>\n</table>\n";
  }

  void Principal(const AccessHtmlPrincipal& p, size_t index, bool ranking) {
    if (p.reach == nullptr) return;
    const PrincipalReach& reach = *p.reach;
    const Entity* entity = EntityOf(reach);
    if (entity == nullptr) return;
    std::optional<GatheredPolicies> regathered;
    const GatheredPolicies* gathered = p.gathered;
    if (gathered == nullptr) {
      regathered = GatherPrincipalPolicies(cache_, reach.entity, options_.external);
      gathered = &*regathered;
    }
    out_ << "<section class=\"principal\" id=\"p-" << index << "\" data-entity=\"" << reach.entity << "\">\n<h2>";
    if (ranking) out_ << "#" << (p.rank ? p.rank : index + 1) << " ";
    out_ << Esc(EntityTypeName(entity->type)) << " <code class=\"name\">" << Esc(entity->name) << "</code>";
    if (reach.full_admin) out_ << " <span class=\"admin\">full administrator</span>";
    out_ << "</h2>\n<dl class=\"facts\">\n";
    if (!entity->arn.empty()) out_ << "<dt>ARN</dt><dd>" << Code(entity->arn) << "</dd>\n";
    if (entity->span.valid()) {
      out_ << "<dt>declared at</dt><dd>" << Code(Location(cache_.sources(), entity->span)) << "</dd>\n";
    }
    if (entity->type == EntityType::kUser) {
      out_ << "<dt>credentials</dt><dd>" << KeyText(entity->access_key);
      if (!entity->access_key_last_used.empty()) out_ << ", last used " << Esc(entity->access_key_last_used);
      out_ << "</dd>\n";
    }
    out_ << "<dt>context</dt><dd>"
         << (reach.leaked_key ? "a request signed with a leaked long-lived access key: no MFA, not via an AWS "
                                "service, from any IP"
                              : "unknown (every condition key open)")
         << "</dd>\n";
    out_ << "<dt>actions</dt><dd>" << reach.always << " always, " << reach.conditional << " conditional";
    if (reach.leaked_key) out_ << ", " << reach.not_by_key << " granted but not by a leaked key";
    out_ << "</dd>\n";
    if (p.ranked && entity->type == EntityType::kUser) {
      out_ << "<dt>instead of a key</dt><dd>"
           << (p.alternative != nullptr ? AlternativeText(*p.alternative)
                                        : "no workload role of the account shares its services")
           << "</dd>\n";
    }
    out_ << "</dl>\n";
    for (const std::string& arn : gathered->unresolved) {
      out_ << "<p class=\"warn\">Managed policy " << Code(arn)
           << " is attached but neither in the input nor in the AWS managed policy library: reach may be "
              "larger.</p>\n";
    }
    for (const std::string& group : gathered->missing_groups) {
      out_ << "<p class=\"warn\">Group " << Code(group) << " is not in the input: reach may be larger.</p>\n";
    }
    Verdicts(*entity, reach, *gathered, p.ranked);
    Heatmap(reach);
    Policies(*gathered);
    out_ << "</section>\n";
  }

  void Verdicts(const Entity& entity, const PrincipalReach& reach, const GatheredPolicies& gathered,
                bool ranked) {
    out_ << "<h3>Verdicts</h3>\n";
    if (reach.verdicts.empty()) {
      out_ << "<p class=\"verdicts-none\">No risky action or escalation recipe is reachable.</p>\n";
      return;
    }
    const std::string subject = Subject(entity, reach.leaked_key);
    // A line of counts per category, then the list (folded in a ranking
    // when long: <details> needs no script).
    std::array<size_t, kRiskCategoryCount> per_category{};
    for (const ReachVerdict& v : reach.verdicts) ++per_category[static_cast<size_t>(v.category)];
    out_ << "<p class=\"verdict-summary\">";
    bool first = true;
    for (size_t c = 0; c < kRiskCategoryCount; ++c) {
      if (per_category[c] == 0) continue;
      out_ << (first ? "" : " &middot; ") << "<span class=\"cat\">"
           << Esc(RiskCategoryId(static_cast<RiskCategory>(c))) << "</span>" << per_category[c];
      first = false;
    }
    out_ << "</p>\n<details class=\"verdicts\"" << (!ranked || reach.verdicts.size() <= 10 ? " open" : "")
         << "><summary>" << reach.verdicts.size() << (reach.verdicts.size() == 1 ? " verdict" : " verdicts")
         << "</summary>\n<ol class=\"verdicts\">\n";
    size_t shown = 0;
    for (const ReachVerdict& v : reach.verdicts) {
      if (options_.max_verdicts != 0 && shown == options_.max_verdicts) break;
      ++shown;
      std::string_view reach_name = ReachName(v.reach);
      out_ << "<li class=\"verdict\" data-reach=\"" << Esc(reach_name) << "\"><span class=\"cat\">"
           << Esc(RiskCategoryId(v.category)) << "</span>";
      if (v.reach == Reach::kNotByKey) {
        out_ << "not by a leaked key: " << Subject(entity, false) << " can " << Esc(v.consequence);
      } else {
        out_ << subject << " can " << Esc(v.consequence);
      }
      out_ << "<span class=\"reach reach-" << Esc(reach_name) << "\">" << Esc(reach_name) << "</span>";
      if (!v.recipe.empty()) out_ << " <span class=\"recipe\">recipe " << Code(v.recipe) << "</span>";
      out_ << "<br>actions: ";
      for (size_t i = 0; i < v.actions.size(); ++i) {
        out_ << (i ? ", " : "") << Code(catalog_.FullName(v.actions[i]));
      }
      if (!v.all_resources && !v.resources.empty()) {
        out_ << "; only on ";
        for (size_t i = 0; i < v.resources.size(); ++i) out_ << (i ? ", " : "") << Code(v.resources[i]);
      } else {
        out_ << "; on every resource";
      }
      if (!v.conditions.empty()) {
        std::vector<std::string> phrases;
        for (const GrantCondition& c : v.conditions) {
          std::string d = DescribeCondition(c);
          if (std::find(phrases.begin(), phrases.end(), d) == phrases.end()) phrases.push_back(std::move(d));
        }
        out_ << "; " << (v.reach == Reach::kNotByKey ? "needs " : "only ");
        for (size_t i = 0; i < phrases.size(); ++i) out_ << (i ? " and " : "") << Esc(phrases[i]);
      }
      if (!v.decisive.empty()) {
        out_ << "\n<ul class=\"cites\">";
        for (const StatementLoc& loc : v.decisive) {
          out_ << "<li>" << Cite(cache_, gathered, loc, options_.external) << "</li>";
        }
        out_ << "</ul>";
      }
      out_ << "</li>\n";
    }
    out_ << "</ol>\n</details>\n";
    if (shown < reach.verdicts.size()) {
      out_ << "<p class=\"more\">and " << reach.verdicts.size() - shown << " more verdicts.</p>\n";
    }
  }

  void Row(std::string_view header_html, const std::array<ReachCell, kAccessLevelCount>& cells) {
    out_ << header_html;
    for (AccessLevel level : kLevels) {
      CellClass c = Classify(cells[static_cast<size_t>(level)]);
      out_ << "<td class=\"c-" << c.name << "\" data-reach=\"" << c.name << "\" title=\"" << Esc(c.title)
           << "\">" << c.text << "</td>";
    }
    out_ << "</tr>\n";
  }

  // One row per service reached, after a first row that sums them; a full
  // administrator gets the sum over every service of the catalog only.
  void Heatmap(const PrincipalReach& reach) {
    out_ << "<h3>Service &times; access level</h3>\n";
    if (reach.services.empty()) {
      out_ << "<p class=\"heatmap-none\">No action of any service is allowed.</p>\n";
      return;
    }
    std::array<ReachCell, kAccessLevelCount> sum{};
    for (const ServiceReach& s : reach.services) {
      for (size_t l = 0; l < kAccessLevelCount; ++l) {
        sum[l].total += s.cells[l].total;
        sum[l].all += s.cells[l].all;
        sum[l].some += s.cells[l].some;
        sum[l].conditional += s.cells[l].conditional;
        sum[l].not_by_key += s.cells[l].not_by_key;
      }
    }
    out_ << "<table class=\"heatmap\">\n<thead><tr><th>service</th>";
    for (AccessLevel level : kLevels) out_ << "<th>" << Esc(AccessLevelName(level)) << "</th>";
    out_ << "</tr></thead>\n<tbody>\n";
    const size_t n = reach.services.size();
    Row("<tr class=\"sum\"><th scope=\"row\">" + std::string(reach.full_admin ? "every service" : "all") + " (" +
            std::to_string(n) + (n == 1 ? " service" : " services") + ")</th>",
        sum);
    size_t shown = 0;
    if (!reach.full_admin) {
      for (const ServiceReach& s : reach.services) {
        if (options_.max_services != 0 && shown == options_.max_services) break;
        ++shown;
        Row("<tr><th scope=\"row\" title=\"" + Esc(catalog_.service_name(s.service)) + "\">" +
                Esc(catalog_.service_prefix(s.service)) + "</th>",
            s.cells);
      }
    }
    out_ << "</tbody>\n</table>\n";
    if (reach.full_admin) {
      out_ << "<p class=\"more\">Full administrator: every action of every service, always, on every "
              "resource.</p>\n";
    } else if (shown < n) {
      out_ << "<p class=\"more\">and " << n - shown << " more services:";
      for (size_t i = shown; i < n; ++i) {
        out_ << (i == shown ? " " : ", ") << Code(catalog_.service_prefix(reach.services[i].service));
      }
      out_ << ".</p>\n";
    }
  }

  void Policies(const GatheredPolicies& gathered) {
    out_ << "<h3>Policies in effect</h3>\n<ul class=\"policies\">\n";
    for (const GatheredPolicy& p : gathered.policies) {
      out_ << "<li>" << PolicyLabel(cache_, p, options_.external);
      Span span;
      bool aws_managed = p.found != kNoIndex && p.found < cache_.inventory().policies.size() &&
                         cache_.inventory().policies[p.found].aws_managed;
      if (aws_managed && p.attachment.valid()) {
        span = p.attachment;
      } else if (p.document != nullptr) {
        span = p.document->span;
      }
      std::string where = Location(cache_.sources(), span);
      if (!where.empty()) out_ << (aws_managed ? ", attached at " : " at ") << Code(where);
      if (p.document != nullptr) {
        size_t n = p.document->statements.size();
        out_ << ", " << n << (n == 1 ? " statement" : " statements");
      }
      out_ << "</li>\n";
    }
    out_ << "</ul>\n";
  }

  std::ostream& out_;
  const Catalog& catalog_;
  ReachPolicyCache& cache_;
  const AccessHtmlOptions& options_;
};

}  // namespace

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  auto picture = [&](unsigned code) {  // U+2400 + code: the Control Pictures block
    out += "&#x24";
    out += kHex[(code >> 4) & 15];
    out += kHex[code & 15];
    out += ';';
  };
  size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default:
          if (c < 0x20) {
            picture(c);
          } else if (c == 0x7f) {
            picture(0x21);  // U+2421 SYMBOL FOR DELETE
          } else {
            out += static_cast<char>(c);
          }
      }
      ++i;
      continue;
    }
    // A UTF-8 sequence: its length and the valid range of its second byte
    // (no overlong forms, no surrogates, nothing past U+10FFFF).
    size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      if (c == 0xE0) low = 0xA0;
      if (c == 0xED) high = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      if (c == 0xF0) low = 0x90;
      if (c == 0xF4) high = 0x8F;
    }
    bool valid = length != 0 && i + length <= text.size();
    for (size_t k = 1; valid && k < length; ++k) {
      const auto b = static_cast<unsigned char>(text[i + k]);
      if (k == 1 ? (b < low || b > high) : (b < 0x80 || b > 0xBF)) valid = false;
    }
    if (!valid) {
      out += "&#xFFFD;";
      ++i;
      continue;
    }
    // C1 controls: U+0080..U+009F are C2 80..C2 9F. The bidirectional
    // embedding, override and isolate controls (U+202A..U+202E,
    // U+2066..U+2069) would reorder what the page shows: replaced too.
    const auto b1 = static_cast<unsigned char>(text[i + 1]);
    const auto b2 = length == 3 ? static_cast<unsigned char>(text[i + 2]) : 0;
    if ((c == 0xC2 && b1 < 0xA0) ||
        (c == 0xE2 && ((b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE) ||
                       (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9)))) {
      out += "&#xFFFD;";
    } else {
      out.append(text.substr(i, length));
    }
    i += length;
  }
  return out;
}

void WriteAccessHtml(std::ostream& out, const Catalog& catalog, ReachPolicyCache& cache,
                     std::span<const AccessHtmlPrincipal> principals, const AccessHtmlOptions& options) {
  Page page(out, catalog, cache, options);
  page.Write(principals);
}

void WriteAccessHtml(std::ostream& out, const Catalog& catalog, ReachPolicyCache& cache,
                     const GatheredPolicies& gathered, const PrincipalReach& reach,
                     const AccessHtmlOptions& options) {
  AccessHtmlPrincipal p;
  p.reach = &reach;
  p.gathered = &gathered;
  WriteAccessHtml(out, catalog, cache, std::span<const AccessHtmlPrincipal>(&p, 1), options);
}

void WriteAccessHtml(std::ostream& out, const Catalog& catalog, ReachPolicyCache& cache,
                     const std::vector<RankedPrincipal>& ranking, const AccessHtmlOptions& options) {
  std::vector<AccessHtmlPrincipal> principals;
  principals.reserve(ranking.size());
  for (size_t i = 0; i < ranking.size(); ++i) {
    AccessHtmlPrincipal p;
    p.reach = &ranking[i].reach;
    p.ranked = true;
    p.rank = i + 1;
    p.active_key = ranking[i].active_key;
    p.alternative = ranking[i].alternative ? &*ranking[i].alternative : nullptr;
    principals.push_back(p);
  }
  WriteAccessHtml(out, catalog, cache, principals, options);
}

}  // namespace iamlint::lint

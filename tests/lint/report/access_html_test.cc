// The `iamlint access --html` page (lint/report/access_html.h): exact
// escaping, the structure of the story account's page, hostile names, and
// no external reference of any kind. The page is also rendered in headless
// Chromium by access_html_render.sh, which gets it from the hidden case
// "[.access-html-render]" below (IAMLINT_ACCESS_HTML_OUT names the file).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "engine/analysis/principal_reach.h"
#include "engine/catalog/catalog.h"
#include "engine/inputs/input_reader.h"
#include "lint/report/access_html.h"

namespace iamlint::lint {
namespace {

size_t Count(const std::string& text, std::string_view needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) ++n;
  return n;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// An account read into an inventory, every user and role analysed.
struct Account {
  SourceManager sources;
  Inventory inventory;
  std::unique_ptr<ReachPolicyCache> cache;
  std::vector<GatheredPolicies> gathered;
  std::vector<PrincipalReach> reaches;

  Account(std::string name, std::string text) {
    SourceId id = sources.AddBuffer(std::move(name), std::move(text));
    DiagnosticSink sink;
    REQUIRE(ReadInventory(sources, id, InputReadOptions{}, &inventory, sink));
    cache = std::make_unique<ReachPolicyCache>(sources, inventory);
    for (uint32_t i = 0; i < inventory.entities.size(); ++i) {
      EntityType type = inventory.entities[i].type;
      if (type == EntityType::kUser || type == EntityType::kRole) gathered.push_back(GatherPrincipalPolicies(*cache, i));
    }
    for (const GatheredPolicies& g : gathered) {
      reaches.push_back(AnalyzeReach(Catalog::BuiltIn(), g, inventory));
    }
  }

  std::string Page() {
    std::vector<AccessHtmlPrincipal> principals;
    for (size_t i = 0; i < reaches.size(); ++i) {
      AccessHtmlPrincipal p;
      p.reach = &reaches[i];
      p.gathered = &gathered[i];
      principals.push_back(p);
    }
    std::ostringstream out;
    WriteAccessHtml(out, Catalog::BuiltIn(), *cache, principals);
    return out.str();
  }

  std::string RankingPage() {
    RankOptions options;
    options.roles = true;
    std::vector<RankedPrincipal> ranking = RankPrincipals(Catalog::BuiltIn(), *cache, options);
    std::ostringstream out;
    WriteAccessHtml(out, Catalog::BuiltIn(), *cache, ranking);
    return out.str();
  }
};

std::string StoryPath() { return std::string(IAMLINT_SOURCE_DIR) + "/samples/accounts/story.json"; }

// What no page may hold: anything that loads or runs something.
void CheckSelfContained(const std::string& page) {
  CHECK(page.find("http") == std::string::npos);
  CHECK(page.find("src=") == std::string::npos);
  CHECK(page.find("<script") == std::string::npos);
  CHECK(page.find("<img") == std::string::npos);
  CHECK(page.find("<link") == std::string::npos);
  CHECK(page.find("url(") == std::string::npos);
  CHECK(page.find("@import") == std::string::npos);
  CHECK(page.find("//") == std::string::npos);
  CHECK(page.find('\x1b') == std::string::npos);
}

TEST_CASE("HtmlEscape escapes the five HTML characters", "[lint][access-html]") {
  CHECK(HtmlEscape("") == "");
  CHECK(HtmlEscape("alice") == "alice");
  CHECK(HtmlEscape("a&b<c>d\"e'f") == "a&amp;b&lt;c&gt;d&quot;e&#39;f");
  CHECK(HtmlEscape("</script><script>alert(1)</script>") ==
        "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
  CHECK(HtmlEscape("<img onerror=alert(1)>") == "&lt;img onerror=alert(1)&gt;");
  CHECK(HtmlEscape("\" onmouseover='x'") == "&quot; onmouseover=&#39;x&#39;");
  CHECK(HtmlEscape("&amp;") == "&amp;amp;");
}

TEST_CASE("HtmlEscape shows control characters as Control Pictures", "[lint][access-html]") {
  CHECK(HtmlEscape("\x1b[31mred\x1b[0m") == "&#x241B;[31mred&#x241B;[0m");
  CHECK(HtmlEscape(std::string_view("a\0b", 3)) == "a&#x2400;b");
  CHECK(HtmlEscape("\t\n\r") == "&#x2409;&#x240A;&#x240D;");
  CHECK(HtmlEscape("\x1f\x7f") == "&#x241F;&#x2421;");
}

TEST_CASE("HtmlEscape keeps valid UTF-8 and replaces the rest", "[lint][access-html]") {
  CHECK(HtmlEscape("caf\xC3\xA9 \xE2\x9C\x93 \xF0\x9F\x98\x80") == "caf\xC3\xA9 \xE2\x9C\x93 \xF0\x9F\x98\x80");
  CHECK(HtmlEscape("\xFF") == "&#xFFFD;");
  CHECK(HtmlEscape("caf\xE9") == "caf&#xFFFD;");             // Latin-1
  CHECK(HtmlEscape("\xC0\xAF") == "&#xFFFD;&#xFFFD;");       // overlong '/'
  CHECK(HtmlEscape("\xE0\x80\xAF") == "&#xFFFD;&#xFFFD;&#xFFFD;");  // overlong
  CHECK(HtmlEscape("\xED\xA0\x80") == "&#xFFFD;&#xFFFD;&#xFFFD;");  // a surrogate
  CHECK(HtmlEscape("\xF4\x90\x80\x80") == "&#xFFFD;&#xFFFD;&#xFFFD;&#xFFFD;");  // > U+10FFFF
  CHECK(HtmlEscape("\xE2\x9C") == "&#xFFFD;&#xFFFD;");       // truncated
  CHECK(HtmlEscape("\xC2\x85\xC2\x9B") == "&#xFFFD;&#xFFFD;");  // C1 controls NEL, CSI
  CHECK(HtmlEscape("\xC2\xA0") == "\xC2\xA0");                // U+00A0 is not a control
}

TEST_CASE("The story account's page holds every principal, verdicts, heat maps and citations",
          "[lint][access-html]") {
  Account account("samples/accounts/story.json", ReadFile(StoryPath()));
  std::string page = account.Page();
  CheckSelfContained(page);
  CHECK(page.rfind("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n", 0) == 0);
  CHECK(page.find("<title>iamlint access: samples/accounts/story.json</title>") != std::string::npos);
  CHECK(page.size() >= 8);
  CHECK(page.substr(page.size() - 8) == "</html>\n");
  CHECK(Count(page, "<section class=\"principal\"") == account.reaches.size());
  CHECK(Count(page, "<section class=\"principal\"") == Count(page, "</section>"));
  for (const char* name : {"alice", "bob", "ec2-list-buckets"}) {
    INFO(name);
    CHECK(page.find(std::string("<code class=\"name\">") + name + "</code>") != std::string::npos);
  }
  // alice: AdministratorAccess, so every cell of the table she reaches is
  // "all" and the citation is the line that attaches the AWS managed policy.
  CHECK(page.find("user <code class=\"name\">alice</code> <span class=\"admin\">full administrator</span>") !=
        std::string::npos);
  CHECK(page.find("a leaked access key of <code>alice</code> can ") != std::string::npos);
  const size_t alice = page.find("<code class=\"name\">alice</code>");
  const std::string alice_section = page.substr(alice, page.find("</section>", alice) - alice);
  CHECK(Count(alice_section, "<th scope=\"row\"") == 1);
  CHECK(alice_section.find("<tr class=\"sum\"><th scope=\"row\">every service (") != std::string::npos);
  CHECK(Count(alice_section, "<td class=\"c-all\" data-reach=\"all\"") == 5);
  CHECK(page.find("<code>samples/accounts/story.json:13:34</code> (AWS managed policy "
                  "<code>AdministratorAccess</code>)") != std::string::npos);
  // ec2-list-buckets: only s3:ListAllMyBuckets, one row, one "some" cell
  // (1 of the s3 List actions, on every resource).
  const size_t ec2 = page.find("<code class=\"name\">ec2-list-buckets</code>");
  REQUIRE(ec2 != std::string::npos);
  const size_t ec2_end = page.find("</section>", ec2);
  const std::string ec2_section = page.substr(ec2, ec2_end - ec2);
  CHECK(Count(ec2_section, "<th scope=\"row\"") == 2);
  CHECK(ec2_section.find("<tr class=\"sum\"><th scope=\"row\">all (1 service)</th><td class=\"c-some\" "
                         "data-reach=\"some\" title=\"1 on every resource, 0 on some resources, 0 conditional, 0 "
                         "not by a leaked key, of 18 actions\">1/18</td><td class=\"c-none\" data-reach=\"none\"") !=
        std::string::npos);
  CHECK(ec2_section.find("<tr><th scope=\"row\" title=\"Amazon S3\">s3</th><td class=\"c-some\" "
                         "data-reach=\"some\"") != std::string::npos);
  CHECK(Count(ec2_section, "data-reach=\"all\"") == 0);
  CHECK(Count(ec2_section, "data-reach=\"none\"") == 8);
  CHECK(ec2_section.find("<li>inline policy <code>list-all-buckets</code> at "
                         "<code>samples/accounts/story.json:141:39</code>, 1 statement</li>") != std::string::npos);
  CHECK(ec2_section.find("<h3>Verdicts</h3>\n<p class=\"verdicts-none\">") != std::string::npos);
  // Every table is closed; the heat map has its five level columns.
  CHECK(Count(page, "<table class=\"heatmap\">") == Count(page, "</table>"));
  CHECK(page.find("<thead><tr><th>service</th><th>List</th><th>Read</th><th>Write</th><th>Permissions "
                  "management</th><th>Tagging</th></tr></thead>") != std::string::npos);
}

TEST_CASE("The ranking page links every principal to its section", "[lint][access-html]") {
  Account account("samples/accounts/story.json", ReadFile(StoryPath()));
  std::string page = account.RankingPage();
  CheckSelfContained(page);
  CHECK(page.find("<h2>Ranking</h2>") != std::string::npos);
  const size_t rows = Count(page, "<a href=\"#p-");
  CHECK(rows == account.reaches.size());
  for (size_t i = 0; i < rows; ++i) {
    CHECK(page.find("<a href=\"#p-" + std::to_string(i) + "\">") != std::string::npos);
    CHECK(page.find("<section class=\"principal\" id=\"p-" + std::to_string(i) + "\"") != std::string::npos);
  }
  // alice (full admin) ranks first; her 121 verdicts are folded, bob's one is open.
  CHECK(page.find("<h2>#1 user <code class=\"name\">alice</code>") != std::string::npos);
  CHECK(page.find("<p class=\"verdict-summary\"><span class=\"cat\">privilege-escalation</span>32 &middot; ") !=
        std::string::npos);
  CHECK(page.find("<details class=\"verdicts\"><summary>121 verdicts</summary>") != std::string::npos);
  CHECK(page.find("<p class=\"verdict-summary\"><span class=\"cat\">data-exfiltration</span>1</p>\n"
                  "<details class=\"verdicts\" open><summary>1 verdict</summary>") != std::string::npos);
}

// Names that try to break out of the page: a closing script tag, quotes
// that end an attribute, an image with an error handler, and an ESC byte
// (terminal escape sequence), in a user, group, policy and resource.
constexpr std::string_view kHostile = R"json({
"UserDetailList":[{"UserName":"</script><script>alert(1)</script>","Arn":"arn:aws:iam::111122223333:user/x",
 "GroupList":["g\"' onmouseover=\"alert(2)"],
 "UserPolicyList":[{"PolicyName":"<img onerror=alert(3)>","PolicyDocument":{"Version":"2012-10-17","Statement":[
  {"Sid":"ReadSecrets","Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"*"},
  {"Sid":"Bucket","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/<img onerror=alert(4)>*"}]}}],
 "AttachedManagedPolicies":[]},
 {"UserName":"esc\u001b[31mred","Arn":"arn:aws:iam::111122223333:user/esc","GroupList":[],"AttachedManagedPolicies":[
  {"PolicyName":"AdministratorAccess","PolicyArn":"arn:aws:iam::aws:policy/AdministratorAccess"}]}],
"GroupDetailList":[{"GroupName":"g\"' onmouseover=\"alert(2)","GroupPolicyList":[],"AttachedManagedPolicies":[]}],
"RoleDetailList":[],"Policies":[]})json";

TEST_CASE("Every name taken from the input is escaped", "[lint][access-html]") {
  Account account("hostile <b>&\"'.json", std::string(kHostile));
  std::string page = account.Page();
  CheckSelfContained(page);
  CHECK(page.find("alert(") != std::string::npos);  // the text is there, inert
  CHECK(page.find("<script>") == std::string::npos);
  CHECK(page.find("</script>") == std::string::npos);
  CHECK(page.find("onmouseover=\"") == std::string::npos);
  CHECK(page.find("<code class=\"name\">&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</code>") !=
        std::string::npos);
  CHECK(page.find("(inline policy <code>&lt;img onerror=alert(3)&gt;</code>, statement <code>ReadSecrets</code>)") !=
        std::string::npos);
  CHECK(page.find("<code>arn:aws:s3:::b/&lt;img onerror=alert(4)&gt;*</code>") != std::string::npos);
  CHECK(page.find("<code class=\"name\">esc&#x241B;[31mred</code>") != std::string::npos);
  CHECK(page.find("<title>iamlint access: hostile &lt;b&gt;&amp;&quot;&#39;.json</title>") != std::string::npos);
  // Outside tags, no raw < or > survives from the input: every '<' starts
  // one of the page's own tags.
  for (size_t at = page.find('<'); at != std::string::npos; at = page.find('<', at + 1)) {
    const char next = page[at + 1];
    INFO(page.substr(at, 40));
    CHECK((next == '/' || next == '!' || (next >= 'a' && next <= 'z')));
  }
}

TEST_CASE("Write the story account's ranking page for the render test", "[.access-html-render]") {
  const char* out_path = std::getenv("IAMLINT_ACCESS_HTML_OUT");
  REQUIRE(out_path != nullptr);
  Account account("samples/accounts/story.json", ReadFile(StoryPath()));
  std::ofstream out(out_path, std::ios::binary | std::ios::trunc);
  out << account.RankingPage();
  out.close();
  REQUIRE(out.good());
}

}  // namespace
}  // namespace iamlint::lint

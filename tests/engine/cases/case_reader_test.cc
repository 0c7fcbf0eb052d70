// CaseReader: the batch format of `iamlint simulate` (shared/spec/cases.md):
// JSON Lines or one array, comments and blank lines, named policies, the
// fields of a case, and errors that stop only the case they are in.
#include "engine/cases/case_reader.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "engine/eval/evaluator.h"
#include "tests/testing/test_util.h"

namespace iamlint {
namespace {

using testing::Q;

// What the reader produced, in order: "case <id>" for a case, and for a
// malformed one "error <line:col severity code: message>" per diagnostic.
struct ReadAll {
  SourceManager sources;
  std::vector<std::string> events;
  std::vector<Case> cases;

  explicit ReadAll(std::string text) {
    SourceId id = sources.AddBuffer("cases.jsonl", std::move(text));
    CaseReader reader(sources, id);
    for (int guard = 0; guard < 1000; ++guard) {
      Case c;
      DiagnosticSink sink;
      CaseReader::Status status = reader.Next(&c, sink);
      if (status == CaseReader::Status::kEnd) return;
      if (status == CaseReader::Status::kCase) {
        CHECK(sink.diagnostics().empty());
        events.push_back("case " + c.id);
        cases.push_back(std::move(c));
      } else {
        CHECK_FALSE(sink.diagnostics().empty());
        for (const Diagnostic& d : sink.diagnostics()) {
          events.push_back("error " + testing::FormatDiagnostic(sources, d));
        }
      }
    }
    FAIL("the reader never reached the end");
  }
};

std::string Decide(const Case& c) {
  EvalScratch scratch;
  Decision d;
  Authorize(c.bundle, c.request, EvalOptions{}, &scratch, &d);
  return std::string(DecisionKindName(d.kind));
}

const std::string kAllowGet =
    Q("{'Version':'2012-10-17','Statement':[{'Sid':'Get','Effect':'Allow','Action':"
      "'s3:GetObject','Resource':'*'}]}");
const std::string kRequest =
    Q("'request':{'principal':'arn:aws:iam::111111111111:user/alice','action':'s3:GetObject',"
      "'resource':'arn:aws:s3:::b/k'}");

std::string CaseLine(const std::string& id, const std::string& policies) {
  return "{\"id\":\"" + id + "\",\"policies\":" + policies + "," + kRequest + "}";
}

TEST_CASE("JSON Lines: one case per line, comments and blank lines skipped", "[cases]") {
  ReadAll r("# a comment\n"
            "\n" +
            CaseLine("c1", "{\"identity\":[" + kAllowGet + "]}") +
            "\n"
            "   # an indented comment\n"
            "  \t \n" +
            CaseLine("c2", "{}") + "\r\n" + CaseLine("c3", "{}"));  // CRLF, no final newline
  CHECK(r.events == std::vector<std::string>{"case c1", "case c2", "case c3"});
  REQUIRE(r.cases.size() == 3);
  CHECK(Decide(r.cases[0]) == "Allow");
  CHECK(Decide(r.cases[1]) == "ImplicitDeny");
}

TEST_CASE("a single JSON array of cases, with define elements", "[cases]") {
  ReadAll r("[\n  {\"define\":{\"Get\":" + kAllowGet + "}},\n  " +
            CaseLine("a1", "{\"identity\":[\"Get\"]}") + ",\n  " + CaseLine("a2", "{}") +
            "\n]\n");
  CHECK(r.events == std::vector<std::string>{"case a1", "case a2"});
  REQUIRE(r.cases.size() == 2);
  CHECK(Decide(r.cases[0]) == "Allow");
  CHECK(Decide(r.cases[1]) == "ImplicitDeny");
  // A malformed element stops only itself.
  const std::string mixed = "[" + CaseLine("m1", "{}") + ",\n {\"id\":\"m2\"},\n " +
                            CaseLine("m3", "{\"identity\":[\"Undefined\"]}") + ",\n " +
                            CaseLine("m4", "{}") + "]";
  ReadAll m(mixed);
  CHECK(m.events == std::vector<std::string>{
                        "case m1",
                        "error 2:2 error case-invalid: case `m2`: missing `request` object",
                        "error " + testing::PositionOf(mixed, "\"Undefined\"") +
                            " error case-unknown-policy: unknown policy name `Undefined`",
                        "case m4"});
  // An empty array and an empty file have no cases.
  CHECK(ReadAll("[]").events.empty());
  CHECK(ReadAll("").events.empty());
  CHECK(ReadAll("\n# only comments\n\n").events.empty());
}

TEST_CASE("a byte-order mark is skipped in both forms", "[cases]") {
  const std::string bom = "\xEF\xBB\xBF";
  ReadAll lines(bom + CaseLine("b1", "{}") + "\n" + CaseLine("b2", "{}"));
  CHECK(lines.events == std::vector<std::string>{"case b1", "case b2"});
  ReadAll comment(bom + "# comment\n" + CaseLine("b3", "{}"));
  CHECK(comment.events == std::vector<std::string>{"case b3"});
  ReadAll array(bom + "[" + CaseLine("b4", "{}") + "]");
  CHECK(array.events == std::vector<std::string>{"case b4"});
}

TEST_CASE("define: reuse by name, redefinition, unknown names (cases.md)", "[cases]") {
  const std::string deny_get = Q("{'Version':'2012-10-17','Statement':[{'Effect':'Deny','Action':"
                                 "'s3:GetObject','Resource':'*'}]}");
  const std::string text =
      "{\"define\":{\"P\":" + kAllowGet + ",\"Boundary\":" + kAllowGet + "}}\n" +  // line 1
      CaseLine("uses-P", "{\"identity\":[\"P\"],\"boundary\":\"Boundary\"}") + "\n" +  // 2
      CaseLine("uses-P-again", "{\"identity\":\"P\"}") + "\n" +                       // 3
      CaseLine("unknown", "{\"identity\":[\"P\",\"Nope\"]}") + "\n" +                 // 4
      "{\"define\":{\"P\":" + deny_get + "}}\n" +                                     // 5
      CaseLine("redefined", "{\"identity\":[\"P\"]}") + "\n" +                        // 6
      CaseLine("boundary-kept", "{\"identity\":[\"Boundary\"]}") + "\n";              // 7
  ReadAll r(text);
  const std::string unknown_at = testing::PositionOf(text, "\"Nope\"");
  CHECK(unknown_at == "4:" + std::to_string(text.substr(text.find("{\"id\":\"unknown\"")).find("\"Nope\"") + 1));
  CHECK(r.events == std::vector<std::string>{
                        "case uses-P",
                        "case uses-P-again",
                        "error " + unknown_at + " error case-unknown-policy: unknown policy name `Nope`",
                        "case redefined",
                        "case boundary-kept",
                    });
  REQUIRE(r.cases.size() == 4);
  CHECK(Decide(r.cases[0]) == "Allow");
  CHECK(Decide(r.cases[1]) == "Allow");
  CHECK(Decide(r.cases[2]) == "ExplicitDeny");  // the later definition wins
  CHECK(Decide(r.cases[3]) == "Allow");          // other names are kept
  // One definition, compiled once per kind it is used as, shared by cases.
  REQUIRE(r.cases[0].bundle.identity.size() == 1);
  REQUIRE(r.cases[1].bundle.identity.size() == 1);
  CHECK(r.cases[0].bundle.identity[0] == r.cases[1].bundle.identity[0]);
  CHECK(r.cases[0].bundle.boundary != nullptr);
  CHECK(r.cases[0].bundle.boundary->kind() == PolicyKind::kBoundary);
  CHECK(r.cases[3].bundle.identity[0]->kind() == PolicyKind::kIdentity);
}

TEST_CASE("a name must be defined before it is used", "[cases]") {
  const std::string text = CaseLine("early", "{\"identity\":[\"Late\"]}") + "\n" +
                           "{\"define\":{\"Late\":" + kAllowGet + "}}\n" +
                           CaseLine("late", "{\"identity\":[\"Late\"]}") + "\n";
  ReadAll r(text);
  CHECK(r.events ==
        std::vector<std::string>{
            "error " + testing::PositionOf(text, "\"Late\"") +
                " error case-unknown-policy: unknown policy name `Late`",
            "case late"});
}

TEST_CASE("a malformed line is reported at its line:col and the rest continue", "[cases]") {
  const std::string text = CaseLine("ok1", "{}") + "\n" +  // line 1
                           "{\"id\": \"bad\", }\n" +        // line 2, col 15
                           "not json at all\n" +             // line 3
                           CaseLine("ok2", "{}") + "\n";     // line 4
  ReadAll r(text);
  REQUIRE(r.events.size() == 4);
  CHECK(r.events[0] == "case ok1");
  CHECK(r.events[1] == "error 2:15 error json-syntax: expected a member name in double quotes");
  // RapidJSON reads `n` as the start of `null` and fails on the `o`.
  CHECK(r.events[2] == "error 3:2 error json-syntax: expected a JSON value");
  CHECK(r.events[3] == "case ok2");
  // A malformed array is one error for the whole file.
  ReadAll array("[" + CaseLine("x", "{}") + ",\n  {]");
  REQUIRE(array.events.size() == 1);
  CHECK(array.events[0].rfind("error 2:4 error json-syntax: ", 0) == 0);
}

TEST_CASE("malformed cases: missing and mistyped fields", "[cases]") {
  struct Row {
    std::string line;
    std::string needle;  // where the error must point
    std::string message;
  };
  const std::vector<Row> rows = {
      {Q("{'id':'r1'}"), "{'id'", "case `r1`: missing `request` object"},
      {Q("{'id':'r2','request':[]}"), "[]", "case `r2`: missing `request` object"},
      {Q("{'id':'r3','request':{'resource':'*'}}"), "{'resource'",
       "case `r3`: `request.action` must be a string such as `s3:GetObject`"},
      {Q("{'id':'r4','request':{'action':7}}"), "7",
       "case `r4`: `request.action` must be a string such as `s3:GetObject`"},
      {Q("{'id':'r5','request':{'action':'s3:GetObject','resource':['a']}}"), "['a']",
       "case `r5`: `request.resource` must be a string"},
      {Q("{'id':'r6','request':{'action':'s3:GetObject','principal':{}}}"), "{}}",
       "case `r6`: `request.principal` must be a string"},
      {Q("{'id':'r7','request':{'action':'s3:GetObject','resourceAccount':1}}"), "1}",
       "case `r7`: `request.resourceAccount` must be a string"},
      {Q("{'id':'r8','request':{'action':'s3:GetObject','context':[]}}"), "[]",
       "case `r8`: `request.context` must be an object"},
      {Q("{'id':'r9','request':{'action':'s3:GetObject','context':{'k':{'a':1}}}}"), "{'a'",
       "case `r9`: context value of `k` must be a string, number, boolean or a list of them"},
      {Q("{'id':'r10','request':{'action':'s3:GetObject','context':{'k':null}}}"), "null",
       "case `r10`: context value of `k` must be a string, number, boolean or a list of them"},
      {Q("{'id':'r11','request':{'action':'s3:GetObject','context':{'k':['a',['b']]}}}"), "['b']",
       "case `r11`: context values must be strings, numbers or booleans"},
      {Q("{'id':'r12','policies':[],'request':{'action':'s3:GetObject'}}"), "[]",
       "case `r12`: `policies` must be an object"},
      {Q("{'id':'r13','policies':{'identiti':[]},'request':{'action':'s3:GetObject'}}"),
       "'identiti'",
       "case `r13`: unknown policy slot `identiti`: expected identity, boundary, session, "
       "resource, scp or rcp"},
      {Q("{'id':'r14','policies':{'scp':{}},'request':{'action':'s3:GetObject'}}"), "{}}",
       "case `r14`: organization policies must be a list of levels"},
      {Q("{'id':'r15','request':{'action':'s3:GetObject'},'expect':'allow'}"), "'allow'",
       "case `r15`: `expect` must be `Allow`, `ExplicitDeny` or `ImplicitDeny`"},
      {Q("[1]"), "1", "a case must be a JSON object"},
      {Q("{'request':{}}"), "{}", "case `line 1`: `request.action` must be a string such as "
                                  "`s3:GetObject`"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.line);
    ReadAll r(row.line);
    std::string code = row.message.rfind("case `", 0) == 0 || row.message.rfind("a case", 0) == 0
                           ? "case-invalid"
                           : "?";
    CHECK(r.events == std::vector<std::string>{"error " + testing::PositionOf(row.line, Q(row.needle)) +
                                               " error " + code + ": " + row.message});
  }
  // A policy that is neither an object nor a name.
  const std::string bad_policy = Q("{'id':'p','policies':{'identity':[7]},'request':{'action':'x:y'}}");
  CHECK(ReadAll(bad_policy).events ==
        std::vector<std::string>{"error " + testing::PositionOf(bad_policy, "7") +
                                 " error case-invalid: a policy must be a JSON object or the name "
                                 "of a defined policy"});
  const std::string bad_define = Q("{'define':['x']}");
  CHECK(ReadAll(bad_define).events ==
        std::vector<std::string>{"error 1:11 error case-invalid: `define` must map names to policies"});
}

TEST_CASE("case fields: defaults and the values they take (cases.md)", "[cases]") {
  ReadAll r(Q("{'id':'d','source':'https://example.com','request':{'action':'S3:GetObject'}}\n"
              "{'request':{'action':'s3:GetObject','principal':null,'resource':'arn:aws:sqs:us-east-1:"
              "222222222222:q','resourceAccount':null,'context':null},'expect':null,'policies':"
              "{'identity':null}}\n"
              "{'id':'e','request':{'action':'s3:GetObject','principal':'*'},'expect':'ExplicitDeny'}"));
  CHECK(r.events == std::vector<std::string>{"case d", "case line 2", "case e"});
  REQUIRE(r.cases.size() == 3);
  const Case& d = r.cases[0];
  CHECK(d.request.resource() == "*");        // resource defaults to `*`
  CHECK(d.request.principal().empty());      // absent: anonymous
  CHECK(d.request.caller().kind == CallerKind::kAnonymous);
  CHECK(d.request.action() == "S3:GetObject");
  CHECK(d.request.action_service() == "s3");
  CHECK_FALSE(d.expect.has_value());
  CHECK(d.bundle.identity.empty());
  CHECK_FALSE(d.bundle.has_scp);
  CHECK_FALSE(d.bundle.has_rcp);
  // resourceAccount defaults to the ARN's account, else the caller's.
  CHECK(r.cases[1].request.resource_account() == "222222222222");
  CHECK(r.cases[2].request.caller().kind == CallerKind::kAnonymous);
  REQUIRE(r.cases[2].expect.has_value());
  CHECK(*r.cases[2].expect == DecisionKind::kExplicitDeny);
}

TEST_CASE("policy slots: single policies, lists, levels, trust inference", "[cases]") {
  const std::string trust = Q("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':"
                              "{'AWS':'111111111111'},'Action':'sts:AssumeRole'}]}");
  ReadAll r("{\"define\":{\"G\":" + kAllowGet + "}}\n" +
            CaseLine("slots", "{\"identity\":\"G\",\"session\":[\"G\",\"G\"],\"boundary\":\"G\","
                              "\"resource\":" + trust + ",\"scp\":[[\"G\"],\"G\",[]],\"rcp\":[]}"));
  REQUIRE(r.cases.size() == 1);
  const PolicyBundle& b = r.cases[0].bundle;
  CHECK(b.identity.size() == 1);
  CHECK(b.session.size() == 2);
  CHECK(b.session[0]->kind() == PolicyKind::kSession);
  REQUIRE(b.resource != nullptr);
  CHECK(b.resource->kind() == PolicyKind::kTrust);  // the resource slot also holds trust policies
  CHECK(b.has_scp);
  REQUIRE(b.scp.size() == 3);
  CHECK(b.scp[0].size() == 1);
  CHECK(b.scp[1].size() == 1);  // a level given as one policy
  CHECK(b.scp[2].empty());
  CHECK(b.scp[0][0]->kind() == PolicyKind::kScp);
  CHECK(b.has_rcp);
  CHECK(b.rcp.empty());
}

TEST_CASE("context values: strings, numbers, booleans and lists (cases.md)", "[cases]") {
  ReadAll r(Q("{'id':'ctx','request':{'action':'s3:GetObject','context':{"
              "'aws:username':'alice','aws:MultiFactorAuthAge':3600,'ex:dec':-1.50,"
              "'aws:SecureTransport':true,'ex:f':false,'aws:TagKeys':['a',2,true],'ex:empty':[],"
              "'ex:one':['x'],'AWS:USERNAME':'bob','ex:str':''}}}"));
  REQUIRE(r.cases.size() == 1);
  const Request& q = r.cases[0].request;
  auto values = [&](std::string_view key) {
    const ContextEntry* e = q.Find(key);
    return e ? e->values : std::vector<std::string>{"<absent>"};
  };
  auto is_list = [&](std::string_view key) {
    const ContextEntry* e = q.Find(key);
    return e != nullptr && e->is_list;
  };
  // Keys are case-insensitive; a key given twice in two cases merges.
  CHECK(values("aws:username") == std::vector<std::string>{"alice", "bob"});
  CHECK_FALSE(is_list("aws:username"));
  // Numbers keep their text as written; booleans become true/false.
  CHECK(values("aws:multifactorauthage") == std::vector<std::string>{"3600"});
  CHECK(values("ex:dec") == std::vector<std::string>{"-1.50"});
  CHECK(values("aws:securetransport") == std::vector<std::string>{"true"});
  CHECK(values("ex:f") == std::vector<std::string>{"false"});
  // Lists make multivalued keys, even with zero or one element.
  CHECK(values("aws:tagkeys") == std::vector<std::string>{"a", "2", "true"});
  CHECK(is_list("aws:tagkeys"));
  CHECK(values("ex:empty").empty());
  CHECK(is_list("ex:empty"));
  CHECK(values("ex:one") == std::vector<std::string>{"x"});
  CHECK(is_list("ex:one"));
  CHECK(values("ex:str") == std::vector<std::string>{""});
  CHECK(values("ex:missing") == std::vector<std::string>{"<absent>"});
}

TEST_CASE("string escapes in case fields are decoded", "[cases]") {
  ReadAll r(R"({"id":"esc\u0041","request":{"action":"s3:GetObject","context":{"ex:k":"a\"b\\c\u00e9"}}})");
  REQUIRE(r.cases.size() == 1);
  CHECK(r.cases[0].id == "escA");
  const ContextEntry* e = r.cases[0].request.Find("ex:k");
  REQUIRE(e != nullptr);
  CHECK(e->values == std::vector<std::string>{"a\"b\\c\xC3\xA9"});
}

}  // namespace
}  // namespace iamlint

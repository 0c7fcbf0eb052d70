// ResolveIntrinsics: a CloudFormation value with its intrinsic functions
// replaced by what they evaluate to, as far as a template alone tells.
//
// An intrinsic is an object with exactly one member whose key is `Ref` or
// starts with `Fn::` (condition operators such as `StringEquals` and the
// statement element `Condition` are never intrinsics). The subtree is
// copied into a new JsonDocument (JsonTreeWriter) with every intrinsic
// replaced by its value:
//
//   Ref            parameters with a Default → the default (a string; a
//                  list for CommaDelimitedList and List<...> parameters);
//                  AWS::Partition → "aws", AWS::URLSuffix → "amazonaws.com";
//                  other pseudo parameters → `{{AccountId}}`, `{{Region}}`,
//                  `{{StackName}}`...; AWS::NoValue removes the array element
//                  or object member; template resources → their name or ARN
//                  from a small per-type table (CfnRefValue), else
//                  `{{LogicalId}}`
//   Fn::GetAtt     Arn-like attributes of known resource types → a realistic
//                  ARN (`arn:aws:iam::{{AccountId}}:role/{{AppRole}}`), else
//                  `{{LogicalId.Attr}}`
//   Fn::Sub        both forms; `${Param}`, `${AWS::AccountId}`, `${Res}`,
//                  `${Res.Attr}`, `${!Literal}` → `${Literal}`; a name with a
//                  `:` that is not a pseudo parameter (`${aws:username}`) is an
//                  IAM policy variable and stays as written
//   Fn::Join, Fn::Select, Fn::Split, Fn::FindInMap (Mappings, DefaultValue)
//   Fn::If         the branch of the assumed condition value (see
//                  IntrinsicOptions::conditions); the result says if any was seen
//   anything else  (Fn::ImportValue, Fn::GetAZs, Fn::Base64, ...) → unknown
//
// Unknown parts are `{{Name}}` tokens: no `*` (no false "all resources"),
// no `:` (an ARN keeps its six fields). A string containing any unknown part
// is marked unknown (JsonValue::is_unknown), so validators skip its syntax.
// Resolved values carry the span of the intrinsic that produced them (the
// use site, not the Parameters or Mappings section).
//
// Iterative (explicit stacks; templates can be deep) and bounded: the work
// and the output stop at IntrinsicOptions::max_bytes (`truncated`).
#ifndef IAMLINT_ENGINE_INPUTS_INTRINSICS_H_
#define IAMLINT_ENGINE_INPUTS_INTRINSICS_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "engine/json/json_tree.h"
#include "engine/source/span.h"

namespace iamlint {

// What a template tells about the names intrinsics refer to. Views into the
// template's JsonDocument, which must outlive the context.
struct CfnTemplate {
  struct Parameter {
    std::string type;        // "String", "CommaDelimitedList", "List<...>", ...
    JsonValue default_value;  // invalid when the parameter has no Default
  };
  struct Resource {
    std::string type;      // "AWS::IAM::Role"; empty when missing
    JsonValue properties;  // invalid when absent
    Span key_span;         // the logical id in Resources
  };
  std::map<std::string, Parameter, std::less<>> parameters;
  std::map<std::string, Resource, std::less<>> resources;
  JsonValue mappings;  // the Mappings object, or invalid

  // Reads Parameters, Mappings and Resources of a template root (tolerant:
  // members of the wrong shape are skipped).
  static CfnTemplate FromRoot(JsonValue root);
};

struct IntrinsicOptions {
  // The value every condition is assumed to have in Fn::If.
  bool conditions = true;
  // Bound on the bytes of strings and nodes produced (intermediate values
  // included).
  size_t max_bytes = size_t{1} << 20;
};

struct IntrinsicResult {
  // Holds the resolved value unless `removed` or `truncated`.
  JsonDocument doc;
  bool has_root = false;
  bool removed = false;    // the value itself was AWS::NoValue
  bool truncated = false;  // the output would exceed max_bytes
  bool saw_if = false;     // an Fn::If was evaluated (the other branch may differ)
  bool has_unknown = false;
};

IntrinsicResult ResolveIntrinsics(const CfnTemplate& tmpl, JsonValue value,
                                  const IntrinsicOptions& options = {});

// True for an object with exactly one member whose key is `Ref` or starts
// with `Fn::`.
bool IsIntrinsic(JsonValue value);

// A `{{Name}}` token for an unknown value: characters other than letters,
// digits, `.`, `_` and `-` become `_`.
std::string UnknownToken(std::string_view name);

// The value of `Ref` / `Fn::GetAtt` (attribute empty: Ref) of a template
// resource: its name or ARN where the type tells (CfnResourceValue::unknown
// when any part is a token). Resources not in the table give
// `{{LogicalId}}` / `{{LogicalId.Attr}}`.
struct CfnResourceValue {
  std::string text;
  bool unknown = true;
};
CfnResourceValue CfnRefValue(const CfnTemplate& tmpl, std::string_view logical_id,
                             std::string_view attribute);

// The explicit name of a resource (RoleName, BucketName, ...) when written
// as a literal string; std::nullopt otherwise.
std::optional<std::string> CfnLiteralName(const CfnTemplate& tmpl, std::string_view logical_id);

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_INPUTS_INTRINSICS_H_

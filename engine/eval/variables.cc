#include "engine/eval/variables.h"

#include "engine/policy/global_keys.h"

namespace iamlint {

std::optional<std::string> ResolveVariable(const TemplatePart& part, const Request& request) {
  const ContextEntry* entry = request.Find(part.key);
  if (entry == nullptr) return part.fallback;
  // Multivalued keys cannot be variables (semantics §4).
  if (entry->is_list || IsMultivaluedGlobalKey(part.key) || entry->values.size() != 1) {
    return std::nullopt;
  }
  return entry->values[0];
}

bool SubstituteToGlob(const std::vector<TemplatePart>& parts, const Request& request,
                      bool wildcards, Glob* out) {
  *out = Glob();
  for (const TemplatePart& part : parts) {
    switch (part.kind) {
      case TemplatePart::Kind::kLiteral:
        out->Append(wildcards ? Glob::Parse(part.text) : Glob::Literal(part.text));
        break;
      case TemplatePart::Kind::kEscape:
        out->AppendLiteral(part.text);
        break;
      case TemplatePart::Kind::kVariable: {
        std::optional<std::string> value = ResolveVariable(part, request);
        if (!value) return false;
        out->AppendLiteral(*value);
        break;
      }
    }
  }
  return true;
}

bool SubstituteToText(const std::vector<TemplatePart>& parts, const Request& request,
                      std::string* out) {
  out->clear();
  for (const TemplatePart& part : parts) {
    if (part.kind == TemplatePart::Kind::kVariable) {
      std::optional<std::string> value = ResolveVariable(part, request);
      if (!value) return false;
      out->append(*value);
    } else {
      out->append(part.text);
    }
  }
  return true;
}

}  // namespace iamlint

#include "lint/check.h"

#include <cstdio>

namespace iamlint::lint {

std::string_view AttachedToName(AttachedTo attached) {
  switch (attached) {
    case AttachedTo::kUser: return "user";
    case AttachedTo::kGroup: return "group";
    case AttachedTo::kRole: return "role";
    case AttachedTo::kUnknown: break;
  }
  return "unknown";
}

std::optional<AttachedTo> ParseAttachedTo(std::string_view name) {
  if (name == "user") return AttachedTo::kUser;
  if (name == "group") return AttachedTo::kGroup;
  if (name == "role") return AttachedTo::kRole;
  if (name == "unknown") return AttachedTo::kUnknown;
  return std::nullopt;
}

std::string CheckContext::CatalogDate() const {
  if (catalog == nullptr) return "";
  const std::string& updated = catalog->info().updated;
  return updated.substr(0, std::min<size_t>(10, updated.size()));
}

void Check::Report(DiagnosticSink& sink, Span span, std::string message,
                   std::vector<std::string> notes) const {
  sink.Report(info().id, info().default_severity, span, std::move(message), std::move(notes));
}

std::string Quote(std::string_view text) {
  std::string out = "`";
  size_t n = 0;
  for (char ch : text) {
    if (++n > 200) {
      out += "...";
      break;
    }
    unsigned char c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += ch;
    }
  }
  return out + "`";
}

}  // namespace iamlint::lint

#include "engine/policy/global_keys.h"

#include "engine/base/ascii.h"

#include <array>
#include <cctype>

namespace iamlint {

namespace {


constexpr std::array<std::string_view, 7> kMultivalued = {
    "aws:TagKeys",         "aws:CalledVia",       "aws:PrincipalOrgPaths",
    "aws:ResourceOrgPaths", "aws:PrincipalServiceNamesList", "aws:SourceOrgPaths",
    "aws:VpceOrgPaths",
};

constexpr std::array<std::string_view, 6> kBool = {
    "aws:MultiFactorAuthPresent", "aws:SecureTransport", "aws:PrincipalIsAWSService",
    "aws:ViaAWSService",          "aws:AssumedRoot",     "aws:ViaAWSMCPService",
};

template <size_t N>
bool Contains(const std::array<std::string_view, N>& keys, std::string_view key) {
  for (std::string_view k : keys) {
    if (EqualsIgnoreAsciiCase(k, key)) return true;
  }
  return false;
}

}  // namespace

bool IsMultivaluedGlobalKey(std::string_view key) { return Contains(kMultivalued, key); }
bool IsBoolGlobalKey(std::string_view key) { return Contains(kBool, key); }

}  // namespace iamlint

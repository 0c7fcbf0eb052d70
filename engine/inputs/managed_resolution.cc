// ResolveManagedPolicies (contract in managed_resolution.h).
//
// Choices the header leaves open:
// - One FoundPolicy per (policy, kind): an ARN attached to several entities
//   is one FoundPolicy listing them all in `attached` (in entity order, each
//   once); an ARN used both as a managed policy and as a boundary is two,
//   kIdentity and kBoundary, sharing one JsonDocument. Policies are appended
//   in the order of their first reference (entities in order, each one's
//   managed policies, then its boundary); `anchor` is that first reference.
// - FoundPolicy::arn and the buffer name are the library's ARN (partition
//   `aws`), whatever partition the reference names.
// - Calling it again on the same inventory resolves only the new
//   references, reusing the aws_managed policies already there.
// - The buffer is added once per SourceManager: a later call (another input
//   of the same run) finds the buffer by name and text and reads it again
//   for its own Inventory.
// - An unknown ARN whose text is not known before deployment (`{{...}}`
//   placeholders outside the partition) is not reported: it names a policy
//   iamlint cannot know, not a wrong one.
#include "engine/inputs/managed_resolution.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "engine/base/suggest.h"
#include "engine/json/json_reader.h"

namespace iamlint {

namespace {

constexpr std::string_view kAwsPolicyInfix = ":iam::aws:policy/";
constexpr std::string_view kCanonicalPrefix = "arn:aws:iam::aws:policy/";

// The buffer holding `info`'s document: an existing one of the same name and
// text, or a new one.
SourceId DocumentBuffer(SourceManager& sources, const ManagedPolicyInfo& info) {
  for (SourceId id = 0; id < sources.size(); ++id) {
    if (sources.name(id) == info.arn && sources.text(id) == info.document) return id;
  }
  return sources.AddBuffer(std::string(info.arn), std::string(info.document));
}

class Resolver {
 public:
  Resolver(SourceManager& sources, const ManagedPolicyLibrary& library, Inventory* inventory,
           DiagnosticSink& sink)
      : sources_(sources), library_(library), inventory_(inventory), sink_(sink) {}

  void Run() {
    // Policies resolved by an earlier call on this inventory are reused.
    for (uint32_t i = 0; i < inventory_->policies.size(); ++i) {
      const FoundPolicy& p = inventory_->policies[i];
      if (!p.aws_managed || !p.kind) continue;
      const ManagedPolicyInfo* info = library_.FindByArn(p.arn);
      if (info == nullptr) continue;
      policies_.emplace(std::make_pair(info, *p.kind), i);
      documents_.emplace(info, p.document);
    }
    // Indexing: Resolve may append to inventory_->policies, never to entities.
    for (uint32_t e = 0; e < inventory_->entities.size(); ++e) {
      Entity& entity = inventory_->entities[e];
      for (ManagedPolicyRef& ref : entity.managed_policies) {
        Resolve(e, PolicyKind::kIdentity, &ref);
      }
      if (entity.boundary) Resolve(e, PolicyKind::kBoundary, &*entity.boundary);
    }
  }

 private:
  void Resolve(uint32_t entity, PolicyKind kind, ManagedPolicyRef* ref) {
    if (ref->policy != kNoIndex || !ManagedPolicyLibrary::IsAwsManagedArn(ref->arn)) return;
    const ManagedPolicyInfo* info = library_.FindByArn(ref->arn);
    if (info == nullptr) {
      ReportUnknown(entity, *ref);
      return;
    }
    const auto key = std::make_pair(info, kind);
    auto found = policies_.find(key);
    if (found == policies_.end()) {
      const uint32_t index = AddPolicy(*info, kind, ref->span);
      if (index == kNoIndex) return;
      found = policies_.emplace(key, index).first;
    }
    FoundPolicy& policy = inventory_->policies[found->second];
    bool listed = false;
    for (const uint32_t e : policy.attached) listed = listed || e == entity;
    if (!listed) policy.attached.push_back(entity);
    ref->policy = found->second;
  }

  // Appends the FoundPolicy of `info` as `kind`; kNoIndex if its document
  // cannot be read (a defect of the embedded data, reported to the sink).
  uint32_t AddPolicy(const ManagedPolicyInfo& info, PolicyKind kind, Span anchor) {
    auto doc = documents_.find(&info);
    if (doc == documents_.end()) {
      const SourceId id = DocumentBuffer(sources_, info);
      JsonDocument json;
      if (!ReadJson(sources_, id, JsonReadOptions{}, &json, sink_)) return kNoIndex;
      doc = documents_.emplace(&info, inventory_->AddDocument(std::move(json))).first;
    }
    FoundPolicy policy;
    policy.document = doc->second;
    policy.root = inventory_->documents[doc->second]->root();
    policy.kind = kind;
    policy.where = "aws managed policy " + std::string(info.name);
    policy.name = std::string(info.name);
    policy.arn = std::string(info.arn);
    policy.anchor = anchor;
    policy.aws_managed = true;
    inventory_->policies.push_back(std::move(policy));
    return static_cast<uint32_t>(inventory_->policies.size() - 1);
  }

  void ReportUnknown(uint32_t entity, const ManagedPolicyRef& ref) {
    const std::string_view arn = ref.arn;
    const size_t infix = arn.find(kAwsPolicyInfix);  // IsAwsManagedArn: present
    const std::string_view path_and_name = arn.substr(infix + kAwsPolicyInfix.size());
    if (path_and_name.find("{{") != std::string_view::npos) return;
    const size_t slash = path_and_name.rfind('/');
    const std::string_view name =
        slash == std::string_view::npos ? path_and_name : path_and_name.substr(slash + 1);

    Diagnostic d;
    d.code = "unknown-managed-policy";
    d.severity = Severity::kInfo;
    d.span = ref.span;
    d.message = "unknown AWS managed policy `" + ref.arn + "`";
    d.where = inventory_->entities[entity].where;
    if (names_.empty()) {
      names_.reserve(library_.size());
      for (const ManagedPolicyInfo& p : library_.all()) names_.push_back(p.name);
    }
    const std::string guess = ClosestMatch(name, names_);
    if (!guess.empty()) {
      const ManagedPolicyInfo* match = library_.FindByName(guess);
      // Suggest the whole ARN, in the reference's partition.
      const std::string suggestion = std::string(arn.substr(0, infix)) +
                                     std::string(kAwsPolicyInfix) +
                                     std::string(match->arn.substr(kCanonicalPrefix.size()));
      d.notes.push_back("did you mean `" + suggestion + "`?");
    }
    sink_.Add(std::move(d));
  }

  SourceManager& sources_;
  const ManagedPolicyLibrary& library_;
  Inventory* inventory_;
  DiagnosticSink& sink_;
  std::map<std::pair<const ManagedPolicyInfo*, PolicyKind>, uint32_t> policies_;
  std::map<const ManagedPolicyInfo*, uint32_t> documents_;  // → Inventory::documents
  std::vector<std::string_view> names_;  // did-you-mean candidates, built on first use
};

}  // namespace

void ResolveManagedPolicies(SourceManager& sources, const ManagedPolicyLibrary& library,
                            Inventory* inventory, DiagnosticSink& sink) {
  Resolver(sources, library, inventory, sink).Run();
}

}  // namespace iamlint

#include "engine/generate/cloudtrail_reader.h"

#include <utility>

namespace iamlint {

namespace {

std::string StringField(JsonValue object, std::string_view name) {
  if (!object.valid() || !object.is_object()) return "";
  JsonValue v = object.Find(name);
  return v.valid() && v.is_string() ? std::string(v.text()) : std::string();
}

bool IsEvent(JsonValue v) {
  return v.is_object() && v.Find("eventName").valid() && v.Find("eventSource").valid();
}

// One value of the input: an event, a container of events, or neither.
// Walks containers with an explicit worklist (no recursion); `level`
// bounds the wrapping depth.
void Collect(JsonValue root, CloudTrailInput* out, DiagnosticSink& sink) {
  struct Item {
    JsonValue value;
    int level;
  };
  std::vector<Item> work = {{root, 0}};
  std::vector<JsonValue> found;
  while (!work.empty()) {
    Item item = work.back();
    work.pop_back();
    JsonValue v = item.value;
    if (IsEvent(v)) {
      found.push_back(v);
      continue;
    }
    std::vector<JsonValue> children;
    if (item.level < kMaxWrapping) {
      if (v.is_array()) {
        for (uint32_t i = 0; i < v.size(); ++i) children.push_back(v.element(i));
      } else if (v.is_object()) {
        for (std::string_view key : {"Records", "records"}) {
          JsonValue list = v.Find(key);
          if (list.valid() && list.is_array()) {
            for (uint32_t i = 0; i < list.size(); ++i) children.push_back(list.element(i));
          }
        }
        if (children.empty()) {
          for (std::string_view key : {"detail", "event", "record"}) {
            JsonValue inner = v.Find(key);
            if (inner.valid() && inner.is_object()) {
              children.push_back(inner);
              break;
            }
          }
        }
      }
    }
    if (children.empty()) {
      ++out->skipped;
      std::string what = v.is_object() && v.Find("eventName").valid()
                              ? "a CloudTrail event needs `eventSource`; skipped"
                              : "not a CloudTrail event (no `eventName` and `eventSource`); skipped";
      sink.Report("cloudtrail-not-event", Severity::kWarning, v.span(), what);
      continue;
    }
    // Pushed in reverse so that events come out in input order.
    for (size_t i = children.size(); i-- > 0;) work.push_back({children[i], item.level + 1});
  }
  for (JsonValue v : found) out->events.push_back(DescribeEvent(v));
}

}  // namespace

CloudTrailEvent DescribeEvent(JsonValue record) {
  CloudTrailEvent e;
  e.record = record;
  e.span = record.span();
  e.event_source = StringField(record, "eventSource");
  e.event_name = StringField(record, "eventName");
  e.event_type = StringField(record, "eventType");
  e.region = StringField(record, "awsRegion");
  e.error_code = StringField(record, "errorCode");
  JsonValue identity = record.Find("userIdentity");
  e.identity_type = StringField(identity, "type");
  e.principal_arn = StringField(identity, "arn");
  e.user_name = StringField(identity, "userName");
  e.access_key_id = StringField(identity, "accessKeyId");
  e.account = StringField(record, "recipientAccountId");
  if (e.account.empty()) e.account = StringField(identity, "accountId");
  if (identity.valid() && identity.is_object()) {
    JsonValue context = identity.Find("sessionContext");
    if (context.valid() && context.is_object()) {
      JsonValue issuer = context.Find("sessionIssuer");
      if (StringField(issuer, "type") == "Role") e.role_name = StringField(issuer, "userName");
    }
  }
  // arn:aws:iam::123456789012:user/path/alice → alice;
  // arn:aws:sts::123456789012:assumed-role/app/session → app.
  const std::string& arn = e.principal_arn;
  size_t user = arn.find(":user/");
  if (e.user_name.empty() && user != std::string::npos && arn.rfind("arn:", 0) == 0) {
    e.user_name = arn.substr(arn.rfind('/') + 1);
  }
  size_t role = arn.find(":assumed-role/");
  if (e.role_name.empty() && role != std::string::npos) {
    size_t begin = role + std::string_view(":assumed-role/").size();
    size_t end = arn.find('/', begin);
    e.role_name = arn.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
  }
  return e;
}

bool ReadCloudTrail(const SourceManager& sources, SourceId id, const JsonReadOptions& options,
                    CloudTrailInput* out, DiagnosticSink& sink) {
  std::string_view text = sources.text(id);
  // One JSON document (trail file, array, single event)?
  auto doc = std::make_unique<JsonDocument>();
  DiagnosticSink whole;
  if (ReadJson(sources, id, options, doc.get(), whole)) {
    Collect(doc->root(), out, sink);
    out->documents.push_back(std::move(doc));
    return true;
  }
  // Else JSON Lines; a first line that does not parse means the file is
  // neither, and the whole-document error (at its exact byte) says why.
  size_t pos = text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  bool first = true;
  while (pos < text.size()) {
    size_t begin = pos;
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    pos = end + 1;
    size_t start = text.find_first_not_of(" \t\r", begin);
    if (start == std::string_view::npos || start >= end || text[start] == '#') continue;
    auto line = std::make_unique<JsonDocument>();
    DiagnosticSink line_sink;
    if (!ReadJsonRange(sources, id, static_cast<uint32_t>(begin), static_cast<uint32_t>(end),
                       options, line.get(), line_sink)) {
      if (first) {
        for (Diagnostic& d : whole.Take()) sink.Add(std::move(d));
        return false;
      }
      ++out->skipped;
      for (Diagnostic& d : line_sink.Take()) {
        d.severity = Severity::kWarning;
        d.message += "; line skipped";
        sink.Add(std::move(d));
      }
      continue;
    }
    first = false;
    Collect(line->root(), out, sink);
    out->documents.push_back(std::move(line));
  }
  if (first) {
    for (Diagnostic& d : whole.Take()) sink.Add(std::move(d));
    return false;
  }
  return true;
}

}  // namespace iamlint

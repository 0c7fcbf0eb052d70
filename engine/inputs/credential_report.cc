// The credential report CSV: see credential_report.h.
//
// The parser follows RFC 4180 with the usual leniencies: records end with
// CRLF, LF or a lone CR; fields may be quoted ("a ""b"", c"), and quoted
// fields may span lines; a leading UTF-8 byte-order mark is skipped; blank
// lines are ignored. It is a single forward scan, one record at a time.
//
// ReadCredentialReport returns true when the report was read without any
// diagnostic. Rows that are well formed are appended either way; a row
// with the wrong number of fields (or junk after a closing quote) is
// reported and skipped; an unterminated quote ends the read (the rest of
// the text is inside it).
#include "engine/inputs/credential_report.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/base/ascii.h"

namespace iamlint {
namespace {

constexpr std::string_view kSyntax = "credential-report-syntax";
constexpr std::string_view kBom = "\xEF\xBB\xBF";

struct Field {
  std::string text;
  uint32_t begin = 0;  // offset of the field's first byte (its quote, if quoted)
};

struct Record {
  std::vector<Field> fields;
  uint32_t begin = 0;
  uint32_t end = 0;  // before the line terminator
  bool bad = false;  // a diagnostic was reported for it
};

class CsvScanner {
 public:
  CsvScanner(std::string_view text, SourceId id, DiagnosticSink& sink, size_t start)
      : text_(text), id_(id), sink_(sink), pos_(start) {}

  bool done() const { return pos_ >= text_.size() || stopped_; }
  bool stopped() const { return stopped_; }

  // Reads the next record. False at the end of the text or after an
  // unterminated quote (reported).
  bool Next(Record* record) {
    if (done()) return false;
    record->fields.clear();
    record->bad = false;
    record->begin = static_cast<uint32_t>(pos_);
    const size_t n = text_.size();
    while (true) {
      Field field;
      field.begin = static_cast<uint32_t>(pos_);
      if (pos_ < n && text_[pos_] == '"') {
        size_t quote = pos_++;
        bool closed = false;
        while (pos_ < n) {
          char c = text_[pos_];
          if (c == '"') {
            if (pos_ + 1 < n && text_[pos_ + 1] == '"') {
              field.text.push_back('"');
              pos_ += 2;
              continue;
            }
            ++pos_;
            closed = true;
            break;
          }
          field.text.push_back(c);
          ++pos_;
        }
        if (!closed) {
          Report(quote, quote + 1, "unterminated quoted field");
          stopped_ = true;
          return false;
        }
        if (pos_ < n && !IsSeparator(text_[pos_])) {
          Report(pos_, pos_ + 1,
                 "unexpected character after a closing quote: expected `,` or the end of the line");
          record->bad = true;
          while (pos_ < n && !IsSeparator(text_[pos_])) field.text.push_back(text_[pos_++]);
        }
      } else {
        size_t start = pos_;
        while (pos_ < n && !IsSeparator(text_[pos_])) ++pos_;
        field.text.assign(text_.substr(start, pos_ - start));
      }
      record->fields.push_back(std::move(field));
      if (pos_ < n && text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      break;
    }
    record->end = static_cast<uint32_t>(pos_);
    if (pos_ < n && text_[pos_] == '\r') ++pos_;
    if (pos_ < n && text_[pos_] == '\n') ++pos_;
    return true;
  }

  void Report(size_t begin, size_t end, std::string message) {
    sink_.Report(kSyntax, Severity::kError,
                 Span{id_, static_cast<uint32_t>(begin), static_cast<uint32_t>(end)},
                 std::move(message));
  }

 private:
  static bool IsSeparator(char c) { return c == ',' || c == '\r' || c == '\n'; }

  std::string_view text_;
  SourceId id_;
  DiagnosticSink& sink_;
  size_t pos_;
  bool stopped_ = false;
};

bool IsBlank(const Record& r) { return r.fields.size() == 1 && r.begin == r.end; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

Tristate ParseBool(std::string_view value) {
  value = Trim(value);
  if (EqualsIgnoreAsciiCase(value, "true")) return Tristate::kYes;
  if (EqualsIgnoreAsciiCase(value, "false")) return Tristate::kNo;
  return Tristate::kUnknown;  // N/A, no_information, not_supported, ...
}

std::string ParseDate(std::string_view value) {
  value = Trim(value);
  if (value.empty() || EqualsIgnoreAsciiCase(value, "N/A") ||
      EqualsIgnoreAsciiCase(value, "no_information") ||
      EqualsIgnoreAsciiCase(value, "not_supported")) {
    return "";
  }
  return std::string(value);
}

constexpr size_t kAbsent = static_cast<size_t>(-1);

struct Columns {
  size_t user = kAbsent, arn = kAbsent, password_enabled = kAbsent, password_last_used = kAbsent,
         mfa_active = kAbsent, key1_active = kAbsent, key1_last_used = kAbsent,
         key2_active = kAbsent, key2_last_used = kAbsent;
};

Columns MapColumns(const Record& header) {
  Columns c;
  const std::pair<std::string_view, size_t Columns::*> names[] = {
      {"user", &Columns::user},
      {"arn", &Columns::arn},
      {"password_enabled", &Columns::password_enabled},
      {"password_last_used", &Columns::password_last_used},
      {"mfa_active", &Columns::mfa_active},
      {"access_key_1_active", &Columns::key1_active},
      {"access_key_1_last_used_date", &Columns::key1_last_used},
      {"access_key_2_active", &Columns::key2_active},
      {"access_key_2_last_used_date", &Columns::key2_last_used},
  };
  for (size_t i = 0; i < header.fields.size(); ++i) {
    std::string_view name = Trim(header.fields[i].text);
    for (const auto& [column, member] : names) {
      if (name == column && c.*member == kAbsent) c.*member = i;
    }
  }
  return c;
}

std::string_view FieldAt(const Record& r, size_t column) {
  if (column == kAbsent || column >= r.fields.size()) return {};
  return r.fields[column].text;
}

// The later of two ISO 8601 dates ("" is earlier than any date). AWS writes
// every date of the report in one form, so text order is time order.
const std::string& Later(const std::string& a, const std::string& b) { return b > a ? b : a; }

}  // namespace

bool LooksLikeCredentialReport(std::string_view text) {
  if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());
  constexpr std::string_view kStart = "user,arn";
  if (text.substr(0, kStart.size()) != kStart) return false;
  if (text.size() == kStart.size()) return true;
  char next = text[kStart.size()];
  return next == ',' || next == '\r' || next == '\n';
}

bool ReadCredentialReport(const SourceManager& sources, SourceId id,
                          std::vector<CredentialReportRow>* rows, DiagnosticSink& sink) {
  std::string_view text = sources.text(id);
  size_t start = text.substr(0, kBom.size()) == kBom ? kBom.size() : 0;
  const size_t before = sink.total();
  CsvScanner scanner(text, id, sink, start);

  Record header;
  bool have_header = false;
  while (scanner.Next(&header)) {
    if (!IsBlank(header)) {
      have_header = true;
      break;
    }
  }
  if (!have_header) {
    if (!scanner.stopped()) {
      scanner.Report(start, start, "empty credential report: expected a header line");
    }
    return false;
  }
  Columns columns = MapColumns(header);
  if (columns.user == kAbsent) {
    scanner.Report(header.begin, header.end,
                   "the header has no `user` column: expected `user,arn,...`");
    return false;
  }

  Record record;
  while (scanner.Next(&record)) {
    if (IsBlank(record)) continue;
    if (record.fields.size() != header.fields.size()) {
      scanner.Report(record.begin, record.end,
                     "row has " + std::to_string(record.fields.size()) + " field" +
                         (record.fields.size() == 1 ? "" : "s") + ", the header has " +
                         std::to_string(header.fields.size()));
      continue;
    }
    if (record.bad) continue;
    CredentialReportRow row;
    row.user = std::string(FieldAt(record, columns.user));
    row.arn = std::string(Trim(FieldAt(record, columns.arn)));
    row.span = Span{id, record.begin, record.end};
    row.password = ParseBool(FieldAt(record, columns.password_enabled));
    row.password_last_used = ParseDate(FieldAt(record, columns.password_last_used));
    row.mfa = ParseBool(FieldAt(record, columns.mfa_active));
    row.access_key_1_active = ParseBool(FieldAt(record, columns.key1_active));
    row.access_key_1_last_used = ParseDate(FieldAt(record, columns.key1_last_used));
    row.access_key_2_active = ParseBool(FieldAt(record, columns.key2_active));
    row.access_key_2_last_used = ParseDate(FieldAt(record, columns.key2_last_used));
    rows->push_back(std::move(row));
  }
  return sink.total() == before;
}

void ApplyCredentialReport(const std::vector<CredentialReportRow>& rows, Inventory* inventory) {
  std::unordered_map<std::string_view, size_t> by_arn;
  std::unordered_map<std::string_view, size_t> by_name;
  for (size_t i = 0; i < rows.size(); ++i) {
    if (!rows[i].arn.empty()) by_arn.emplace(rows[i].arn, i);
    by_name.emplace(rows[i].user, i);
  }
  for (Entity& entity : inventory->entities) {
    if (entity.type != EntityType::kUser) continue;
    const CredentialReportRow* row = nullptr;
    if (!entity.arn.empty()) {
      auto it = by_arn.find(entity.arn);
      if (it != by_arn.end()) row = &rows[it->second];
    }
    if (row == nullptr) {
      auto it = by_name.find(entity.name);
      if (it != by_name.end()) row = &rows[it->second];
    }
    if (row == nullptr) continue;

    // What the report does not know leaves what the input said.
    Tristate key = Tristate::kUnknown;
    if (row->access_key_1_active == Tristate::kYes || row->access_key_2_active == Tristate::kYes) {
      key = Tristate::kYes;
    } else if (row->access_key_1_active == Tristate::kNo &&
               row->access_key_2_active == Tristate::kNo) {
      key = Tristate::kNo;
    }
    if (key != Tristate::kUnknown) entity.access_key = key;
    if (row->password != Tristate::kUnknown) entity.password = row->password;
    if (row->mfa != Tristate::kUnknown) entity.mfa = row->mfa;
    const std::string& last = Later(row->access_key_1_last_used, row->access_key_2_last_used);
    if (!last.empty()) entity.access_key_last_used = last;
  }
}

}  // namespace iamlint

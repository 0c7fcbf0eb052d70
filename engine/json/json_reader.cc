#include "engine/json/json_reader.h"

#include <cstdio>
#include <cstring>
#include <string>

#include "engine/base/check.h"
#include "rapidjson/error/error.h"
#include "rapidjson/reader.h"

namespace iamlint {

namespace {

bool IsNumberChar(char c) {
  return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

// True when [p, end) is exactly one JSON number (RFC 8259 §6):
//   -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
bool IsJsonNumber(const char* p, const char* end) {
  auto digit = [&] { return p < end && *p >= '0' && *p <= '9'; };
  if (p < end && *p == '-') ++p;
  if (!digit()) return false;
  if (*p == '0') {
    ++p;
  } else {
    while (digit()) ++p;
  }
  if (p < end && *p == '.') {
    ++p;
    if (!digit()) return false;
    while (digit()) ++p;
  }
  if (p < end && (*p == 'e' || *p == 'E')) {
    ++p;
    if (p < end && (*p == '+' || *p == '-')) ++p;
    if (!digit()) return false;
    while (digit()) ++p;
  }
  return p == end;
}

// A bounded char stream over [begin, end) that reports '\0' at the end, as
// RapidJSON expects. NUL bytes inside the range are refused before parsing,
// so '\0' can only mean "end of input".
//
// Numbers: RapidJSON converts every number to a double while scanning it,
// even with kParseNumbersAsStringsFlag, and rejects anything beyond
// DBL_MAX (a 400-digit integer, 1e400) although it is valid JSON. iamlint
// keeps numbers as raw text and never needs their value here, so the
// stream shows every well-formed number token to RapidJSON as "0" padded
// with spaces to the same length; the handler takes the real text from the
// source. Offsets (Tell) are the real ones, so positions do not change.
// Malformed number tokens are passed through untouched and fail exactly
// as before. The stream tracks whether it is inside a string (where digits
// are text) from the characters RapidJSON takes.
class RangeStream {
 public:
  using Ch = char;
  RangeStream(const char* begin, const char* end)
      : begin_(begin), cur_(begin), end_(end), number_begin_(begin), number_end_(begin) {}
  Ch Peek() const {
    Prepare();
    return Current();
  }
  Ch Take() {
    Prepare();
    if (cur_ == end_) return '\0';
    Ch c = Current();
    Track(*cur_);
    ++cur_;
    return c;
  }
  size_t Tell() const { return static_cast<size_t>(cur_ - begin_); }
  // Offset one past the number token that RapidJSON is reading or has just
  // read (the token may be longer than what RapidJSON was shown).
  size_t NumberEnd() const {
    if (number_valid_ && cur_ <= number_end_) return static_cast<size_t>(number_end_ - begin_);
    return Tell();
  }
  // Write side of the stream concept; never used by Reader on this stream.
  Ch* PutBegin() { IAMLINT_CHECK(false); return nullptr; }
  void Put(Ch) { IAMLINT_CHECK(false); }
  void Flush() { IAMLINT_CHECK(false); }
  size_t PutEnd(Ch*) { IAMLINT_CHECK(false); return 0; }

 private:
  // At the first character of a number token outside a string, measures the
  // token and decides whether to stand in for it.
  void Prepare() const {
    if (cur_ == end_ || cur_ < number_end_ || in_string_) return;
    char c = *cur_;
    if (c != '-' && (c < '0' || c > '9')) return;
    const char* p = cur_;
    while (p < end_ && IsNumberChar(*p)) ++p;
    number_begin_ = cur_;
    number_end_ = p;
    number_valid_ = IsJsonNumber(cur_, p);
  }
  Ch Current() const {
    if (cur_ == end_) return '\0';
    if (number_valid_ && cur_ < number_end_) return cur_ == number_begin_ ? '0' : ' ';
    return *cur_;
  }
  void Track(char c) {
    if (!in_string_) {
      in_string_ = c == '"';
    } else if (escaped_) {
      escaped_ = false;
    } else if (c == '\\') {
      escaped_ = true;
    } else if (c == '"') {
      in_string_ = false;
    }
  }

  const char* begin_;
  const char* cur_;
  const char* end_;
  bool in_string_ = false;
  bool escaped_ = false;
  mutable const char* number_begin_;
  mutable const char* number_end_;
  mutable bool number_valid_ = false;
};

}  // namespace

// The SAX handler. It is a friend of JsonDocument and fills its flat arrays.
class JsonTreeBuilder {
 public:
  JsonTreeBuilder(JsonDocument* doc, SourceId source, const char* base_ptr, uint32_t base,
                  const RangeStream* stream, uint32_t max_depth)
      : doc_(doc),
        source_(source),
        base_ptr_(base_ptr),
        base_(base),
        stream_(stream),
        max_depth_(max_depth) {}

  bool too_deep() const { return too_deep_; }
  uint32_t too_deep_offset() const { return too_deep_offset_; }

  // RapidJSON handler interface.
  bool Null() { return Literal(JsonKind::kNull, 4); }
  bool Bool(bool b) { return b ? Literal(JsonKind::kTrue, 4) : Literal(JsonKind::kFalse, 5); }
  bool Int(int) { return Unexpected(); }
  bool Uint(unsigned) { return Unexpected(); }
  bool Int64(int64_t) { return Unexpected(); }
  bool Uint64(uint64_t) { return Unexpected(); }
  bool Double(double) { return Unexpected(); }
  bool RawNumber(const char*, rapidjson::SizeType length, bool) {
    // RapidJSON saw a stand-in ("0"); the real token is in the source.
    uint32_t begin = Now() - length;
    uint32_t end = base_ + static_cast<uint32_t>(stream_->NumberEnd());
    return AddScalar(JsonKind::kNumber, begin, end, base_ptr_ + begin, end - begin);
  }
  bool String(const char* str, rapidjson::SizeType length, bool) {
    uint32_t end = Now();
    return AddScalar(JsonKind::kString, StringBegin(end), end, str, length);
  }
  bool Key(const char* str, rapidjson::SizeType length, bool) {
    uint32_t end = Now();
    JsonDocument::Member m;
    m.key_text_begin = AppendText(str, length);
    m.key_text_size = length;
    m.key_span = Span{source_, StringBegin(end), end};
    m.value = kNoValue;
    pending_members_.push_back(m);
    return true;
  }
  bool StartObject() { return StartContainer(JsonKind::kObject); }
  bool StartArray() { return StartContainer(JsonKind::kArray); }
  bool EndObject(rapidjson::SizeType) { return EndContainer(); }
  bool EndArray(rapidjson::SizeType) { return EndContainer(); }

 private:
  static constexpr uint32_t kNoValue = 0xffffffffu;
  struct Frame {
    uint32_t node;
    size_t pending_start;
  };

  uint32_t Now() const { return base_ + static_cast<uint32_t>(stream_->Tell()); }

  // The opening quote of the string token that ends at `end` (exclusive).
  // Inside a JSON string every '"' is escaped by an odd run of backslashes;
  // the opening quote is the first unescaped one scanning backwards.
  uint32_t StringBegin(uint32_t end) const {
    uint32_t i = end - 1;  // closing quote
    while (i > base_) {
      --i;
      if (base_ptr_[i] != '"') continue;
      uint32_t slashes = 0;
      while (i - slashes > base_ && base_ptr_[i - slashes - 1] == '\\') ++slashes;
      if (slashes % 2 == 0) return i;
    }
    return i;
  }

  uint32_t AppendText(const char* str, size_t length) {
    uint32_t begin = static_cast<uint32_t>(doc_->text_.size());
    doc_->text_.append(str, length);
    return begin;
  }

  bool Unexpected() { return false; }  // numbers always arrive as RawNumber

  bool Literal(JsonKind kind, uint32_t length) {
    uint32_t end = Now();
    const char* text = kind == JsonKind::kNull ? "null" : kind == JsonKind::kTrue ? "true" : "false";
    return AddScalar(kind, end - length, end, text, length);
  }

  bool AddScalar(JsonKind kind, uint32_t begin, uint32_t end, const char* str, size_t length) {
    JsonDocument::Node n{};
    n.kind = kind;
    n.span = Span{source_, begin, end};
    n.text_begin = AppendText(str, length);
    n.text_size = static_cast<uint32_t>(length);
    Attach(AddNode(n));
    return true;
  }

  uint32_t AddNode(const JsonDocument::Node& n) {
    doc_->nodes_.push_back(n);
    return static_cast<uint32_t>(doc_->nodes_.size() - 1);
  }

  // Links a finished (or just opened) value to its parent.
  void Attach(uint32_t index) {
    if (frames_.empty()) {
      doc_->root_ = index;
      return;
    }
    const JsonDocument::Node& parent = doc_->nodes_[frames_.back().node];
    if (parent.kind == JsonKind::kObject) {
      pending_members_.back().value = index;
    } else {
      pending_values_.push_back(index);
    }
  }

  bool StartContainer(JsonKind kind) {
    // The iterative parser calls StartObject/StartArray before it consumes
    // the bracket, so the stream still points at it.
    uint32_t begin = Now();
    if (frames_.size() >= max_depth_) {
      too_deep_ = true;
      too_deep_offset_ = begin;
      return false;
    }
    JsonDocument::Node n{};
    n.kind = kind;
    n.span = Span{source_, begin, begin + 1};
    uint32_t index = AddNode(n);
    Attach(index);
    frames_.push_back(Frame{index, kind == JsonKind::kObject ? pending_members_.size()
                                                              : pending_values_.size()});
    return true;
  }

  bool EndContainer() {
    Frame frame = frames_.back();
    frames_.pop_back();
    JsonDocument::Node& n = doc_->nodes_[frame.node];
    n.span.end = Now() + 1;  // called before the closing bracket is consumed
    if (n.kind == JsonKind::kObject) {
      n.first = static_cast<uint32_t>(doc_->members_.size());
      n.count = static_cast<uint32_t>(pending_members_.size() - frame.pending_start);
      doc_->members_.insert(doc_->members_.end(),
                            pending_members_.begin() + static_cast<ptrdiff_t>(frame.pending_start),
                            pending_members_.end());
      pending_members_.resize(frame.pending_start);
    } else {
      n.first = static_cast<uint32_t>(doc_->children_.size());
      n.count = static_cast<uint32_t>(pending_values_.size() - frame.pending_start);
      doc_->children_.insert(doc_->children_.end(),
                             pending_values_.begin() + static_cast<ptrdiff_t>(frame.pending_start),
                             pending_values_.end());
      pending_values_.resize(frame.pending_start);
    }
    return true;
  }

  JsonDocument* doc_;
  SourceId source_;
  const char* base_ptr_;  // start of the whole buffer (offset 0)
  uint32_t base_;         // offset of the stream's first byte in the buffer
  const RangeStream* stream_;
  uint32_t max_depth_;
  std::vector<Frame> frames_;
  std::vector<uint32_t> pending_values_;
  std::vector<JsonDocument::Member> pending_members_;
  bool too_deep_ = false;
  uint32_t too_deep_offset_ = 0;
};

namespace {

std::string SyntaxMessage(rapidjson::ParseErrorCode code) {
  switch (code) {
    case rapidjson::kParseErrorDocumentRootNotSingular:
      return "unexpected text after the end of the JSON document";
    case rapidjson::kParseErrorValueInvalid:
      return "expected a JSON value";
    case rapidjson::kParseErrorObjectMissName:
      return "expected a member name in double quotes";
    case rapidjson::kParseErrorObjectMissColon:
      return "expected `:` after the member name";
    case rapidjson::kParseErrorObjectMissCommaOrCurlyBracket:
      return "expected `,` or `}` after an object member";
    case rapidjson::kParseErrorArrayMissCommaOrSquareBracket:
      return "expected `,` or `]` after an array element";
    case rapidjson::kParseErrorStringUnicodeEscapeInvalidHex:
      return "invalid `\\u` escape in a string";
    case rapidjson::kParseErrorStringUnicodeSurrogateInvalid:
      return "invalid UTF-16 surrogate pair in a string";
    case rapidjson::kParseErrorStringEscapeInvalid:
      return "invalid escape sequence in a string";
    case rapidjson::kParseErrorStringMissQuotationMark:
      return "unterminated string";
    case rapidjson::kParseErrorNumberTooBig:
    case rapidjson::kParseErrorNumberMissFraction:
    case rapidjson::kParseErrorNumberMissExponent:
      return "invalid number";
    default:
      return "invalid JSON";
  }
}

}  // namespace

bool ReadJson(const SourceManager& sources, SourceId id, const JsonReadOptions& options,
              JsonDocument* doc, DiagnosticSink& sink) {
  return ReadJsonRange(sources, id, 0, static_cast<uint32_t>(sources.text(id).size()), options,
                       doc, sink);
}

bool ReadJsonRange(const SourceManager& sources, SourceId id, uint32_t begin, uint32_t end,
                   const JsonReadOptions& options, JsonDocument* doc, DiagnosticSink& sink) {
  std::string_view all = sources.text(id);
  IAMLINT_CHECK(begin <= end && end <= all.size());
  *doc = JsonDocument();
  if (end - begin > options.max_bytes) {
    sink.Report("input-too-large", Severity::kError, Span{id, begin, begin},
                "input is " + std::to_string(end - begin) + " bytes, more than the limit of " +
                    std::to_string(options.max_bytes) + " bytes");
    return false;
  }
  // A UTF-8 byte-order mark is allowed at the very start of a buffer.
  if (begin == 0 && end >= 3 && all.compare(0, 3, "\xEF\xBB\xBF") == 0) begin = 3;
  const void* nul = std::memchr(all.data() + begin, '\0', end - begin);
  if (nul != nullptr) {
    uint32_t at = static_cast<uint32_t>(static_cast<const char*>(nul) - all.data());
    sink.Report("json-encoding", Severity::kError, Span{id, at, at + 1},
                "NUL byte in the input");
    return false;
  }

  RangeStream stream(all.data() + begin, all.data() + end);
  JsonTreeBuilder builder(doc, id, all.data(), begin, &stream, options.max_depth);
  rapidjson::Reader reader;
  constexpr unsigned kFlags = rapidjson::kParseIterativeFlag |
                              rapidjson::kParseValidateEncodingFlag |
                              rapidjson::kParseNumbersAsStringsFlag;
  rapidjson::ParseResult result = reader.Parse<kFlags>(stream, builder);
  if (!result.IsError()) return true;

  *doc = JsonDocument();
  if (builder.too_deep()) {
    uint32_t at = builder.too_deep_offset();
    sink.Report("json-too-deep", Severity::kError, Span{id, at, at + 1},
                "JSON nested deeper than " + std::to_string(options.max_depth) + " levels");
    return false;
  }
  uint32_t at = begin + static_cast<uint32_t>(result.Offset());
  if (at > end) at = end;
  unsigned char byte = at < end ? static_cast<unsigned char>(all[at]) : 0;
  std::string message;
  std::string code = "json-syntax";
  bool at_end = true;
  for (uint32_t i = at; i < end; ++i) {
    char c = all[i];
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
      at_end = false;
      break;
    }
  }
  if (result.Code() == rapidjson::kParseErrorDocumentEmpty) {
    // Nothing but white space: point at the start, not at the last byte.
    at = begin;
    message = "empty input: expected a JSON document";
  } else if ((result.Code() == rapidjson::kParseErrorStringInvalidEncoding ||
              result.Code() == rapidjson::kParseErrorStringEscapeInvalid) &&
             at < end && byte < 0x20) {
    // RapidJSON reports a raw control character in a string as an invalid
    // escape (or encoding); it is an encoding problem of the input.
    code = "json-encoding";
    char buf[64];
    std::snprintf(buf, sizeof buf, "control character U+%04X must be escaped in a string",
                  static_cast<unsigned>(byte));
    message = buf;
  } else if (result.Code() == rapidjson::kParseErrorStringInvalidEncoding) {
    code = "json-encoding";
    message = "invalid UTF-8 in a string";
  } else if (at_end && result.Code() != rapidjson::kParseErrorDocumentRootNotSingular) {
    message = "unexpected end of input";
  } else {
    message = SyntaxMessage(result.Code());
  }
  sink.Report(code, Severity::kError, Span{id, at, at < end ? at + 1 : at}, std::move(message));
  return false;
}

}  // namespace iamlint

#include "engine/yaml/yaml_reader.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cstdint>
#include <exception>
#include <istream>
#include <new>
#include <optional>
#include <streambuf>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/json/json_tree_writer.h"
#include "engine/yaml/yaml_scan.h"

// How it works, in three linear passes after the up-front checks
// (size, encoding, yaml_internal::PrescanDepth):
//
// 1. yaml-cpp's event parser runs with a Recorder handler that appends one
//    flat Event per node (scalar, null, alias, collection start and end),
//    with strings in one arena. It tracks, with explicit stacks, which
//    nodes are mapping keys, the nesting depth and the number of values the
//    document expands to (an alias counts as the values of its anchored
//    node, computed when that node ended), so a too-deep or alias-bomb
//    document stops inside the parse, at the node that crossed the limit.
// 2. ComputeSpans gives every event its Span from the source text
//    (yaml-cpp gives starts only; see yaml_scan.h).
// 3. Replay walks the events with an explicit stack of event ranges into a
//    JsonTreeWriter; an alias replays its anchor's range (so the copies keep
//    the anchored text's spans), a CloudFormation short-form tag wraps its
//    value in the long-form object.
//
// Plain scalars that the YAML 1.2 core schema reads as numbers (`12`,
// `0x1F`, `+1.5e3`, `.inf`) become JsonKind::kNumber with their text as
// written, like ReadJson keeps raw numbers; an account ID written
// `012345678901` keeps its leading zero.

namespace iamlint {

namespace {

using yaml_internal::kNpos;

// Inputs past this size could overflow yaml-cpp's int marks.
constexpr size_t kMaxYamlBytes = size_t{0x7fff0000};

struct Failure {
  std::string code;
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string message;
};

// Thrown by the Recorder to stop yaml-cpp; caught in ReadYaml.
struct StopParse {
  Failure failure;
};

// An istream source over the buffer without copying it.
class MemoryBuf : public std::streambuf {
 public:
  MemoryBuf(const char* begin, const char* end) {
    char* b = const_cast<char*>(begin);
    setg(b, b, const_cast<char*>(end));
  }
};

enum class EventType : uint8_t { kScalar, kNull, kAlias, kSeqStart, kSeqEnd, kMapStart, kMapEnd };
// yaml-cpp's tag "?" (plain, untagged), "!" (quoted or block, untagged), or
// an explicit tag kept in the arena.
enum class TagKind : uint8_t { kPlain, kNonPlain, kOther };

struct Event {
  EventType type = EventType::kNull;
  TagKind tag_kind = TagKind::kPlain;
  uint32_t pos = 0;     // yaml-cpp's mark, as a buffer offset
  uint32_t anchor = 0;  // nodes: the anchor they define; aliases: the one they use
  uint32_t tag_begin = 0;
  uint32_t tag_size = 0;
  uint32_t value_begin = 0;
  uint32_t value_size = 0;
  uint32_t match = 0;  // collection starts: index of the end event
  // Set by ComputeSpans: the node (its content, without properties) and its tag.
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t tag_at = 0;
  uint32_t tag_end = 0;
};

struct Anchor {
  bool defined = false;
  bool complete = false;  // its node has ended (an alias inside it is recursive)
  bool scalar = false;
  uint32_t first = 0;  // event range of the node
  uint32_t last = 0;
  uint64_t count = 0;   // values the node produces
  uint32_t height = 0;  // collection levels it adds
  std::string name;
};

bool IsSeq(EventType t) { return t == EventType::kSeqStart || t == EventType::kSeqEnd; }

// The long-form key of a CloudFormation short-form tag (`!Ref` → "Ref",
// `!Condition` → "Condition", `!Sub` → "Fn::Sub"); empty for other tags.
std::string CfnKey(std::string_view tag) {
  if (tag.size() < 2 || tag[0] != '!') return {};
  for (size_t i = 1; i < tag.size(); ++i) {
    const char c = tag[i];
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum) return {};
  }
  std::string_view name = tag.substr(1);
  if (name == "Ref" || name == "Condition") return std::string(name);
  return "Fn::" + std::string(name);
}

// Values a scalar produces as a value (not a key), and the collection levels
// it adds: a short-form tag wraps it in an object, `!GetAtt A.B` in an
// object and an array.
struct Shape {
  uint64_t count = 1;
  uint32_t height = 0;
};
Shape ScalarShape(EventType type, std::string_view tag, std::string_view value) {
  if (type == EventType::kNull) return {};
  const std::string cfn = CfnKey(tag);
  if (cfn.empty()) return {};
  if (cfn == "Fn::GetAtt") return {value.find('.') == std::string_view::npos ? 3u : 4u, 2};
  return {2, 1};
}

std::string Quote(std::string_view s) { return "`" + std::string(s) + "`"; }

class Recorder : public YAML::EventHandler {
 public:
  Recorder(std::string_view text, uint32_t base, const YamlReadOptions& options)
      : text_(text), base_(base), options_(options) {}

  std::vector<Event>& events() { return events_; }
  const std::vector<Anchor>& anchors() const { return anchors_; }
  const std::string& arena() const { return arena_; }
  uint32_t document_pos() const { return document_pos_; }
  const std::optional<Failure>& deferred() const { return deferred_; }

  void OnDocumentStart(const YAML::Mark& mark) override {
    const uint32_t pos = Pos(mark);
    if (++documents_ > 1) {
      Stop("yaml-multiple-documents", pos, pos + 1,
           "a second YAML document starts here; the input must hold exactly one");
    }
    document_pos_ = pos;
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Node(EventType::kNull, mark, "?", anchor, nullptr);
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    Node(EventType::kScalar, mark, tag, anchor, &value);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    Node(EventType::kSeqStart, mark, tag, anchor, nullptr);
  }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    Node(EventType::kMapStart, mark, tag, anchor, nullptr);
  }
  void OnSequenceEnd() override { End(EventType::kSeqEnd); }
  void OnMapEnd() override { End(EventType::kMapEnd); }
  void OnAnchor(const YAML::Mark&, const std::string& name) override { pending_name_ = name; }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const uint32_t pos = Pos(mark);
    const bool key = TakeKeyPosition();
    const auto end = static_cast<uint32_t>(yaml_internal::AliasEnd(text_, pos));
    if (anchor == 0 || anchor >= anchors_.size() || !anchors_[anchor].defined) {
      Stop("yaml-syntax", pos, end, "invalid YAML: the alias refers to an unknown anchor");
    }
    const Anchor& a = anchors_[anchor];
    if (!a.complete) {
      Defer("yaml-syntax", pos, end,
            "alias " + Quote("*" + a.name) + " refers to the node that contains it");
    } else if (key) {
      if (!a.scalar) {
        Defer("yaml-syntax", pos, end,
              "a mapping key must be a scalar; alias " + Quote("*" + a.name) +
                  " refers to a collection");
      }
    } else {
      if (depth_ + a.height > options_.max_depth) {
        Stop("json-too-deep", pos, end,
             "alias " + Quote("*" + a.name) + " nests the document deeper than " +
                 std::to_string(options_.max_depth) + " levels");
      }
      total_ += a.count;
      if (total_ > options_.max_nodes) {
        Stop("input-too-large", pos, end,
             "alias " + Quote("*" + a.name) + " expands the document past " +
                 std::to_string(options_.max_nodes) + " values");
      }
      NoteChildHeight(a.height);
    }
    Event e;
    e.type = EventType::kAlias;
    e.pos = pos;
    e.anchor = static_cast<uint32_t>(anchor);
    events_.push_back(e);
  }

 private:
  struct Frame {
    bool map = false;
    bool expect_key = false;
    uint32_t levels = 1;  // 2 when a short-form tag wraps the collection
    uint32_t start = 0;   // its start event
    uint32_t anchor = 0;
    uint64_t total_before = 0;
    uint32_t child_height = 0;
  };

  // Limits stop the parse at once (the work must stay bounded).
  [[noreturn]] void Stop(std::string code, uint32_t begin, uint32_t end, std::string message) {
    throw StopParse{Failure{std::move(code), begin, end, std::move(message)}};
  }
  // Shape errors wait for the end of the parse, so that a syntax error
  // yaml-cpp finds later (often the real cause) is reported instead.
  void Defer(std::string code, uint32_t begin, uint32_t end, std::string message) {
    if (!deferred_) deferred_ = Failure{std::move(code), begin, end, std::move(message)};
  }

  uint32_t Pos(const YAML::Mark& mark) const {
    if (mark.pos < 0) return base_;
    const size_t pos = size_t{base_} + static_cast<size_t>(mark.pos);
    return static_cast<uint32_t>(std::min(pos, text_.size()));
  }

  uint32_t Append(std::string_view s) {
    const auto at = static_cast<uint32_t>(arena_.size());
    arena_.append(s);
    return at;
  }

  // True when the next node is a mapping key; advances the key/value turn.
  bool TakeKeyPosition() {
    if (frames_.empty() || !frames_.back().map) return false;
    Frame& f = frames_.back();
    const bool key = f.expect_key;
    f.expect_key = !f.expect_key;
    return key;
  }

  void NoteChildHeight(uint32_t height) {
    if (!frames_.empty())
      frames_.back().child_height = std::max(frames_.back().child_height, height);
  }

  void TooDeep(uint32_t pos) {
    Stop("json-too-deep", pos, pos + 1,
         "YAML nested deeper than " + std::to_string(options_.max_depth) + " levels");
  }

  void AddValues(uint64_t count, uint32_t pos) {
    total_ += count;
    if (total_ > options_.max_nodes) {
      Stop("input-too-large", pos, pos + 1,
           "the document has more than " + std::to_string(options_.max_nodes) + " values");
    }
  }

  void Node(EventType type, const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
            const std::string* value) {
    const uint32_t pos = Pos(mark);
    const bool key = TakeKeyPosition();
    const bool collection = type == EventType::kSeqStart || type == EventType::kMapStart;
    if (key && collection) {
      Defer("yaml-syntax", pos, pos + 1,
            std::string("a mapping key must be a scalar, not a ") +
                (type == EventType::kSeqStart ? "sequence" : "mapping"));
    }
    Event e;
    e.type = type;
    e.pos = pos;
    e.anchor = static_cast<uint32_t>(anchor);
    if (tag == "?") {
      e.tag_kind = TagKind::kPlain;
    } else if (tag == "!") {
      e.tag_kind = TagKind::kNonPlain;
    } else {
      e.tag_kind = TagKind::kOther;
      e.tag_begin = Append(tag);
      e.tag_size = static_cast<uint32_t>(tag.size());
    }
    if (value != nullptr) {
      e.value_begin = Append(*value);
      e.value_size = static_cast<uint32_t>(value->size());
    }
    const auto index = static_cast<uint32_t>(events_.size());
    events_.push_back(e);
    const uint64_t total_before = total_;

    Anchor* a = nullptr;
    if (anchor != 0) {
      if (anchor >= anchors_.size()) anchors_.resize(anchor + 1);
      a = &anchors_[anchor];
      *a = Anchor{};
      a->defined = true;
      a->first = index;
      a->last = index;
      a->name = std::move(pending_name_);
      pending_name_.clear();
    }

    if (!collection) {
      const Shape shape =
          ScalarShape(type, tag, value != nullptr ? std::string_view(*value) : std::string_view());
      if (!key) {
        if (depth_ + shape.height > options_.max_depth) TooDeep(pos);
        AddValues(shape.count, pos);
        NoteChildHeight(shape.height);
      }
      if (a != nullptr) {
        a->complete = true;
        a->scalar = true;
        a->count = shape.count;
        a->height = shape.height;
      }
      return;
    }
    const uint32_t levels = CfnKey(tag).empty() ? 1 : 2;
    if (depth_ + levels > options_.max_depth) TooDeep(pos);
    AddValues(levels, pos);
    Frame f;
    f.map = type == EventType::kMapStart;
    f.expect_key = f.map;
    f.levels = levels;
    f.start = index;
    f.anchor = static_cast<uint32_t>(anchor);
    f.total_before = total_before;
    frames_.push_back(f);
    depth_ += levels;
  }

  void End(EventType type) {
    const Frame f = frames_.back();
    frames_.pop_back();
    depth_ -= f.levels;
    const auto index = static_cast<uint32_t>(events_.size());
    Event e;
    e.type = type;
    e.pos = events_[f.start].pos;
    events_.push_back(e);
    events_[f.start].match = index;
    const uint32_t height = f.levels + f.child_height;
    NoteChildHeight(height);
    if (f.anchor != 0) {
      Anchor& a = anchors_[f.anchor];
      a.last = index;
      a.count = total_ - f.total_before;
      a.height = height;
      a.complete = true;
    }
  }

  std::string_view text_;
  uint32_t base_;
  const YamlReadOptions& options_;
  std::vector<Event> events_;
  std::vector<Anchor> anchors_;  // by yaml-cpp's anchor id
  std::vector<Frame> frames_;
  std::string arena_;
  std::string pending_name_;
  std::optional<Failure> deferred_;
  uint64_t total_ = 0;
  uint32_t depth_ = 0;
  int documents_ = 0;
  uint32_t document_pos_ = 0;
};

// Where an empty node (`Key:` or `-` with nothing after it) is placed: just
// after the indicator (`:`, `-`, `?`) that follows the previous token.
size_t EmptyNodeAt(std::string_view text, size_t prev_end) {
  size_t i = prev_end;
  while (i < text.size()) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
    } else if (c == '#') {
      while (i < text.size() && text[i] != '\n' && text[i] != '\r') ++i;
    } else {
      break;
    }
  }
  if (i < text.size() && (text[i] == ':' || text[i] == '-' || text[i] == '?')) return i + 1;
  return prev_end;
}

// One past the closing quote of the quoted scalar at `pos`; a quote that is
// never closed is a syntax error yaml-cpp 0.7 lets through at the end of
// the input.
size_t QuotedEndOrFail(std::string_view text, size_t pos) {
  const size_t end = yaml_internal::QuotedEnd(text, pos);
  if (end == kNpos) {
    const auto at = static_cast<uint32_t>(pos);
    throw StopParse{
        Failure{"yaml-syntax", at, at + 1, "invalid YAML: the quoted scalar is not closed"}};
  }
  return end;
}

// Pass 2: spans from the source text. Throws StopParse for an unclosed quote.
void ComputeSpans(std::string_view text, std::string_view arena, uint32_t doc_begin,
                  std::vector<Event>& events) {
  struct Open {
    uint32_t index;
    bool bracketed;
    size_t last_end;
  };
  std::vector<Open> open;
  size_t prev_end = doc_begin;
  const size_t n = text.size();
  auto finish = [&](size_t end) {
    if (!open.empty()) open.back().last_end = std::max(open.back().last_end, end);
    prev_end = end;
  };
  for (size_t index = 0; index < events.size(); ++index) {
    Event& e = events[index];
    switch (e.type) {
      case EventType::kAlias: {
        e.begin = e.pos;
        e.end = static_cast<uint32_t>(yaml_internal::AliasEnd(text, e.pos));
        finish(e.end);
        break;
      }
      case EventType::kScalar:
      case EventType::kNull:
      case EventType::kSeqStart:
      case EventType::kMapStart: {
        const yaml_internal::Properties p = yaml_internal::SkipProperties(text, e.pos);
        const bool has_properties = p.after != e.pos;
        if (p.tag_begin != kNpos) {
          e.tag_at = static_cast<uint32_t>(p.tag_begin);
          e.tag_end = static_cast<uint32_t>(p.tag_end);
        }
        if (e.type == EventType::kNull || (e.type == EventType::kScalar && e.value_size == 0)) {
          size_t begin = 0;
          size_t end = 0;
          bool found = false;
          if (!has_properties || p.same_line) {
            const size_t c = p.content;
            if (e.type == EventType::kNull) {
              found = yaml_internal::NullLiteralAt(text, c, &end);
            } else if (c < n && (text[c] == '"' || text[c] == '\'')) {
              end = QuotedEndOrFail(text, c);
              found = true;
            }
            begin = c;
          }
          if (!found) begin = end = has_properties ? p.after : EmptyNodeAt(text, prev_end);
          e.begin = static_cast<uint32_t>(begin);
          e.end = static_cast<uint32_t>(end);
          if (e.tag_at == 0 && e.tag_end == 0) e.tag_at = e.tag_end = e.begin;
          finish(end);
          break;
        }
        const size_t c = p.content;
        e.begin = static_cast<uint32_t>(c);
        if (e.tag_at == 0 && e.tag_end == 0) e.tag_at = e.tag_end = e.begin;
        if (e.type == EventType::kScalar) {
          const char first = c < n ? text[c] : '\0';
          size_t end = 0;
          if (first == '"' || first == '\'') {
            end = QuotedEndOrFail(text, c);
          } else if (first == '|' || first == '>') {
            const size_t parent =
                open.empty() ? kNpos
                             : yaml_internal::ColumnOf(text, events[open.back().index].begin);
            end = yaml_internal::BlockScalarEnd(text, c, parent);
          } else {
            end = yaml_internal::PlainEnd(text, c, arena.substr(e.value_begin, e.value_size));
          }
          e.end = static_cast<uint32_t>(end);
          finish(end);
          break;
        }
        const bool bracketed = c < n && text[c] == (IsSeq(e.type) ? '[' : '{');
        e.end = static_cast<uint32_t>(bracketed ? c + 1 : c);
        open.push_back(Open{static_cast<uint32_t>(index), bracketed, bracketed ? c + 1 : c});
        prev_end = bracketed ? c + 1 : c;
        break;
      }
      case EventType::kSeqEnd:
      case EventType::kMapEnd: {
        const Open o = open.back();
        open.pop_back();
        size_t end = o.last_end;
        if (o.bracketed) {
          const size_t close = yaml_internal::FlowCloseEnd(text, o.last_end);
          if (close != kNpos) end = close;
        }
        Event& start = events[o.index];
        start.end = static_cast<uint32_t>(end);
        e.begin = start.begin;
        e.end = start.end;
        finish(end);
        break;
      }
    }
  }
}

// Pass 3: the events (aliases expanded) into a JsonDocument.
class Replayer {
 public:
  Replayer(std::string_view text, SourceId id, const std::string& arena,
           const std::vector<Event>& events, const std::vector<Anchor>& anchors)
      : text_(text), id_(id), arena_(arena), events_(events), anchors_(anchors) {}

  JsonDocument Run(uint32_t first, uint32_t last) {
    struct Range {
      uint32_t next;
      uint32_t last;
    };
    std::vector<Range> ranges{Range{first, last}};
    std::vector<bool> wrapped;  // per open collection: inside a short-form tag object
    while (!ranges.empty()) {
      if (ranges.back().next > ranges.back().last) {
        ranges.pop_back();
        continue;
      }
      const Event& e = events_[ranges.back().next++];
      const bool key = w_.expecting_key();
      switch (e.type) {
        case EventType::kAlias: {
          const Anchor& a = anchors_[e.anchor];
          if (key) {
            w_.Key(KeyText(events_[a.first]), SpanOf(e.begin, e.end));
          } else {
            ranges.push_back(Range{a.first, a.last});
          }
          break;
        }
        case EventType::kScalar:
        case EventType::kNull:
          if (key) {
            w_.Key(KeyText(e), SpanOf(e.begin, e.end));
          } else {
            Scalar(e);
          }
          break;
        case EventType::kSeqStart:
        case EventType::kMapStart: {
          const std::string cfn = CfnKey(Tag(e));
          if (!cfn.empty()) {
            w_.StartObject(SpanOf(e.tag_at, e.end));
            w_.Key(cfn, SpanOf(e.tag_at, e.tag_end));
          }
          if (IsSeq(e.type)) {
            w_.StartArray(SpanOf(e.begin, e.end));
          } else {
            w_.StartObject(SpanOf(e.begin, e.end));
          }
          wrapped.push_back(!cfn.empty());
          break;
        }
        case EventType::kSeqEnd:
        case EventType::kMapEnd:
          if (IsSeq(e.type)) {
            w_.EndArray(e.end);
          } else {
            w_.EndObject(e.end);
          }
          if (wrapped.back()) w_.EndObject(e.end);
          wrapped.pop_back();
          break;
      }
    }
    return w_.Finish();
  }

 private:
  Span SpanOf(uint32_t begin, uint32_t end) const { return Span{id_, begin, end}; }
  std::string_view Value(const Event& e) const {
    return std::string_view(arena_).substr(e.value_begin, e.value_size);
  }
  std::string_view Tag(const Event& e) const {
    if (e.tag_kind == TagKind::kPlain) return "?";
    if (e.tag_kind == TagKind::kNonPlain) return "!";
    return std::string_view(arena_).substr(e.tag_begin, e.tag_size);
  }
  // A key's text: the scalar's value; a null key as written (`~`, `null`, or
  // empty).
  std::string_view KeyText(const Event& e) const {
    if (e.type == EventType::kNull) return text_.substr(e.begin, e.end - e.begin);
    return Value(e);
  }

  void Plain(std::string_view v, Span span) {
    switch (yaml_internal::ResolvePlain(v)) {
      case JsonKind::kNull:
        w_.Null(span);
        break;
      case JsonKind::kTrue:
        w_.Bool(true, span);
        break;
      case JsonKind::kFalse:
        w_.Bool(false, span);
        break;
      case JsonKind::kNumber:
        w_.Number(v, span);
        break;
      default:
        w_.String(v, span);
        break;
    }
  }

  void Scalar(const Event& e) {
    const Span span = SpanOf(e.begin, e.end);
    const std::string_view v = Value(e);
    if (e.type == EventType::kNull) {
      w_.Null(span);
      return;
    }
    if (e.tag_kind == TagKind::kPlain) {
      Plain(v, span);
      return;
    }
    if (e.tag_kind == TagKind::kNonPlain) {
      w_.String(v, span);
      return;
    }
    const std::string_view tag = Tag(e);
    const std::string cfn = CfnKey(tag);
    if (!cfn.empty()) {
      w_.StartObject(SpanOf(e.tag_at, e.end));
      w_.Key(cfn, SpanOf(e.tag_at, e.tag_end));
      if (cfn == "Fn::GetAtt") {
        // `!GetAtt Resource.Attribute`: split at the first dot.
        w_.StartArray(span);
        const size_t dot = v.find('.');
        const bool exact = text_.substr(e.begin, e.end - e.begin) == v;
        if (dot == std::string_view::npos) {
          w_.String(v, span);
        } else {
          const auto split = static_cast<uint32_t>(e.begin + dot);
          w_.String(v.substr(0, dot), exact ? SpanOf(e.begin, split) : span);
          w_.String(v.substr(dot + 1), exact ? SpanOf(split + 1, e.end) : span);
        }
        w_.EndArray(e.end);
      } else {
        w_.String(v, span);
      }
      w_.EndObject(e.end);
      return;
    }
    constexpr std::string_view kCore = "tag:yaml.org,2002:";
    if (tag.substr(0, kCore.size()) == kCore) {
      const std::string_view type = tag.substr(kCore.size());
      const JsonKind kind = yaml_internal::ResolvePlain(v);
      if (type == "int" && yaml_internal::IsCoreInt(v)) {
        w_.Number(v, span);
      } else if (type == "float" &&
                 (yaml_internal::IsCoreInt(v) || yaml_internal::IsCoreFloat(v))) {
        w_.Number(v, span);
      } else if (type == "bool" && (kind == JsonKind::kTrue || kind == JsonKind::kFalse)) {
        w_.Bool(kind == JsonKind::kTrue, span);
      } else if (type == "null" && kind == JsonKind::kNull) {
        w_.Null(span);
      } else {
        w_.String(v, span);
      }
      return;
    }
    // Any other tag is dropped: the value reads as if it had none.
    const char first = e.begin < text_.size() ? text_[e.begin] : '\0';
    if (first == '"' || first == '\'' || first == '|' || first == '>') {
      w_.String(v, span);
    } else {
      Plain(v, span);
    }
  }

  std::string_view text_;
  SourceId id_;
  const std::string& arena_;
  const std::vector<Event>& events_;
  const std::vector<Anchor>& anchors_;
  JsonTreeWriter w_;
};

// A failure at yaml-cpp's mark (relative to `base`, where its input starts).
Failure AtMark(std::string_view text, uint32_t base, const YAML::Mark& mark, std::string code,
               std::string message) {
  size_t at = base;
  if (mark.pos >= 0) at = std::min(text.size(), size_t{base} + static_cast<size_t>(mark.pos));
  const auto begin = static_cast<uint32_t>(at);
  const uint32_t end = at < text.size() ? begin + 1 : begin;
  return Failure{std::move(code), begin, end, std::move(message)};
}

bool Read(std::string_view text, SourceId id, uint32_t base, const YamlReadOptions& options,
          JsonDocument* doc, Failure* failure) {
  Recorder recorder(text, base, options);
  bool any_document = false;
  try {
    MemoryBuf buffer(text.data() + base, text.data() + text.size());
    std::istream in(&buffer);
    YAML::Parser parser(in);
    any_document = parser.HandleNextDocument(recorder);
    // A second document stops in Recorder::OnDocumentStart.
    if (any_document) (void)parser.HandleNextDocument(recorder);
  } catch (const StopParse& stop) {
    *failure = stop.failure;
    return false;
  } catch (const YAML::DeepRecursion& e) {
    *failure =
        AtMark(text, base, e.mark, "json-too-deep", "YAML nested too deeply for the YAML parser");
    return false;
  } catch (const YAML::Exception& e) {
    std::string message = e.msg;
    while (!message.empty() && (message.back() == '.' || message.back() == ' ')) message.pop_back();
    *failure = AtMark(text, base, e.mark, "yaml-syntax", "invalid YAML: " + message);
    return false;
  }
  if (recorder.deferred()) {
    *failure = *recorder.deferred();
    return false;
  }
  std::vector<Event>& events = recorder.events();
  if (!any_document || events.empty()) {
    *failure = Failure{"yaml-syntax", base, base, "empty document"};
    return false;
  }
  try {
    ComputeSpans(text, recorder.arena(), recorder.document_pos(), events);
  } catch (const StopParse& stop) {
    *failure = stop.failure;
    return false;
  }
  const Event& root = events[0];
  if (root.type == EventType::kNull && root.begin == root.end) {
    const uint32_t at = recorder.document_pos();
    *failure = Failure{"yaml-syntax", at, at, "empty document"};
    return false;
  }
  const uint32_t last =
      root.type == EventType::kSeqStart || root.type == EventType::kMapStart ? root.match : 0;
  Replayer replayer(text, id, recorder.arena(), events, recorder.anchors());
  *doc = replayer.Run(0, last);
  return true;
}

}  // namespace

bool ReadYaml(const SourceManager& sources, SourceId id, const YamlReadOptions& options,
              JsonDocument* doc, DiagnosticSink& sink) {
  *doc = JsonDocument();
  const std::string_view text = sources.text(id);
  auto fail = [&](const Failure& f) {
    sink.Report(f.code, Severity::kError, Span{id, f.begin, f.end}, f.message);
    return false;
  };
  if (text.size() > options.max_bytes || text.size() > kMaxYamlBytes) {
    return fail(Failure{"input-too-large", 0, 0,
                        "input is " + std::to_string(text.size()) +
                            " bytes, more than the limit of " +
                            std::to_string(std::min(options.max_bytes, kMaxYamlBytes)) + " bytes"});
  }
  const uint32_t base = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  std::string message;
  const size_t bad = yaml_internal::FindEncodingError(text, base, &message);
  if (bad != kNpos) {
    const auto at = static_cast<uint32_t>(bad);
    return fail(Failure{"json-encoding", at, at + 1, message});
  }
  const size_t deep = yaml_internal::PrescanDepth(text, base, options.max_depth);
  if (deep != kNpos) {
    const auto at = static_cast<uint32_t>(deep);
    return fail(
        Failure{"json-too-deep", at, at + 1,
                "YAML nested deeper than " + std::to_string(options.max_depth) + " levels"});
  }
  Failure failure;
  try {
    if (Read(text, id, base, options, doc, &failure)) return true;
  } catch (const std::bad_alloc&) {
    failure = Failure{"input-too-large", base, base, "not enough memory to read the input"};
  } catch (const std::exception& e) {
    failure = Failure{"yaml-syntax", base, base, std::string("invalid YAML: ") + e.what()};
  } catch (...) {
    failure = Failure{"yaml-syntax", base, base, "invalid YAML"};
  }
  *doc = JsonDocument();
  return fail(failure);
}

bool LooksLikeYaml(std::string_view text) {
  size_t i = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      ++i;
    } else if (c == '#') {
      while (i < text.size() && text[i] != '\n' && text[i] != '\r') ++i;
    } else {
      return c != '{' && c != '[';
    }
  }
  return false;
}

}  // namespace iamlint

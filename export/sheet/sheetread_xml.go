package sheet

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"unicode/utf8"
)

// xmlScanner walks an XML stream tag by tag without building tokens: it
// yields each tag's bytes and the size of the text before it, keeping only
// the first few bytes of that text. It reads a worksheet at disk speed with
// a few kilobytes of memory, which is what lets the import check a sheet's
// bounds before excelize (whose token-based reader is ten times slower and
// pads rows to their last column) touches it. It is not a validating
// parser: comments, CDATA and processing instructions are skipped or read
// as text, and anything it cannot read is an error.
type xmlScanner struct {
	r        *bufio.Reader
	tag      []byte // the current tag between < and >, e.g. `c r="A1" s="3"/`
	text     []byte // the text before the current tag, at most keepText bytes
	textLen  int    // bytes of text before the current tag
	textRune int    // characters of text before the current tag
	keepAll  bool   // keep all the text, not just keepText bytes (inside a cell)
	err      error
}

const (
	keepText   = 64       // text kept per tag: enough for any number
	maxTagSize = 64 << 10 // a longer tag (attributes) is no spreadsheet
)

var errXMLTag = errors.New("xml tag too long or unterminated")

func newXMLScanner(r io.Reader) *xmlScanner {
	return &xmlScanner{r: bufio.NewReaderSize(r, 32<<10)}
}

// next moves to the next tag; it returns false at the end of the stream
// or on an error (in s.err; io.EOF is not an error).
func (s *xmlScanner) next() bool {
	s.text, s.textLen, s.textRune = s.text[:0], 0, 0
	for {
		chunk, err := s.r.ReadSlice('<')
		n := len(chunk)
		if err == nil {
			n--
		}
		s.addText(chunk[:n])
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			if err != io.EOF {
				s.err = err
			}
			return false
		}
		break
	}
	s.tag = s.tag[:0]
	for {
		if err := s.readTagPart(); err != nil {
			s.err = err
			return false
		}
		switch {
		case bytes.HasPrefix(s.tag, []byte("!--")) && !bytes.HasSuffix(s.tag, []byte("--")):
		case bytes.HasPrefix(s.tag, []byte("![CDATA[")) && !bytes.HasSuffix(s.tag, []byte("]]")):
		default:
			if bytes.HasPrefix(s.tag, []byte("![CDATA[")) {
				var esc bytes.Buffer // as text, escaped like any other
				xml.EscapeText(&esc, s.tag[8:len(s.tag)-2])
				s.addText(esc.Bytes())
				s.tag = append(s.tag[:0], "!"...)
			}
			return true
		}
		s.tag = append(s.tag, '>') // the '>' was inside a comment or CDATA
	}
}

// readTagPart appends the bytes up to the next '>' to s.tag.
func (s *xmlScanner) readTagPart() error {
	for {
		chunk, err := s.r.ReadSlice('>')
		if len(s.tag)+len(chunk) > maxTagSize {
			return errXMLTag
		}
		if err == nil {
			s.tag = append(s.tag, chunk[:len(chunk)-1]...)
			return nil
		}
		s.tag = append(s.tag, chunk...)
		if err != bufio.ErrBufferFull {
			if err == io.EOF {
				err = errXMLTag
			}
			return err
		}
	}
}

func (s *xmlScanner) addText(b []byte) {
	if s.keepAll {
		s.text = append(s.text, b...)
	} else if len(s.text) < keepText {
		s.text = append(s.text, b[:min(len(b), keepText-len(s.text))]...)
	}
	s.textLen += len(b)
	s.textRune += utf8.RuneCount(b)
}

// tagKind tells what the current tag is: its local name (without a
// namespace prefix), whether it is an end tag, and whether it closes
// itself. Declarations, comments and processing instructions have an
// empty name.
func (s *xmlScanner) tagKind() (name []byte, end, selfClosing bool) {
	t := s.tag
	if len(t) == 0 || t[0] == '?' || t[0] == '!' {
		return nil, false, false
	}
	if t[0] == '/' {
		end, t = true, t[1:]
	} else if t[len(t)-1] == '/' {
		selfClosing, t = true, t[:len(t)-1]
	}
	i := bytes.IndexAny(t, " \t\r\n")
	if i >= 0 {
		t = t[:i]
	}
	if j := bytes.LastIndexByte(t, ':'); j >= 0 {
		t = t[j+1:]
	}
	return t, end, selfClosing
}

// localTag is the current tag without the namespace prefix of its name
// (`x:v` → `v`, `/x:c` → `/c`), attributes as they are.
func (s *xmlScanner) localTag() []byte {
	t := s.tag
	start := 0
	if len(t) > 0 && t[0] == '/' {
		start = 1
	}
	end := len(t)
	if i := bytes.IndexAny(t[start:], " \t\r\n/"); i >= 0 {
		end = start + i
	}
	j := bytes.LastIndexByte(t[start:end], ':')
	if j < 0 {
		return t
	}
	out := append([]byte{}, t[:start]...)
	return append(out, t[start+j+1:]...)
}

// attr returns the value of the current tag's attribute with the given
// local name, unescaped only for the five XML entities; ok is false when
// the tag has no such attribute.
func (s *xmlScanner) attr(name string) (string, bool) {
	t := s.tag
	if i := bytes.IndexAny(t, " \t\r\n"); i >= 0 {
		t = t[i:]
	} else {
		return "", false
	}
	for len(t) > 0 {
		t = bytes.TrimLeft(t, " \t\r\n")
		eq := bytes.IndexByte(t, '=')
		if eq < 0 {
			return "", false
		}
		key := bytes.TrimSpace(t[:eq])
		if j := bytes.LastIndexByte(key, ':'); j >= 0 {
			key = key[j+1:]
		}
		rest := bytes.TrimLeft(t[eq+1:], " \t\r\n")
		if len(rest) == 0 || (rest[0] != '"' && rest[0] != '\'') {
			return "", false
		}
		end := bytes.IndexByte(rest[1:], rest[0])
		if end < 0 {
			return "", false
		}
		if string(key) == name {
			return unescapeXML(rest[1 : end+1]), true
		}
		t = rest[end+2:]
	}
	return "", false
}

var xmlEntities = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&", "&quot;", `"`, "&apos;", "'")

func unescapeXML(b []byte) string {
	if bytes.IndexByte(b, '&') < 0 {
		return string(b)
	}
	return xmlEntities.Replace(string(b))
}

package app

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
)

// The UI's CJK face (Droid Sans Fallback) has one weight, so Fyne drew the
// Latin letters of a bold heading bold and its Chinese regular. No freely
// licensed bold 黑体 with TrueType outlines is packaged in Debian (Noto Sans
// CJK ships CFF collections of 20 MB a weight; WenQuanYi and Droid have no
// bold), so the bold face is made from the regular one when the window
// first draws bold text: every outline is widened outwards by a fixed
// stroke, as FreeType's synthetic bold (FT_Outline_EmboldenXY, used by Linux
// desktops for exactly this font) does, and every advance grows by it.
// Nothing is added to the program's size.

// boldFontName names the synthesised face (Fyne caches faces by name).
const boldFontName = "DroidSansFallbackFull-SyntheticBold.ttf"

// boldStroke is how much a stroke widens, as a fraction of the em.
const boldStroke = 1.0 / 26

// boldFace is the bold version of a regular TrueType face.
func boldFace(regular []byte) ([]byte, error) {
	tables, err := readTables(regular)
	if err != nil {
		return nil, err
	}
	head := tables["head"]
	if len(head) < 20 {
		return nil, errors.New("embolden: short head table")
	}
	upm := float64(binary.BigEndian.Uint16(head[18:]))
	return emboldenTTF(regular, upm*boldStroke)
}

// emboldenTTF returns a copy of the TrueType font with every simple glyph's
// outline widened by strength font units (half on each side) and moved
// right by half of it, advances widened by strength, hinting dropped.
func emboldenTTF(font []byte, strength float64) ([]byte, error) {
	tables, err := readTables(font)
	if err != nil {
		return nil, err
	}
	head, loca, glyf, hhea, hmtx := tables["head"], tables["loca"], tables["glyf"], tables["hhea"], tables["hmtx"]
	maxp := tables["maxp"]
	if head == nil || loca == nil || glyf == nil || hhea == nil || hmtx == nil || maxp == nil || len(head) < 54 || len(maxp) < 6 || len(hhea) < 36 {
		return nil, errors.New("embolden: not a TrueType (glyf) font")
	}
	n := int(binary.BigEndian.Uint16(maxp[4:]))
	long := binary.BigEndian.Uint16(head[50:]) == 1
	offset := func(i int) int {
		if long {
			return int(binary.BigEndian.Uint32(loca[4*i:]))
		}
		return 2 * int(binary.BigEndian.Uint16(loca[2*i:]))
	}
	if (long && len(loca) < 4*(n+1)) || (!long && len(loca) < 2*(n+1)) {
		return nil, errors.New("embolden: short loca table")
	}
	nMetrics := int(binary.BigEndian.Uint16(hhea[34:]))
	if nMetrics == 0 || nMetrics > n || len(hmtx) < 4*nMetrics {
		return nil, errors.New("embolden: bad hmtx table")
	}
	newGlyf := make([]byte, 0, len(glyf)*5/4)
	newLoca := make([]byte, 4*(n+1))
	newHmtx := slices.Clone(hmtx)
	xMinOf := make([]int16, n)
	for i := range n {
		binary.BigEndian.PutUint32(newLoca[4*i:], uint32(len(newGlyf)))
		from, to := offset(i), offset(i+1)
		if from > to || to > len(glyf) {
			return nil, fmt.Errorf("embolden: glyph %d outside glyf", i)
		}
		g := glyf[from:to]
		if len(g) >= 10 && int16(binary.BigEndian.Uint16(g)) >= 0 {
			var err error
			if g, err = emboldenGlyph(g, strength); err != nil {
				return nil, fmt.Errorf("embolden: glyph %d: %w", i, err)
			}
		}
		if len(g) >= 10 {
			xMinOf[i] = int16(binary.BigEndian.Uint16(g[2:]))
		}
		newGlyf = append(newGlyf, g...)
		for len(newGlyf)%4 != 0 {
			newGlyf = append(newGlyf, 0)
		}
	}
	binary.BigEndian.PutUint32(newLoca[4*n:], uint32(len(newGlyf)))
	grow := uint16(math.Round(strength))
	for i := range nMetrics {
		binary.BigEndian.PutUint16(newHmtx[4*i:], binary.BigEndian.Uint16(hmtx[4*i:])+grow)
		binary.BigEndian.PutUint16(newHmtx[4*i+2:], uint16(xMinOf[i]))
	}
	for i := nMetrics; i < n && 2*(i-nMetrics)+4*nMetrics+2 <= len(hmtx); i++ {
		binary.BigEndian.PutUint16(newHmtx[4*nMetrics+2*(i-nMetrics):], uint16(xMinOf[i]))
	}
	newHead := slices.Clone(head)
	binary.BigEndian.PutUint16(newHead[50:], 1) // long loca offsets
	binary.BigEndian.PutUint32(newHead[8:], 0)  // checkSumAdjustment, set below
	newHhea := slices.Clone(hhea)
	binary.BigEndian.PutUint16(newHhea[10:], binary.BigEndian.Uint16(hhea[10:])+grow) // advanceWidthMax
	tables["head"], tables["loca"], tables["glyf"], tables["hhea"], tables["hmtx"] = newHead, newLoca, newGlyf, newHhea, newHmtx
	if os2 := tables["OS/2"]; len(os2) >= 6 {
		os2 = slices.Clone(os2)
		binary.BigEndian.PutUint16(os2[4:], 700) // usWeightClass: bold
		tables["OS/2"] = os2
	}
	for _, tag := range []string{"fpgm", "prep", "cvt ", "hdmx", "LTSH", "VDMX", "DSIG", "gasp"} {
		delete(tables, tag) // hinting and device metrics of the regular outlines
	}
	out := writeTables(tables)
	binary.BigEndian.PutUint32(out[tableOffset(out, "head")+8:], 0xB1B0AFBA-checksum(out))
	return out, nil
}

// readTables splits an sfnt file into its tables by tag.
func readTables(font []byte) (map[string][]byte, error) {
	if len(font) < 12 {
		return nil, errors.New("embolden: short font")
	}
	if v := binary.BigEndian.Uint32(font); v != 0x00010000 && v != 0x74727565 {
		return nil, errors.New("embolden: not a TrueType font")
	}
	num := int(binary.BigEndian.Uint16(font[4:]))
	if len(font) < 12+16*num {
		return nil, errors.New("embolden: short table directory")
	}
	tables := map[string][]byte{}
	for i := range num {
		rec := font[12+16*i:]
		off, length := int(binary.BigEndian.Uint32(rec[8:])), int(binary.BigEndian.Uint32(rec[12:]))
		if off < 0 || length < 0 || off+length > len(font) {
			return nil, fmt.Errorf("embolden: table %q outside the file", rec[:4])
		}
		tables[string(rec[:4])] = font[off : off+length]
	}
	return tables, nil
}

// writeTables builds an sfnt file from tables, sorted by tag.
func writeTables(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	slices.Sort(tags)
	num := len(tags)
	entry := 0
	for 1<<(entry+1) <= num {
		entry++
	}
	out := make([]byte, 12+16*num)
	binary.BigEndian.PutUint32(out, 0x00010000)
	binary.BigEndian.PutUint16(out[4:], uint16(num))
	binary.BigEndian.PutUint16(out[6:], uint16(16<<entry))
	binary.BigEndian.PutUint16(out[8:], uint16(entry))
	binary.BigEndian.PutUint16(out[10:], uint16(16*num-16<<entry))
	for i, t := range tags {
		data := tables[t]
		rec := out[12+16*i:]
		copy(rec, t)
		binary.BigEndian.PutUint32(rec[4:], checksum(data))
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(data)))
		out = append(out, data...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out
}

func tableOffset(font []byte, tag string) int {
	num := int(binary.BigEndian.Uint16(font[4:]))
	for i := range num {
		rec := font[12+16*i:]
		if string(rec[:4]) == tag {
			return int(binary.BigEndian.Uint32(rec[8:]))
		}
	}
	return -1
}

func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}

// emboldenGlyph widens one simple glyph and writes it back without
// instructions, every coordinate as a 16-bit value.
func emboldenGlyph(g []byte, strength float64) ([]byte, error) {
	nc := int(binary.BigEndian.Uint16(g))
	if nc == 0 {
		return g, nil
	}
	p := 10
	if len(g) < p+2*nc+2 {
		return nil, errors.New("short glyph")
	}
	ends := make([]int, nc)
	for i := range ends {
		ends[i] = int(binary.BigEndian.Uint16(g[p+2*i:]))
		if i > 0 && ends[i] <= ends[i-1] {
			return nil, errors.New("contour ends out of order")
		}
	}
	p += 2 * nc
	p += 2 + int(binary.BigEndian.Uint16(g[p:])) // instructions
	np := ends[nc-1] + 1
	flags := make([]byte, 0, np)
	for len(flags) < np {
		if p >= len(g) {
			return nil, errors.New("short flags")
		}
		f := g[p]
		p++
		flags = append(flags, f)
		if f&8 != 0 {
			if p >= len(g) {
				return nil, errors.New("short flags")
			}
			for range int(g[p]) {
				flags = append(flags, f)
			}
			p++
		}
	}
	flags = flags[:np]
	xs, ys := make([]float64, np), make([]float64, np)
	for _, ax := range []struct {
		short, same byte
		dst         []float64
	}{{2, 16, xs}, {4, 32, ys}} {
		var v int
		for i, f := range flags {
			switch {
			case f&ax.short != 0:
				if p >= len(g) {
					return nil, errors.New("short coordinates")
				}
				d := int(g[p])
				p++
				if f&ax.same == 0 {
					d = -d
				}
				v += d
			case f&ax.same == 0:
				if p+2 > len(g) {
					return nil, errors.New("short coordinates")
				}
				v += int(int16(binary.BigEndian.Uint16(g[p:])))
				p += 2
			}
			ax.dst[i] = float64(v)
		}
	}
	// TrueType fills to the right of the direction of travel (outer
	// contours clockwise); a font drawn the other way round is widened
	// the other way.
	half := strength / 2
	if signedArea(xs, ys, ends) > 0 {
		half = -half
	}
	start := 0
	for _, end := range ends {
		widenContour(xs[start:end+1], ys[start:end+1], half)
		start = end + 1
	}
	for i := range xs {
		xs[i] += strength / 2 // keep the left side bearing
	}
	out := make([]byte, 10, 10+2*nc+2+np*5)
	binary.BigEndian.PutUint16(out, uint16(nc))
	for _, e := range ends {
		out = binary.BigEndian.AppendUint16(out, uint16(e))
	}
	out = binary.BigEndian.AppendUint16(out, 0) // no instructions
	for _, f := range flags {
		out = append(out, f&1) // on-curve bit; 16-bit coordinates follow
	}
	xMin, xMax, xOut := coordinates(xs)
	yMin, yMax, yOut := coordinates(ys)
	out = append(append(out, xOut...), yOut...)
	for i, v := range []int{xMin, yMin, xMax, yMax} {
		binary.BigEndian.PutUint16(out[2+2*i:], uint16(int16(v)))
	}
	return out, nil
}

// coordinates rounds one axis and encodes it as 16-bit deltas, with its
// range.
func coordinates(v []float64) (lo, hi int, out []byte) {
	lo, hi = math.MaxInt16, math.MinInt16
	prev := 0
	for _, f := range v {
		x := int(math.Round(f))
		lo, hi = min(lo, x), max(hi, x)
		out = binary.BigEndian.AppendUint16(out, uint16(int16(x-prev)))
		prev = x
	}
	return lo, hi, out
}

// signedArea is twice the area the contours enclose, positive when they
// run anticlockwise (y up).
func signedArea(xs, ys []float64, ends []int) float64 {
	var a float64
	start := 0
	for _, end := range ends {
		for i := start; i <= end; i++ {
			j := i + 1
			if j > end {
				j = start
			}
			a += xs[i]*ys[j] - xs[j]*ys[i]
		}
		start = end + 1
	}
	return a
}

// widenContour moves each point of a closed contour outwards by s along
// the bisector of its two edges' normals (a miter join, limited at sharp
// corners), to the left of the direction of travel: outwards for a filled
// region drawn clockwise, into the hole for a hole drawn anticlockwise.
func widenContour(xs, ys []float64, s float64) {
	n := len(xs)
	if n < 3 {
		return
	}
	ox, oy := slices.Clone(xs), slices.Clone(ys)
	unit := func(i, j int) (float64, float64, bool) {
		dx, dy := ox[j]-ox[i], oy[j]-oy[i]
		l := math.Hypot(dx, dy)
		if l < 1e-9 {
			return 0, 0, false
		}
		return dx / l, dy / l, true
	}
	for i := range n {
		// The nearest distinct neighbours on each side.
		var ix, iy, px, py float64
		ok1, ok2 := false, false
		for k := 1; k < n && !ok1; k++ {
			ix, iy, ok1 = unit((i-k+n)%n, i)
		}
		for k := 1; k < n && !ok2; k++ {
			px, py, ok2 = unit(i, (i+k)%n)
		}
		if !ok1 || !ok2 {
			continue
		}
		// Left normals of the incoming and outgoing edges.
		n1x, n1y, n2x, n2y := -iy, ix, -py, px
		d := 1 + n1x*n2x + n1y*n2y
		if d < 0.25 { // very sharp corner: limit the miter
			d = 0.25
		}
		xs[i] = ox[i] + s*(n1x+n2x)/d
		ys[i] = oy[i] + s*(n1y+n2y)/d
	}
}

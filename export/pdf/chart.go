package pdf

import (
	"math"

	"codeberg.org/go-pdf/fpdf"
)

// ChartItem is one bar or slice: a label, the value drawn and the text
// printed beside it (e.g. "62件 35.4%", so the chart shows the report's
// own digits).
type ChartItem struct {
	Label string
	Value float64
	Text  string
}

// Chart is a bar chart or a pie/ring chart drawn with PDF vector
// primitives, with a title above it.
type Chart struct {
	Title  string
	Items  []ChartItem
	Ring   bool   // PieChart: a ring with Center written in the hole
	Center string // PieChart with Ring: e.g. "共172件"
}

// chartColors print well in colour and stay distinct in greyscale.
var chartColors = [][3]int{
	{68, 114, 196}, {237, 125, 49}, {112, 173, 71}, {255, 192, 0}, {165, 165, 165},
	{91, 155, 213}, {38, 68, 120}, {158, 72, 14}, {99, 99, 99}, {153, 115, 0},
}

func chartColor(i int) [3]int { return chartColors[i%len(chartColors)] }

const (
	barRowH = 7.0 // mm per bar
	barH    = 4.6
)

// BarChart draws one horizontal bar per item: the label on the left, the
// bar scaled to the largest value, and the item's text after the bar.
func (d *Doc) BarChart(c Chart) {
	if len(c.Items) == 0 {
		return
	}
	role := d.tpl.TableText
	titleH := d.chartTitleHeight(c.Title)
	d.ensure(titleH + float64(len(c.Items))*barRowH + 4)
	d.chartTitle(c.Title)
	labelW, textW, maxV := 0.0, 0.0, 0.0
	for _, it := range c.Items {
		labelW = max(labelW, d.fonts.textWidth(it.Label, role, 0))
		textW = max(textW, d.fonts.textWidth(it.Text, role, 0))
		maxV = max(maxV, it.Value)
	}
	labelW = min(labelW, d.tpl.TextW*0.35)
	x0 := d.tpl.Left + labelW + 3
	barMax := d.tpl.TextW - labelW - 3 - textW - 4
	p := d.pdf
	top := d.y + 1
	em := role.Size * MMPerPt
	for i, it := range c.Items {
		y := top + float64(i)*barRowH
		mid := y + barRowH/2
		label := []rune(it.Label)
		for len(label) > 1 && d.fonts.textWidth(string(label), role, 0) > labelW {
			label = label[:len(label)-1]
		}
		d.fonts.draw(x0-3-d.fonts.textWidth(string(label), role, 0), mid+0.38*em, label, role, 0)
		w := 0.0
		if maxV > 0 {
			w = barMax * it.Value / maxV
		}
		if w > 0 {
			col := chartColor(0)
			p.SetFillColor(col[0], col[1], col[2])
			p.Rect(x0, mid-barH/2, w, barH, "F")
		}
		d.fonts.draw(x0+w+2, mid+0.38*em, []rune(it.Text), role, 0)
	}
	p.SetDrawColor(0, 0, 0)
	p.SetLineWidth(0.3)
	p.Line(x0, top, x0, top+float64(len(c.Items))*barRowH)
	d.y = top + float64(len(c.Items))*barRowH + d.tpl.pitch()/2
}

// PieChart draws the items as slices of a pie (or ring) starting at twelve
// o'clock, clockwise, with a legend beside it: colour, label and text.
// Items with no value appear in the legend only.
func (d *Doc) PieChart(c Chart) {
	if len(c.Items) == 0 {
		return
	}
	role := d.tpl.TableText
	const radius = 28.0
	legendH := float64(len(c.Items)) * barRowH
	h := max(2*radius+6, legendH+4)
	d.ensure(d.chartTitleHeight(c.Title) + h)
	d.chartTitle(c.Title)
	cx, cy := d.tpl.Left+d.tpl.TextW*0.28, d.y+h/2
	total := 0.0
	for _, it := range c.Items {
		total += max(it.Value, 0)
	}
	p := d.pdf
	start := 0.0
	for i, it := range c.Items {
		if it.Value <= 0 || total <= 0 {
			continue
		}
		sweep := 2 * math.Pi * it.Value / total
		col := chartColor(i)
		p.SetFillColor(col[0], col[1], col[2])
		p.SetDrawColor(255, 255, 255)
		p.SetLineWidth(0.4)
		p.Polygon(sector(cx, cy, radius, start, sweep), "FD")
		start += sweep
	}
	em := role.Size * MMPerPt
	if c.Ring {
		p.SetFillColor(255, 255, 255)
		p.Circle(cx, cy, radius*0.55, "F")
		if c.Center != "" {
			w := d.fonts.textWidth(c.Center, role, 0)
			d.fonts.draw(cx-w/2, cy+0.38*em, []rune(c.Center), role, 0)
		}
	}
	p.SetDrawColor(0, 0, 0)
	lx := d.tpl.Left + d.tpl.TextW*0.56
	ly := cy - legendH/2
	for i, it := range c.Items {
		y := ly + float64(i)*barRowH
		col := chartColor(i)
		p.SetFillColor(col[0], col[1], col[2])
		p.Rect(lx, y+barRowH/2-2, 4, 4, "F")
		text := it.Label + "  " + it.Text
		d.fonts.draw(lx+6, y+barRowH/2+0.38*em, []rune(text), role, 0)
	}
	d.y += h + d.tpl.pitch()/2
}

// sector is the outline of a pie slice: the centre and points along the
// arc from start, sweeping clockwise (radians from twelve o'clock).
func sector(cx, cy, r, start, sweep float64) []fpdf.PointType {
	pts := []fpdf.PointType{{X: cx, Y: cy}}
	steps := max(2, int(math.Ceil(sweep/(math.Pi/90)))) // every 2°
	for i := 0; i <= steps; i++ {
		a := start + sweep*float64(i)/float64(steps)
		pts = append(pts, fpdf.PointType{X: cx + r*math.Sin(a), Y: cy - r*math.Cos(a)})
	}
	return pts
}

func (d *Doc) chartTitleHeight(title string) float64 {
	if title == "" {
		return 0
	}
	return d.linePitch(d.tpl.TableTitle)
}

func (d *Doc) chartTitle(title string) {
	if title != "" {
		d.Text(title, TextStyle{Role: d.tpl.TableTitle, Align: AlignCenter})
	}
}

package demo

import (
	"fmt"

	"zhengxie/data"
)

// training and duty are what most county members do every year besides the
// plenary: the 全体委员学习培训 in spring, and turns on duty at the 委员工作室
// (two days a month, a handful of members each, so nearly everyone serves
// once or twice a year).
func (w *actWriter) training(y int, _ []data.Session) error {
	date := workday(fmt.Sprintf("%d-04-%02d", y, 14+w.rng.IntN(8)))
	all := w.everyone(func(m data.Member) bool { return m.Role != "主席" })
	ev := data.Activity{Kind: data.ActEvent, Type: "学习培训", Title: fmt.Sprintf("%d年度全体委员学习培训班", y),
		Date: date, EndDate: addDays(date, 1), Organizer: "县政协办公室", Place: "县委党校",
		Members: w.attendees(all, date, 88)}
	if err := w.create(&ev); err != nil {
		return err
	}
	studios := []string{"城关镇委员工作室", "王庄镇委员工作室", "经济界别委员工作室", "教育界别委员工作室"}
	order := w.everyone(func(m data.Member) bool { return m.Role == "委员" || m.Role == "常委" })
	w.rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	next := 0
	for month := 2; month <= 12; month++ {
		for _, day := range []int{8, 22} {
			date := workday(fmt.Sprintf("%d-%02d-%02d", y, month, day))
			var shift []data.Attendee
			for len(shift) < 12 && len(order) > 0 {
				shift = append(shift, order[next%len(order)])
				next++
			}
			studio := studios[(month+day)%len(studios)]
			ev := data.Activity{Kind: data.ActEvent, Type: "委员工作室值班", Title: studio + "接待群众",
				Date: date, Organizer: "县政协办公室", Place: studio, Members: w.attendees(shift, date, 90)}
			if err := w.create(&ev); err != nil {
				return err
			}
		}
	}
	return nil
}

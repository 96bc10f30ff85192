//! Lays the blocks of a document out on pages, top to bottom: how each kind of block looks,
//! when it moves to the next page, and the page numbers once the page count is known.

use super::chart;
use super::document::{Block, Document, Table};
use super::fonts::{Fonts, Weight};
use super::layout::{
    Align, Bookmark, CONTENT_BOTTOM, CONTENT_HEIGHT, CONTENT_LEFT, CONTENT_RIGHT, CONTENT_TOP,
    CONTENT_WIDTH, Color, Drawing, FOOTER_BASELINE, FOOTER_NOTE_BASELINE, PAGE_WIDTH, Page,
    Primitive, Stroke, Style, Typesetter, mm, point,
};

const BODY: Style = Style::new(Weight::Regular, 10.0, Color::TEXT);
const BODY_BOLD: Style = Style::new(Weight::Bold, 10.0, Color::TEXT);
const TITLE: Style = Style::new(Weight::Bold, 22.0, Color::TEXT);
const SUBTITLE: Style = Style::new(Weight::Regular, 11.0, Color::MUTED);
const TABLE_CELL: Style = Style::new(Weight::Regular, 9.0, Color::TEXT);
const TABLE_HEADER: Style = Style::new(Weight::Bold, 9.0, Color::TEXT);
const SMALL: Style = Style::new(Weight::Regular, 8.0, Color::MUTED);
const FOOTER: Style = Style::new(Weight::Regular, 8.0, Color::MUTED);
const RUNNING_HEAD: Style = Style::new(Weight::Bold, 9.0, Color::ACCENT);

/// Space after a block.
const BLOCK_GAP: f32 = 8.0;
/// Inner space of a table cell: sideways, and above and below the text.
const CELL_PAD_X: f32 = 4.0;
const CELL_PAD_Y: f32 = 3.0;
/// Indent of list text after its bullet or box.
const INDENT: f32 = 14.0;
const TICK_BOX: f32 = 10.0;
const RATING_BOX: f32 = 16.0;
/// Distance between the lines to write on.
const WRITING_LINE_PITCH: f32 = mm(8.0);
/// Fractions of a point are rounding, not overflow.
const EPSILON: f32 = 0.01;

/// The pages of `document`, each with its page number.
pub fn lay_out(document: &Document, fonts: &Fonts) -> Vec<Page> {
    let mut flow = Flow::new(Typesetter::new(fonts));
    for (index, block) in document.blocks.iter().enumerate() {
        if let Block::KeepTogether(count) = block {
            let end = (index + 1 + count).min(document.blocks.len());
            flow.keep_together(&document.blocks[index + 1..end]);
            continue;
        }
        flow.block(block);
    }
    flow.finish(&document.footer)
}

fn heading_style(level: u8) -> (Style, f32) {
    match level {
        0 | 1 => (Style::new(Weight::Bold, 15.0, Color::ACCENT), 14.0),
        2 => (Style::new(Weight::Bold, 12.0, Color::TEXT), 10.0),
        _ => (Style::new(Weight::Bold, 10.5, Color::TEXT), 6.0),
    }
}

/// The pages done so far, the page being filled, and how far down it is filled.
struct Flow<'a> {
    typesetter: Typesetter<'a>,
    pages: Vec<Page>,
    page: Page,
    /// The top of the free space on the current page.
    y: f32,
    /// Where the free space of the current page began: below its running head, if any.
    page_top: f32,
    /// The line that heads each new page; empty for none.
    running_head: String,
}

impl<'a> Flow<'a> {
    fn new(typesetter: Typesetter<'a>) -> Self {
        Flow {
            typesetter,
            pages: Vec::new(),
            page: Page::default(),
            y: CONTENT_TOP,
            page_top: CONTENT_TOP,
            running_head: String::new(),
        }
    }

    fn room(&self) -> f32 {
        self.y - CONTENT_BOTTOM
    }

    fn at_page_top(&self) -> bool {
        self.y >= self.page_top - EPSILON
    }

    fn new_page(&mut self) {
        self.pages.push(std::mem::take(&mut self.page));
        self.y = CONTENT_TOP;
        self.draw_running_head();
        self.page_top = self.y;
    }

    /// The running head at the top of a fresh page, with a hairline under it.
    fn draw_running_head(&mut self) {
        if self.running_head.trim().is_empty() {
            return;
        }
        let lines = self.wrap(&self.running_head, &RUNNING_HEAD, CONTENT_WIDTH);
        let runs = self
            .typesetter
            .lines(&lines, &RUNNING_HEAD, CONTENT_LEFT, self.y, Align::Left);
        self.draw(runs);
        self.y -= RUNNING_HEAD.height(lines.len()) + 3.0;
        self.draw([Primitive::line(
            point(CONTENT_LEFT, self.y),
            point(CONTENT_RIGHT, self.y),
            Stroke::solid(Color::RULE, 0.5),
        )]);
        self.y -= BLOCK_GAP;
    }

    /// From here on new pages carry `text` at the top. A page that holds nothing yet but the
    /// previous head (a section starting after a page break) is headed anew: a section's own
    /// first page does not say it continues.
    fn set_running_head(&mut self, text: &str) {
        self.running_head = text.to_string();
        if self.at_page_top() {
            self.page.items.clear();
            self.y = CONTENT_TOP;
            self.page_top = CONTENT_TOP;
        }
    }

    /// Starts a new page unless `height` fits on this one (or this one is still empty: what
    /// does not fit on an empty page does not fit anywhere, and goes where it is).
    fn need(&mut self, height: f32) {
        if height > self.room() + EPSILON && !self.at_page_top() {
            self.new_page();
        }
    }

    /// Space between blocks; none at the top of a page, and never past its foot.
    fn gap(&mut self, height: f32) {
        if !self.at_page_top() {
            self.y -= height.min(self.room()).max(0.0);
        }
    }

    fn draw(&mut self, items: impl IntoIterator<Item = Primitive>) {
        self.page.items.extend(items);
    }

    /// An outline entry for a heading placed on the current page.
    fn bookmark(&mut self, level: u8, title: &str) {
        self.page.bookmarks.push(Bookmark {
            level: level.max(1),
            title: title.to_string(),
        });
    }

    fn wrap(&self, text: &str, style: &Style, width: f32) -> Vec<String> {
        self.typesetter.wrap(text, style, width)
    }

    /// Lines of text from the left edge `x` down, continuing on the next page when the page is
    /// full; `first_line` is called with the baseline of the first line (for a bullet).
    fn text_lines(
        &mut self,
        lines: &[String],
        style: &Style,
        x: f32,
        mut first_line: impl FnMut(&mut Self, f32),
    ) {
        for (index, line) in lines.iter().enumerate() {
            self.need(style.leading);
            let baseline = self.y - style.baseline_offset();
            if index == 0 {
                first_line(self, baseline);
            }
            let run = self.typesetter.run(line, style, x, baseline, Align::Left);
            self.draw([run]);
            self.y -= style.leading;
        }
    }

    fn drawing(&mut self, drawing: Drawing) {
        if drawing.height <= 0.0 {
            return;
        }
        self.need(drawing.height);
        let top = self.y;
        self.y -= drawing.height;
        self.draw(drawing.place(CONTENT_LEFT, top));
        self.gap(BLOCK_GAP);
    }

    /// A new page unless `blocks` fit in the room left or do not fit on any page. They are
    /// measured by laying them out on a page of their own, just below its top so that the
    /// space before them counts as it will here.
    fn keep_together(&mut self, blocks: &[Block]) {
        let mut probe = Flow::new(self.typesetter);
        probe.y = CONTENT_TOP - EPSILON * 2.0;
        let start = probe.y;
        for block in blocks {
            probe.block(block);
        }
        let fits_a_page = probe.pages.is_empty();
        if fits_a_page && start - probe.y > self.room() + EPSILON && !self.at_page_top() {
            self.new_page();
        }
    }

    fn block(&mut self, block: &Block) {
        match block {
            Block::Title { title, lines } => self.title(title, lines),
            Block::Heading(level, text) => self.heading(*level, text),
            Block::Paragraph(text) => self.paragraph(text),
            Block::Bullets(items) => self.bullets(items),
            Block::KeyValues(pairs) => self.key_values(pairs),
            Block::Table(table) => self.table(table),
            Block::RadarChart(radar) => {
                self.drawing(chart::radar(radar, self.typesetter, CONTENT_WIDTH))
            }
            Block::BarChart(bars) => {
                self.drawing(chart::bars(bars, self.typesetter, CONTENT_WIDTH))
            }
            Block::HeatMap(map) => {
                self.drawing(chart::heat_map(map, self.typesetter, CONTENT_WIDTH))
            }
            Block::TrendChart(trend) => {
                self.drawing(chart::trend(trend, self.typesetter, CONTENT_WIDTH))
            }
            Block::WriteLines { label, lines } => self.write_lines(label, *lines),
            Block::Checkboxes(items) => self.checkboxes(items),
            Block::RatingBoxes {
                label,
                values,
                legend,
            } => self.rating_boxes(label, values, legend),
            Block::PageBreak => {
                if !self.at_page_top() {
                    self.new_page();
                }
            }
            Block::RunningHead(text) => self.set_running_head(text),
            // Handled by `lay_out`, which sees the blocks that follow.
            Block::KeepTogether(_) => {}
            // Asked-for space counts at the top of a page too (to push a title down); more
            // than is left ends the page.
            Block::Spacer(millimetres) => {
                let height = mm(*millimetres);
                if height < self.room() {
                    self.y -= height;
                } else if !self.at_page_top() {
                    self.new_page();
                }
            }
        }
    }

    /// A band in the house colour, the title, and the who/what/when lines under it.
    fn title(&mut self, title: &str, lines: &[String]) {
        const BAND: f32 = 6.0;
        let title_lines = self.wrap(title, &TITLE, CONTENT_WIDTH);
        let sub_lines: Vec<String> = lines
            .iter()
            .flat_map(|line| self.wrap(line, &SUBTITLE, CONTENT_WIDTH))
            .collect();
        let height = BAND
            + 18.0
            + TITLE.height(title_lines.len())
            + 6.0
            + SUBTITLE.height(sub_lines.len())
            + 10.0;
        self.need(height);
        self.bookmark(1, title);
        let top = self.y;
        self.draw([Primitive::rect_from_top(
            CONTENT_LEFT,
            top,
            CONTENT_WIDTH,
            BAND,
            Some(Color::ACCENT),
            None,
        )]);
        let title_top = top - BAND - 18.0;
        let title_runs =
            self.typesetter
                .lines(&title_lines, &TITLE, CONTENT_LEFT, title_top, Align::Left);
        self.draw(title_runs);
        let sub_top = title_top - TITLE.height(title_lines.len()) - 6.0;
        let sub_runs =
            self.typesetter
                .lines(&sub_lines, &SUBTITLE, CONTENT_LEFT, sub_top, Align::Left);
        self.draw(sub_runs);
        let rule_y = top - height;
        self.draw([Primitive::line(
            point(CONTENT_LEFT, rule_y),
            point(CONTENT_RIGHT, rule_y),
            Stroke::solid(Color::RULE, 0.8),
        )]);
        self.y = rule_y;
        self.gap(18.0);
    }

    /// A heading, kept on the page with at least two lines of what follows.
    fn heading(&mut self, level: u8, text: &str) {
        let (style, space_before) = heading_style(level);
        let lines = self.wrap(text, &style, CONTENT_WIDTH);
        self.gap(space_before);
        self.need(style.height(lines.len()) + 4.0 + BODY.height(2));
        self.bookmark(level, text);
        let runs = self
            .typesetter
            .lines(&lines, &style, CONTENT_LEFT, self.y, Align::Left);
        self.draw(runs);
        self.y -= style.height(lines.len()) + 4.0;
    }

    fn paragraph(&mut self, text: &str) {
        let lines = self.wrap(text, &BODY, CONTENT_WIDTH);
        // No single first line left alone at the foot of a page.
        self.need(BODY.height(lines.len().min(2)));
        self.text_lines(&lines, &BODY, CONTENT_LEFT, |_, _| {});
        self.gap(BLOCK_GAP);
    }

    fn bullets(&mut self, items: &[String]) {
        for item in items {
            let lines = self.wrap(item, &BODY, CONTENT_WIDTH - INDENT);
            let typesetter = self.typesetter;
            self.text_lines(&lines, &BODY, CONTENT_LEFT + INDENT, |flow, baseline| {
                let bullet = typesetter.run("•", &BODY, CONTENT_LEFT + 3.0, baseline, Align::Left);
                flow.draw([bullet]);
            });
            self.gap(2.0);
        }
        self.gap(BLOCK_GAP - 2.0);
    }

    /// Labels in bold in a column as wide as the widest (up to a third of the page), the values
    /// beside them.
    fn key_values(&mut self, pairs: &[(String, String)]) {
        let widest = pairs
            .iter()
            .map(|(key, _)| self.typesetter.width(key, &BODY_BOLD))
            .fold(0.0, f32::max);
        let key_width = (widest + 12.0).min(CONTENT_WIDTH / 3.0);
        let value_width = CONTENT_WIDTH - key_width;
        for (key, value) in pairs {
            let keys = self.wrap(key, &BODY_BOLD, key_width - 12.0);
            if value.is_empty() {
                self.write_in_field(&keys, key_width);
                continue;
            }
            let values = self.wrap(value, &BODY, value_width);
            let lines = keys.len().max(values.len());
            self.need(BODY.height(lines.min(3)));
            for index in 0..lines {
                self.need(BODY.leading);
                let baseline = self.y - BODY.baseline_offset();
                if let Some(key) = keys.get(index) {
                    let run =
                        self.typesetter
                            .run(key, &BODY_BOLD, CONTENT_LEFT, baseline, Align::Left);
                    self.draw([run]);
                }
                if let Some(value) = values.get(index) {
                    let run = self.typesetter.run(
                        value,
                        &BODY,
                        CONTENT_LEFT + key_width,
                        baseline,
                        Align::Left,
                    );
                    self.draw([run]);
                }
                self.y -= BODY.leading;
            }
            self.gap(3.0);
        }
        self.gap(BLOCK_GAP - 3.0);
    }

    /// A label with a line beside it to write on, as high as a line of handwriting; the
    /// label's last line sits on the line.
    fn write_in_field(&mut self, keys: &[String], key_width: f32) {
        let height = BODY.height(keys.len().saturating_sub(1)) + WRITING_LINE_PITCH;
        self.need(height);
        let base = self.y - height;
        let lines_above = BODY.height(keys.len().saturating_sub(1));
        let label_top = base + 2.0 + BODY.baseline_offset() + lines_above;
        let runs = self
            .typesetter
            .lines(keys, &BODY_BOLD, CONTENT_LEFT, label_top, Align::Left);
        self.draw(runs);
        self.draw([Primitive::line(
            point(CONTENT_LEFT + key_width, base),
            point(CONTENT_RIGHT, base),
            Stroke::solid(Color::TEXT, 0.6),
        )]);
        self.y = base;
        self.gap(3.0);
    }

    fn table(&mut self, table: &Table) {
        let columns = table
            .rows
            .iter()
            .map(Vec::len)
            .chain([table.header.len()])
            .max()
            .unwrap_or(0);
        if columns == 0 {
            return;
        }
        let layout = TableLayout::new(table, columns, self.typesetter);
        let first_row = layout
            .rows
            .first()
            .map_or(0.0, |row| layout.row_height(row));
        self.need(layout.header_height + first_row.min(CONTENT_HEIGHT - layout.header_height));
        self.table_header(&layout);
        for row in &layout.rows {
            let height = layout.row_height(row);
            if height > self.room() + EPSILON {
                if height <= CONTENT_HEIGHT - layout.header_height {
                    self.new_page();
                    self.table_header(&layout);
                } else {
                    self.tall_row(&layout, row);
                    continue;
                }
            }
            let lines = row.iter().map(Vec::len).max().unwrap_or(0);
            self.table_row(&layout, row, 0, lines.max(1));
        }
        self.gap(BLOCK_GAP);
    }

    fn table_header(&mut self, layout: &TableLayout) {
        if layout.header.is_empty() {
            return;
        }
        let top = self.y;
        let height = layout.header_height;
        self.draw([Primitive::rect_from_top(
            CONTENT_LEFT,
            top,
            CONTENT_WIDTH,
            height,
            Some(Color::SHADE),
            None,
        )]);
        for (column, (lines, style)) in layout.header.iter().zip(&layout.header_styles).enumerate()
        {
            let (x, align) = layout.text_anchor(column);
            let runs = self
                .typesetter
                .lines(lines, style, x, top - CELL_PAD_Y, align);
            self.draw(runs);
        }
        self.y -= height;
        self.draw([Primitive::line(
            point(CONTENT_LEFT, self.y),
            point(CONTENT_RIGHT, self.y),
            Stroke::solid(Color::MUTED, 0.8),
        )]);
    }

    /// Lines `from..from + count` of every cell of `row`, with a rule under them.
    fn table_row(&mut self, layout: &TableLayout, row: &[Vec<String>], from: usize, count: usize) {
        let top = self.y;
        for (column, lines) in row.iter().enumerate() {
            let part: Vec<String> = lines.iter().skip(from).take(count).cloned().collect();
            let (x, align) = layout.text_anchor(column);
            let runs = self
                .typesetter
                .lines(&part, &TABLE_CELL, x, top - CELL_PAD_Y, align);
            self.draw(runs);
        }
        self.y -= TABLE_CELL.height(count) + 2.0 * CELL_PAD_Y;
        self.draw([Primitive::line(
            point(CONTENT_LEFT, self.y),
            point(CONTENT_RIGHT, self.y),
            Stroke::solid(Color::RULE, 0.5),
        )]);
    }

    /// A row taller than a page, split over pages at line boundaries.
    fn tall_row(&mut self, layout: &TableLayout, row: &[Vec<String>]) {
        let total = row.iter().map(Vec::len).max().unwrap_or(0);
        let mut done = 0;
        while done < total {
            let fits = ((self.room() - 2.0 * CELL_PAD_Y) / TABLE_CELL.leading + EPSILON).floor();
            if fits < 1.0 {
                self.new_page();
                self.table_header(layout);
                continue;
            }
            let count = (fits as usize).min(total - done);
            self.table_row(layout, row, done, count);
            done += count;
        }
    }

    /// A label, then empty lines to write on.
    fn write_lines(&mut self, label: &str, count: usize) {
        let lines = if label.is_empty() {
            Vec::new()
        } else {
            self.wrap(label, &BODY_BOLD, CONTENT_WIDTH)
        };
        // A question stays with the room for its answer, unless that room is most of a page.
        let whole = BODY_BOLD.height(lines.len()) + WRITING_LINE_PITCH * count as f32;
        let first = BODY_BOLD.height(lines.len()) + WRITING_LINE_PITCH;
        self.need(if whole <= CONTENT_HEIGHT / 2.0 {
            whole
        } else {
            first
        });
        self.text_lines(&lines, &BODY_BOLD, CONTENT_LEFT, |_, _| {});
        for _ in 0..count {
            self.need(WRITING_LINE_PITCH);
            self.y -= WRITING_LINE_PITCH;
            self.draw([Primitive::line(
                point(CONTENT_LEFT, self.y),
                point(CONTENT_RIGHT, self.y),
                Stroke::solid(Color::RULE, 0.6),
            )]);
        }
        self.gap(BLOCK_GAP + 4.0);
    }

    fn checkboxes(&mut self, items: &[String]) {
        let indent = TICK_BOX + 8.0;
        for item in items {
            let lines = self.wrap(item, &BODY, CONTENT_WIDTH - indent);
            let height = BODY.height(lines.len());
            self.need(height);
            let baseline = self.y - BODY.baseline_offset();
            self.draw([Primitive::Rect {
                x: CONTENT_LEFT,
                y: baseline - 1.5,
                width: TICK_BOX,
                height: TICK_BOX,
                fill: None,
                stroke: Some(Stroke::solid(Color::TEXT, 0.8)),
            }]);
            let runs =
                self.typesetter
                    .lines(&lines, &BODY, CONTENT_LEFT + indent, self.y, Align::Left);
            self.draw(runs);
            self.y -= height + 4.0;
        }
        self.gap(BLOCK_GAP - 4.0);
    }

    /// The label on the left; on the right a box per value, the value printed above it; the
    /// legend in small print under them.
    fn rating_boxes(&mut self, label: &str, values: &[String], legend: &str) {
        let pitch = values
            .iter()
            .map(|value| self.typesetter.width(value, &SMALL) + 8.0)
            .fold(RATING_BOX + 12.0, f32::max);
        let boxes_width = pitch * values.len() as f32;
        let label_width = (CONTENT_WIDTH - boxes_width - 12.0).max(CONTENT_WIDTH / 3.0);
        let lines = self.wrap(label, &BODY, label_width);
        let boxes_height = SMALL.leading + RATING_BOX;
        // The label's first line is centred on the boxes.
        let label_offset = SMALL.leading + (RATING_BOX - BODY.leading) / 2.0;
        let height = boxes_height.max(label_offset + BODY.height(lines.len()));
        let legend_lines = if legend.is_empty() {
            Vec::new()
        } else {
            self.wrap(legend, &SMALL, CONTENT_WIDTH)
        };
        let legend_height = if legend_lines.is_empty() {
            0.0
        } else {
            4.0 + SMALL.height(legend_lines.len())
        };
        self.need(height + legend_height);
        let top = self.y;
        let runs =
            self.typesetter
                .lines(&lines, &BODY, CONTENT_LEFT, top - label_offset, Align::Left);
        self.draw(runs);
        let first_centre = CONTENT_RIGHT - boxes_width + pitch / 2.0;
        for (index, value) in values.iter().enumerate() {
            let centre = first_centre + pitch * index as f32;
            let baseline = top - SMALL.baseline_offset();
            let run = self
                .typesetter
                .run(value, &SMALL, centre, baseline, Align::Center);
            self.draw([
                run,
                Primitive::rect_from_top(
                    centre - RATING_BOX / 2.0,
                    top - SMALL.leading,
                    RATING_BOX,
                    RATING_BOX,
                    None,
                    Some(Stroke::solid(Color::TEXT, 0.8)),
                ),
            ]);
        }
        self.y -= height;
        if !legend_lines.is_empty() {
            self.y -= 4.0;
            let runs =
                self.typesetter
                    .lines(&legend_lines, &SMALL, CONTENT_LEFT, self.y, Align::Left);
            self.draw(runs);
            self.y -= SMALL.height(legend_lines.len());
        }
        self.gap(BLOCK_GAP);
    }

    /// All pages, each with "n / N" at the foot and `note` (if any) above it.
    fn finish(mut self, note: &str) -> Vec<Page> {
        if !self.page.items.is_empty() || self.pages.is_empty() {
            self.new_page();
        }
        // A note too long for one line is shrunk rather than wrapped: the margin holds one.
        let mut note_style = FOOTER;
        let note_width = self.typesetter.width(note, &note_style);
        if note_width > CONTENT_WIDTH {
            note_style.size *= CONTENT_WIDTH / note_width;
        }
        let total = self.pages.len();
        for (index, page) in self.pages.iter_mut().enumerate() {
            let number = format!("{} / {total}", index + 1);
            page.items.push(self.typesetter.run(
                &number,
                &FOOTER,
                PAGE_WIDTH / 2.0,
                FOOTER_BASELINE,
                Align::Center,
            ));
            if !note.trim().is_empty() {
                page.items.push(self.typesetter.run(
                    note,
                    &note_style,
                    PAGE_WIDTH / 2.0,
                    FOOTER_NOTE_BASELINE,
                    Align::Center,
                ));
            }
        }
        self.pages
    }
}

/// A table's columns and its text, wrapped to them.
struct TableLayout {
    /// Left edge and width of each column.
    columns: Vec<(f32, f32)>,
    align_right: Vec<bool>,
    header: Vec<Vec<String>>,
    /// The style of each header cell: the header style, smaller where a word would not fit.
    header_styles: Vec<Style>,
    header_height: f32,
    /// Per row, per cell, the lines.
    rows: Vec<Vec<Vec<String>>>,
}

/// The smallest size a header is shrunk to so that its words stay whole.
const SMALLEST_HEADER_SIZE: f32 = 6.5;

impl TableLayout {
    fn new(table: &Table, count: usize, typesetter: Typesetter) -> TableLayout {
        let weights: Vec<f32> = (0..count)
            .map(|i| {
                table
                    .widths
                    .get(i)
                    .copied()
                    .filter(|w| *w > 0.0)
                    .unwrap_or(1.0)
            })
            .collect();
        let cell = |cells: &[String], i: usize| cells.get(i).map_or("", String::as_str).to_string();
        // Room for the longest word of each column, header and cells, so that no word is cut;
        // a cell word may claim at most half the table (a long address still breaks). When
        // that is more than the page is wide, the header words alone: a cell may break.
        let header_minimum: Vec<f32> = (0..count)
            .map(|i| {
                longest_word(typesetter, &cell(&table.header, i), &TABLE_HEADER) + 2.0 * CELL_PAD_X
            })
            .collect();
        let mut minimum: Vec<f32> = (0..count)
            .map(|i| {
                table
                    .rows
                    .iter()
                    .map(|row| longest_word(typesetter, &cell(row, i), &TABLE_CELL))
                    .fold(0.0, f32::max)
                    .min(CONTENT_WIDTH / 2.0)
                    + 2.0 * CELL_PAD_X
            })
            .zip(&header_minimum)
            .map(|(cells, header)| cells.max(*header))
            .collect();
        if minimum.iter().sum::<f32>() > CONTENT_WIDTH {
            minimum = header_minimum;
        }
        let mut x = CONTENT_LEFT;
        let columns: Vec<(f32, f32)> = fit_widths(&weights, &minimum, CONTENT_WIDTH)
            .into_iter()
            .map(|width| {
                let column = (x, width);
                x += width;
                column
            })
            .collect();
        // Where even that is not enough, the header shrinks until its longest word fits.
        let header_styles: Vec<Style> = columns
            .iter()
            .enumerate()
            .map(|(i, (_, width))| {
                let room = width - 2.0 * CELL_PAD_X;
                let word = longest_word(typesetter, &cell(&table.header, i), &TABLE_HEADER);
                let mut style = TABLE_HEADER;
                if word > room {
                    style.size = (style.size * room / word).max(SMALLEST_HEADER_SIZE);
                    style.leading = style.size * 1.3;
                }
                style
            })
            .collect();
        let header: Vec<Vec<String>> = if table.header.is_empty() {
            Vec::new()
        } else {
            columns
                .iter()
                .zip(&header_styles)
                .enumerate()
                .map(|(i, ((_, width), style))| {
                    typesetter.wrap(&cell(&table.header, i), style, width - 2.0 * CELL_PAD_X)
                })
                .collect()
        };
        let header_height = header
            .iter()
            .zip(&header_styles)
            .filter(|(lines, _)| lines.iter().any(|line| !line.is_empty()))
            .map(|(lines, style)| style.height(lines.len()))
            .fold(0.0, f32::max);
        let header_height = if header.is_empty() {
            0.0
        } else {
            header_height.max(TABLE_HEADER.leading) + 2.0 * CELL_PAD_Y
        };
        let rows = table
            .rows
            .iter()
            .map(|row| {
                columns
                    .iter()
                    .enumerate()
                    .map(|(i, (_, width))| {
                        typesetter.wrap(&cell(row, i), &TABLE_CELL, width - 2.0 * CELL_PAD_X)
                    })
                    .collect()
            })
            .collect();
        TableLayout {
            columns,
            align_right: table.align_right.clone(),
            header,
            header_styles,
            header_height,
            rows,
        }
    }

    fn row_height(&self, row: &[Vec<String>]) -> f32 {
        let lines = row.iter().map(Vec::len).max().unwrap_or(0).max(1);
        TABLE_CELL.height(lines) + 2.0 * CELL_PAD_Y
    }

    /// Where the text of `column` is aligned against.
    fn text_anchor(&self, column: usize) -> (f32, Align) {
        let (left, width) = self.columns[column];
        if self.align_right.get(column).copied().unwrap_or(false) {
            (left + width - CELL_PAD_X, Align::Right)
        } else {
            (left + CELL_PAD_X, Align::Left)
        }
    }
}

/// The width of the widest word of `text`.
fn longest_word(typesetter: Typesetter, text: &str, style: &Style) -> f32 {
    text.split_whitespace()
        .map(|word| typesetter.width(word, style))
        .fold(0.0, f32::max)
}

/// Column widths filling `total`: in proportion to `weights`, except that no column is
/// narrower than its `minimum`; the columns that are raised take their room from the others
/// in proportion. When the minimums alone are more than `total`, they are scaled down.
fn fit_widths(weights: &[f32], minimum: &[f32], total: f32) -> Vec<f32> {
    let needed: f32 = minimum.iter().sum();
    if needed >= total {
        return minimum.iter().map(|m| m * total / needed).collect();
    }
    let mut at_minimum = vec![false; weights.len()];
    loop {
        let fixed: f32 = (0..weights.len())
            .filter(|i| at_minimum[*i])
            .map(|i| minimum[i])
            .sum();
        let free_weight: f32 = (0..weights.len())
            .filter(|i| !at_minimum[*i])
            .map(|i| weights[i])
            .sum();
        let widths: Vec<f32> = (0..weights.len())
            .map(|i| {
                if at_minimum[i] {
                    minimum[i]
                } else {
                    (total - fixed) * weights[i] / free_weight
                }
            })
            .collect();
        let mut changed = false;
        for i in 0..weights.len() {
            if !at_minimum[i] && widths[i] < minimum[i] {
                at_minimum[i] = true;
                changed = true;
            }
        }
        // Each round fixes at least one more column, and they cannot all be fixed (the
        // minimums fit), so this ends.
        if !changed {
            return widths;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::pdf::document::RadarChart;

    fn fonts() -> Fonts {
        Fonts::load().unwrap()
    }

    fn page_texts(page: &Page) -> Vec<&str> {
        page.texts().map(|run| run.text.as_str()).collect()
    }

    fn document(blocks: Vec<Block>) -> Document {
        Document {
            blocks,
            ..Default::default()
        }
    }

    fn long_table(rows: usize) -> Table {
        Table {
            header: vec!["Competentie".into(), "Score".into(), "Streef".into()],
            rows: (1..=rows)
                .map(|i| vec![format!("Competentie {i}"), "3,50".into(), "4,00".into()])
                .collect(),
            widths: vec![4.0, 1.0, 1.0],
            align_right: vec![false, true, true],
        }
    }

    /// Every primitive of every page lies within the page's content area (the footer within
    /// the bottom margin).
    fn assert_inside_margins(pages: &[Page], fonts: &Fonts) {
        for (number, page) in pages.iter().enumerate() {
            for run in page.texts() {
                let right = run.x + fonts.width(&run.text, run.weight, run.size);
                assert!(
                    run.x >= CONTENT_LEFT - EPSILON && right <= CONTENT_RIGHT + EPSILON,
                    "page {number}: {:?} sideways",
                    run.text
                );
                let is_footer =
                    run.baseline == FOOTER_BASELINE || run.baseline == FOOTER_NOTE_BASELINE;
                assert!(
                    is_footer
                        || (run.baseline - run.size * 0.25 >= CONTENT_BOTTOM - EPSILON
                            && run.baseline + run.size * 0.8 <= CONTENT_TOP + EPSILON),
                    "page {number}: {:?} at {} outside the content area",
                    run.text,
                    run.baseline
                );
            }
        }
    }

    #[test]
    fn a_long_table_repeats_its_header_on_every_page() {
        let fonts = fonts();
        let pages = lay_out(&document(vec![Block::Table(long_table(120))]), &fonts);
        assert!(pages.len() >= 3, "{} pages", pages.len());
        for page in &pages {
            let texts = page_texts(page);
            assert_eq!(texts.iter().filter(|t| **t == "Competentie").count(), 1);
        }
        // Every row is there once, in order.
        let rows: Vec<&str> = pages
            .iter()
            .flat_map(page_texts)
            .filter(|t| t.starts_with("Competentie "))
            .collect();
        let expected: Vec<String> = (1..=120).map(|i| format!("Competentie {i}")).collect();
        assert_eq!(rows, expected);
        assert_inside_margins(&pages, &fonts);
    }

    #[test]
    fn rows_are_not_split_between_pages() {
        let fonts = fonts();
        let mut table = long_table(40);
        for row in &mut table.rows {
            row[0].push_str(" met een toelichting die over meerdere regels loopt en dus een hogere rij maakt dan de rest");
        }
        let pages = lay_out(&document(vec![Block::Table(table)]), &fonts);
        assert!(pages.len() >= 2);
        // The score of each row is on the same page as the first line of the row.
        for page in &pages {
            let texts = page_texts(page);
            let firsts = texts
                .iter()
                .filter(|t| t.starts_with("Competentie "))
                .count();
            let scores = texts.iter().filter(|t| **t == "3,50").count();
            assert_eq!(firsts, scores);
        }
        assert_inside_margins(&pages, &fonts);
    }

    #[test]
    fn a_row_taller_than_a_page_is_split_over_pages() {
        let fonts = fonts();
        let mut table = long_table(1);
        table.rows[0][0] = "lange tekst ".repeat(900);
        let pages = lay_out(&document(vec![Block::Table(table)]), &fonts);
        assert!(pages.len() >= 2);
        assert_inside_margins(&pages, &fonts);
        for page in &pages {
            assert!(page_texts(page).contains(&"Competentie"), "header repeated");
        }
    }

    #[test]
    fn pages_are_numbered_n_of_total() {
        let fonts = fonts();
        let blocks = vec![
            Block::Paragraph("Een".into()),
            Block::PageBreak,
            Block::PageBreak,
            Block::Paragraph("Twee".into()),
            Block::PageBreak,
            Block::Paragraph("Drie".into()),
            Block::PageBreak,
        ];
        let pages = lay_out(&document(blocks), &fonts);
        assert_eq!(
            pages.len(),
            3,
            "a page break on an empty page or at the end adds no page"
        );
        for (index, page) in pages.iter().enumerate() {
            assert!(page_texts(page).contains(&format!("{} / 3", index + 1).as_str()));
        }
        assert_eq!(lay_out(&document(Vec::new()), &fonts).len(), 1);
    }

    #[test]
    fn long_paragraphs_flow_on_and_stay_inside_the_margins() {
        let fonts = fonts();
        let text = "Zij reflecteert op haar rol en vraagt feedback aan collega’s. ".repeat(400);
        let blocks = vec![
            Block::Title {
                title: "Persoonlijk rapport".into(),
                lines: vec!["Sanne de Vries · 23 november 2026".into()],
            },
            Block::Heading(1, "Toelichting".into()),
            Block::Paragraph(text),
            Block::Bullets(vec!["één".into(), "twee ".repeat(80)]),
            Block::KeyValues(vec![("Naam".into(), "Sanne".into())]),
            Block::Checkboxes(vec!["Ik heb dit besproken".into(); 30]),
            Block::WriteLines {
                label: "Notities".into(),
                lines: 40,
            },
            Block::RatingBoxes {
                label: "Hoe ging het gesprek?".into(),
                values: (1..=5).map(|i| i.to_string()).collect(),
                legend: "1 slecht · 5 goed".into(),
            },
            Block::Spacer(400.0),
            Block::RadarChart(RadarChart {
                labels: vec!["a".into(), "b".into(), "c".into()],
                values: vec![Some(1.0), Some(2.0), Some(3.0)],
                targets: vec![],
                min: 1.0,
                max: 5.0,
                value_legend: String::new(),
                target_legend: String::new(),
                previous: vec![],
                previous_legend: String::new(),
            }),
        ];
        let pages = lay_out(&document(blocks), &fonts);
        assert!(pages.len() >= 5);
        assert_inside_margins(&pages, &fonts);
    }

    #[test]
    fn columns_are_widened_to_their_longest_word_at_the_cost_of_the_others() {
        // Shares 60/20/20 of 100, but the last column needs 30: it gets 30, the others
        // share 70 as 3 to 1.
        let widths = fit_widths(&[3.0, 1.0, 1.0], &[10.0, 10.0, 30.0], 100.0);
        let expected = [52.5, 17.5, 30.0];
        for (width, expected) in widths.iter().zip(expected) {
            assert!((width - expected).abs() < 1e-3, "{widths:?}");
        }
        // Nothing to widen: the shares as asked.
        assert_eq!(fit_widths(&[1.0, 1.0], &[5.0, 5.0], 100.0), [50.0, 50.0]);
        // Minimums beyond the width: scaled down together.
        assert_eq!(
            fit_widths(&[1.0, 1.0], &[100.0, 300.0], 200.0),
            [50.0, 150.0]
        );
    }

    #[test]
    fn table_headers_keep_their_words_whole() {
        let fonts = fonts();
        let typesetter = Typesetter::new(&fonts);
        let header: Vec<String> = ["competentie", "n", "gem.", "med.", "sd", "min–max"]
            .into_iter()
            .chain([
                "verdeling 1/2/3/4/5",
                "doel",
                "< doel",
                "verschil",
                "uitzonderlijk",
            ])
            .map(String::from)
            .collect();
        let table = Table {
            rows: vec![vec!["Aanpassingsvermogen".into(); header.len()]],
            widths: vec![2.4, 0.5, 0.7, 0.7, 0.7, 1.5, 1.8, 0.7, 0.8, 0.5, 0.3],
            align_right: vec![],
            header: header.clone(),
        };
        let layout = TableLayout::new(&table, header.len(), typesetter);
        for (cell, lines) in header.iter().zip(&layout.header) {
            let words: Vec<&str> = lines.iter().flat_map(|l| l.split(' ')).collect();
            assert_eq!(words, cell.split(' ').collect::<Vec<_>>(), "{lines:?}");
        }
        let total: f32 = layout.columns.iter().map(|(_, width)| width).sum();
        assert!((total - CONTENT_WIDTH).abs() < 0.01);
    }

    #[test]
    fn a_footer_note_is_on_every_page_and_headings_become_bookmarks() {
        let fonts = fonts();
        let blocks = vec![
            Block::Title {
                title: "Rapport".into(),
                lines: vec![],
            },
            Block::Heading(2, "Een".into()),
            Block::PageBreak,
            Block::Heading(1, "Twee".into()),
        ];
        let document = Document {
            footer: "Vertrouwelijk".into(),
            ..document(blocks)
        };
        let pages = lay_out(&document, &fonts);
        assert_eq!(pages.len(), 2);
        for page in &pages {
            assert!(page_texts(page).contains(&"Vertrouwelijk"));
        }
        let levels: Vec<(u8, &str)> = pages
            .iter()
            .flat_map(|page| &page.bookmarks)
            .map(|b| (b.level, b.title.as_str()))
            .collect();
        assert_eq!(levels, [(1, "Rapport"), (2, "Een"), (1, "Twee")]);
        assert_eq!(pages[1].bookmarks.len(), 1);
        assert_inside_margins(&pages, &fonts);
    }

    #[test]
    fn blocks_kept_together_move_to_the_next_page_whole() {
        let fonts = fonts();
        let group = |count: usize| {
            vec![
                Block::KeepTogether(2),
                Block::Checkboxes(vec!["Vak".into(); count]),
                Block::WriteLines {
                    label: "Motivering".into(),
                    lines: 4,
                },
            ]
        };
        // Half a page left: a group of a third of a page stays, one of two thirds moves.
        for (count, pages_expected, checks_on_first) in [(10, 1, 10), (35, 2, 0)] {
            let mut blocks = vec![Block::Spacer(CONTENT_HEIGHT / 2.0 / mm(1.0))];
            blocks.extend(group(count));
            let pages = lay_out(&document(blocks), &fonts);
            assert_eq!(pages.len(), pages_expected, "{count} boxes");
            let on_first = page_texts(&pages[0])
                .iter()
                .filter(|t| **t == "Vak")
                .count();
            assert_eq!(on_first, checks_on_first, "{count} boxes");
        }
        // A group taller than a page is not moved: it flows on from where it is.
        let mut blocks = vec![Block::Paragraph("Begin".into())];
        blocks.extend(group(120));
        let pages = lay_out(&document(blocks), &fonts);
        assert!(page_texts(&pages[0]).contains(&"Vak"));
    }

    #[test]
    fn a_running_head_tops_every_further_page_but_not_the_first() {
        let fonts = fonts();
        let blocks = vec![
            Block::Paragraph("Inleiding".into()),
            Block::PageBreak,
            Block::RunningHead("1. Coachen (vervolg)".into()),
            Block::Heading(2, "1. Coachen".into()),
            Block::Checkboxes(vec!["Vak".into(); 120]),
            Block::RunningHead(String::new()),
            Block::PageBreak,
            Block::Paragraph("Advies".into()),
        ];
        let pages = lay_out(&document(blocks), &fonts);
        assert!(pages.len() >= 4, "{} pages", pages.len());
        let first_texts: Vec<&str> = pages.iter().map(|page| page_texts(page)[0]).collect();
        assert_eq!(first_texts[0], "Inleiding");
        assert_eq!(first_texts[1], "1. Coachen");
        for text in &first_texts[2..pages.len() - 1] {
            assert_eq!(*text, "1. Coachen (vervolg)");
        }
        assert_eq!(first_texts[pages.len() - 1], "Advies");
        assert_inside_margins(&pages, &fonts);
    }

    #[test]
    fn a_heading_is_not_left_alone_at_the_foot_of_a_page() {
        let fonts = fonts();
        // Fill the page to just above its foot, then a heading and a paragraph.
        let blocks = vec![
            Block::Spacer((CONTENT_HEIGHT - BODY.leading * 1.5) / mm(1.0)),
            Block::Heading(2, "Ontwikkelpunten".into()),
            Block::Paragraph("Tekst onder de kop.".into()),
        ];
        let pages = lay_out(&document(blocks), &fonts);
        assert_eq!(pages.len(), 2);
        assert!(page_texts(&pages[1]).contains(&"Ontwikkelpunten"));
    }
}
